"""Failing parts (#10): the database, Redis and the mail server each go away
for real (a closed port, a terminated connection) and the portal answers
sensibly, then recovers without a restart."""

import logging
import os

import psycopg2
import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client

from news.models import ArticlePage
from qa.models import Question
from tests.qa_support import ask_url, question_data

CLOSED_PORT = 9  # discard: nothing listens there on this machine
ON_POSTGRES = connection.vendor == "postgresql"


@pytest.fixture
def portal_logs(monkeypatch, caplog):
    monkeypatch.setattr(logging.getLogger("portal"), "propagate", True)
    caplog.set_level(logging.INFO)
    return caplog


def _reader():
    return Client(raise_request_exception=False)


def _assert_static_503(response):
    assert response.status_code == 503
    body = response.content.decode()
    assert "Cổng thông tin tạm thời gián đoạn" in body and 'lang="vi"' in body
    assert response["Retry-After"].isdigit()


# --- Database ------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_database_unreachable_gives_a_vietnamese_503_and_the_next_request_after_it_returns_is_served(
    demo_content, portal_logs
):
    article_url = ArticlePage.objects.live().first().url
    reader = _reader()
    assert reader.get(article_url).status_code == 200
    original = dict(connection.settings_dict)
    connection.close()
    try:
        if ON_POSTGRES:
            connection.settings_dict["PORT"] = str(CLOSED_PORT)
        else:
            connection.settings_dict["NAME"] = "/nonexistent-directory/portal.sqlite3"
        _assert_static_503(reader.get(article_url))
        _assert_static_503(reader.get("/"))
        # Even with a session cookie (the session middleware fails first).
        reader.cookies["sessionid"] = "x" * 32
        _assert_static_503(reader.get("/"))
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)
    assert any("database unavailable" in r.getMessage() for r in portal_logs.records)
    # Back: the same process serves again, nothing restarted.
    assert reader.get(article_url).status_code == 200


@pytest.mark.skipif(not ON_POSTGRES, reason="pg_terminate_backend exists on PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_a_connection_killed_by_the_server_gives_503_once_then_reconnects(demo_content, settings):
    article_url = ArticlePage.objects.live().first().url
    reader = _reader()
    assert reader.get(article_url).status_code == 200
    backend_pid = connection.connection.info.backend_pid  # the persistent connection the views use
    params = connection.get_connection_params()
    admin = psycopg2.connect(**{**params, "dbname": params.get("dbname") or params.get("database")})
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [backend_pid])
    admin.close()
    _assert_static_503(reader.get(article_url))
    assert reader.get(article_url).status_code == 200


# --- Redis ---------------------------------------------------------------------------


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "resilience.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    from resilience import cache as resilient

    resilient.ResilientRedisCache._last_logged = 0.0
    return settings


@pytest.mark.django_db
def test_redis_unreachable_pages_sessions_and_submissions_still_work(client, redis_down, portal_logs):
    from django.contrib.auth import get_user_model

    assert client.get("/").status_code == 200
    assert client.get(ArticlePage.objects.live().first().url).status_code == 200
    assert client.get("/search/", {"q": "đảng"}).status_code == 200
    # The rate limit counts in Redis: while it is away, readers are let through.
    response = client.post(ask_url(), question_data(title="Câu hỏi gửi khi Redis ngừng hoạt động"))
    assert response.status_code == 302
    assert Question.objects.filter(title="Câu hỏi gửi khi Redis ngừng hoạt động").exists()
    # Editors can still log in: sessions fall back to their database copy.
    client.force_login(get_user_model().objects.get(username="bientap"))
    assert client.get("/admin/").status_code == 200
    warnings = [r for r in portal_logs.records if "Redis unavailable" in r.getMessage()]
    assert len(warnings) == 1  # logged, but not once per call


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a running Redis (REDIS_URL)")
def test_the_resilient_cache_is_a_real_cache_when_redis_is_up(settings):
    settings.CACHES = {
        "default": {"BACKEND": "resilience.cache.ResilientRedisCache", "LOCATION": os.environ["REDIS_URL"]}
    }
    cache = caches["default"]
    cache.set("resilience-probe", {"ok": 1}, 30)
    assert cache.get("resilience-probe") == {"ok": 1}
    assert cache.add("resilience-counter", 0) is True and cache.incr("resilience-counter") == 1
    cache.delete_many(["resilience-probe", "resilience-counter"])


# --- Mail ----------------------------------------------------------------------------


@pytest.fixture
def smtp_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", CLOSED_PORT, 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    return settings


@pytest.mark.django_db
def test_mail_server_down_a_question_is_still_stored_and_the_failure_logged(
    client, smtp_down, portal_logs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ask_url(), question_data(title="Câu hỏi gửi khi máy chủ thư hỏng"))
    assert response.status_code == 302
    assert Question.objects.filter(title="Câu hỏi gửi khi máy chủ thư hỏng").exists()
    assert any("could not send" in r.getMessage() for r in portal_logs.records if r.name == "portal.qa")


@pytest.mark.django_db
def test_mail_server_down_publishing_an_answer_succeeds_and_the_mail_can_be_sent_later(
    smtp_down, portal_logs, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from qa import notifications
    from tests.qa_support import qa_page

    question = Question.objects.create(
        page=qa_page(),
        name="Bạn đọc",
        email="ban.doc@example.vn",
        locality="Xã A",
        topic="dues",
        title="Câu hỏi chờ thư báo đã trả lời",
        body="Nội dung câu hỏi đủ dài để lưu.",
        submitted_at=timezone.now(),
        consent_at=timezone.now(),
        status=Question.Status.PUBLISHED,
        answer="<p>Trả lời.</p>",
        answerer_name="Ban Tổ chức",
        published_at=timezone.now(),
    )
    notifications.question_published(question.pk)
    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED and question.asker_notified_at is None
    assert any("could not send" in r.getMessage() for r in portal_logs.records)
    # The server is back: the same call sends it and marks it sent.
    smtp_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    notifications.question_published(question.pk)
    question.refresh_from_db()
    assert question.asker_notified_at is not None
