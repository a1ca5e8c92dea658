"""The editor's side: every newsroom page type opens in the admin, and the
article form accepts a proper article and refuses a bad one in Vietnamese."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from news.demo import SHOWCASE_TITLE
from news.models import ArticlePage, InternalNoticeIndexPage, TopicIndexPage, TopicPage
from tests.factories import section

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def test_every_newsroom_page_type_opens_in_the_editor(admin_client, home_page):
    showcase = ArticlePage.objects.get(title=SHOWCASE_TITLE)
    pages = [
        showcase,
        section("thoi-su"),
        TopicIndexPage.objects.get(),
        TopicPage.objects.first(),
        InternalNoticeIndexPage.objects.get(),
        home_page,
    ]
    for page in pages:
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page
    assert admin_client.get(f"/admin/pages/add/news/articlepage/{section('thoi-su').pk}/").status_code == 200
    assert admin_client.get(f"/admin/pages/add/news/topicpage/{TopicIndexPage.objects.get().pk}/").status_code == 200


def _article_form(**overrides):
    data = {
        "title": "Bài viết soạn trong trang quản trị",
        "slug": "bai-viet-soan-trong-trang-quan-tri",
        "kicker": "",
        "lead": "Sapo ngắn gọn.",
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>Đoạn văn đầu tiên.</p>")),
                ("heading", {"text": "Tiêu đề phụ", "level": "h2"}),
                ("quote", {"text": "Lời trích dẫn.", "attribution": "Người phát biểu"}),
            ]
        ),
        "tags": "chuyển đổi số, cơ sở",
        "byline": "Phóng viên",
        "source": "",
        "source_url": "",
        "display_date": "",
    }
    data.update(overrides)
    form = nested_form_data(data)
    # A multiple choice is one key with several values, not a nested list.
    form["topics"] = [TopicPage.objects.get(slug="chuyen-doi-so").pk]
    return form


def test_editor_saves_an_article_draft_with_blocks_topics_and_tags(admin_client):
    parent = section("thoi-su")
    response = admin_client.post(f"/admin/pages/add/news/articlepage/{parent.pk}/", _article_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(slug="bai-viet-soan-trong-trang-quan-tri")
    assert not article.live
    draft = article.get_latest_revision_as_object()
    assert [b.block_type for b in draft.body] == ["paragraph", "heading", "quote"]
    assert [t.slug for t in draft.topics.all()] == ["chuyen-doi-so"]
    assert sorted(t.name for t in draft.tags.all()) == ["chuyển đổi số", "cơ sở"]


def test_an_overlong_lead_is_refused_with_a_vietnamese_message(admin_client):
    parent = section("thoi-su")
    response = admin_client.post(
        f"/admin/pages/add/news/articlepage/{parent.pk}/", _article_form(lead="Quá dài. " * 100)
    )
    assert response.status_code == 200
    assert "tối đa 600 ký tự" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="bai-viet-soan-trong-trang-quan-tri").exists()


def test_editor_views_the_draft_of_an_article_with_topics(admin_client):
    """ "Xem bản nháp" shows the draft as readers will see it, topics and
    related articles included (a page built from a revision holds its topics
    in memory, not in the database)."""
    article = ArticlePage.objects.live().filter(topics__isnull=False).distinct().first()
    topic = article.topics.first()
    article.title = "Bản nháp: tiêu đề đang được biên tập"
    article.save_revision()
    response = admin_client.get(f"/admin/pages/{article.pk}/view_draft/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bản nháp: tiêu đề đang được biên tập" in html
    assert topic.title in html
