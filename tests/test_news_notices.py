"""Internal notices (Thông báo nội bộ): readable by Party members and the
editors only, through Wagtail's page privacy, and never anywhere public."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import BaseViewRestriction, PageViewRestriction

from editorial import roles
from news.demo import NOTICES
from news.models import ArticlePage, InternalNoticeIndexPage
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice_page():
    return InternalNoticeIndexPage.objects.get()


@pytest.fixture
def notice(notice_page):
    return ArticlePage.objects.child_of(notice_page).get(title=NOTICES[0])


def _login(client, username):
    client.force_login(get_user_model().objects.get(username=username))


def test_anonymous_reader_is_sent_to_log_in(client, notice_page, notice):
    for url in [notice_page.url, notice.url, notice.url + "print/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/_util/login/" in response["Location"]


@pytest.mark.parametrize("username", ["dangvien", "bientap", "thuky", "dieuhanh", "admin"])
def test_party_members_and_editors_read_notices(client, notice_page, notice, username):
    _login(client, username)
    index = client.get(notice_page.url)
    assert index.status_code == 200 and NOTICES[0] in index.content.decode()
    page = client.get(notice.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'content="noindex, nofollow"' in html
    # Nobody is invited to share a members-only notice on social networks.
    assert "facebook.com/sharer" not in html and "sp.zalo.me" not in html


def test_a_logged_in_reader_outside_the_groups_cannot_read(client, notice):
    outsider = get_user_model().objects.create_user("bandoc", password="x" * 16)
    for login in [lambda: client.force_login(outsider), lambda: _login(client, "congtacvien")]:
        login()
        response = client.get(notice.url)
        # Wagtail sends them to log in as someone who may read it.
        assert response.status_code == 302 and "/_util/login/" in response["Location"]
        assert NOTICES[0] not in client.get("/").content.decode()


def test_notices_never_appear_in_public_lists_feeds_or_anonymous_search(client):
    titles = NOTICES
    for url in ["/", "/thoi-su/", "/chuyen-de/chuyen-doi-so/", "/rss/", "/sitemap.xml"]:
        body = client.get(url).content.decode()
        assert not [t for t in titles if t in body], url
    results = client.get("/search/", {"q": "sinh hoạt chi bộ định kỳ"}).content.decode()
    assert titles[0] not in results
    assert not ArticlePage.objects.listing().filter(title__in=titles).exists()


def test_sidebar_lists_notices_for_members_and_only_a_way_in_for_others(client, notice_page):
    anonymous = client.get("/").content.decode()
    sidebar = anonymous[anonymous.index("sidebox--notices") :]
    sidebar = sidebar[: sidebar.index("</section>")]
    assert "Đăng nhập để xem" in sidebar and NOTICES[0] not in sidebar
    _login(client, "dangvien")
    member = client.get("/").content.decode()
    sidebar = member[member.index("sidebox--notices") :]
    sidebar = sidebar[: sidebar.index("</section>")]
    assert all(title in sidebar for title in NOTICES)


def test_notice_page_restriction_cannot_be_removed_or_widened(notice_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=notice_page).delete()
    restriction = PageViewRestriction.objects.get(page=notice_page)
    assert restriction.restriction_type == BaseViewRestriction.GROUPS

    with django_capture_on_commit_callbacks(execute=True):
        restriction.restriction_type = BaseViewRestriction.PASSWORD
        restriction.password = "123"
        restriction.save()
        restriction.groups.add(Group.objects.get(name=roles.CONTRIBUTORS))
    restriction.refresh_from_db()
    assert restriction.restriction_type == BaseViewRestriction.GROUPS and not restriction.password
    assert set(restriction.groups.values_list("name", flat=True)) == set(InternalNoticeIndexPage.READER_GROUPS)


def test_a_new_notice_page_is_private_from_the_start(home_page):
    InternalNoticeIndexPage.objects.all().delete()
    page = InternalNoticeIndexPage(title="Thông báo nội bộ mới", slug="thong-bao-moi")
    home_page.add_child(instance=page)
    restriction = PageViewRestriction.objects.get(page=page)
    assert set(restriction.groups.values_list("name", flat=True)) == set(InternalNoticeIndexPage.READER_GROUPS)
    article = make_article(page, "Thông báo đầu tiên")
    assert not ArticlePage.objects.listing().filter(pk=article.pk).exists()
    assert ArticlePage.objects.listing(include_private=True).filter(pk=article.pk).exists()
