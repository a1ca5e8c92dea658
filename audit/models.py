"""The security log (#10): logins, failed logins, lock-outs, two-step results,
and changes to groups and permissions. Publishing and unpublishing stay in
Wagtail's own page log; the "Nhật ký" view reads both."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    class Kind(models.TextChoices):
        LOGIN = "login", _("Đăng nhập")
        LOGOUT = "logout", _("Đăng xuất")
        LOGIN_FAILED = "login_failed", _("Đăng nhập sai")
        LOCKED_OUT = "locked_out", _("Tạm khóa do nhập sai nhiều lần")
        OTP_VERIFIED = "otp_verified", _("Xác thực hai bước thành công")
        OTP_FAILED = "otp_failed", _("Xác thực hai bước sai")
        GROUP_MEMBERSHIP = "group_membership", _("Thay đổi nhóm của người dùng")
        GROUP_PERMISSIONS = "group_permissions", _("Thay đổi quyền của nhóm")
        PAGE_PERMISSIONS = "page_permissions", _("Thay đổi quyền trên trang")
        COLLECTION_PERMISSIONS = "collection_permissions", _("Thay đổi quyền trên thư mục ảnh, tài liệu")
        USER_FLAGS = "user_flags", _("Thay đổi quyền quản trị của người dùng")

    timestamp = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("loại"), max_length=32, choices=Kind.choices, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("tên đăng nhập"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    detail = models.TextField(_("chi tiết"), blank=True)

    class Meta:
        ordering = ["-timestamp", "-pk"]
        verbose_name = _("sự kiện an ninh")
        verbose_name_plural = _("nhật ký an ninh")
        permissions = [("view_security_log", _("Xem nhật ký an ninh"))]

    def __str__(self):
        return f"{self.timestamp:%d/%m/%Y %H:%M} {self.get_kind_display()} {self.username}"


def _ip(request):
    if request is None:
        return None
    from qa.antispam import client_ip

    value = client_ip(request)
    try:
        from ipaddress import ip_address

        ip_address(value)
        return value
    except ValueError:
        return None


def record(request, kind, user=None, username="", detail=""):
    """Writes one event. Never raises: a log that fails must not stop a login."""
    import logging

    if user is None and request is not None:
        candidate = getattr(request, "user", None)
        user = candidate if candidate is not None and candidate.is_authenticated else None
    try:
        return AuditEvent.objects.create(
            kind=kind,
            actor=user if user is not None and user.pk else None,
            username=(username or (user.get_username() if user is not None else ""))[:150],
            ip_address=_ip(request),
            detail=detail[:2000],
        )
    except Exception:
        logging.getLogger("portal.audit").exception("audit: could not record %s", kind)
        return None
