"""The English edition: English readers get English chrome and English
content only, every page links to its other-language twin, translations are
made in wagtail-localize and reach readers only through the editorial
workflow, and every string of our templates and code has its English."""

import datetime
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission, Locale

from editorial import roles
from home.demo import ENGLISH_ARTICLES
from home.models import AboutPage
from news.demo import CREDITS
from news.models import ArticlePage, SectionPage
from news.templatetags.news_tags import dateline
from tests.test_editorial import act, current_step, fresh, login

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)
CATALOGUE = BASE_DIR / "site" / "locale" / "en" / "LC_MESSAGES" / "django.po"

# Letters only Vietnamese writes: none may reach an English reader.
VIETNAMESE_LETTERS = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ]")
VIETNAMESE_CHROME = ["Trang chủ", "Tìm kiếm", "Tin nổi bật", "Bỏ qua, đến nội dung chính", "Điện thoại", "ý kiến"]


@pytest.fixture
def users():
    return {user.username: user for user in get_user_model().objects.all()}


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def visible_text(html):
    """What a reader reads: no tags, scripts or attributes, and without the
    language switcher, whose "Tiếng Việt" is meant to be Vietnamese."""
    html = re.sub(r'<nav class="language-switcher".*?</nav>', " ", html, flags=re.S)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def assert_english_only(html, allowed=()):
    text = visible_text(html)
    for name in allowed:
        text = text.replace(name or "", "")
    for phrase in VIETNAMESE_CHROME:
        assert phrase not in text
    assert not VIETNAMESE_LETTERS.findall(text), text[:2000]


def english_page(page, english):
    return page.get_translation(english).specific


# --- What an English reader gets --------------------------------------------------------


def test_english_home_has_english_chrome_and_english_content_only(client, english):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    for phrase in ["Top stories", ">Home<", "Skip to main content", "Provincial Party Committee e-Portal"]:
        assert phrase in html
    assert "Party Committee activities" in html and "About us" in html  # the English sections in the menu
    assert_english_only(html)
    # Every article linked from the English home is an English page.
    linked = set(re.findall(r'<h3 class="card__title"><a href="([^"]+)"', html))
    assert linked
    english_urls = {page.url for page in ArticlePage.objects.live().filter(locale=english)}
    assert linked <= english_urls


@pytest.mark.parametrize("slug", ["thoi-su", "xay-dung-dang"])
def test_english_section_lists_english_articles_only(client, english, slug):
    section = english_page(SectionPage.objects.get(slug=slug, locale__language_code="vi"), english)
    html = client.get(section.url).content.decode()
    assert_english_only(html)
    expected = ArticlePage.objects.live().child_of(section)
    assert expected.exists()
    for article in expected:
        assert article.title in html


def test_english_article_shows_english_text_tags_and_related_reading(client, english):
    article = english_page(ArticlePage.objects.get(title=ENGLISH_ARTICLES[0]), english)
    html = client.get(article.url).content.decode()
    assert article.title in html and article.lead[:40] in html
    assert "Provincial Party Committee" in html  # an English tag
    # People's names (the byline, photo credits) are written as they are.
    assert_english_only(html, allowed=[article.byline_name, *CREDITS])
    assert "Share on Facebook" in html and "Print article" in html
    assert re.search(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} [A-Z][a-z]+ \d{4}", html)


def test_about_page_exists_in_both_languages_with_offices_and_contacts(client, english, home_page):
    about = AboutPage.objects.child_of(home_page).get()
    vi_html = client.get(about.url).content.decode()
    assert "Văn phòng Tỉnh ủy" in vi_html and "Cơ quan và địa chỉ liên hệ" in vi_html
    english_about = english_page(about, english)
    assert english_about.live
    html = client.get(english_about.url).content.decode()
    assert "Organisation structure" in html and "Offices and contacts" in html
    assert "Office of the Provincial Party Committee" in html and "0200 3 812 345" in html
    assert_english_only(html)


def test_english_footer_shows_the_boards_english_details(client):
    html = client.get("/en/").content.decode()
    assert "Address: 1 Tran Hung Dao Street" in html
    assert "Responsible for content: Head of the Commission" in html


def test_english_search_finds_english_pages_only(client, english):
    html = client.get("/en/search/", {"q": "bridge"}).content.decode()
    bridge = ArticlePage.objects.get(locale=english, title__contains="Buoi River")
    assert bridge.url in html and "1 result for" in html
    assert_english_only(html)
    # The Vietnamese original is found in Vietnamese, never the English copy.
    vi_html = client.get("/search/", {"q": "Khánh thành cầu dân sinh"}).content.decode()
    assert bridge.get_translation(Locale.objects.get(language_code="vi")).url in vi_html
    assert bridge.url not in vi_html


def test_dates_follow_the_readers_language():
    moment = datetime.datetime(2020, 6, 23, 12, 0, tzinfo=datetime.UTC)
    with translation.override("vi"):
        assert dateline(moment) == "Thứ ba - 23/06/2020 19:00"
    with translation.override("en"):
        assert dateline(moment) == "Tuesday, 23 June 2020 19:00"


# --- Language switcher and hreflang ------------------------------------------------------


def _switcher(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, flags=re.S).group(0)
    return {code: url for url, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)}


