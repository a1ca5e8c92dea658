"""The combined "Nhật ký" for Ban Điều hành: security events from audit/ and
publishing events from Wagtail's own page log, newest first."""

from heapq import merge

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageLogEntry

from .models import AuditEvent

PAGE_ACTIONS = {
    "wagtail.publish": _("Xuất bản"),
    "wagtail.publish.scheduled": _("Xuất bản theo lịch"),
    "wagtail.unpublish": _("Gỡ xuất bản"),
    "wagtail.unpublish.scheduled": _("Gỡ xuất bản theo lịch"),
    "wagtail.delete": _("Xóa trang"),
}
PER_PAGE = 50
PERMISSION = "audit.view_security_log"


def can_view(user):
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def _security_rows(kind, limit):
    events = AuditEvent.objects.select_related("actor")
    if kind:
        events = events.filter(kind=kind)
    for event in events[:limit]:
        yield {
            "timestamp": event.timestamp,
            "what": event.get_kind_display(),
            "who": event.username or (event.actor.get_username() if event.actor else ""),
            "ip": event.ip_address or "",
            "detail": event.detail,
        }


def _page_rows(limit):
    for entry in PageLogEntry.objects.filter(action__in=PAGE_ACTIONS).select_related("user", "page")[:limit]:
        yield {
            "timestamp": entry.timestamp,
            "what": PAGE_ACTIONS[entry.action],
            "who": entry.user.get_username() if entry.user else "",
            "ip": "",
            "detail": entry.label,
        }


def log_view(request):
    if not can_view(request.user):
        raise PermissionDenied
    kind = request.GET.get("loai", "")
    kinds = dict(AuditEvent.Kind.choices)
    if kind not in kinds and kind != "trang":
        kind = ""
    try:
        number = max(1, min(int(request.GET.get("p", 1)), 1000))
    except ValueError:
        number = 1
    limit = number * PER_PAGE
    if kind == "trang":
        rows = list(_page_rows(limit))
    elif kind:
        rows = list(_security_rows(kind, limit))
    else:
        rows = list(merge(_security_rows("", limit), _page_rows(limit), key=lambda r: r["timestamp"], reverse=True))
    rows = rows[:limit]
    paginator = Paginator(rows, PER_PAGE)
    page = paginator.get_page(number)
    return TemplateResponse(
        request,
        "audit/log.html",
        {
            "rows": page,
            "kind": kind,
            "kinds": [("", _("Tất cả")), ("trang", _("Xuất bản, gỡ xuất bản")), *kinds.items()],
            "has_more": len(rows) == limit,
            "number": number,
        },
    )
