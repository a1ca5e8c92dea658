"""The security log (#10): who changed groups and permissions, who logged in,
who published; Ban Điều hành reads it in the admin ("Nhật ký"), nobody below."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from audit.models import AuditEvent
from news.models import ArticlePage
from tests.security_support import form_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def users():
    return {user.username: user for user in get_user_model().objects.all()}


def test_group_membership_and_group_permission_changes_are_recorded_with_who_did_it(client, users):
    client.force_login(users["admin"])
    contributor = users["congtacvien"]
    board = Group.objects.get(name="Ban Biên tập")
    url = reverse("wagtailusers_users:edit", args=[contributor.pk])
    query = form_with(client.get(url).content.decode(), "username")
    query.setlist("groups", query.getlist("groups") + [str(board.pk)])
    response = client.post(url, query)
    assert response.status_code == 302, response.content.decode()[:1000]
    event = AuditEvent.objects.filter(kind=AuditEvent.Kind.GROUP_MEMBERSHIP).first()
    assert event is not None and "congtacvien" in event.detail and "Ban Biên tập" in event.detail
    assert event.username == "admin"

    permission = Permission.objects.get(codename="view_security_log")
    board.permissions.add(permission)
    change = AuditEvent.objects.filter(kind=AuditEvent.Kind.GROUP_PERMISSIONS).first()
    assert "Ban Biên tập" in change.detail and "audit.view_security_log" in change.detail


def test_page_and_collection_permission_changes_are_recorded():
    group = Group.objects.get(name="Tổ Thư ký")
    publish = Permission.objects.get(codename="publish_page")
    GroupPagePermission.objects.create(group=group, page=Page.objects.get(depth=1), permission=publish)
    delete_image = Permission.objects.get(codename="delete_image")
    GroupCollectionPermission.objects.create(
        group=group, collection=Collection.get_first_root_node(), permission=delete_image
    )
    GroupPagePermission.objects.filter(group=group, permission=publish).delete()
    details = list(
        AuditEvent.objects.filter(
            kind__in=[AuditEvent.Kind.PAGE_PERMISSIONS, AuditEvent.Kind.COLLECTION_PERMISSIONS]
        ).values_list("detail", flat=True)
    )
    assert any(d.startswith("đặt") and "publish_page" in d for d in details)
    assert any(d.startswith("bỏ") and "publish_page" in d for d in details)
    assert any("delete_image" in d for d in details)


def test_making_someone_an_administrator_is_recorded(users):
    user = users["congtacvien"]
    user.is_superuser = True
    user.save()
    details = AuditEvent.objects.filter(kind=AuditEvent.Kind.USER_FLAGS).values_list("detail", flat=True)
    assert any("congtacvien" in d and "is_superuser: False → True" in d for d in details)


def test_the_steering_board_reads_logins_and_publishing_in_one_log(client, users):
    client.post("/admin/login/", {"username": "thuky", "password": "sai-mat-khau-roi"})
    article = ArticlePage.objects.live().first()
    article.save_revision(user=users["bientap"]).publish(user=users["bientap"])
    article.refresh_from_db()
    article.unpublish(user=users["bientap"])

    client.force_login(users["dieuhanh"])
    response = client.get(reverse("audit_log"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "<td>Đăng nhập sai</td><td>thuky</td>" in body
    assert "<td>Xuất bản</td>" in body and "<td>Gỡ xuất bản</td>" in body and article.title in body
    only_pages = client.get(reverse("audit_log"), {"loai": "trang"}).content.decode()
    assert "<td>Gỡ xuất bản</td>" in only_pages and "<td>Đăng nhập sai</td>" not in only_pages
    # The menu shows it under Reports.
    assert reverse("audit_log") in client.get("/admin/").content.decode()


@pytest.mark.parametrize("username", ["congtacvien", "thuky"])
def test_others_cannot_read_the_log(client, users, username):
    client.force_login(users[username])
    response = client.get(reverse("audit_log"))
    assert response.status_code in (302, 403)
    assert "Đăng nhập sai" not in response.content.decode()


def test_the_log_escapes_what_an_attacker_typed_as_a_user_name(client, users):
    client.post("/admin/login/", {"username": "<script>alert(1)</script>", "password": "x"})
    client.force_login(users["dieuhanh"])
    body = client.get(reverse("audit_log")).content.decode()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
