"""Reader forms on shared pages (#13): an anonymous reader's article, question
and consultation pages carry no CSRF token and no one-time form token, so
every reader gets the same bytes and a shared cache may keep them; the form
fetches both from the tokens endpoint (as qa/static/qa/form-tokens.js does),
and posts with CSRF checks enforced. Logged-in users, forms shown again after
an error and the no-JavaScript link get the tokens in the page, as before.

The page cache's side (public Cache-Control, byte-identical hits) is in
tests/test_pagecache.py; the browser journey in tests/browser/."""

import json
import re

import pytest
from django.test import Client

from news.models import ArticlePage
from qa.models import Comment, Feedback, Question
from tests.qa_support import ask_url, comment_data, feedback_data, open_consultation, question_data, user

pytestmark = pytest.mark.django_db

ALREADY = "Biểu mẫu này đã được gửi"


@pytest.fixture(autouse=True)
def no_waiting(settings):
    # The tests post as soon as they have the tokens; one test puts it back.
    settings.QA_MIN_SUBMIT_SECONDS = 0
    return settings


@pytest.fixture
def article():
    return first_article()


def reader():
    return Client(enforce_csrf_checks=True)


def value(html, name):
    """The value of the hidden input ``name`` in the page ("" when empty)."""
    match = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)"', html)
    assert match, f"no hidden input {name!r} in the page"
    return match.group(1)


def tokens_url(html):
    return re.search(r'data-tokens-url="([^"]+)"', html).group(1)


