"""The page cache for anonymous readers (#13): what is kept, what never is,
fresh secrets on every hit, and each way a change reaches readers at once.

Runs on Redis when REDIS_URL is set (the default cache), on the local-memory
cache otherwise. The test settings keep the page cache off; the ``page_cache``
fixture turns it on."""

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import Client, RequestFactory
from wagtail.models import Page, PageViewRestriction

from home.models import PortalSettings, WebsiteLink
from news.models import ArticlePage, SectionPage, TopicPage
from pagecache.purge import purge_set
from pagecache.wsgi import PageCacheApplication
from qa.models import Comment
from tests.factories import make_article
from tests.qa_support import comment_data, user
from tests.stats_support import BROWSER, database_path  # noqa: F401

pytestmark = pytest.mark.django_db

NONCE_SCRIPT = '<script nonce="{{ request.csp_nonce }}">window.portalReady = true;</script>'


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_BROWSER_SECONDS = 60
    settings.QA_MIN_SUBMIT_SECONDS = 0
    return settings


@pytest.fixture
def inline_tokens(settings):
    """Reader forms with their tokens in the page (QA_DEFERRED_FORM_TOKENS
    off): the page cache cuts them out and fills new ones on every hit."""
    settings.QA_DEFERRED_FORM_TOKENS = False


@pytest.fixture
def nonce_on_article(settings, tmp_path):
    """The article page with an inline script carrying the CSP nonce (through
    the comments slot), as a reader-facing script would."""
    slot = tmp_path / "news" / "includes"
    slot.mkdir(parents=True)
    (slot / "article_comments.html").write_text(NONCE_SCRIPT + '{% include "qa/includes/article_comments.html" %}')
    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates


@pytest.fixture
def section():
    return SectionPage.objects.live().filter(depth=3).exclude(slug="phong-su-anh").order_by("path").first()


@pytest.fixture
def article(section):
    """The newest article of a section: on the section's first page and on the home page."""
    return make_article(section, "Tin mới về Đại hội Đảng bộ tỉnh")


def reader():
    return Client(enforce_csrf_checks=True)


def get(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()


def cache_state(response):
    return response.headers.get("X-Page-Cache")


def field(html, name):
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


def fetch_tokens(client, html):
    """What qa/form-tokens.js does on the first focus in a reader form."""
    url = re.search(r'data-tokens-url="([^"]+)"', html).group(1)
    response = client.get(url)
    assert response.status_code == 200 and cache_state(response) is None
    return response.json()


def comment_with(tokens, **overrides):
    return {**comment_data(started=tokens["started"], **overrides), "csrfmiddlewaretoken": tokens["csrf"]}


def csp_nonce(response):
    return re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)


def publish_new_title(page, title):
    page = page.specific
    page.title = title
    page.save_revision(user=user("bientap")).publish()


# --- What is kept, and how it is served ---------------------------------------------------


def test_the_second_reader_gets_the_stored_page_without_a_database_query(
    page_cache, article, django_assert_num_queries
):
    first, html = get(reader(), article.url)
    assert first.status_code == 200 and cache_state(first) == "miss"
    with django_assert_num_queries(0):
        second, again = get(reader(), article.url)
    assert second.status_code == 200 and cache_state(second) == "hit"
    assert "Tin mới về Đại hội Đảng bộ tỉnh" in again
    # The stored page keeps the headers the inner middleware set.
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Content-Language"):
        assert second[header] == first[header]
    assert int(second["Content-Length"]) == len(second.content)


def test_home_section_and_article_pages_are_public_for_a_cdn(page_cache, article, section):
    for url in ("/", section.url, article.url):
        for state in ("miss", "hit"):
            response, _html = get(reader(), url)
            assert cache_state(response) == state, url
            assert response["Cache-Control"] == "public, max-age=60, s-maxage=300", url
            assert not response.cookies, url
            assert "cookie" not in response.get("Vary", "").lower(), url


