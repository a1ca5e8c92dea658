from django import template
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

register = template.Library()

WEEKDAYS = [_("Thứ hai"), _("Thứ ba"), _("Thứ tư"), _("Thứ năm"), _("Thứ sáu"), _("Thứ bảy"), _("Chủ nhật")]


@register.filter
def dateline(value):
    """The portal's date line, as readers know it: ``Thứ ba - 23/06/2020 19:00``
    (local time, Vietnamese weekday; the English site translates the weekday)."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return f"{WEEKDAYS[local.weekday()]} - {local:%d/%m/%Y %H:%M}"


@register.filter
def shortdate(value):
    if not value:
        return ""
    return f"{timezone.localtime(value):%d/%m/%Y}"