def fetch_tokens(client, html):
    """What the script does on the first focus in the form."""
    response = client.get(tokens_url(html), HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return json.loads(response.content)


# Each reader form on a shared page: where it is, its kind, what a reader
# sends, where the no-JavaScript link goes and what a stored item looks like.
def first_article():
    return ArticlePage.objects.live().filter(locale__language_code="vi").order_by("pk").first()


FORMS = {
    "comment": {
        "page": lambda: first_article().url,
        "action": lambda: f"/y-kien/{first_article().pk}/",
        "data": lambda name: comment_data(body=f"Ý kiến của {name} về bài viết."),
        "no_script": "?gui-y-kien=1#y-kien-ban-doc",
        "stored": lambda name: Comment.objects.filter(body=f"Ý kiến của {name} về bài viết.").count(),
    },
    "question": {
        "page": ask_url,
        "action": ask_url,
        "data": lambda name: question_data(title=f"Câu hỏi của {name} về sinh hoạt chi bộ"),
        "no_script": "?gui-cau-hoi=1",
        "stored": lambda name: Question.objects.filter(title=f"Câu hỏi của {name} về sinh hoạt chi bộ").count(),
    },
    "feedback": {
        "page": lambda: open_consultation().url,
        "action": lambda: open_consultation().url,
        "data": lambda name: feedback_data(content=f"Góp ý của {name} cho dự thảo."),
        "no_script": "?gui-gop-y=1#gop-y",
        "stored": lambda name: Feedback.objects.filter(content=f"Góp ý của {name} cho dự thảo.").count(),
    },
}


@pytest.mark.parametrize("kind", FORMS)
def test_an_anonymous_readers_page_carries_no_token_and_sets_no_cookie(kind):
    form = FORMS[kind]
    client = reader()
    response = client.get(form["page"]())
    html = response.content.decode()
    assert response.status_code == 200
    assert value(html, "csrfmiddlewaretoken") == "" and value(html, "started") == ""
    assert "csrftoken" not in response.cookies and "Set-Cookie" not in str(response.cookies)
    assert tokens_url(html) == f"/y-kien/ma-bieu-mau/{kind}/"
    assert re.search(r'<script src="[^"]*qa/form-tokens\.js" defer></script>', html)
    # The message the script shows when the tokens cannot be fetched, and the
    # place it goes, are in the form.
    assert 'data-tokens-error="Chưa kết nối được để gửi biểu mẫu.' in html
    assert 'data-tokens-status role="alert"' in html
    # Readers without JavaScript get a link to the page with the tokens in it.
    noscript = re.search(r"<noscript>(.*?)</noscript>", html, re.S).group(1)
    assert "Trình duyệt của bạn đang tắt JavaScript" in noscript
    assert f'href="{form["page"]().split("?")[0]}{form["no_script"]}"' in noscript
    # Two readers get the same form, byte for byte.
    start = html.index('<form class="reader-form"')
    other = reader().get(form["page"]()).content.decode()
    assert other[start : other.index("</form>", start)] == html[start : html.index("</form>", start)]


@pytest.mark.parametrize("kind", FORMS)
def test_tokens_from_the_endpoint_send_the_form_once(kind):
    form = FORMS[kind]
    client = reader()
    html = client.get(form["page"]()).content.decode()
    tokens = fetch_tokens(client, html)
    assert "csrftoken" in client.cookies  # set by the endpoint, as a form page would
    data = {**form["data"]("An"), "started": tokens["started"], "csrfmiddlewaretoken": tokens["csrf"]}
    response = client.post(form["action"](), data)
    assert response.status_code == 302, response.content.decode()[:300]
    assert form["stored"]("An") == 1
    # The same form token twice: the reader is told the first one arrived.
    again = client.post(form["action"](), data)
    assert again.status_code == 400 and ALREADY in again.content.decode()
    assert form["stored"]("An") == 1


@pytest.mark.parametrize("kind", FORMS)
def test_without_javascript_the_link_gives_the_tokens_in_the_page(kind):
    form = FORMS[kind]
    client = reader()
    html = client.get(form["page"]()).content.decode()
    link = re.search(r'<noscript>.*?href="([^"]+)"', html, re.S).group(1).split("#")[0]
    response = client.get(link)
    page = response.content.decode()
    assert response.status_code == 200 and "csrftoken" in response.cookies
    assert value(page, "csrfmiddlewaretoken") and value(page, "started")
    start = page.index('<form class="reader-form"')
    form_html = page[start : page.index("</form>", start)]
    assert "data-tokens-url" not in form_html and "<noscript>" not in form_html
    data = {
        **form["data"]("Bình"),
        "started": value(page, "started"),
        "csrfmiddlewaretoken": value(page, "csrfmiddlewaretoken"),
    }
    assert client.post(form["action"](), data).status_code == 302
    assert form["stored"]("Bình") == 1


def test_a_form_without_its_tokens_is_refused_and_stores_nothing(article):
    client = reader()
    html = client.get(article.url).content.decode()
    data = {**comment_data(body="Gửi khi chưa có mã."), "started": "", "csrfmiddlewaretoken": ""}
    assert client.post(f"/y-kien/{article.pk}/", data).status_code == 403  # no CSRF cookie, no token
    # With the CSRF token but no form token: the form is shown again, filled in.
    tokens = fetch_tokens(client, html)
    response = client.post(f"/y-kien/{article.pk}/", {**data, "csrfmiddlewaretoken": tokens["csrf"]})
    page = response.content.decode()
    assert response.status_code == 400 and "Biểu mẫu không hợp lệ" in page and "Gửi khi chưa có mã." in page
    # Shown again after an error, the form has its tokens inline (a POST answer is never shared).
    assert value(page, "started") and value(page, "csrfmiddlewaretoken")
    assert not Comment.objects.filter(body="Gửi khi chưa có mã.").exists()


def test_the_minimum_time_counts_from_the_fetch_and_the_text_is_kept(no_waiting, article):
    no_waiting.QA_MIN_SUBMIT_SECONDS = 3
    client = reader()
    tokens = fetch_tokens(client, client.get(article.url).content.decode())
    data = {
        **comment_data(body="Gửi ngay sau khi lấy mã."),
        "started": tokens["started"],
        "csrfmiddlewaretoken": tokens["csrf"],
    }
    response = client.post(f"/y-kien/{article.pk}/", data)
    page = response.content.decode()
    assert response.status_code == 400 and "Bạn gửi quá nhanh" in page and "Gửi ngay sau khi lấy mã." in page
    assert not Comment.objects.filter(body="Gửi ngay sau khi lấy mã.").exists()


def test_another_readers_tokens_do_not_pass_csrf(article):
    alice, stranger = reader(), reader()
    tokens = fetch_tokens(alice, alice.get(article.url).content.decode())
    data = {
        **comment_data(body="Mã của người khác."),
        "started": tokens["started"],
        "csrfmiddlewaretoken": tokens["csrf"],
    }
    assert stranger.post(f"/y-kien/{article.pk}/", data).status_code == 403
    stranger.cookies["csrftoken"] = "B" * 32  # a cookie of their own, not Alice's
    assert stranger.post(f"/y-kien/{article.pk}/", data).status_code == 403
    assert not Comment.objects.filter(body="Mã của người khác.").exists()


def test_the_endpoint_is_private_cheap_and_knows_its_forms(django_assert_num_queries):
    client = reader()
    with django_assert_num_queries(0):
        response = client.get("/y-kien/ma-bieu-mau/comment/")
    tokens = json.loads(response.content)
    assert response.status_code == 200 and set(tokens) == {"csrf", "started"}
    assert response["Cache-Control"] == "private, no-store"
    assert len(tokens["csrf"]) == 64 and response.cookies["csrftoken"].value
    # A new form token each time (each one can be sent once).
    assert json.loads(client.get("/y-kien/ma-bieu-mau/comment/").content)["started"] != tokens["started"]

    unknown = client.get("/y-kien/ma-bieu-mau/khong-co/")
    assert unknown.status_code == 400 and unknown["Content-Type"] == "application/json"
    assert json.loads(unknown.content) == {"error": "unknown form"}
    assert unknown["Cache-Control"] == "private, no-store"
    assert client.get("/y-kien/ma-bieu-mau/<script>/").status_code == 400
    assert client.post("/y-kien/ma-bieu-mau/comment/").status_code in (403, 405)


def test_a_logged_in_reader_gets_the_tokens_in_the_page(article):
    member = Client(enforce_csrf_checks=True)
    member.force_login(user("dangvien"))
    response = member.get(article.url)
    html = response.content.decode()
    assert value(html, "csrfmiddlewaretoken") and value(html, "started")
    assert "data-tokens-url" not in html and "form-tokens.js" not in html
    data = {
        **comment_data(body="Ý kiến của đảng viên đã đăng nhập."),
        "started": value(html, "started"),
        "csrfmiddlewaretoken": value(html, "csrfmiddlewaretoken"),
    }
    assert member.post(f"/y-kien/{article.pk}/", data).status_code == 302
    assert Comment.objects.get(body="Ý kiến của đảng viên đã đăng nhập.").user == user("dangvien")


def test_the_english_edition_fetches_from_its_own_address_with_an_english_message():
    english = ArticlePage.objects.live().filter(locale__language_code="en").order_by("pk").first()
    if english is None:
        pytest.skip("the demo has no English article")
    html = reader().get(english.url).content.decode()
    assert tokens_url(html) == "/en/y-kien/ma-bieu-mau/comment/"
    assert 'data-tokens-error="Could not connect to send the form.' in html
    assert "Your browser has JavaScript turned off" in html
    assert value(html, "csrfmiddlewaretoken") == ""


def test_turning_deferred_tokens_off_puts_them_back_in_the_page(settings, article):
    settings.QA_DEFERRED_FORM_TOKENS = False
    html = reader().get(article.url).content.decode()
    assert value(html, "csrfmiddlewaretoken") and value(html, "started") and "data-tokens-url" not in html
