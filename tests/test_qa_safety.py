"""What protects readers and the board: rate limits (Redis or the database),
readers' text shown as text everywhere, and no e-mail or phone in public."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from news.models import ArticlePage
from qa.antispam import uses_redis
from qa.models import Comment, Counter, Feedback, Question
from tests.qa_support import (
    EMAIL,
    PHONE,
    ask_url,
    board_client,
    comment_data,
    feedback_data,
    lookup_url,
    open_consultation,
    qa_page,
    question_data,
)

__all__ = ["board_client"]

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/3"
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "qa-tests"}}
REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
TIGHT = {"question": (2, 3600), "lookup": (2, 3600), "comment": (2, 3600), "feedback": (2, 3600)}


def redis_reachable():
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
        return True
    except Exception:
        return False


def _third_post_is_refused(client):
    before = Question.objects.count()
    assert client.post(ask_url(), question_data(title="Câu hỏi thứ nhất về đảng phí")).status_code == 302
    assert client.post(ask_url(), question_data(title="Câu hỏi thứ hai về đảng phí")).status_code == 302
    refused = client.post(ask_url(), question_data(title="Câu hỏi thứ ba về đảng phí"))
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    html = refused.content.decode()
    assert "Bạn đã gửi quá nhiều lần" in html and "Vui lòng thử lại sau khoảng" in html
    assert question_data()["body"] in html  # the reader's text, to copy
    assert Question.objects.count() == before + 2
    # Another reader, another address: not affected.
    other = client.post(ask_url(), question_data(title="Câu hỏi của người khác"), REMOTE_ADDR="10.0.0.7")
    assert other.status_code == 302


@override_settings(CACHES=LOCMEM, QA_RATE_LIMITS=TIGHT)
def test_rate_limit_answers_429_using_the_database_without_redis(client):
    assert not uses_redis()
    _third_post_is_refused(client)
    keys = list(Counter.objects.filter(key__startswith="qa-rl:question:").values_list("key", flat=True))
    assert keys and all("127.0.0.1" not in key for key in keys)  # addresses are hashed


@pytest.mark.skipif(not redis_reachable(), reason=f"Redis is not reachable at {REDIS_URL}")
@override_settings(CACHES=REDIS, QA_RATE_LIMITS=TIGHT)
def test_rate_limit_answers_429_using_redis(client):
    caches["default"].clear()
    try:
        assert uses_redis()
        _third_post_is_refused(client)
        assert not Counter.objects.filter(key__startswith="qa-rl:").exists()
    finally:
        caches["default"].clear()


@override_settings(CACHES=LOCMEM, QA_RATE_LIMITS=TIGHT)
def test_every_reader_form_is_rate_limited(client):
    article = ArticlePage.objects.live().first()
    consultation = open_consultation()
    for url, data in (
        (f"/y-kien/{article.pk}/", comment_data()),
        (consultation.url, feedback_data()),
        (lookup_url(), {"code": "HD-2026-000001", "email": EMAIL}),
    ):
        codes = [client.post(url, data).status_code for _ in range(3)]
        assert codes[2] == 429, url


PAYLOAD = '<script>alert("xss")</script><img src=x onerror=alert(1)>'


def test_html_and_script_are_shown_as_text_in_public_pages_and_the_admin(client, board_client):
    question = Question.objects.create(
        title=f"Tiêu đề {PAYLOAD}",
        name=f"Tên {PAYLOAD}",
        email=EMAIL,
        locality=PAYLOAD,
        body=f"Nội dung {PAYLOAD}",
        status=Question.Status.PUBLISHED,
        answer="<p>Trả lời.</p>",
        answerer_name="Ban Tổ chức",
        asker_notified_at="2026-01-01T00:00:00Z",
    )
    article = ArticlePage.objects.live().first()
    comment = Comment.objects.create(
        article=article, name=f"Tên {PAYLOAD}", email=EMAIL, body=f"Ý kiến {PAYLOAD}", status="approved"
    )
    consultation = open_consultation()
    feedback = Feedback.objects.create(
        consultation=consultation,
        consultation_title=consultation.title,
        name=PAYLOAD,
        unit=PAYLOAD,
        email=EMAIL,
        content=PAYLOAD,
    )
    escaped = "&lt;script&gt;alert("
    pages = {
        "Q&A listing": client.get(qa_page().url),
        "question page": client.get(question.get_url()),
        "Q&A search": client.get(qa_page().url, {"q": "Tiêu đề"}),
        "article": client.get(article.url),
        "invalid form echo": client.post(ask_url(), question_data(body=PAYLOAD, consent=None)),
        "admin question list": board_client.get("/admin/snippets/qa/question/"),
        "admin question edit": board_client.get(f"/admin/snippets/qa/question/edit/{question.pk}/"),
        "admin question inspect": board_client.get(f"/admin/snippets/qa/question/inspect/{question.pk}/"),
        "admin comment list": board_client.get("/admin/snippets/qa/comment/"),
        "admin comment edit": board_client.get(f"/admin/snippets/qa/comment/edit/{comment.pk}/"),
        "admin feedback list": board_client.get("/admin/snippets/qa/feedback/"),
        "admin feedback inspect": board_client.get(f"/admin/snippets/qa/feedback/inspect/{feedback.pk}/"),
        "admin bulk confirm": board_client.get(f"/admin/bulk/qa/comment/approve/?id={comment.pk}"),
    }
    for label, response in pages.items():
        html = response.content.decode()
        assert response.status_code in (200, 400), label
        assert "alert(" in html, label  # the payload is there…
        assert '<script>alert("xss")' not in html and "<img src=x onerror" not in html, label  # …never as markup
        assert escaped in html or "&lt;script&gt;" in html or "\\u003Cscript\\u003E" in html, label


def test_no_email_or_phone_on_any_public_page(client):
    client.post(ask_url(), question_data())
    question = Question.objects.get(email=EMAIL)
    question.status = Question.Status.PUBLISHED
    question.answer = "<p>Trả lời công khai.</p>"
    question.answerer_name = "Ban Tổ chức"
    question.save()
    article = ArticlePage.objects.live().first()
    Comment.objects.create(article=article, name="Người bình luận", email=EMAIL, body="Ý kiến.", status="approved")
    consultation = open_consultation()
    client.post(consultation.url, feedback_data())
    assert Feedback.objects.filter(email=EMAIL).exists()

    page = qa_page()
    urls = [
        "/",
        page.url,
        page.url + "?q=đảng+phí",
        question.get_url(),
        ask_url(),
        lookup_url(),
        article.url,
        article.get_parent().url,
        consultation.url,
        "/search/?q=đảng+phí",
        "/sitemap.xml",
    ]
    digits = PHONE.replace(" ", "")
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert EMAIL not in html and PHONE not in html and digits not in html, url
    # The asker's own lookup shows status, not their contact details.
    html = client.post(lookup_url(), {"code": question.code, "email": EMAIL}).content.decode()
    assert PHONE not in html and question.title in html


def test_a_form_sent_without_its_csrf_token_is_refused_in_vietnamese():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    before = Question.objects.count()
    response = client.post(ask_url(), question_data())
    assert response.status_code == 403
    assert "Không gửi được biểu mẫu" in response.content.decode()
    assert Question.objects.count() == before
