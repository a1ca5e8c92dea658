"""Visitor statistics as readers and the board see them: the beacon counts
visits, online visitors and article views (bots apart, once per visitor),
a page served from a cache still counts, and the figures reach the sidebar
block, the article's view count and the boards' dashboard."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from news.models import ArticlePage
from stats.counting import BOT, GUEST, is_bot, record_hit
from stats.figures import block_figures, online_now, visit_totals
from stats.flush import flush
from stats.models import ArticleViewTotal, DailyVisits
from tests.stats_support import BROWSER, GOOGLEBOT, database_path, redis_path  # noqa: F401

pytestmark = pytest.mark.django_db

BEACON = re.compile(r'<script src="[^"]*beacon\.js" data-hit-url="([^"]+)"(?: data-article="([^"]+)")?')


@pytest.fixture(params=["database_path", "redis_path"])
def counting_path(request):
    request.getfixturevalue(request.param)
    return request.param


@pytest.fixture
def article():
    return ArticlePage.objects.listing().first()


def beacon_of(html):
    match = BEACON.search(html)
    assert match, "every page carries the counting beacon"
    return match.group(1), match.group(2)


def today_visits():
    flush()
    return visit_totals()


def views_of(article):
    flush()
    return ArticleViewTotal.objects.filter(page_id=article.pk).values_list("views", flat=True).first() or 0


def test_a_cached_page_still_counts(counting_path, article):
    """The page's HTML is the same for every reader (so a cache can serve it)
    and counting happens in the beacon it carries, not in the page view."""
    first = Client(HTTP_USER_AGENT=BROWSER).get(article.url)
    second = Client(HTTP_USER_AGENT=BROWSER).get(article.url)
    assert "portal_vid" not in first.cookies, "the page itself sets no cookie, so it stays cacheable"
    assert beacon_of(first.content.decode()) == beacon_of(second.content.decode())
    hit_url, signed_article = beacon_of(first.content.decode())
    before_visits, before_views = today_visits()["today"], views_of(article)

    # Three readers get the page from a cache: Django never renders it, only
    # their browsers run the beacon.
    for _ in range(3):
        assert Client(HTTP_USER_AGENT=BROWSER).post(hit_url, {"a": signed_article}).status_code == 204

    assert today_visits()["today"] == before_visits + 3
    assert views_of(article) == before_views + 3


def test_noscript_image_counts_without_javascript(counting_path, article):
    html = Client(HTTP_USER_AGENT=BROWSER).get(article.url).content.decode()
    pixel = re.search(r'<noscript><img class="stats-pixel" src="([^"]+)"', html).group(1).replace("&amp;", "&")
    before = views_of(article)
    response = Client(HTTP_USER_AGENT=BROWSER).get(pixel)
    assert response.status_code == 200 and response["Content-Type"] == "image/gif"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert views_of(article) == before + 1


def test_one_visit_per_visitor_and_one_view_per_article_per_day(counting_path, article):
    reader = Client(HTTP_USER_AGENT=BROWSER)
    _, signed = beacon_of(reader.get(article.url).content.decode())
    before_visits, before_views = today_visits()["today"], views_of(article)
    for _ in range(5):
        reader.post("/stats/hit/", {"a": signed})
    reader.post("/stats/hit/")  # another page of the site, same visit
    assert today_visits()["today"] == before_visits + 1
    assert views_of(article) == before_views + 1


def test_bots_are_counted_apart(counting_path, article):
    before = today_visits()
    _, signed = beacon_of(Client().get(article.url).content.decode())
    for _ in range(3):
        Client(HTTP_USER_AGENT=GOOGLEBOT).post("/stats/hit/", {"a": signed})
    Client(HTTP_USER_AGENT="").post("/stats/hit/")
    Client(HTTP_USER_AGENT=BROWSER).post("/stats/hit/")
    after = today_visits()
    assert after["today"] == before["today"] + 1, "only the browser is a visitor"
    assert after["today_bots"] == before["today_bots"] + 2, "Googlebot once (same agent), the empty agent once"
    online = online_now()
    assert (online["bots"], online["guests"], online["members"]) == (2, 1, 0)
    assert views_of(article) == ArticleViewTotal.objects.filter(page_id=article.pk).get().views
    assert is_bot(GOOGLEBOT) and is_bot("curl/8.5.0") and not is_bot(BROWSER)


def test_online_now_splits_members_guests_and_bots_and_forgets_after_five_minutes(counting_path):
    member = Client(HTTP_USER_AGENT=BROWSER)
    member.force_login(get_user_model().objects.get(username="dangvien"))
    member.post("/stats/hit/")
    Client(HTTP_USER_AGENT=BROWSER).post("/stats/hit/")
    Client(HTTP_USER_AGENT=BROWSER).post("/stats/hit/")
    record_hit("long-gone-visitor", GUEST, now=time.time() - 301)
    record_hit("long-gone-bot", BOT, now=time.time() - 600)
    assert online_now() == {"guests": 2, "members": 1, "bots": 0, "total": 3}


def test_a_forged_article_id_counts_no_view(counting_path, article):
    before = views_of(article)
    Client(HTTP_USER_AGENT=BROWSER).post("/stats/hit/", {"a": f"{article.pk}:forged"})
    Client(HTTP_USER_AGENT=BROWSER).post("/stats/hit/", {"a": str(article.pk)})
    assert views_of(article) == before


@pytest.mark.usefixtures("database_path")
def test_sidebar_block_shows_the_figures(client):
    today = DailyVisits.objects.get_or_create(date=timezone.localdate())[0]
    today.guests, today.members, today.bots = 1200, 34, 500
    today.save()
    Client(HTTP_USER_AGENT=GOOGLEBOT).post("/stats/hit/")
    html = client.get("/").content.decode()
    block = html[html.index('id="sidebox-stats-h"') :]
    block = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", block[: block.index("</section>")]))
    figures = block_figures()
    assert "Thống kê truy cập" in block
    assert f"Đang truy cập {figures['online']['total']}" in block
    assert "Máy chủ tìm kiếm 1" in block and "Khách viếng thăm 0" in block
    assert "Hôm nay 1.234" in block or "Hôm nay 1,234" in block or "Hôm nay 1234" in block
    assert "Tháng hiện tại" in block and "Tổng lượt truy cập" in block
    assert figures["today"] == 1234 and figures["today_bots"] == 501, "the bot's hit counts apart"


def test_article_view_count_is_shown_on_the_page_and_on_cards(client, article):
    ArticleViewTotal.objects.update_or_create(page_id=article.pk, defaults={"views": 4321})
    page_html = client.get(article.url).content.decode()
    assert "4321 lượt xem" in page_html
    section_html = client.get(article.get_parent().url).content.decode()
    assert "4321 lượt xem" in section_html


def test_dashboard_panel_for_the_boards_only(client):
    for username in ["bientap", "dieuhanh", "admin"]:
        client.force_login(get_user_model().objects.get(username=username))
        html = client.get("/admin/").content.decode()
        assert 'id="stats-dashboard' in html, username
        assert "<svg" in html and "10 bài được đọc nhiều nhất trong 7 ngày" in html
        assert "Xem số liệu dạng bảng" in html, "the chart has a table for screen readers"
        assert "cdn" not in html[html.index("stats-dashboard") :].lower()
    for username in ["congtacvien", "thuky"]:
        client.force_login(get_user_model().objects.get(username=username))
        assert 'id="stats-dashboard' not in client.get("/admin/").content.decode(), username


def test_dashboard_lists_the_weeks_most_read_articles(client):
    from stats.figures import top_articles

    top = top_articles()
    assert len(top) == 10 and top[0]["total"] >= top[-1]["total"], "the demo's week of views, most read first"
    client.force_login(get_user_model().objects.get(username="bientap"))
    html = client.get("/admin/").content.decode()
    assert top[0]["title"] in html


def test_a_flush_that_died_half_way_is_finished_once_by_the_next(request, settings, article):
    redis = request.getfixturevalue("redis_path")
    from stats.models import FlushedBatch

    prefix = settings.STATS_REDIS_PREFIX
    day = timezone.localdate().isoformat()
    before = views_of(article)
    # A batch renamed by a flush that then crashed before writing it…
    redis.hset(f"{prefix}flushing:views:crashed-1", f"{article.pk}:{day}", 7)
    # …and one written to the database by a flush that crashed before deleting it.
    redis.hset(f"{prefix}flushing:views:crashed-2", f"{article.pk}:{day}", 100)
    FlushedBatch.objects.create(name="flushing:views:crashed-2")
    assert views_of(article) == before + 7
    assert not list(redis.scan_iter(match=f"{prefix}flushing:*"))


@pytest.mark.usefixtures("database_path")
def test_the_flush_command_keeps_running_when_there_is_nothing_to_flush():
    """`make demo` and production run ``flush_stats`` beside the site; with
    nothing to move it used to stop with an AttributeError, and visitor
    counts were never flushed again."""
    from io import StringIO

    from django.core.management import call_command

    quiet, chatty = StringIO(), StringIO()
    call_command("flush_stats", stdout=quiet)
    call_command("flush_stats", stdout=chatty, verbosity=2)
    assert quiet.getvalue() == ""
    assert "visits +0" in chatty.getvalue()
