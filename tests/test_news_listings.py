"""Section, topic and home listings: newest first, readable pagination,
scheduled and expired articles kept out, and a query count that does not
grow with the number of articles listed."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from news.models import (
    ArticlePage,
    InternalNoticeIndexPage,
    SectionPage,
    TopicIndexPage,
    TopicPage,
    page_number,
)
from news.photo_reports import PhotoReportPage
from tests.factories import make_article, section

pytestmark = pytest.mark.django_db


def _titles_in_order(html, titles):
    positions = [html.index(t) for t in titles]
    return positions == sorted(positions)


def test_section_lists_newest_first_with_the_newest_featured_on_top(client):
    thoi_su = section("thoi-su")
    expected = list(ArticlePage.objects.listing().descendant_of(thoi_su).values_list("title", flat=True)[:5])
    html = client.get(thoi_su.url).content.decode()
    assert _titles_in_order(html, expected)
    featured = html[html.index("card--featured") :]
    assert featured.index(expected[0]) < featured.index("</li>")


def test_editor_can_pin_a_featured_article_on_a_section(client):
    thoi_su = section("thoi-su")
    oldest = ArticlePage.objects.listing().descendant_of(thoi_su).last()
    thoi_su.featured_article = oldest
    thoi_su.save_revision().publish()
    html = client.get(thoi_su.url).content.decode()
    featured = html[html.index("card--featured") :]
    assert featured.index(oldest.title) < featured.index("</li>")
    assert html.count(f">{oldest.title}</a>") == 1


@pytest.mark.parametrize(
    "raw, expected",
    [("abc", 1), ("", 1), (None, 1), ("0", 1), ("-3", 1), ("2.5", 1), ("2", 2), ("99999", 3), ("9" * 5000, 1)],
)
def test_page_parameter_means_what_a_reader_expects(raw, expected):
    assert page_number(raw, 3) == expected


@pytest.mark.parametrize("param", ["abc", "99999", "-1", "0", "1e3", "%00", "9" * 5000])
def test_bad_page_parameters_never_break_a_section(client, param):
    response = client.get(section("xay-dung-dang").url, {"page": param})
    assert response.status_code == 200
    assert "card--featured" in response.content.decode()


def test_page_past_the_end_shows_the_last_page_and_says_so(client):
    xdd = section("xay-dung-dang")
    for number in range(12):
        make_article(xdd, f"Bài phân trang số {number}")
    last = client.get(xdd.url, {"page": "99999"})
    assert last.status_code == 200
    html = last.content.decode()
    assert '<span aria-current="page">2</span>' in html
    assert f'<link rel="canonical" href="http://localhost{xdd.url}?page=2">' in html
    first = client.get(xdd.url, {"page": "abc"}).content.decode()
    assert '<span aria-current="page">1</span>' in first
    assert f'<link rel="canonical" href="http://localhost{xdd.url}">' in first


def test_section_links_its_sub_sections_and_lists_their_articles(client):
    parent = section("xay-dung-dang")
    sub = SectionPage(title="Công tác tổ chức", slug="cong-tac-to-chuc")
    parent.add_child(instance=sub)
    sub.save_revision().publish()
    article = make_article(sub, "Bài của chuyên mục con")
    html = client.get(parent.url).content.decode()
    assert f'href="{sub.url}"' in html
    assert article.title in html


def test_scheduled_and_expired_articles_stay_out_of_listings(client):
    thoi_su = section("thoi-su")
    now = timezone.now()
    future = make_article(thoi_su, "Bài hẹn giờ tuần sau", publish=False, go_live_at=now + datetime.timedelta(days=7))
    future.get_latest_revision().publish()
    expired = make_article(thoi_su, "Bài đã hết hạn hôm qua")
    # Expired since a minute ago; the publish_scheduled job has not run yet.
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=now - datetime.timedelta(minutes=1))
    future.refresh_from_db()
    assert not future.live

    for url in [thoi_su.url, "/"]:
        html = client.get(url).content.decode()
        assert "Bài hẹn giờ tuần sau" not in html
        assert "Bài đã hết hạn hôm qua" not in html
    assert client.get(expired.url).status_code == 404


def test_scheduled_article_appears_once_its_time_comes(client):
    thoi_su = section("thoi-su")
    article = make_article(thoi_su, "Bài đến giờ đăng", publish=False)
    revision = article.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    from django.core.management import call_command

    call_command("publish_scheduled")
    html = client.get(thoi_su.url).content.decode()
    assert "Bài đến giờ đăng" in html


def test_topic_page_lists_its_articles_from_every_section(client):
    topic = TopicPage.objects.get(slug="chuyen-doi-so")
    a = make_article(section("thoi-su"), "Số hóa hồ sơ đảng viên ở xã", topics=[topic])
    b = make_article(section("nhan-su-moi"), "Cán bộ phụ trách chuyển đổi số được phân công", topics=[topic])
    unrelated = make_article(section("thoi-su"), "Bài không thuộc chuyên đề")
    html = client.get(topic.url).content.decode()
    assert a.title in html and b.title in html
    assert unrelated.title not in html
    # Across sections, each card says where it comes from.
    assert "Nhân sự mới" in html and "Thời sự" in html


def test_topics_are_listed_on_their_index_and_in_the_sidebar(client):
    html = client.get("/chuyen-de/").content.decode()
    assert "Đưa Nghị quyết vào cuộc sống" in html and "Chuyển đổi số" in html
    home = client.get("/").content.decode()
    sidebar = home[home.index('class="layout__sidebar"') :]
    assert 'href="/chuyen-de/dua-nghi-quyet-vao-cuoc-song/"' in sidebar


def test_home_shows_top_stories_the_photo_strip_and_each_section(client):
    html = client.get("/").content.decode()
    top = html[html.index("top-stories") : html.index("photo-strip")]
    featured = ArticlePage.objects.listing().filter(feature_on_home=True, locale__language_code="vi").first()
    assert featured.title in top
    strip = html[html.index('class="photo-strip"') :]
    photo = PhotoReportPage.objects.listing().descendant_of(section("phong-su-anh")).first()
    assert photo.title in strip[: strip.index("</section>")]
    for slug in ["hoat-dong-cap-uy", "xay-dung-dang", "thoi-su", "nhan-su-moi"]:
        assert f'href="{section(slug).url}"' in html[html.index("home-section") :]


def test_feature_on_home_pins_an_article_to_top_stories(client):
    old = make_article(
        section("nhan-su-moi"),
        "Bài cũ được ghim lên trang chủ",
        feature_on_home=True,
        display_date=timezone.now() - datetime.timedelta(days=10),
    )
    html = client.get("/").content.decode()
    assert old.title in html[html.index("top-stories") : html.index("photo-strip")]


# --- query budgets ---------------------------------------------------------


def _queries(client, url):
    client.get(url)  # warm up: renditions and the site's root paths
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_section_query_count_does_not_grow_with_the_articles_listed(client, django_assert_max_num_queries):
    nhan_su = section("nhan-su-moi")
    few = _queries(client, nhan_su.url)
    for number in range(8):
        make_article(nhan_su, f"Thêm bài số {number}", cover_image=ArticlePage.objects.live().first().cover_image)
    assert _queries(client, nhan_su.url) == few
    with django_assert_max_num_queries(24):
        client.get(nhan_su.url)


def test_topic_query_count_does_not_grow_with_the_articles_listed(client, django_assert_max_num_queries):
    topic = TopicPage.objects.get(slug="chuyen-doi-so")
    few = _queries(client, topic.url)
    image = ArticlePage.objects.live().first().cover_image
    for number in range(6):
        make_article(section("thoi-su"), f"Bài chuyên đề số {number}", topics=[topic], cover_image=image)
    assert _queries(client, topic.url) == few
    with django_assert_max_num_queries(24):
        client.get(topic.url)


def test_home_query_count_does_not_grow_with_the_articles_listed(client, django_assert_max_num_queries, monkeypatch):
    few = _queries(client, "/")
    monkeypatch.setattr(HomePage, "PER_SECTION", 8)
    monkeypatch.setattr(HomePage, "TOP_STORIES", 10)
    assert _queries(client, "/") == few
    with django_assert_max_num_queries(31):  # PostgreSQL picks each column's newest in a query of its own
        client.get("/")


# --- page tree ---------------------------------------------------------------


class NewsroomTreeTests(WagtailPageTestCase):
    def test_topics_live_under_one_topic_index_under_home(self):
        self.assertAllowedParentPageTypes(TopicIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(TopicPage, {TopicIndexPage})
        self.assertAllowedSubpageTypes(TopicPage, set())

    def test_internal_notices_hang_off_home_and_hold_only_articles(self):
        self.assertAllowedParentPageTypes(InternalNoticeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(InternalNoticeIndexPage, {ArticlePage})

    def test_home_holds_sections_topics_and_notices(self):
        from home.models import AboutPage  # Giới thiệu / About: organisation structure and contacts
        from qa.models import QAIndexPage  # the Hỏi - Đáp column, a section that takes readers' questions

        self.assertAllowedSubpageTypes(
            HomePage, {SectionPage, TopicIndexPage, InternalNoticeIndexPage, QAIndexPage, AboutPage}
        )