def test_two_anonymous_readers_get_the_same_article_byte_for_byte(page_cache, article):
    """The comment form fetches its tokens (qa/form-tokens.js): the article
    is the same bytes for every reader, so nginx's micro-cache or a CDN may
    keep it, and no reader is given a cookie for reading."""
    first, alice_html = get(reader(), article.url)
    second, bob_html = get(reader(), article.url)
    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert first.content == second.content
    assert 'name="csrfmiddlewaretoken" value=""' in bob_html and 'name="started" value=""' in bob_html
    assert "data-tokens-url=" in bob_html
    for response in (first, second):
        assert "Set-Cookie" not in str(response.cookies) and not response.cookies
        assert response["Cache-Control"] == "public, max-age=60, s-maxage=300"
    # The same through the WSGI wrapper gunicorn runs.
    application = PageCacheApplication(WSGIHandler())
    environ = RequestFactory()._base_environ(PATH_INFO=article.url, REQUEST_METHOD="GET")
    started = {}
    body = b"".join(application(environ, lambda status, headers: started.update(headers=headers)))
    assert body == first.content
    names = [name.lower() for name, _value in started["headers"]]
    assert "set-cookie" not in names and dict(started["headers"])["Cache-Control"].startswith("public")


def test_head_is_answered_from_the_stored_page(page_cache, article):
    get(reader(), article.url)
    response = reader().head(article.url)
    assert response.status_code == 200 and cache_state(response) == "hit" and response.content == b""


def test_the_wsgi_wrapper_answers_a_hit_before_django(page_cache, article, django_assert_num_queries):
    get(reader(), article.url)
    application = PageCacheApplication(WSGIHandler())
    environ = RequestFactory()._base_environ(PATH_INFO=article.url, REQUEST_METHOD="GET")
    started = {}

    def start_response(status, headers):
        started.update(status=status, headers=headers)

    with django_assert_num_queries(0):
        body = b"".join(application(environ, start_response)).decode()
    headers = dict(started["headers"])
    assert started["status"] == "200 OK" and headers["X-Page-Cache"] == "hit"
    assert "Tin mới về Đại hội Đảng bộ tỉnh" in body


def test_the_wsgi_wrapper_gives_a_page_with_a_csrf_token_its_cookie(page_cache, inline_tokens, article):
    get(reader(), article.url)
    application = PageCacheApplication(WSGIHandler())
    environ = RequestFactory()._base_environ(PATH_INFO=article.url, REQUEST_METHOD="GET")
    started = {}
    body = b"".join(application(environ, lambda status, headers: started.update(headers=headers))).decode()
    assert dict(started["headers"])["X-Page-Cache"] == "hit"
    # A first-time reader gets a CSRF cookie that matches the form's token.
    cookie = next(value for name, value in started["headers"] if name == "Set-Cookie")
    assert cookie.startswith("csrftoken=")
    secret = cookie.split(";")[0].split("=", 1)[1]
    from django.middleware.csrf import _unmask_cipher_token

    assert _unmask_cipher_token(field(body, "csrfmiddlewaretoken")) == secret


def test_tracking_parameters_get_the_stored_page_and_other_queries_never_do(page_cache, article, section):
    get(reader(), article.url)
    assert cache_state(reader().get(article.url + "?utm_source=zalo&fbclid=abc")) == "hit"
    # The notice after posting a comment is for that reader only.
    outcome, html = get(reader(), article.url + "?y-kien=cho-duyet")
    assert cache_state(outcome) is None and "Ý kiến của bạn đang chờ duyệt" in html
    assert "Ý kiến của bạn đang chờ duyệt" not in get(reader(), article.url)[1]
    get(reader(), section.url + "?page=2")
    assert cache_state(reader().get(section.url + "?page=2")) is None