def _alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def test_switcher_and_hreflang_link_an_article_to_its_translation(client, english):
    source = ArticlePage.objects.get(title=ENGLISH_ARTICLES[1])
    target = english_page(source, english)
    vi_html = client.get(source.url).content.decode()
    assert '<html lang="vi">' in vi_html
    assert _switcher(vi_html) == {"vi": source.url, "en": target.url}
    assert _alternates(vi_html) == {
        "vi": f"http://localhost{source.url}",
        "x-default": f"http://localhost{source.url}",
        "en": f"http://localhost{target.url}",
    }
    en_html = client.get(target.url).content.decode()
    assert _switcher(en_html) == {"vi": source.url, "en": target.url}
    assert _alternates(en_html) == _alternates(vi_html)


def test_switcher_goes_to_the_english_home_when_there_is_no_translation(client, english):
    untranslated = ArticlePage.objects.live().filter(locale__language_code="vi", title__startswith="Tỉnh tập trung")
    page = untranslated.get()
    assert page.get_translation_or_none(english) is None
    html = client.get(page.url).content.decode()
    assert _switcher(html) == {"vi": page.url, "en": "/en/"}
    assert set(_alternates(html)) == {"vi", "x-default"}  # no English alternate for a page that has none


def test_switcher_ignores_a_translation_that_is_still_a_draft(client, english):
    page = ArticlePage.objects.live().filter(locale__language_code="vi", title__startswith="Tỉnh tập trung").get()
    draft = page.copy_for_translation(english, copy_parents=True)
    assert not draft.live
    html = client.get(page.url).content.decode()
    assert _switcher(html)["en"] == "/en/"


def test_switcher_keeps_the_search_query(client):
    html = client.get("/en/search/", {"q": "party"}).content.decode()
    assert _switcher(html) == {"vi": "/search/?q=party", "en": "/en/search/?q=party"}


# --- Translations go through the editorial workflow ----------------------------------------


def test_translators_may_start_translations_but_hold_no_publish_right():
    submit = Permission.objects.get(content_type__app_label="wagtail_localize", codename="submit_translation")
    for name in [roles.CONTRIBUTORS, roles.SECRETARIAT, roles.EDITORIAL_BOARD]:
        assert submit in Group.objects.get(name=name).permissions.all()
    contributor_groups = Group.objects.filter(name__startswith=roles.CONTRIBUTORS)
    assert not GroupPagePermission.objects.filter(
        group__in=contributor_groups, permission__codename="publish_page"
    ).exists()
    assert not GroupPagePermission.objects.filter(
        group__name=roles.SECRETARIAT, permission__codename="publish_page"
    ).exists()


def test_machine_translation_is_off(client, users, english):
    assert getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None) is None
    from wagtail_localize.models import Translation

    target = english_page(ArticlePage.objects.get(title=ENGLISH_ARTICLES[2]), english)
    login(client, users, "bientap")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk])).content.decode()
    assert "&quot;machineTranslator&quot;: null" in html or '"machineTranslator": null' in html
    translation_obj = Translation.objects.get(source__object_id=target.translation_key, target_locale=english)
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation_obj.pk]))
    assert response.status_code == 404


def test_contributors_translation_stays_a_draft_until_the_board_approves_it(client, users, english):
    source = ArticlePage.objects.live().filter(locale__language_code="vi", title__startswith="Tỉnh tập trung").get()
    login(client, users, "congtacvien")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[source.pk]), {"locales": [english.pk]}
    )
    assert response.status_code == 302
    translated = source.get_translation(english)
    assert not translated.live
    assert client.get(translated.url).status_code == 404  # readers cannot see a draft
    english_section = translated.get_parent()
    assert translated.title not in client.get(english_section.url).content.decode()

    # Publishing from the translation editor is refused to the translator.
    client.post(reverse("wagtailadmin_pages:edit", args=[translated.pk]), {"action": "publish"})
    assert not fresh(translated).live

    client.post(reverse("editorial_submit", args=[translated.pk]))
    assert current_step(translated) == "Tổ Thư ký kiểm tra"
    login(client, users, "thuky")
    act(client, translated, "approve")
    assert not fresh(translated).live
    login(client, users, "bientap")
    act(client, translated, "approve")
    assert fresh(translated).live
    client.logout()
    assert client.get(fresh(translated).url).status_code == 200


# --- The catalogue ---------------------------------------------------------------------------


def _catalogue():
    return polib.pofile(str(CATALOGUE))


def test_catalogue_translates_every_message_with_its_placeholders():
    catalogue = _catalogue()
    assert catalogue.percent_translated() == 100
    assert not catalogue.fuzzy_entries()
    for entry in catalogue:
        wanted = sorted(re.findall(r"%\(\w+\)[sd]", entry.msgid))
        strings = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in strings:
            assert sorted(re.findall(r"%\(\w+\)[sd]", text)) == wanted, entry.msgid
            assert not VIETNAMESE_LETTERS.search(text), entry.msgid


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_every_message_in_our_templates_and_code_has_an_english_translation(tmp_path):
    """Extract the messages as makemessages does, from a copy of the source
    (so the real catalogue is never rewritten by a test run), and compare."""
    copy = tmp_path / "src"
    shutil.copytree(
        BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(".venv", "var", ".git", "__pycache__", "*.po", "*.mo", "node_modules"),
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--ignore=.venv", "--ignore=var", "--no-location"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.test", "VAR_DIR": str(tmp_path)},
    )
    extracted = {entry.msgid for entry in polib.pofile(str(copy / "site/locale/en/LC_MESSAGES/django.po"))}
    translated = {entry.msgid for entry in _catalogue().translated_entries()}
    assert extracted, "nothing extracted"
    assert extracted - translated == set()
