"""Shared fragments of the article page (#13): the body, related reading,
newer/older links, meta, breadcrumbs and language links are kept for every
reader until the next publish, so an uncached article costs a few queries.
These tests prove a reader never sees them stale and a preview never mixes
with them; and that finding a page by its address in fewer queries finds the
same pages as Wagtail."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Locale

from news.models import ArticlePage, SectionPage
from qa.models import QAIndexPage
from tests.factories import make_article, make_photo_report, section

pytestmark = pytest.mark.django_db


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_edit_shows_as_soon_as_it_is_published(client):
    article = make_article(section("thoi-su"), "Bài sẽ được sửa", body=[("paragraph", "<p>Đoạn văn ban đầu.</p>")])
    assert "Đoạn văn ban đầu." in html_of(client, article)
    assert "Đoạn văn ban đầu." in html_of(client, article)  # now from the fragment

    article.body = [("paragraph", "<p>Đoạn văn đã sửa.</p>")]
    article.lead = "Sapo đã sửa."
    article.save_revision().publish()

    html = html_of(client, article)
    assert "Đoạn văn đã sửa." in html and "Sapo đã sửa." in html
    assert "Đoạn văn ban đầu." not in html


def test_a_new_article_shows_in_the_related_reading_of_older_ones(client):
    column = section("thoi-su")
    older = make_article(column, "Bài đã có từ trước", display_date=timezone.now() - datetime.timedelta(minutes=5))
    assert "Bài vừa mới đăng" not in html_of(client, older)

    newer = make_article(column, "Bài vừa mới đăng")

    html = html_of(client, older)
    related = html[html.index('class="related') :]
    assert newer.url in related[: related.index("</section>")]


def test_a_new_neighbour_shows_in_the_newer_link(client):
    column = section("thoi-su")
    base = timezone.now() - datetime.timedelta(days=500)
    older = make_article(column, "Bài cũ chờ bài kế tiếp", display_date=base)
    newest_then = older.newer_and_older()[0]
    html_of(client, older)

    newer = make_article(column, "Bài kế tiếp vừa đăng", display_date=base + datetime.timedelta(minutes=1))

    assert newest_then != newer
    nav = html_of(client, older).split('class="newer-older', 1)[1]
    assert f'rel="next" href="{newer.url}"' in nav


def test_an_unpublished_neighbour_leaves_the_cached_links(client):
    column = section("thoi-su")
    older = make_article(column, "Bài cũ còn lại", display_date=timezone.now() - datetime.timedelta(minutes=5))
    newer = make_article(column, "Bài sắp gỡ xuống")
    assert newer.url in html_of(client, older)

    newer.unpublish()

    assert newer.url not in html_of(client, older)


def test_the_counts_and_comments_stay_live_under_a_kept_body(client):
    from qa.models import Comment

    article = make_article(section("thoi-su"), "Bài có ý kiến mới")
    html_of(client, article)
    Comment.objects.create(
        article=article, name="Trần Văn Nam", email="nam@example.vn", body="Rất hay.", status="approved"
    )

    html = html_of(client, article)
    assert "Trần Văn Nam" in html and "1 ý kiến" in html


def test_a_preview_neither_reads_nor_fills_the_kept_fragments(client):
    article = make_article(section("thoi-su"), "Bài có bản nháp", body=[("paragraph", "<p>Nội dung đang đăng.</p>")])
    assert "Nội dung đang đăng." in html_of(client, article)  # the live body is kept

    draft = article.get_latest_revision_as_object()
    draft.body = [("paragraph", "<p>Nội dung bản nháp chưa duyệt.</p>")]
    draft.save_revision()
    editor = get_user_model().objects.filter(is_superuser=True).first()
    request = RequestFactory().get(article.url)
    request.user = editor
    preview = draft.make_preview_request(request).render()
    text = preview.content.decode()
    assert "Nội dung bản nháp chưa duyệt." in text and "Nội dung đang đăng." not in text

    # Readers still get the live text, not the preview's.
    html = html_of(client, article)
    assert "Nội dung đang đăng." in html and "bản nháp chưa duyệt" not in html


def test_the_language_switcher_follows_a_new_translation(client):
    english = Locale.objects.get(language_code="en")
    article = make_article(section("thoi-su"), "Bài sắp có bản tiếng Anh")
    html = html_of(client, article)
    assert 'hreflang="en" lang="en">English</a>' in html or 'href="/en/" hreflang="en"' in html
    assert 'rel="alternate" hreflang="en"' not in html

    translation = article.copy_for_translation(english, copy_parents=True)
    translation.title = "Article soon in English"
    translation.slug = "article-soon-in-english"
    translation.save_revision().publish()
    translation.refresh_from_db()

    html = html_of(client, article)
    alternates = re.findall(r'<link rel="alternate" hreflang="en" href="([^"]+)">', html)
    assert alternates and alternates[0].endswith(translation.url), alternates


# --- Finding a page by its address ---------------------------------------------------


def test_every_kind_of_page_is_still_found_by_its_address(client):
    column = section("thoi-su")
    article = make_article(column, "Bài tìm theo địa chỉ")
    subsection = SectionPage(title="Chuyên mục con thử định tuyến", slug="chuyen-muc-con-dinh-tuyen")
    column.add_child(instance=subsection)
    subsection.save_revision().publish()
    nested = make_article(subsection, "Bài trong chuyên mục con")
    report = make_photo_report(column, "Phóng sự ảnh tìm theo địa chỉ")
    qa = QAIndexPage.objects.live().first()

    for page in (article, subsection, nested, report, qa):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()
    # A column's own addresses (its feed) and an article's (print) come first.
    assert client.get(column.url + "rss/")["Content-Type"].startswith("application/rss+xml")
    assert client.get(article.url + "print/").status_code == 200
    # A subclass of the usual child type is served as itself.
    assert client.get(qa.url).context["page"].__class__ is QAIndexPage


def test_drafts_expired_and_missing_articles_are_not_found(client):
    column = section("thoi-su")
    draft = make_article(column, "Bài nháp không có địa chỉ", publish=False)
    gone = make_article(column, "Bài hết hạn không có địa chỉ")
    ArticlePage.objects.filter(pk=gone.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))

    assert client.get(column.url + draft.slug + "/").status_code == 404
    assert client.get(gone.url).status_code == 404
    assert client.get(column.url + "khong-co-bai-nay/").status_code == 404
    assert client.get("/khong-co-chuyen-muc-nay/bai-viet/").status_code == 404


def test_a_members_own_comment_form_is_never_shared_with_other_readers(client):
    from django.test import Client

    article = make_article(section("thoi-su"), "Bài đảng viên góp ý")
    member = get_user_model().objects.get(username="dangvien")
    anonymous = html_of(client, article)  # the shared comments block is kept
    assert 'name="csrfmiddlewaretoken" value=""' in anonymous or "data-tokens-url" in anonymous

    member_client = Client()
    member_client.force_login(member)
    own = member_client.get(article.url).content.decode()
    assert member.get_full_name() in own and 'data-tokens-url="' not in own.split('id="y-kien-ban-doc"')[1]

    again = Client().get(article.url).content.decode()
    assert member.get_full_name() not in again


def test_a_restriction_on_the_section_still_closes_its_articles(client):
    from wagtail.models import PageViewRestriction

    column = section("thoi-su")
    article = make_article(column, "Bài trong chuyên mục sắp khóa")
    assert client.get(article.url).status_code == 200
    PageViewRestriction.objects.create(page=column, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(article.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_an_alias_of_a_restricted_article_is_closed_too(client):
    from wagtail.models import PageViewRestriction

    source = make_article(section("xay-dung-dang"), "Bài gốc chỉ cho đảng viên")
    PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
    alias = source.create_alias(parent=section("thoi-su"), update_slug="bai-goc-chi-cho-dang-vien-ban-sao")

    response = client.get(alias.url)
    assert response.status_code == 302 and "login" in response["Location"]


# --- The request's Site, kept in the worker ---------------------------------------------


def test_a_new_site_for_a_host_name_is_found_at_once(client):
    from wagtail.models import Page, Site

    from home.sites import MAX_HOSTS, _sites

    other_root = Page.objects.get(depth=1).add_child(title="Cổng thông tin huyện", slug="cong-huyen")
    other_root.save_revision().publish()
    # Both host names get the default site, and the worker keeps that.
    assert client.get("/", HTTP_HOST="tinh.example.vn").status_code == 200
    assert "Cổng thông tin huyện" not in client.get("/", HTTP_HOST="huyen.example.vn").content.decode()
    Site.objects.create(hostname="huyen.example.vn", port=80, root_page=other_root, site_name="Huyện")

    response = client.get("/", HTTP_HOST="huyen.example.vn")
    assert response.status_code == 200 and "Cổng thông tin huyện" in response.content.decode()
    assert "Cổng thông tin huyện" not in client.get("/", HTTP_HOST="tinh.example.vn").content.decode()

    for number in range(MAX_HOSTS * 2):  # a flood of made-up Host headers keeps a bounded copy
        client.get("/", HTTP_HOST=f"gia-{number}.example.vn")
    assert len(_sites) <= MAX_HOSTS


def test_each_request_gets_its_own_site_objects():
    from home.sites import keep_site, kept_site

    key = ("localhost", "80")
    keep_site(key)
    _found, first = kept_site(key)
    first.root_page.title = "Đổi trong một yêu cầu"
    first.site_name = "Đổi trong một yêu cầu"
    _found, second = kept_site(key)
    assert second.root_page.title != "Đổi trong một yêu cầu" and second.site_name != "Đổi trong một yêu cầu"
