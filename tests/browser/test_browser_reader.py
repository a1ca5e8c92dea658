"""A reader and a Party member use the portal in Chromium: browse, read,
search, ask, comment, log in for internal notices; and the steps that arrive
with other branches (diacritic-free search #6, English edition #8, idle
timeout #9), which run as soon as those features are merged."""

import re

import pytest
from django.core import mail

from news.demo import NOTICES
from qa.models import Comment, Question

from .support import PASSWORD, has_diacritics_folding_search, has_idle_timeout, has_language_switcher, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DATELINE = re.compile(r"^(Thứ (hai|ba|tư|năm|sáu|bảy)|Chủ nhật) - \d{2}/\d{2}/\d{4} \d{2}:\d{2}$")
QUESTION_TITLE = "Đảng viên đi làm ăn xa có phải chuyển sinh hoạt đảng không?"
COMMENT = "Bài viết rất thiết thực, mong có thêm nhiều mô hình như vậy ở cơ sở."


def _menu(page):
    return page.get_by_role("navigation", name="Chuyên mục")


def _search(page, query):
    box = page.get_by_role("search").first.locator("input[name=q]")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?"))


def _log_in(page, username):
    page.get_by_label(re.compile("Tên đăng nhập|Username", re.I)).fill(username)
    page.get_by_label(re.compile("Mật khẩu|Password", re.I)).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Đăng nhập|Sign in|Log in", re.I)).click()


def test_reader_and_party_member_journeys(open_browser):
    """Two journeys in one test: each live-server test reloads the demo."""
    reader_browses_reads_comments_searches_and_asks(open_browser)
    party_member_reads_internal_notices_that_an_anonymous_reader_cannot(open_browser)


def reader_browses_reads_comments_searches_and_asks(open_browser):
    page = open_browser(width=375)

    # Home → a section from the menu.
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "vi"
    _menu(page).get_by_role("link", name="Xây dựng Đảng", exact=True).click()
    page.wait_for_url("**/xay-dung-dang/")
    assert page.get_by_role("heading", level=1).inner_text() == "Xây dựng Đảng"
    screenshot(page, "section")

    # Section → an article: date line, a photo that loads, its caption and credit.
    card = page.locator("main .card__title a").first
    title = card.inner_text()
    card.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == title
    assert DATELINE.match(page.locator("time.article__dateline").inner_text().strip())
    figure = page.locator(".article__body figure.block-image").first
    figure.scroll_into_view_if_needed()
    photo = figure.locator("img")
    photo.evaluate("img => img.decode()")
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0"), "the body photo did not load"
    caption = figure.locator("figcaption").inner_text()
    assert re.search(r"\(Ảnh: [^)]+\)$", caption), caption
    assert photo.get_attribute("alt"), "the body photo has no text alternative"
    article_url = page.url

    # Comment on it: the reader is told it waits for moderation.
    comments = page.locator("#y-kien-ban-doc")
    comments.get_by_label("Họ và tên").fill("Nguyễn Văn Bình")
    comments.get_by_label("Thư điện tử").fill("binh@example.org")
    comments.get_by_label("Ý kiến của bạn").fill(COMMENT)
    comments.get_by_role("checkbox", name=re.compile("đồng ý")).check()
    comments.get_by_role("button", name="Gửi ý kiến").click()
    status = page.get_by_role("status").filter(has_text="đang chờ duyệt")
    status.wait_for()
    assert page.url.split("?")[0].split("#")[0] == article_url.split("#")[0]
    # Waiting for the board: not on the page yet, stored as pending.
    assert COMMENT not in " ".join(comments.locator(".comments__list").all_inner_texts())
    assert Comment.objects.get(body=COMMENT).status == "pending"

    # Search from the header box, with the marks typed.
    _search(page, "Xây dựng Đảng")
    results = page.locator("main .search-result__title a")
    assert results.count() >= 2
    assert page.locator("main .search-result mark").count() >= 1, "the typed words are highlighted"
    screenshot(page, "search")

    # Ask a question in the Q&A column: a tracking code is shown.
    _menu(page).get_by_role("link", name=re.compile("^Hỏi - Đáp")).click()
    page.get_by_role("link", name="Gửi câu hỏi").first.click()
    form = page.locator("form.reader-form")
    form.get_by_label("Họ và tên").fill("Trần Thị Hoa")
    form.get_by_label("Thư điện tử").fill("hoa@example.org")
    form.get_by_label("Địa phương, đơn vị").fill("Chi bộ thôn Đồng Tâm, xã Phú Cường")
    form.get_by_label("Lĩnh vực").select_option(index=1)
    form.get_by_label("Tiêu đề").fill(QUESTION_TITLE)
    form.get_by_label("Nội dung câu hỏi").fill(
        "Tôi đi làm việc ở tỉnh khác trong một năm. Tôi có phải chuyển sinh hoạt đảng tạm thời không?"
    )
    form.get_by_role("checkbox", name=re.compile("đồng ý")).check()
    form.get_by_role("button", name="Gửi câu hỏi").click()
    code = page.locator(".tracking-code")
    code.wait_for()
    assert re.fullmatch(r"HD-\d{4}-\d{6}", code.inner_text().strip())
    assert Question.objects.get(title=QUESTION_TITLE).code == code.inner_text().strip()
    assert any(code.inner_text().strip() in message.body for message in mail.outbox)
    screenshot(page, "question-received")


