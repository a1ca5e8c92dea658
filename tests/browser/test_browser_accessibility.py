"""Accessibility in a real browser: axe-core (WCAG 2.1 A and AA) on the pages
readers use most, at phone and desktop widths, and the header by keyboard
with a focus ring that can be seen. Screenshots of every checked page go to
test-artifacts/screenshots/."""

import re
from urllib.parse import quote

import pytest
from django.apps import apps

from news.demo import SHOWCASE_TITLE
from news.models import ArticlePage
from qa.models import ConsultationPage

from .support import (
    WIDTHS,
    assert_accessible,
    backgrounds_behind,
    contrast_ratio,
    has_language_switcher,
    has_photo_reports,
    parse_rgb,
    screenshot,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def reader_pages():
    """(name, address) of the pages checked, from the demo content."""
    return [
        ("home", "/"),
        ("section", "/xay-dung-dang/"),
        ("article", ArticlePage.objects.live().get(title=SHOWCASE_TITLE).url),
        ("search", "/search/?q=" + quote("Xây dựng Đảng")),
        ("qa", "/hoi-dap-cong-tac-dang/"),
        ("ask-question", "/hoi-dap-cong-tac-dang/dat-cau-hoi/"),
        ("consultation", ConsultationPage.objects.live().first().url),
    ]


def test_reader_pages_pass_axe_and_the_header_works_by_keyboard(open_browser):
    """Two checks in one test: each live-server test reloads the demo."""
    reader_pages_have_no_wcag_violations_at_phone_and_desktop_widths(open_browser)
    header_and_menu_work_by_keyboard_with_a_visible_focus_ring(open_browser)


def reader_pages_have_no_wcag_violations_at_phone_and_desktop_widths(open_browser):
    pages = reader_pages()
    for width in WIDTHS:
        page = open_browser(width=width)
        for name, address in pages:
            response = page.goto(address)
            assert response.status == 200, address
            assert_accessible(page, f"{name} ({address}) at {width}px")
            screenshot(page, name)


def _outline(locator):
    return locator.evaluate(
        "el => { const s = getComputedStyle(el); return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; }"
    )


def header_and_menu_work_by_keyboard_with_a_visible_focus_ring(open_browser):
    for width in WIDTHS:
        page = open_browser(width=width)
        page.goto("/")

        # The first Tab shows the skip link; it takes the reader to the content.
        page.keyboard.press("Tab")
        skip = page.locator(":focus")
        assert skip.inner_text() == "Bỏ qua, đến nội dung chính"
        box = skip.bounding_box()
        assert box and box["x"] >= 0 and box["y"] >= 0, "the focused skip link is off screen"

        # Every stop in the header, through the whole menu, shows a ring that
        # stands out from what is around it (WCAG 1.4.11: 3:1).
        seen = []
        while True:
            focused = page.locator(":focus")
            style, thickness, colour = _outline(focused)
            label = focused.evaluate("el => el.innerText || el.getAttribute('aria-label') || el.name || el.tagName")
            assert style != "none" and thickness >= 2, f"no visible focus ring on {label!r} at {width}px"
            ratio = min(contrast_ratio(parse_rgb(colour), parse_rgb(bg)) for bg in backgrounds_behind(page, focused))
            assert ratio >= 3, f"focus ring on {label!r} at {width}px: contrast {ratio:.2f}:1 against its background"
            seen.append(label.strip())
            if focused.evaluate("el => !!el.closest('.main-nav') && !el.closest('li').nextElementSibling"):
                break
            assert len(seen) < 30, f"Tab never reached the end of the menu: {seen}"
            page.keyboard.press("Tab")
        assert "Trang chủ" in seen and "Xây dựng Đảng" in seen

        # Shift+Tab back to a section, Enter opens it.
        while page.locator(":focus").inner_text().strip() != "Xây dựng Đảng":
            page.keyboard.press("Shift+Tab")
        screenshot(page, "keyboard-focus-menu")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/xay-dung-dang/$"))

        # The skip link moves focus to the main content.
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.skipif(not has_photo_reports(), reason="photo reports and their lightbox come with #7")
def test_photo_report_and_its_lightbox_are_accessible_and_work_by_keyboard(open_browser):
    report = apps.get_model("news", "PhotoReportPage").objects.live().first()
    for width in WIDTHS:
        page = open_browser(width=width)
        page.goto(report.url)
        assert_accessible(page, f"photo report at {width}px")
        screenshot(page, "photo-report")

        # Keyboard: focus the first photo, Enter opens the lightbox with focus inside.
        first = page.locator("main a[data-lightbox-index], main .gallery a").first
        first.focus()
        page.keyboard.press("Enter")
        dialog = page.locator("dialog[open], [role='dialog']:visible").first
        dialog.wait_for()
        assert dialog.evaluate("d => d.contains(document.activeElement)"), "focus is not inside the open lightbox"
        caption = dialog.locator("figcaption").inner_text()
        page.keyboard.press("ArrowRight")
        assert dialog.locator("figcaption").inner_text() != caption, "ArrowRight did not move to the next photo"
        for _ in range(6):  # Tab stays inside
            page.keyboard.press("Tab")
            assert dialog.evaluate("d => d.contains(document.activeElement)"), "Tab left the open lightbox"
        assert_accessible(page, f"photo report with the lightbox open at {width}px")
        screenshot(page, "photo-report-lightbox")
        page.keyboard.press("Escape")
        dialog.wait_for(state="hidden")
        assert first.evaluate("a => a === document.activeElement"), "focus did not return to the photo"


@pytest.mark.skipif(not has_language_switcher(), reason="the English edition and its switcher come with #8")
def test_english_home_has_no_wcag_violations_at_phone_and_desktop_widths(open_browser):
    for width in WIDTHS:
        page = open_browser(width=width)
        response = page.goto("/en/")
        assert response.status == 200
        assert page.locator("html").get_attribute("lang") == "en"
        assert_accessible(page, f"English home at {width}px")
        screenshot(page, "english-home")
