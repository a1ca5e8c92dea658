"""Ý kiến bạn đọc: comments under articles, pre-moderated, replied to by the
board, counted in listings."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import ArticlePage
from qa.models import Comment, ParticipationSettings, with_comment_counts
from tests.qa_support import EMAIL, board_client, comment_data, user

__all__ = ["board_client"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    # One with no demo comments, so counts start from zero.
    return ArticlePage.objects.live().filter(comments__isnull=True).order_by("pk").first()


def comment_url(article):
    return f"/y-kien/{article.pk}/"


def test_comment_waits_for_moderation_and_the_reader_is_told(client, article):
    response = client.post(comment_url(article), comment_data())
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}?y-kien=cho-duyet#y-kien-ban-doc"
    comment = Comment.objects.get(article=article)
    assert comment.status == Comment.Status.PENDING and comment.consent_at

    html = client.get(response["Location"]).content.decode()
    assert "Ý kiến của bạn đang chờ duyệt" in html
    assert comment_data()["body"] not in html  # not shown before approval
    assert "Ý kiến bạn đọc" in html and "(0)" in html


def test_approved_comment_shows_name_and_date_never_email_and_the_board_reply(client, article):
    Comment.objects.create(
        article=article,
        name="Lê Thị Bình",
        email=EMAIL,
        body="Bài viết hay.",
        status=Comment.Status.APPROVED,
        reply="Cảm ơn bạn, Ban Biên tập ghi nhận.",
    )
    html = client.get(article.url).content.decode()
    assert "Lê Thị Bình" in html and "Bài viết hay." in html and "(1)" in html
    assert "Cảm ơn bạn, Ban Biên tập ghi nhận." in html and "<strong>Ban Biên tập</strong>" in html
    assert EMAIL not in html
    assert 'class="comment__meta"' in html and "<time datetime=" in html.split('class="comment"')[1]


def test_invalid_comment_shows_messages_keeps_the_text_and_stores_nothing(client, article):
    response = client.post(comment_url(article), comment_data(email="sai", consent=None))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Địa chỉ thư điện tử không hợp lệ" in html
    assert "Bạn cần đồng ý với việc xử lý dữ liệu cá nhân" in html
    assert comment_data()["body"] in html and article.title in html
    assert not Comment.objects.filter(article=article).exists()


def test_too_long_comment_is_refused(client, article):
    response = client.post(comment_url(article), comment_data(body="x" * 2001))
    assert response.status_code == 400 and "Ý kiến dài quá 2000 ký tự." in response.content.decode()
    assert not Comment.objects.filter(article=article).exists()


def test_honeypot_comment_stores_nothing(client, article):
    assert client.post(comment_url(article), comment_data(website="x")).status_code == 400
    assert not Comment.objects.filter(article=article).exists()


def test_trusted_members_are_published_at_once_when_the_board_says_so(client, article, home_page):
    member = user("dangvien")
    client.force_login(member)
    # Logged-in readers find their name filled in.
    assert member.get_full_name() in client.get(article.url).content.decode()

    client.post(comment_url(article), comment_data(body="Ý kiến của đảng viên, chờ duyệt."))
    assert Comment.objects.get(article=article).status == Comment.Status.PENDING

    options = ParticipationSettings.for_site(home_page.get_site())
    options.trust_members = True
    options.save()
    response = client.post(comment_url(article), comment_data(body="Ý kiến đăng ngay."))
    assert "y-kien=da-dang" in response["Location"]
    assert "Ý kiến đăng ngay." in client.get(article.url).content.decode()
    assert Comment.objects.get(body="Ý kiến đăng ngay.").user == member

    client.logout()
    client.post(comment_url(article), comment_data(body="Khách vẫn phải chờ duyệt."))
    assert Comment.objects.get(body="Khách vẫn phải chờ duyệt.").status == Comment.Status.PENDING


def test_comments_switched_off_refuse_and_keep_the_text(client, article, home_page):
    options = ParticipationSettings.for_site(home_page.get_site())
    options.comments_enabled = False
    options.save()
    response = client.post(comment_url(article), comment_data())
    assert response.status_code == 403
    html = response.content.decode()
    assert "tạm dừng" in html and comment_data()["body"] in html
    assert not Comment.objects.filter(article=article).exists()


def test_comment_on_an_unpublished_or_missing_article_is_not_found(client):
    assert client.post("/y-kien/999999/", comment_data()).status_code == 404
    assert client.get(f"/y-kien/{ArticlePage.objects.first().pk}/").status_code == 405


def test_board_bulk_approves_and_rejects(board_client, client, article):
    comments = [
        Comment.objects.create(article=article, name=f"Bạn đọc {i}", email=EMAIL, body=f"Ý kiến số {i}")
        for i in range(3)
    ]
    ids = "&".join(f"id={c.pk}" for c in comments[:2])
    confirm = board_client.get(f"/admin/bulk/qa/comment/approve/?{ids}")
    assert confirm.status_code == 200 and "Ý kiến số 0" in confirm.content.decode()
    assert board_client.post(f"/admin/bulk/qa/comment/approve/?{ids}").status_code == 302
    board_client.post(f"/admin/bulk/qa/comment/reject/?id={comments[2].pk}")
    statuses = dict(Comment.objects.filter(article=article).values_list("body", "status"))
    assert statuses == {"Ý kiến số 0": "approved", "Ý kiến số 1": "approved", "Ý kiến số 2": "rejected"}
    html = client.get(article.url).content.decode()
    assert "Ý kiến số 0" in html and "Ý kiến số 1" in html and "Ý kiến số 2" not in html and "(2)" in html


def test_board_queue_lists_pending_comments_with_bulk_actions(board_client, article):
    Comment.objects.create(article=article, name="Chờ", email=EMAIL, body="Ý kiến chờ duyệt trong hàng đợi")
    html = board_client.get("/admin/snippets/qa/comment/?status=pending").content.decode()
    assert "Ý kiến chờ duyệt trong hàng đợi" in html
    assert "/admin/bulk/qa/comment/approve/" in html and "/admin/bulk/qa/comment/reject/" in html


def test_people_without_permission_cannot_moderate(client, article):
    comment = Comment.objects.create(article=article, name="X", email=EMAIL, body="Chưa duyệt")
    client.force_login(user("congtacvien"))
    client.post(f"/admin/bulk/qa/comment/approve/?id={comment.pk}")
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.PENDING


def test_listing_counts_come_in_the_same_query(article):
    articles = list(ArticlePage.objects.live().filter(comments__isnull=True).order_by("pk")[:4])
    assert articles[0] == article
    for n, each in enumerate(articles):
        for i in range(n):
            Comment.objects.create(article=each, name="A", email=EMAIL, body=f"{i}", status=Comment.Status.APPROVED)
        # Pending and rejected comments are not counted.
        Comment.objects.create(article=each, name="B", email=EMAIL, body="chờ")
        Comment.objects.create(article=each, name="C", email=EMAIL, body="không", status=Comment.Status.REJECTED)
    queryset = with_comment_counts(ArticlePage.objects.filter(pk__in=[a.pk for a in articles]))
    with CaptureQueriesContext(connection) as queries:
        counts = {a.pk: a.comment_count for a in queryset}
    assert len(queries) == 1
    assert counts == {each.pk: n for n, each in enumerate(articles)}


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_article_page_query_count_does_not_grow_with_its_comments(client, article, django_assert_max_num_queries):
    Comment.objects.create(article=article, name="N", email=EMAIL, body="ok", status=Comment.Status.APPROVED)
    client.get(article.url)  # warm Wagtail's site and settings caches
    one = _queries(client, article.url)
    for i in range(15):
        Comment.objects.create(article=article, name=f"N{i}", email=EMAIL, body="ok", status=Comment.Status.APPROVED)
    with django_assert_max_num_queries(45):  # the newsroom's budget for an article page
        html = client.get(article.url).content.decode()
    assert "(16)" in html
    assert _queries(client, article.url) == one


def test_board_edits_the_participation_settings(board_client, home_page):
    url = "/admin/settings/qa/participationsettings/"
    form = board_client.get(url, follow=True)
    assert form.status_code == 200 and "Đăng ngay ý kiến của thành viên đã đăng nhập" in form.content.decode()
    site_url = form.redirect_chain[-1][0]
    response = board_client.post(
        site_url, {"comments_enabled": "on", "trust_members": "on", "notify_email": "", "retention_days": "180"}
    )
    assert response.status_code == 302
    options = ParticipationSettings.for_site(home_page.get_site())
    assert options.trust_members and options.retention_days == 180


def test_comment_count_filter_uses_the_listing_annotation(article, django_assert_num_queries):
    from qa.templatetags.qa_tags import comment_count

    Comment.objects.create(article=article, name="A", email=EMAIL, body="Một", status=Comment.Status.APPROVED)
    annotated = with_comment_counts(ArticlePage.objects.filter(pk=article.pk)).get()
    with django_assert_num_queries(0):
        assert comment_count(annotated) == 1
    plain = ArticlePage.objects.get(pk=article.pk)
    with django_assert_num_queries(1):
        assert comment_count(plain) == 1


def test_section_cards_show_comment_counts_without_a_query_per_card(client, article):
    for i in range(3):
        Comment.objects.create(article=article, name=f"N{i}", email=EMAIL, body="ok", status=Comment.Status.APPROVED)
    section_url = article.get_parent().url
    client.get(section_url)
    with CaptureQueriesContext(connection) as first:
        html = client.get(section_url).content.decode()
    assert f'{article.url}#y-kien-ban-doc">3 ý kiến</a>' in html
    other = ArticlePage.objects.live().filter(comments__isnull=True).exclude(pk=article.pk).first()
    Comment.objects.create(article=other, name="M", email=EMAIL, body="ok", status=Comment.Status.APPROVED)
    with CaptureQueriesContext(connection) as second:
        client.get(section_url)
    assert len(second) == len(first)