def test_turning_the_cache_off_serves_every_request_from_django(page_cache, article):
    page_cache.PAGE_CACHE_SECONDS = 0
    get(reader(), article.url)
    response = reader().get(article.url)
    assert cache_state(response) is None and "Cache-Control" not in response


# --- Each reader's own secrets -------------------------------------------------------------


def test_two_readers_of_a_cached_article_fetch_their_own_tokens_and_both_can_comment(page_cache, article):
    alice, bob = reader(), reader()
    first, alice_html = get(alice, article.url)
    second, bob_html = get(bob, article.url)
    assert cache_state(first) == "miss" and cache_state(second) == "hit"
    alice_tokens, bob_tokens = fetch_tokens(alice, alice_html), fetch_tokens(bob, bob_html)
    # Each reader's own CSRF cookie and token, and own one-time form token.
    assert alice.cookies["csrftoken"].value != bob.cookies["csrftoken"].value
    assert alice_tokens != bob_tokens

    for client, tokens, name in ((alice, alice_tokens, "An"), (bob, bob_tokens, "Bình")):
        response = client.post(f"/y-kien/{article.pk}/", comment_with(tokens, name=name))
        assert response.status_code == 302, response.content.decode()[:500]
        assert response["Cache-Control"] == "private, no-store"
    assert set(Comment.objects.filter(article=article).values_list("name", flat=True)) == {"An", "Bình"}

    # Pressing "Gửi" again with the same tokens is still refused.
    again = bob.post(f"/y-kien/{article.pk}/", comment_with(bob_tokens, name="Bình"))
    assert again.status_code == 400 and "Biểu mẫu này đã được gửi" in again.content.decode()
    assert Comment.objects.filter(article=article).count() == 2
    # The reader who has a CSRF cookie still gets the shared page.
    returning, html = get(alice, article.url)
    assert cache_state(returning) == "hit" and returning.content == second.content and not returning.cookies


def test_the_no_javascript_page_is_neither_kept_nor_shared(page_cache, article):
    get(reader(), article.url)
    client = reader()
    response, html = get(client, article.url + "?gui-y-kien=1")
    assert cache_state(response) is None and response["Cache-Control"] == "private, no-store"
    assert response.cookies["csrftoken"].value and field(html, "started")
    assert (
        client.post(
            f"/y-kien/{article.pk}/",
            comment_with({"csrf": field(html, "csrfmiddlewaretoken"), "started": field(html, "started")}),
        ).status_code
        == 302
    )
    # The shared page is untouched.
    assert 'name="started" value=""' in get(reader(), article.url)[1]


def test_two_readers_of_a_page_with_a_nonce_and_inline_tokens_get_their_own_and_both_can_comment(
    page_cache, inline_tokens, nonce_on_article, article
):
    """Any page that still carries a reader's own values (a CSP nonce, forms
    with inline tokens) is kept with placeholders, filled per hit, and is
    private to shared caches."""
    alice, bob = reader(), reader()
    first, alice_html = get(alice, article.url)
    second, bob_html = get(bob, article.url)
    assert cache_state(first) == "miss" and cache_state(second) == "hit"
    assert first["Cache-Control"] == second["Cache-Control"] == "private, no-cache"

    # A fresh nonce, the same in the header and in the page's script.
    alice_nonce, bob_nonce = csp_nonce(first), csp_nonce(second)
    assert alice_nonce != bob_nonce
    assert f'<script nonce="{bob_nonce}">' in bob_html and alice_nonce not in bob_html
    # A fresh CSRF cookie and token, and a fresh one-time form token.
    assert alice.cookies["csrftoken"].value != bob.cookies["csrftoken"].value
    assert field(alice_html, "csrfmiddlewaretoken") != field(bob_html, "csrfmiddlewaretoken")
    assert field(alice_html, "started") != field(bob_html, "started")

    for client, html, name in ((alice, alice_html, "An"), (bob, bob_html, "Bình")):
        data = comment_data(name=name, started=field(html, "started"))
        data["csrfmiddlewaretoken"] = field(html, "csrfmiddlewaretoken")
        response = client.post(f"/y-kien/{article.pk}/", data)
        assert response.status_code == 302, response.content.decode()[:500]
    assert set(Comment.objects.filter(article=article).values_list("name", flat=True)) == {"An", "Bình"}

    # Pressing "Gửi" again with the same page is still refused.
    again = bob.post(
        f"/y-kien/{article.pk}/",
        {
            **comment_data(name="Bình", started=field(bob_html, "started")),
            "csrfmiddlewaretoken": field(bob_html, "csrfmiddlewaretoken"),
        },
    )
    assert again.status_code == 400 and "Biểu mẫu này đã được gửi" in again.content.decode()
    assert Comment.objects.filter(article=article).count() == 2


