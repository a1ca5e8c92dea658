"""The editorial workflow in the admin: the dashboard, the publish guard,
the send-back rule, the boards' report."""

import json

from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import PublishMenuItem, WorkflowMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.home import UserObjectsInWorkflowModerationPanel, WorkflowObjectsToModeratePanel
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page, WorkflowPage

from . import roles
from .panels import AwaitingMyReviewPanel, MyItemsPanel, SentBackPanel, StageCountsPanel
from .views import StageReportView, SubmitForReviewView
from .workflows import may_publish_directly

# --- Dashboard ----------------------------------------------------------------


@hooks.register("construct_homepage_panels")
def editorial_dashboard(request, panels):
    panels[:] = [
        panel
        for panel in panels
        if not isinstance(panel, WorkflowObjectsToModeratePanel | UserObjectsInWorkflowModerationPanel)
    ]
    panels.extend([AwaitingMyReviewPanel(), SentBackPanel(), MyItemsPanel(), StageCountsPanel()])


# --- Publishing only through the workflow's last step ---------------------------


def _refuse_publish(request, page):
    messages.error(
        request,
        _(
            "Chưa xuất bản “%(title)s”: bài ở đây phải qua quy trình “%(workflow)s”. "
            "Các thay đổi đã được lưu thành bản nháp; hãy gửi duyệt."
        )
        % {"title": page.get_admin_display_title(), "workflow": page.get_workflow().name},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_publish_page")
def guard_publish(request, page):
    if not may_publish_directly(request.user, page):
        return _refuse_publish(request, page)


@hooks.register("before_bulk_action")
def guard_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    with_descendants = bool(request.POST.get("include_descendants"))
    for obj in objects:
        if isinstance(obj, Page) and not _may_publish_subtree(request.user, obj, with_descendants):
            messages.error(
                request,
                _("Không xuất bản hàng loạt được: “%(title)s” phải qua quy trình duyệt.")
                % {"title": obj.get_admin_display_title()},
            )
            return redirect(request.META.get("HTTP_REFERER") or reverse("wagtailadmin_home"))
    return None


def _may_publish_subtree(user, page, with_descendants):
    if not may_publish_directly(user, page):
        return False
    if with_descendants:
        inner = WorkflowPage.objects.filter(
            page__path__startswith=page.path, page__depth__gt=page.depth, workflow__active=True
        ).select_related("page", "workflow")
        return all(may_publish_directly(user, rule.page, rule.workflow) for rule in inner)
    return True


@hooks.register("before_copy_page")
def guard_copy_and_publish(request, page):
    if request.method != "POST" or not request.POST.get("publish_copies"):
        return None
    parent = Page.objects.filter(pk=request.POST.get("new_parent_page") or 0).first()
    if parent is not None and not may_publish_directly(request.user, parent):
        messages.error(request, _("Bản sao ở chuyên mục này phải qua quy trình duyệt: bỏ chọn “xuất bản bản sao”."))
        return redirect("wagtailadmin_pages:copy", page.pk)
    return None


@hooks.register("construct_page_action_menu")
def editorial_action_menu(menu_items, request, context):
    page = context.get("page")
    workflow_page = page if context.get("view") != "create" else context.get("parent_page")
    if workflow_page is not None and workflow_page.pk and not may_publish_directly(request.user, workflow_page):
        menu_items[:] = [item for item in menu_items if not isinstance(item, PublishMenuItem)]
    # Wagtail builds "<label> and Publish" in English for the last step.
    state = page.current_workflow_state if page is not None and page.pk else None
    final = state is not None and state.is_at_final_task
    for item in menu_items:
        if isinstance(item, WorkflowMenuItem) and item.name == "approve":
            item.label = _("Duyệt và xuất bản") if final else _("Duyệt")
            if item.launch_modal:
                item.label = _("Duyệt kèm ý kiến và xuất bản") if final else _("Duyệt kèm ý kiến")


@hooks.register("before_edit_page", order=-10)
def refuse_send_back_without_comment(request, page):
    """The modal asks for a comment; a POST that skips it is refused here
    with a message instead of a bare 403 (ReviewTask.on_action)."""
    if request.method != "POST":
        return None
    if request.POST.get("action-workflow-action") and request.POST.get("workflow-action-name") == "reject":
        try:
            extra = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
        except ValueError:
            extra = {}
        if not str(extra.get("comment") or "").strip():
            messages.error(request, _("Trả lại bài cần có ý kiến để tác giả biết cần sửa gì."))
            return redirect("wagtailadmin_pages:edit", page.pk)
    # wagtail-localize's translation editor posts action=publish to this view.
    if request.POST.get("action") == "publish" and not may_publish_directly(request.user, page):
        return _refuse_publish(request, page)
    return None


# --- Sending a synced translation for review ------------------------------------


def submit_button(page, user, view_name=None, next_url=None):
    if page.locale_id == Locale.get_default().pk or page.alias_of_id:
        return
    perms = page.permissions_for_user(user)
    if not perms.can_submit_for_moderation() or page.workflow_in_progress:
        return
    from wagtail_localize.models import Translation

    synced = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).exists()
    if synced:
        url = reverse("editorial_submit", args=[page.pk])
        yield ListingButton(_("Gửi duyệt"), url, priority=55, icon_name="tasks")


hooks.register("register_page_listing_more_buttons", submit_button)
hooks.register("register_page_header_buttons", submit_button)


# --- Report and URLs --------------------------------------------------------------


@hooks.register("register_admin_urls")
def editorial_urls():
    return [
        path("editorial/report/", StageReportView.as_view(), name="editorial_report"),
        path(
            "editorial/report/results/",
            StageReportView.as_view(results_only=True),
            name="editorial_report_results",
        ),
        path("editorial/submit/<int:page_id>/", SubmitForReviewView.as_view(), name="editorial_submit"),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(roles.REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def editorial_report_menu_item():
    return ReportMenuItem(_("Quy trình biên tập"), reverse("editorial_report"), icon_name="tasks", order=50)


@hooks.register("register_permissions")
def editorial_permissions():
    app_label, codename = roles.REPORT_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)
