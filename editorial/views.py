"""Admin views of the editorial app: the boards' report of items by
workflow stage, and "send for review" for pages whose editor has no submit
button (wagtail-localize's translation editor)."""

import datetime

import django_filters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import CharField
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, Task, Workflow, WorkflowState

from . import roles
from .queries import SECTION_DEPTH, page_content_type, page_ids_under, pages_by_id, sections_for

STATUS_LABELS = {
    WorkflowState.STATUS_IN_PROGRESS: _("Đang duyệt"),
    WorkflowState.STATUS_NEEDS_CHANGES: _("Bị trả lại"),
    WorkflowState.STATUS_APPROVED: _("Đã duyệt"),
    WorkflowState.STATUS_CANCELLED: _("Đã hủy"),
}


def _requesters(request):
    User = get_user_model()
    ids = WorkflowState.objects.exclude(requested_by=None).values("requested_by")
    return User.objects.filter(pk__in=ids).order_by("last_name", "first_name", "username")


def _sections(request):
    return Page.objects.filter(depth=SECTION_DEPTH).order_by("path")


class StageReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Trạng thái"), choices=list(STATUS_LABELS.items()), empty_label=_("Tất cả")
    )
    step = django_filters.ModelChoiceFilter(
        label=_("Bước hiện tại"),
        field_name="current_task_state__task",
        queryset=Task.objects.filter(active=True).order_by("pk"),
        empty_label=_("Tất cả"),
    )
    workflow = django_filters.ModelChoiceFilter(
        label=_("Quy trình"), queryset=Workflow.objects.filter(active=True).order_by("pk"), empty_label=_("Tất cả")
    )
    section = django_filters.ModelChoiceFilter(
        label=_("Chuyên mục"), queryset=_sections, method="filter_section", empty_label=_("Tất cả")
    )
    language = django_filters.ModelChoiceFilter(
        label=_("Ngôn ngữ"), queryset=Locale.objects.all(), method="filter_language", empty_label=_("Tất cả")
    )
    requested_by = django_filters.ModelChoiceFilter(label=_("Người gửi"), queryset=_requesters, empty_label=_("Tất cả"))
    created_at = django_filters.DateFromToRangeFilter(label=_("Gửi duyệt trong khoảng"), widget=DateRangePickerWidget)

    class Meta:
        model = WorkflowState
        fields = []

    def filter_section(self, queryset, name, value):
        return queryset.filter(object_id__in=page_ids_under(value)) if value else queryset

    def filter_language(self, queryset, name, value):
        if not value:
            return queryset
        ids = Page.objects.filter(locale=value).values_list(Cast("id", output_field=CharField()))
        return queryset.filter(object_id__in=ids)


class StageReportView(ReportView):
    """Items by workflow stage, filterable, exportable (CSV, XLSX): for the
    Editorial and Steering Boards (permission "Xem báo cáo quy trình biên tập")."""

    page_title = _("Báo cáo quy trình biên tập")
    header_icon = "tasks"
    results_template_name = "editorial/reports/stage_report_results.html"
    filterset_class = StageReportFilterSet
    index_url_name = "editorial_report"
    index_results_url_name = "editorial_report_results"
    list_export = [
        "item_id",
        "page_title",
        "section_title",
        "language",
        "workflow.name",
        "step_name",
        "status_label",
        "requester_name",
        "created_at",
        "step_started_at",
    ]
    export_headings = {
        "item_id": _("Mã trang"),
        "page_title": _("Tiêu đề"),
        "section_title": _("Chuyên mục"),
        "language": _("Ngôn ngữ"),
        "workflow.name": _("Quy trình"),
        "step_name": _("Bước"),
        "status_label": _("Trạng thái"),
        "requester_name": _("Người gửi"),
        "created_at": _("Gửi duyệt lúc"),
        "step_started_at": _("Vào bước lúc"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(roles.REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"bao-cao-quy-trinh-{datetime.date.today().isoformat()}"

    def get_queryset(self):
        return (
            WorkflowState.objects.filter(base_content_type=page_content_type())
            .select_related("workflow", "requested_by", "current_task_state__task")
            .order_by("-created_at", "-pk")
        )

    def decorate_paginated_queryset(self, object_list):
        states = list(object_list)
        pages = pages_by_id(state.object_id for state in states)
        sections = sections_for(pages.values())
        locales = {locale.pk: locale.language_code for locale in Locale.objects.all()}
        decorated = []
        for state in states:
            page = pages.get(int(state.object_id))
            if page is None:
                continue
            section = sections.get(page.pk)
            task_state = state.current_task_state
            state.item = page
            state.item_id = page.pk
            state.page_title = page.get_admin_display_title()
            state.section = section
            state.section_title = section.title if section else ""
            state.language = locales.get(page.locale_id, "")
            state.step_name = task_state.task.name if task_state else ""
            state.step_started_at = task_state.started_at if task_state else None
            state.status_label = str(STATUS_LABELS.get(state.status, state.status))
            requester = state.requested_by
            state.requester_name = (
                f"{requester.last_name} {requester.first_name}".strip() or requester.get_username() if requester else ""
            )
            decorated.append(state)
        return decorated


class SubmitForReviewView(WagtailAdminTemplateMixin, TemplateView):
    """Send a page into its workflow from outside Wagtail's editor: the
    synced-translation editor of wagtail-localize only offers "Publish", so a
    translator needs this to put an English version through the same review."""

    template_name = "editorial/confirm_submit.html"
    page_title = _("Gửi duyệt")
    header_icon = "tasks"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        self.workflow = self.page.get_workflow()
        self.state = self.page.current_workflow_state
        self.next_url = get_valid_next_url_from_request(request) or reverse(
            "wagtailadmin_explore", args=[self.page.get_parent().pk]
        )
        if self.workflow is None or not self.page.permissions_for_user(request.user).can_submit_for_moderation():
            raise PermissionDenied
        if self.state is not None and self.state.status == WorkflowState.STATUS_IN_PROGRESS:
            messages.warning(
                request, _("“%(title)s” đang trong quy trình duyệt.") % {"title": self.page.get_admin_display_title()}
            )
            return redirect(self.next_url)
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.page,
            workflow=self.workflow,
            next_url=self.next_url,
            resubmit=self.state is not None,
            submit_url=reverse("editorial_submit", args=[self.page.pk]),
        )
        return context

    def post(self, request, page_id):
        _save_translation_draft(request, self.page)
        page = Page.objects.get(pk=self.page.pk).specific
        if page.get_latest_revision() is None:
            page.save_revision(user=request.user, log_action=True)
        if self.state is not None and self.state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            self.state.resume(request.user)
        else:
            self.workflow.start(page, request.user)
        messages.success(
            request, _("Đã gửi “%(title)s” vào quy trình duyệt.") % {"title": page.get_admin_display_title()}
        )
        return redirect(self.next_url)


def _save_translation_draft(request, page):
    """Turn the translated strings into a draft revision, so the reviewers
    read what the translator wrote."""
    try:
        from wagtail_localize.models import Translation
    except ImportError:  # pragma: no cover - wagtail-localize is installed
        return
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is not None:
        translation.save_target(user=request.user, publish=False)
