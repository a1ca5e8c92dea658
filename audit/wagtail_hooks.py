from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


class LogMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_view(request.user)


@hooks.register("register_admin_urls")
def audit_urls():
    return [path("nhat-ky/", views.log_view, name="audit_log")]


@hooks.register("register_reports_menu_item")
def audit_menu_item():
    return LogMenuItem(_("Nhật ký"), reverse("audit_log"), icon_name="history", order=900)