def test_a_nonce_alone_keeps_the_article_private_to_shared_caches(page_cache, nonce_on_article, article):
    first, html = get(reader(), article.url)
    assert first["Cache-Control"] == "private, no-cache" and 'name="started" value=""' in html
    assert not first.cookies  # the forms' tokens are fetched: no CSRF cookie for reading


def test_a_token_from_someone_elses_cached_page_does_not_pass_csrf(page_cache, inline_tokens, article):
    get(reader(), article.url)
    _response, html = get(reader(), article.url)
    stranger = reader()
    data = {**comment_data(started=field(html, "started")), "csrfmiddlewaretoken": field(html, "csrfmiddlewaretoken")}
    assert stranger.post(f"/y-kien/{article.pk}/", data).status_code == 403
    assert not Comment.objects.filter(article=article).exists()


def test_a_reader_who_has_a_csrf_cookie_keeps_it_on_a_hit(page_cache, inline_tokens, article):
    returning = reader()
    get(reader(), article.url)
    returning.cookies["csrftoken"] = "A" * 32
    response, html = get(returning, article.url)
    assert cache_state(response) == "hit" and "Set-Cookie" not in str(response.cookies)
    data = {**comment_data(started=field(html, "started")), "csrfmiddlewaretoken": field(html, "csrfmiddlewaretoken")}
    assert returning.post(f"/y-kien/{article.pk}/", data).status_code == 302


# --- Never cached -------------------------------------------------------------------------


def test_logged_in_editors_never_get_a_cached_page_and_never_fill_the_cache(page_cache, article):
    editor = Client()
    editor.force_login(user("bientap"))
    # A draft waits in the newsroom: the editor reads the live page, not the draft.
    draft = ArticlePage.objects.get(pk=article.pk)
    draft.title = "Bản nháp chưa duyệt"
    draft.save_revision(user=user("bientap"))

    response, html = get(editor, article.url)
    assert cache_state(response) is None and response["Cache-Control"] == "private, no-store"
    assert "Tin mới về Đại hội Đảng bộ tỉnh" in html and "Bản nháp chưa duyệt" not in html
    assert 'id="idle-banner"' in html and "wagtail-userbar" in html
    # The editor's visit stored nothing: the first reader is a miss.
    assert cache_state(reader().get(article.url)) == "miss"
    # And with the anonymous copy stored, the editor still gets their own page.
    response, html = get(editor, article.url)
    assert cache_state(response) is None and 'id="idle-banner"' in html
    assert 'id="idle-banner"' not in get(reader(), article.url)[1]


def test_a_reader_with_any_session_cookie_is_not_served_from_the_cache(page_cache, article):
    get(reader(), article.url)
    stale = reader()
    stale.cookies["sessionid"] = "het-han"
    assert cache_state(stale.get(article.url)) is None


