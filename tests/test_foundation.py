"""The skeleton: page tree shape, demo loader, site shell, settings from the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.test.utils import WagtailPageTestCase

from editorial import roles
from home.demo import DEMO_PASSWORD, DEMO_USERS
from home.models import HomePage
from news.models import ArticlePage, InternalNoticeIndexPage, SectionPage

ROOT = Path(__file__).resolve().parent.parent
SIX_SECTIONS = [
    "Hoạt động cấp ủy",
    "Xây dựng Đảng",
    "Thời sự",
    "Nhân sự mới",
    "Hỏi - Đáp công tác Đảng",
    "Phóng sự ảnh",
]


class TreeShapeTests(WagtailPageTestCase):
    def test_home_page_sits_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_sections_nest_under_home_or_another_section(self):
        self.assertAllowedParentPageTypes(SectionPage, {HomePage, SectionPage})

    def test_articles_live_only_in_sections(self):
        # ...or in the members-only internal notices page (news capability).
        self.assertAllowedParentPageTypes(ArticlePage, {SectionPage, InternalNoticeIndexPage})
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertAllowedSubpageTypes(ArticlePage, set())


def _counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "log": PageLogEntry.objects.count(),
    }


class _Null:
    def write(self, *a, **k):
        pass


@pytest.mark.django_db
def test_demo_has_six_sections_and_forty_articles_over_ninety_days(home_page):
    sections = SectionPage.objects.child_of(home_page).live()
    assert [s.title for s in sections] == SIX_SECTIONS
    articles = ArticlePage.objects.live()
    assert articles.count() >= 40
    dates = sorted(a.display_date for a in articles)
    assert (dates[-1] - dates[0]).days >= 80
    assert all(a.cover_image_id for a in articles)


@pytest.mark.django_db
def test_load_demo_twice_duplicates_nothing():
    before = _counts()
    call_command("load_demo", stdout=_Null())
    assert _counts() == before


@pytest.mark.django_db
def test_demo_users_each_in_their_group_and_can_log_in_to_admin(client):
    expected = {
        "congtacvien": roles.CONTRIBUTORS,
        "thuky": roles.SECRETARIAT,
        "bientap": roles.EDITORIAL_BOARD,
        "dieuhanh": roles.STEERING_BOARD,
        "dangvien": roles.PARTY_MEMBERS,
    }
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    for username, group in expected.items():
        names = list(User.objects.get(username=username).groups.values_list("name", flat=True))
        # Besides their role, a contributor holds the groups of their sections.
        assert group in names and all(n == group or n.startswith(roles.SECTION_GROUP_PREFIX) for n in names)
    for username, *_ in DEMO_USERS:
        client.logout()
        response = client.post("/admin/login/", {"username": username, "password": DEMO_PASSWORD})
        assert response.status_code == 302, username
        dashboard = client.get("/admin/")
        if username == "dangvien":
            # Party members read internal notices; they have no admin.
            assert dashboard.status_code == 302
        else:
            assert dashboard.status_code == 200, username


@pytest.mark.django_db
def test_groups_come_from_migrations_without_demo_users():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL_GROUPS)


@pytest.mark.django_db
def test_home_page_menu_lists_the_six_sections_in_order(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    nav = html[html.index('class="main-nav"') : html.index("</nav>", html.index('class="main-nav"'))]
    positions = [nav.index(f">{title}</a>") for title in SIX_SECTIONS]
    assert positions == sorted(positions)
    assert '<html lang="vi">' in html


@pytest.mark.django_db
def test_site_shell_has_search_box_breadcrumbs_and_footer(client):
    article = ArticlePage.objects.live().first()
    html = client.get(article.url).content.decode()
    assert 'role="search"' in html and 'name="q"' in html
    assert 'aria-label="Đường dẫn"' in html and article.get_parent().title in html
    assert "Địa chỉ:" in html and "Điện thoại:" in html


def _settings_in_subprocess(env, module="config.settings.base", expr=None):
    code = (
        "import json, os, django; from django.conf import settings; django.setup();"
        "print(json.dumps({'db': settings.DATABASES['default']['ENGINE'],"
        "'name': str(settings.DATABASES['default']['NAME']),"
        "'cache': settings.CACHES['default']['BACKEND'], 'session': settings.SESSION_ENGINE,"
        "'search': settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'], 'hosts': settings.ALLOWED_HOSTS,"
        "'media': str(settings.MEDIA_ROOT), 'email': settings.EMAIL_BACKEND, 'lang': settings.LANGUAGE_CODE,"
        "'tz': settings.TIME_ZONE, 'primary': settings.PRIMARY_HOST}))"
    )
    full_env = {k: v for k, v in os.environ.items() if k not in _PORTAL_VARS}
    full_env.update(env, DJANGO_SETTINGS_MODULE=module)
    result = subprocess.run([sys.executable, "-c", code], env=full_env, cwd=ROOT, capture_output=True, text=True)
    return result


_PORTAL_VARS = {
    "DATABASE_URL",
    "REDIS_URL",
    "ELASTICSEARCH_URL",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "PRIMARY_HOST",
    "MEDIA_ROOT",
    "EMAIL_URL",
}


def test_settings_have_safe_embedded_defaults():
    result = _settings_in_subprocess({})
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["db"] == "django.db.backends.sqlite3" and values["name"].endswith("var/portal.sqlite3")
    assert values["cache"].endswith("LocMemCache")
    assert values["search"] == "wagtail.search.backends.database"
    assert values["lang"] == "vi" and values["tz"] == "Asia/Ho_Chi_Minh"


def test_settings_are_read_from_the_environment(tmp_path):
    result = _settings_in_subprocess(
        {
            "DATABASE_URL": "postgres://u:p@db.example:5432/portal",
            "REDIS_URL": "redis://cache.example:6379/1",
            "ELASTICSEARCH_URL": "http://search.example:9200",
            "DJANGO_ALLOWED_HOSTS": "portal.example,www.portal.example",
            "PRIMARY_HOST": "portal.example",
            "MEDIA_ROOT": str(tmp_path),
            "EMAIL_URL": "smtp://mail.example:25",
        }
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["db"] == "django.db.backends.postgresql" and values["name"] == "portal"
    assert values["cache"].endswith("RedisCache") and values["session"].endswith("cached_db")
    assert values["search"] == "wagtail.search.backends.elasticsearch9"
    assert values["hosts"] == ["portal.example", "www.portal.example"]
    assert values["media"] == str(tmp_path)
    assert values["email"].endswith("smtp.EmailBackend")
    assert values["primary"] == "portal.example"


def test_production_refuses_to_start_without_a_secret_key():
    result = _settings_in_subprocess({}, module="config.settings.production")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
    ok = _settings_in_subprocess({"DJANGO_SECRET_KEY": "x" * 60}, module="config.settings.production")
    assert ok.returncode == 0, ok.stderr