def party_member_reads_internal_notices_that_an_anonymous_reader_cannot(open_browser):
    anonymous = open_browser(width=1280)
    anonymous.goto("/")
    box = anonymous.locator(".sidebox--notices")
    assert NOTICES[0] not in box.inner_text()
    box.get_by_role("link", name="Đăng nhập để xem").click()
    # Page privacy sends the reader to a login form, never to the notices.
    anonymous.wait_for_url(re.compile(r"/_util/login/"))
    assert NOTICES[0] not in anonymous.content()

    _log_in(anonymous, "dangvien")
    anonymous.wait_for_url(re.compile(r"/thong-bao-noi-bo/$"))
    member = anonymous
    member.get_by_role("link", name=NOTICES[0]).first.click()
    member.wait_for_load_state()
    assert member.get_by_role("heading", level=1).inner_text() == NOTICES[0]
    member.goto("/")
    assert NOTICES[0] in member.locator(".sidebox--notices").inner_text()
    screenshot(member, "member-home")

    # A reader in another browser, not logged in, still cannot open the notice.
    stranger = open_browser(width=375)
    stranger.goto(member_url := "/thong-bao-noi-bo/")
    assert "/_util/login/" in stranger.url and member_url not in stranger.url.split("?")[0]


@pytest.mark.skipif(
    not has_diacritics_folding_search(), reason="search without diacritics needs Vietnamese-aware search (#6)"
)
def test_reader_finds_party_building_typing_without_diacritics(open_browser):
    page = open_browser(width=375)
    page.goto("/")
    _search(page, "xay dung dang")
    results = page.locator("main").get_by_role("link", name=re.compile("Xây dựng Đảng"))
    assert results.count() >= 1
    assert "Xây dựng Đảng" in results.first.inner_text()


@pytest.mark.skipif(not has_language_switcher(), reason="the language switcher comes with the English edition (#8)")
def test_reader_switches_to_the_english_edition(open_browser):
    page = open_browser(width=375)
    page.goto("/")
    switch = page.locator("header a[hreflang='en']").first
    switch.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/"))
    assert page.locator("html").get_attribute("lang") == "en"
    # Back to Vietnamese from the same switcher.
    page.locator("header a[hreflang='vi']").first.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "vi"


@pytest.mark.skipif(not has_idle_timeout(), reason="the idle-timeout banner comes with visitor statistics (#9)")
def test_idle_banner_appears_and_its_button_keeps_the_session(open_browser, settings):
    settings.IDLE_TIMEOUT_SECONDS = 2
    page = open_browser(width=1280)
    page.goto("/thong-bao-noi-bo/")
    _log_in(page, "dangvien")
    page.wait_for_url(re.compile(r"/thong-bao-noi-bo/$"))
    banner = page.get_by_text(re.compile("Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập"))
    banner.wait_for(state="visible", timeout=15_000)
    assert re.search(r"Thời gian chờ: \d+ giây", banner.inner_text())
    screenshot(page, "idle-banner")
    banner.click()
    banner.wait_for(state="hidden")
    page.reload()
    # Still logged in: the members-only notices are there, not a login form.
    assert page.get_by_role("heading", level=1).inner_text() == "Thông báo nội bộ"
    assert "/_util/login/" not in page.url


def test_reader_with_javascript_comments_on_an_article_shared_by_every_reader(open_browser, settings):
    """The article carries no token (a shared cache may keep it): the form
    fetches them on the first focus. When the fetch fails the reader is told
    and keeps what they typed; the next focus fetches again; after the
    minimum time the comment is sent and waits for moderation."""
    from news.models import ArticlePage

    settings.QA_MIN_SUBMIT_SECONDS = 2
    article = ArticlePage.objects.live().filter(locale__language_code="vi").order_by("-first_published_at").first()
    page = open_browser(width=1280)
    loaded = page.goto(article.url)
    html = loaded.text()
    assert 'name="csrfmiddlewaretoken" value=""' in html and 'name="started" value=""' in html
    assert "csrftoken" not in loaded.headers.get("set-cookie", "")
    assert "csrftoken" not in {cookie["name"] for cookie in page.context.cookies()}

    comments = page.locator("#y-kien-ban-doc")
    form = comments.locator("form.reader-form")
    tokens = "**/y-kien/ma-bieu-mau/**"
    page.route(tokens, lambda route: route.abort())  # the network drops the first fetch
    comments.get_by_label("Họ và tên").fill("Phạm Thị Lan")
    comments.get_by_role("alert").filter(has_text="Chưa kết nối được để gửi biểu mẫu").wait_for()
    assert comments.get_by_label("Họ và tên").input_value() == "Phạm Thị Lan"
    assert form.locator("input[name=started]").input_value() == ""

    page.unroute(tokens)
    comments.get_by_label("Thư điện tử").fill("lan@example.org")  # focus again: fetched this time
    page.wait_for_selector("#y-kien-ban-doc form[data-tokens-ready]")
    assert form.locator("input[name=started]").input_value()
    assert form.locator("input[name=csrfmiddlewaretoken]").input_value()
    assert "Chưa kết nối được" not in form.inner_text()
    assert "csrftoken" in {cookie["name"] for cookie in page.context.cookies()}
    comments.get_by_label("Ý kiến của bạn").fill(COMMENT)
    comments.get_by_role("checkbox", name=re.compile("đồng ý")).check()
    page.wait_for_timeout(2300)  # a reader takes longer than QA_MIN_SUBMIT_SECONDS
    comments.get_by_role("button", name="Gửi ý kiến").click()
    page.get_by_role("status").filter(has_text="đang chờ duyệt").wait_for()
    comment = Comment.objects.get(body=COMMENT)
    assert (comment.name, comment.status, comment.article_id) == ("Phạm Thị Lan", "pending", article.pk)