def test_private_pages_are_never_cached(page_cache, article, django_user_model):
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau-rieng"
    )
    response, html = get(reader(), article.url)
    assert response.status_code == 200 and "Tin mới về Đại hội Đảng bộ tỉnh" not in html
    assert cache_state(response) is None and cache_state(reader().get(article.url)) is None
    restriction.restriction_type = PageViewRestriction.LOGIN
    restriction.save()
    response = reader().get(article.url)
    assert response.status_code == 302 and cache_state(response) is None
    # A member who may read it gets it, never stored, never shared.
    member = Client()
    member.force_login(user("dangvien"))
    response, html = get(member, article.url)
    assert response.status_code == 200 and "Tin mới về Đại hội Đảng bộ tỉnh" in html
    assert cache_state(response) is None and "private" in response["Cache-Control"]
    assert reader().get(article.url).status_code == 302


def test_a_draft_seen_in_the_admin_never_reaches_readers(page_cache, section):
    # (A section: the article's draft view trips on its related articles, see README.)
    editor = Client()
    editor.force_login(user("bientap"))
    live_title = section.title
    draft = SectionPage.objects.get(pk=section.pk)
    draft.title = "Bản xem trước chưa đăng"
    draft.save_revision(user=user("bientap"))
    preview, html = get(editor, f"/admin/pages/{section.pk}/view_draft/")
    assert preview.status_code == 200 and "Bản xem trước chưa đăng" in html and cache_state(preview) is None
    _response, html = get(reader(), section.url)
    assert "Bản xem trước chưa đăng" not in html and live_title in html
    assert cache_state(reader().get(section.url)) == "hit"


def test_not_found_and_admin_answers_are_not_kept(page_cache):
    assert cache_state(reader().get("/khong-co-trang-nay/")) is None
    assert cache_state(reader().get("/khong-co-trang-nay/")) is None
    response = reader().get("/admin/")
    assert response.status_code == 302 and cache_state(response) is None


# --- Invalidation: what readers see right after a change -----------------------------------------


def warm(*urls):
    for url in urls:
        reader().get(url)
        assert cache_state(reader().get(url)) == "hit", url


def test_publishing_shows_the_new_title_on_the_article_its_section_and_the_home_page(page_cache, article, section):
    warm(article.url, section.url, "/")
    publish_new_title(article, "Đại hội thành công tốt đẹp")
    for url in (article.url, section.url, "/"):
        response, html = get(reader(), url)
        assert cache_state(response) == "miss", url
        assert "Đại hội thành công tốt đẹp" in html, url


def test_publishing_updates_the_articles_topic_page(page_cache, section):
    topic = TopicPage.objects.live().filter(locale__language_code="vi").order_by("path").first()
    article = make_article(section, "Bài trong chuyên đề", topics=[topic])
    warm(article.url, topic.url)
    publish_new_title(article, "Bài trong chuyên đề, đã sửa")
    assert "Bài trong chuyên đề, đã sửa" in get(reader(), topic.url)[1]


def test_unpublishing_takes_the_article_off_its_page_section_and_home(page_cache, article, section):
    warm(article.url, section.url, "/")
    article.unpublish()
    assert reader().get(article.url).status_code == 404
    assert "Tin mới về Đại hội Đảng bộ tỉnh" not in get(reader(), section.url)[1]
    assert "Tin mới về Đại hội Đảng bộ tỉnh" not in get(reader(), "/")[1]


def test_moving_an_article_updates_both_sections(page_cache, article, section):
    other = SectionPage.objects.live().filter(depth=3).exclude(pk=section.pk).exclude(slug="phong-su-anh").first()
    old_url = article.url
    warm(old_url, section.url, other.url)
    article.move(other, pos="last-child", user=user("bientap"))
    moved = ArticlePage.objects.get(pk=article.pk)
    # The old address now sends readers to the new one (Wagtail's automatic redirect).
    old = reader().get(old_url)
    assert old.status_code == 301 and old["Location"] == moved.url
    assert "Tin mới về Đại hội Đảng bộ tỉnh" not in get(reader(), section.url)[1]
    assert "Tin mới về Đại hội Đảng bộ tỉnh" in get(reader(), other.url)[1]
    assert get(reader(), moved.url)[0].status_code == 200


