"""The article page as readers see it: date line, lead, byline, breadcrumbs,
related and newer/older links, share and print, and the meta that search
engines and social networks read."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from news.demo import SHOWCASE_TITLE
from news.models import ArticlePage, Author, TopicPage
from tests.factories import make_article, section

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    author = Author.objects.create(name="Hồng Nhung", is_pen_name=True, unit="Ban Tổ chức Tỉnh ủy")
    return make_article(
        section("xay-dung-dang"),
        "Chi bộ kiểu mẫu ở vùng cao",
        lead="Sapo <b>không</b> định dạng.",
        kicker="Gương người tốt",
        author=author,
        source="Báo Nhân Dân",
        display_date=datetime.datetime(2020, 6, 23, 12, 0, tzinfo=datetime.UTC),
        cover_image=ArticlePage.objects.live().first().cover_image,
        body=[("paragraph", "<p>Nội dung bài viết.</p>")],
        tags=["chi bộ", "vùng cao"],
    )


def test_article_shows_date_line_lead_and_byline_at_the_end(client, article):
    html = client.get(article.url).content.decode()
    assert (
        '<time class="article__dateline" datetime="2020-06-23T19:00:00+07:00">Thứ ba - 23/06/2020 19:00</time>' in html
    )
    assert "Gương người tốt" in html
    # The lead is plain text: what the editor typed is shown, not interpreted.
    assert "Sapo &lt;b&gt;không&lt;/b&gt; định dạng." in html
    byline = html.index('class="article__byline"')
    assert html.index("Nội dung bài viết.") < byline
    assert "Hồng Nhung" in html[byline : byline + 200] and "Ban Tổ chức Tỉnh ủy" in html[byline : byline + 300]
    assert "Nguồn: Báo Nhân Dân" in html


def test_article_has_breadcrumbs_to_its_section(client, article):
    html = client.get(article.url).content.decode()
    crumbs = html[html.index('aria-label="Đường dẫn"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert 'href="/"' in crumbs and f'href="{section("xay-dung-dang").url}"' in crumbs
    assert '<li aria-current="page">Chi bộ kiểu mẫu ở vùng cao</li>' in crumbs


def test_counts_slot_sits_after_the_date_line(client, article):
    html = client.get(article.url).content.decode()
    meta = html[html.index('class="article__meta"') :]
    assert meta.index("article__dateline") < meta.index("</p>")


def test_related_articles_come_from_the_same_topic_first_then_the_section(client):
    topic = TopicPage.objects.get(slug="bien-dao-viet-nam")
    elsewhere = make_article(section("nhan-su-moi"), "Cùng chuyên đề ở chuyên mục khác", topics=[topic])
    article = make_article(section("thoi-su"), "Bài đang đọc về biển đảo", topics=[topic])
    related = article.related_articles(limit=4)
    assert related[0] == elsewhere or elsewhere in related[: len(topic.articles.all())]
    assert article not in related
    same_topic = [a for a in related if topic in a.topics.all()]
    same_section = [a for a in related if topic not in a.topics.all()]
    assert related == same_topic + same_section
    assert all(a.get_parent().pk == section("thoi-su").pk for a in same_section)
    html = client.get(article.url).content.decode()
    block = html[html.index('id="related-h"') :]
    assert elsewhere.title in block


def test_newer_and_older_link_to_neighbours_in_the_section(client):
    thoi_su = section("thoi-su")
    base = timezone.now() - datetime.timedelta(days=200)
    older = make_article(thoi_su, "Bài cũ hơn trong chuỗi", display_date=base)
    middle = make_article(thoi_su, "Bài ở giữa chuỗi", display_date=base + datetime.timedelta(hours=1))
    newer = make_article(thoi_su, "Bài mới hơn trong chuỗi", display_date=base + datetime.timedelta(hours=2))
    assert middle.newer_and_older() == (newer, older)
    html = client.get(middle.url).content.decode()
    nav = html[html.index('class="newer-older') :]
    assert f'rel="next" href="{newer.url}"' in nav and f'rel="prev" href="{older.url}"' in nav
    # The newest in the section has no newer neighbour.
    newest = ArticlePage.objects.listing().child_of(thoi_su).first()
    assert newest.newer_and_older()[0] is None


def test_newer_and_older_skip_drafts_and_expired(client):
    thoi_su = section("thoi-su")
    base = timezone.now() - datetime.timedelta(days=300)
    first = make_article(thoi_su, "Đầu chuỗi", display_date=base)
    make_article(thoi_su, "Bản nháp ở giữa", publish=False, display_date=base + datetime.timedelta(hours=1))
    gone = make_article(thoi_su, "Đã hết hạn ở giữa", display_date=base + datetime.timedelta(hours=2))
    ArticlePage.objects.filter(pk=gone.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    last = make_article(thoi_su, "Cuối chuỗi", display_date=base + datetime.timedelta(hours=3))
    assert first.newer_and_older()[0] == last


def test_share_links_are_plain_links_with_no_third_party_script(client, article):
    html = client.get(article.url).content.decode()
    encoded = "http%3A%2F%2Flocalhost%2Fxay-dung-dang%2F"
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={encoded}' in html
    assert f'href="https://sp.zalo.me/share_inline?url={encoded}' in html
    assert 'data-copy-link="http://localhost/xay-dung-dang/' in html
    scripts = re.findall(r"<script[^>]*src=\"([^\"]+)\"", html)
    assert scripts and all(src.startswith("/static/") for src in scripts)


def test_print_view_is_the_article_alone_with_the_print_stylesheet(client, article):
    page = client.get(article.url).content.decode()
    assert f'href="{article.url}print/"' in page
    response = client.get(article.url + "print/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chi bộ kiểu mẫu ở vùng cao" in html and "Thứ ba - 23/06/2020 19:00" in html
    assert "Nội dung bài viết." in html and "Hồng Nhung" in html
    assert '<link rel="stylesheet" href="/static/css/print.css">' in html
    assert 'name="robots" content="noindex' in html
    assert f'<link rel="canonical" href="http://localhost{article.url}">' in html
    for chrome in ['class="main-nav"', 'role="search"', "layout__sidebar", "article-tools", 'id="related-h"']:
        assert chrome not in html


def test_print_stylesheet_hides_the_site_chrome():
    from pathlib import Path

    css = (Path(__file__).resolve().parent.parent / "site/static/css/print.css").read_text()
    hidden = css[: css.index("display: none !important")]
    for selector in [".masthead", ".main-nav", ".site-footer", ".layout__sidebar", ".article-tools", ".related"]:
        assert selector in hidden


def test_article_has_canonical_opengraph_twitter_and_news_article_data(client, article):
    html = client.get(article.url).content.decode()
    url = f"http://localhost{article.url}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Chi bộ kiểu mẫu ở vùng cao">' in html
    assert re.search(r'<meta property="og:image" content="http://localhost/media/images/[^"]+\.fill-1200x630', html)
    assert '<meta property="article:section" content="Xây dựng Đảng">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Chi bộ kiểu mẫu ở vùng cao"
    assert data["datePublished"].startswith("2020-06-23T19:00:00+07:00")
    assert data["author"] == [{"@type": "Person", "name": "Hồng Nhung"}]
    assert data["mainEntityOfPage"]["@id"] == url
    assert set(data["keywords"]) == {"chi bộ", "vùng cao"}


def test_structured_data_cannot_be_broken_out_of_by_a_title(client):
    article = make_article(section("thoi-su"), "Tiêu đề </script><script>alert(1)</script>")
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)" not in html


def test_display_date_defaults_to_first_publication():
    article = make_article(section("thoi-su"), "Bài không đặt ngày hiển thị")
    assert article.display_date == article.first_published_at


def test_article_query_count_stays_within_budget(client, django_assert_max_num_queries):
    article = ArticlePage.objects.live().get(title=SHOWCASE_TITLE)
    client.get(article.url)
    # 46: the language switcher's one query (the page's twins and both homes).
    with django_assert_max_num_queries(46):
        assert client.get(article.url).status_code == 200
