"""Response headers (#10): a strict, nonce-based Content-Security-Policy on the
public site, a looser one inside the admin, and the other protective headers;
the deploy check passes with the production settings."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from news.models import ArticlePage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_get_a_strict_policy_with_a_fresh_nonce(client):
    article = ArticlePage.objects.live().first()
    first = client.get(article.url)
    second = client.get(article.url)
    assert first.status_code == 200
    policy = directives(first["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert "'self'" in policy["script-src"]  # our own static JS files keep working
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert "https://www.youtube.com" in policy["frame-src"]
    nonce = [value for value in policy["script-src"] if value.startswith("'nonce-")]
    other = [value for value in directives(second["Content-Security-Policy"])["script-src"] if "nonce" in value]
    if nonce:  # a nonce appears only when a template used one, and is new on every response
        assert nonce != other


def test_a_template_that_uses_the_nonce_gets_it_into_the_header(rf):
    from django.http import HttpResponse
    from django.template import engines

    from accounts.middleware import PortalCSPMiddleware

    template = engines["django"].from_string('<script nonce="{{ request.csp_nonce }}">var a = 1;</script>')

    def view(request):
        return HttpResponse(template.render({}, request))

    request = rf.get("/")
    response = PortalCSPMiddleware(view)(request)
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in directives(response["Content-Security-Policy"])["script-src"]


def test_the_admin_gets_its_looser_policy_but_no_outside_framing(client):
    client.force_login(get_user_model().objects.get(username="bientap"))
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]


def test_protective_headers_on_every_response(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_hsts_over_https_with_the_production_values(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_deploy_check_passes_with_the_production_settings(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "ci-" + "k3y-" * 16,
        "DJANGO_ALLOWED_HOSTS": "portal.example.vn",
        "VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_requires_two_step_login_by_default(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "OTP_REQUIRED"},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "ci-" + "k3y-" * 16,
        "VAR_DIR": str(tmp_path),
    }
    code = "from django.conf import settings; print(settings.OTP_REQUIRED, settings.SESSION_COOKIE_SECURE)"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == ["True", "True"], result.stderr