def test_deleting_an_article_takes_it_off_its_page_and_section(page_cache, article, section):
    warm(article.url, section.url)
    Page.objects.get(pk=article.pk).delete()
    assert reader().get(article.url).status_code == 404
    assert "Tin mới về Đại hội Đảng bộ tỉnh" not in get(reader(), section.url)[1]


def test_a_new_website_link_shows_on_every_cached_page(page_cache, article, section):
    warm(article.url, section.url, "/")
    WebsiteLink.objects.create(title="Cổng Dịch vụ công quốc gia", url="https://dichvucong.gov.vn/", language="vi")
    for url in (article.url, section.url, "/"):
        assert "Cổng Dịch vụ công quốc gia" in get(reader(), url)[1], url


def test_a_changed_site_setting_shows_in_every_cached_footer(page_cache, article, home_page):
    warm(article.url, "/")
    settings_row = PortalSettings.for_site(home_page.get_site())
    settings_row.phone = "0274 3 999 888"
    settings_row.save()
    for url in (article.url, "/"):
        assert "0274 3 999 888" in get(reader(), url)[1], url


def test_a_banner_shows_when_it_starts_without_anything_being_saved(page_cache, article):
    import datetime
    import time

    from django.utils import timezone

    from home.models import Banner
    from images.models import PortalImage

    Banner.objects.create(
        title="Băng rôn chào mừng Đại hội",
        image=PortalImage.objects.first(),
        starts_at=timezone.now() + datetime.timedelta(seconds=5),
    )
    warm(article.url)
    assert "Băng rôn chào mừng Đại hội" not in get(reader(), article.url)[1]
    time.sleep(6)
    response, html = get(reader(), article.url)
    assert cache_state(response) == "miss" and 'alt="Băng rôn chào mừng Đại hội"' in html


def test_an_approved_comment_shows_under_the_cached_article(page_cache, article):
    warm(article.url)
    comment = Comment(article=article, name="Trần Văn Cường", email="a@example.vn", body="Rất đáng mừng.")
    comment.save()
    assert "Rất đáng mừng." not in get(reader(), article.url)[1]  # waiting for moderation
    comment.status = Comment.Status.APPROVED
    comment.save()
    assert "Rất đáng mừng." in get(reader(), article.url)[1]


def test_the_english_edition_is_kept_apart_and_updated(page_cache):
    english = ArticlePage.objects.live().filter(locale__language_code="en").order_by("-display_date").first()
    if english is None:
        pytest.skip("the demo has no English article")
    warm(english.url, "/en/")
    assert english.url.startswith("/en/")
    publish_new_title(english, "Provincial congress closes")
    assert "Provincial congress closes" in get(reader(), english.url)[1]
    assert get(reader(), "/en/")[0]["Content-Language"] == "en"


# --- One purge set, for the page cache and the CDN ------------------------------------------------


