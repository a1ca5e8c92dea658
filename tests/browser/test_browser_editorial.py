"""The editorial workflow in Chromium, through the admin's own screens: a
contributor writes and submits, the Secretariat sends it back with a comment,
the contributor fixes and resubmits, the Secretariat and the Editorial Board
approve, and readers see the article."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from editorial.workflows import BOARD_TASK, SECRETARIAT_TASK
from news.models import ArticlePage, SectionPage

from .support import PASSWORD, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Xã Đồng Tâm ra mắt tổ công nghệ số cộng đồng"
BODY = "Tổ công nghệ số cộng đồng gồm 12 thành viên, hướng dẫn người dân dùng dịch vụ công trực tuyến."
SEND_BACK = "Đề nghị ghi rõ số thành viên theo quyết định thành lập và nguồn ảnh."
LEAD_FIXED = "Sáng nay, xã Đồng Tâm ra mắt tổ công nghệ số cộng đồng theo quyết định của Ủy ban nhân dân xã."


def _editor(open_browser):
    """An admin window (the edit view's editing-session pings stay on: with
    them dropped, Wagtail holds the Submit button back)."""
    return open_browser(width=1280)


def _admin_login(page, username):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))


def _submit_from_action_menu(page):
    """The footer's action menu holds "Submit to <workflow>" (or resubmit)."""
    page.locator("footer").get_by_role("button", name=re.compile("More actions|Thao tác khác|Thêm", re.I)).click()
    page.locator("footer button[name='action-submit']").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))


def _waiting_row(page, title):
    """The row of the dashboard's "Chờ tôi duyệt" table for this item."""
    return page.locator("tr").filter(has_text=title).filter(has=page.get_by_role("button", name="Duyệt", exact=True))


def _article():
    return ArticlePage.objects.filter(title=TITLE).first()


def test_article_goes_from_contributor_through_two_reviews_to_readers(open_browser, settings):
    # Wagtail's autosave (a revision 0.5 s after each change) races the
    # Submit button's own save on SQLite; the journey is about the buttons.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    section = SectionPage.objects.get(slug="thoi-su")

    # The contributor writes an article with text and a photo, and submits it.
    writer = _editor(open_browser)
    _admin_login(writer, "congtacvien")
    assert writer.locator("html").get_attribute("lang").startswith("vi")
    writer.goto(reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk)))
    writer.locator("#id_title").fill(TITLE)
    writer.locator("#id_lead").fill("Xã Đồng Tâm ra mắt tổ công nghệ số cộng đồng.")
    body = writer.locator("#body-root")
    body.locator(".c-sf-add-button").first.click()
    writer.get_by_role("option", name="Đoạn văn").click()
    body.locator("[contenteditable='true']").first.click()
    writer.keyboard.type(BODY)
    body.locator(".c-sf-add-button").last.click()
    writer.get_by_role("option", name="Ảnh có chú thích").click()
    body.locator("[data-streamfield-child]").last.locator("[data-chooser-action-choose]").first.click()
    writer.locator("[data-chooser-modal-choice]").first.click()
    expect(body.locator("[data-streamfield-child]").last.locator("img")).to_be_visible()
    screenshot(writer, "admin-editor")
    _submit_from_action_menu(writer)
    article = _article()
    assert article is not None and not article.live
    assert article.current_workflow_task.name == SECRETARIAT_TASK

    # The Secretariat sends it back with a comment.
    secretariat = _editor(open_browser)
    _admin_login(secretariat, "thuky")
    row = secretariat.locator("tr").filter(has_text=TITLE).filter(has=secretariat.get_by_role("button", name="Trả lại"))
    row.get_by_role("button", name="Trả lại").click()
    dialog = secretariat.locator(".modal-dialog")
    dialog.locator("#id_comment").fill(SEND_BACK)
    dialog.locator("button[type='submit']").click()
    secretariat.wait_for_url(re.compile(r"/admin/$"))
    expect(_waiting_row(secretariat, TITLE)).to_have_count(0)

    # The contributor sees the comment on the dashboard, edits and resubmits.
    writer.goto("/admin/")
    sent_back = writer.locator("tr").filter(has_text=TITLE).filter(has_text=SEND_BACK)
    expect(sent_back).to_have_count(1)
    sent_back.get_by_role("link", name=TITLE).click()
    writer.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    writer.locator("#id_lead").fill(LEAD_FIXED)
    _submit_from_action_menu(writer)
    assert _article().current_workflow_task.name == SECRETARIAT_TASK

    # The Secretariat approves, then the Editorial Board.
    secretariat.goto("/admin/")
    _waiting_row(secretariat, TITLE).get_by_role("button", name="Duyệt", exact=True).click()
    expect(_waiting_row(secretariat, TITLE)).to_have_count(0)
    assert _article().current_workflow_task.name == BOARD_TASK
    board = _editor(open_browser)
    _admin_login(board, "bientap")
    screenshot(board, "admin-dashboard")
    _waiting_row(board, TITLE).get_by_role("button", name="Duyệt", exact=True).click()
    expect(_waiting_row(board, TITLE)).to_have_count(0)

    # Readers see it, with the fixed lead, the text and the photo.
    article = _article()
    assert article.live
    reader = open_browser(width=375)
    reader.goto(article.url)
    assert reader.get_by_role("heading", level=1).inner_text() == TITLE
    assert reader.locator(".article__lead").inner_text() == LEAD_FIXED
    expect(reader.locator(".article__body")).to_contain_text(BODY)
    expect(reader.locator(".article__body figure img")).to_have_count(1)
    reader.goto("/thoi-su/")
    expect(reader.locator("main").get_by_role("link", name=TITLE).first).to_be_visible()
