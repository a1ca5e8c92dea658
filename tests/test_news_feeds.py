"""RSS for RSS readers, sitemap and robots.txt for search engines: valid,
and never carrying drafts, private, future or expired articles."""

import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from urllib.parse import urlparse

import pytest
from django.utils import timezone

from news.models import ArticlePage, InternalNoticeIndexPage
from tests.factories import make_article, section

pytestmark = pytest.mark.django_db


def parse_rss(response):
    """Check what RSS 2.0 requires of a channel and its items; return them."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ["title", "link", "description"]:
        assert (channel.findtext(required) or "").strip(), required
    items = channel.findall("item")
    for item in items:
        assert item.findtext("title").strip()
        assert urlparse(item.findtext("link")).scheme == "http"
        assert item.findtext("guid") == item.findtext("link")
        assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None
        for enclosure in item.findall("enclosure"):
            assert urlparse(enclosure.get("url")).scheme == "http"
            assert int(enclosure.get("length")) > 0
            assert enclosure.get("type") == "image/jpeg"
    return channel, items


def test_site_feed_is_valid_rss_with_cover_enclosures_newest_first(client):
    channel, items = parse_rss(client.get("/rss/"))
    assert channel.findtext("title") == "Cổng thông tin điện tử Đảng bộ tỉnh"
    assert 10 <= len(items) <= 30
    dates = [parsedate_to_datetime(i.findtext("pubDate")) for i in items]
    assert dates == sorted(dates, reverse=True)
    assert all(i.find("enclosure") is not None for i in items)
    newest = ArticlePage.objects.listing().first()
    assert items[0].findtext("title") == newest.title
    assert items[0].findtext("description") == newest.lead


def test_section_feed_carries_only_that_section(client):
    thoi_su = section("thoi-su")
    channel, items = parse_rss(client.get(thoi_su.url + "rss/"))
    assert "Thời sự" in channel.findtext("title")
    titles = {i.findtext("title") for i in items}
    assert titles == set(ArticlePage.objects.listing().descendant_of(thoi_su).values_list("title", flat=True))
    assert all(i.findtext("category") == "Thời sự" for i in items)


def test_feeds_leave_out_drafts_private_future_and_expired_articles(client):
    thoi_su = section("thoi-su")
    now = timezone.now()
    make_article(thoi_su, "Bản nháp chưa duyệt", publish=False)
    future = make_article(thoi_su, "Bài hẹn giờ đăng sau", publish=False, go_live_at=now + datetime.timedelta(days=2))
    future.get_latest_revision().publish()
    expired = make_article(thoi_su, "Bài đã hết hạn đăng")
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=now - datetime.timedelta(minutes=5))
    notice_page = InternalNoticeIndexPage.objects.get()
    make_article(notice_page, "Thông báo mật cho đảng viên")
    leaked = {"Bản nháp chưa duyệt", "Bài hẹn giờ đăng sau", "Bài đã hết hạn đăng", "Thông báo mật cho đảng viên"}
    for url in ["/rss/", thoi_su.url + "rss/"]:
        _, items = parse_rss(client.get(url))
        assert not leaked & {i.findtext("title") for i in items}, url


def test_pages_advertise_their_feeds(client):
    html = client.get(section("thoi-su").url).content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="Thời sự" href="/thoi-su/rss/">' in html
    assert 'type="application/rss+xml"' in client.get("/").content.decode()


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root}


def test_sitemap_lists_public_pages_with_lastmod(client):
    urls = _sitemap(client)
    article = ArticlePage.objects.listing().first()
    assert f"http://localhost{article.url}" in urls
    # The portal's own day (Asia/Ho_Chi_Minh): from 17:00 UTC it is already tomorrow.
    assert urls[f"http://localhost{article.url}"] == timezone.localdate(article.last_published_at).isoformat()
    assert f"http://localhost{section('thoi-su').url}" in urls
    assert "http://localhost/chuyen-de/chuyen-doi-so/" in urls


def test_sitemap_leaves_out_private_expired_and_draft_pages(client):
    notice = make_article(InternalNoticeIndexPage.objects.get(), "Thông báo không vào sơ đồ trang")
    draft = make_article(section("thoi-su"), "Nháp không vào sơ đồ trang", publish=False)
    expired = make_article(section("thoi-su"), "Hết hạn không vào sơ đồ trang")
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    urls = " ".join(_sitemap(client))
    assert "thong-bao-noi-bo" not in urls
    for page in [notice, draft, expired]:
        assert page.slug not in urls


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: *" in text
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