class _PurgeRecorder(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server(settings):
    _PurgeRecorder.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield _PurgeRecorder.received
    server.shutdown()
    server.server_close()


def test_publishing_sends_the_same_purge_set_to_the_frontend_cache(
    page_cache, purge_server, article, section, django_capture_on_commit_callbacks
):
    expected = purge_set(article)
    paths = [url.split("://", 1)[1].split("/", 1)[1] for url in expected]
    assert {article.url.lstrip("/"), section.url.lstrip("/"), ""} <= set(paths)
    assert article.url.lstrip("/") + "print/" in paths and section.url.lstrip("/") + "rss/" in paths
    with django_capture_on_commit_callbacks(execute=True):
        publish_new_title(article, "Tiêu đề mới cho CDN")
    received = {path for _host, path in purge_server}
    assert {"/" + path for path in paths} <= received
    assert {article.url, section.url, "/", "/sitemap.xml"} <= received


def test_a_topic_page_change_forgets_every_page(page_cache, article):
    topic = TopicPage.objects.live().filter(locale__language_code="vi").order_by("path").first()
    warm(article.url)
    publish_new_title(topic, "Chuyên đề đổi tên")
    response, html = get(reader(), article.url)
    assert cache_state(response) == "miss" and "Chuyên đề đổi tên" in html  # the sidebar lists topics


# --- Visitor statistics on cached pages ----------------------------------------------------------


@pytest.mark.usefixtures("database_path")
def test_readers_of_a_cached_article_are_still_counted(page_cache, article):
    from stats.flush import flush
    from stats.models import ArticleViewTotal

    get(reader(), article.url)
    response, html = get(reader(), article.url)
    assert cache_state(response) == "hit"
    hit_url, signed = re.search(r'data-hit-url="([^"]+)" data-article="([^"]+)"', html).groups()
    assert "Thống kê truy cập" in html and "Đang truy cập" in html  # the sidebar's statistics box
    for _ in range(2):
        assert Client(HTTP_USER_AGENT=BROWSER).post(hit_url, {"a": signed}).status_code == 204
    flush()
    assert ArticleViewTotal.objects.get(page_id=article.pk).views == 2


def test_rows_written_back_raw_forget_the_cache_without_following_their_relations(page_cache):
    """loaddata and a test's serialized rollback save rows raw, possibly
    before what they point to exists (following the question's page then
    failed): readers stop getting the pages cached before the rows came back."""
    from django.core import serializers

    from qa.models import Question

    client = Client()
    get(client, "/")
    assert cache_state(get(client, "/")[0]) == "hit"
    question = Question.objects.filter(page__isnull=False).first()
    for row in serializers.deserialize("json", serializers.serialize("json", [question])):
        row.save()  # raw: the receivers must not load the question's page
    assert cache_state(get(client, "/")[0]) != "hit"


# --- Each worker's own copy of hot pages -----------------------------------------------------------


def test_a_worker_serves_its_own_copy_and_sees_another_workers_purge_within_the_window(
    page_cache, inline_tokens, article
):
    """Two gunicorn workers (two wrappers): each keeps what it served for
    PAGE_CACHE_LOCAL_SECONDS without asking Redis. A purge made by another
    process (written to Redis only) shows in both within that window; one made
    in this process empties the copies at once."""
    import time

    from pagecache import entries

    page_cache.PAGE_CACHE_LOCAL_SECONDS = 0.5
    get(reader(), article.url)  # stored by Django

    def django(environ, start_response):  # stands for Django behind the wrapper (it would store the page again)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"from Django"]

    workers = [PageCacheApplication(django) for _ in range(2)]
    environ = RequestFactory()._base_environ(PATH_INFO=article.url, REQUEST_METHOD="GET")

    def serve(worker):
        started = {}
        body = b"".join(worker(dict(environ), lambda status, headers: started.update(headers=dict(headers))))
        return started["headers"].get("X-Page-Cache"), body.decode()

    assert [serve(worker)[0] for worker in workers] == ["hit", "hit"]
    # Another process forgets the page: only Redis changes.
    entries.cache.delete_many(entries.keys_for_path(article.url))
    state, html = serve(workers[0])
    assert state == "hit" and "Tin mới về Đại hội Đảng bộ tỉnh" in html  # still within the window
    # Each hit on the copy still gets its own CSRF token and form tokens.
    assert field(serve(workers[0])[1], "csrfmiddlewaretoken") != field(html, "csrfmiddlewaretoken")
    time.sleep(0.6)
    assert [serve(worker) for worker in workers] == [(None, "from Django")] * 2  # both reach Django again

    # A purge made in this process (publishing here) reaches the copies at once.
    get(reader(), article.url)
    assert [serve(worker)[0] for worker in workers] == ["hit", "hit"]
    entries.forget_all()
    assert [serve(worker) for worker in workers] == [(None, "from Django")] * 2
