"""Receivers that fill the security log."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from .middleware import current_request
from .models import AuditEvent, record

Kind = AuditEvent.Kind
User = get_user_model()


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    record(request, Kind.LOGIN, user=user)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(request, Kind.LOGOUT, user=user)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    record(request, Kind.LOGIN_FAILED, username=str(credentials.get("username", ""))[:150])


@receiver(user_locked_out)
def _locked_out(sender, request, username, ip_address, **kwargs):
    record(request, Kind.LOCKED_OUT, username=str(username or "")[:150], detail=f"IP {ip_address}")


def _names(model, pks):
    if model is Group:
        return ", ".join(sorted(Group.objects.filter(pk__in=pks).values_list("name", flat=True)))
    from django.contrib.auth.models import Permission

    return ", ".join(
        sorted(
            f"{app}.{code}"
            for app, code in Permission.objects.filter(pk__in=pks).values_list("content_type__app_label", "codename")
        )
    )


_VERBS = {"post_add": "thêm", "post_remove": "bỏ", "post_clear": "xóa hết"}


@receiver(m2m_changed, sender=User.groups.through)
def _user_groups(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in _VERBS:
        return
    request = current_request()
    if reverse:  # group.user_set changed
        users = ", ".join(User.objects.filter(pk__in=pk_set or []).values_list("username", flat=True))
        detail = f"Nhóm {instance.name}: {_VERBS[action]} {users}"
    else:
        detail = f"Người dùng {instance.get_username()}: {_VERBS[action]} {_names(Group, pk_set or [])}"
    record(request, Kind.GROUP_MEMBERSHIP, detail=detail)


@receiver(m2m_changed, sender=Group.permissions.through)
def _group_permissions(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in _VERBS or reverse:
        return
    detail = f"Nhóm {instance.name}: {_VERBS[action]} {_names(model, pk_set or [])}"
    record(current_request(), Kind.GROUP_PERMISSIONS, detail=detail)


@receiver(m2m_changed, sender=User.user_permissions.through)
def _user_permissions(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in _VERBS or reverse:
        return
    detail = f"Người dùng {instance.get_username()}: {_VERBS[action]} {_names(model, pk_set or [])}"
    record(current_request(), Kind.USER_FLAGS, detail=detail)


def _object_permission_detail(instance, target):
    """Built from ids: on a cascade (a group deleted with its rights) the
    related rows may already be gone."""
    from django.contrib.auth.models import Permission

    group = Group.objects.filter(pk=instance.group_id).values_list("name", flat=True).first() or f"#{instance.group_id}"
    codename = (
        Permission.objects.filter(pk=instance.permission_id).values_list("codename", flat=True).first()
        or f"#{instance.permission_id}"
    )
    return f"Nhóm {group}: {codename} trên {target}"


@receiver(post_save, sender=GroupPagePermission)
@receiver(post_delete, sender=GroupPagePermission)
def _page_permission(sender, instance, raw=False, **kwargs):
    if raw:  # fixtures and test restores replay rows; nobody changed a right
        return
    verb = "bỏ" if "created" not in kwargs else "đặt"
    record(
        current_request(),
        Kind.PAGE_PERMISSIONS,
        detail=f"{verb} · {_object_permission_detail(instance, f'trang {instance.page_id}')}",
    )


@receiver(post_save, sender=GroupCollectionPermission)
@receiver(post_delete, sender=GroupCollectionPermission)
def _collection_permission(sender, instance, raw=False, **kwargs):
    if raw:
        return
    verb = "bỏ" if "created" not in kwargs else "đặt"
    record(
        current_request(),
        Kind.COLLECTION_PERMISSIONS,
        detail=f"{verb} · {_object_permission_detail(instance, f'thư mục {instance.collection_id}')}",
    )


@receiver(pre_save, sender=User)
def _user_flags(sender, instance, raw=False, **kwargs):
    if raw or not instance.pk:
        return
    old = User.objects.filter(pk=instance.pk).values("is_superuser", "is_staff", "is_active").first()
    if not old:
        return
    changes = [
        f"{name}: {old[name]} → {getattr(instance, name)}" for name in old if old[name] != getattr(instance, name)
    ]
    if changes:
        record(current_request(), Kind.USER_FLAGS, detail=f"Người dùng {instance.get_username()}: {'; '.join(changes)}")
