"""The editorial dashboard on the admin home: what waits for me, what came
back to me, where my items stand, and (for reviewers) counts per stage and
section. Replaces Wagtail's two English workflow panels."""

from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState

from . import roles
from .queries import page_content_type, pages_by_id, sections_for, stage_counts
from .workflows import is_reviewer, stage_of


class AwaitingMyReviewPanel(Component):
    name = "editorial_awaiting_review"
    template_name = "editorial/home/awaiting_review.html"
    order = 100

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        states = list(
            TaskState.objects.reviewable_by(user)
            .filter(workflow_state__base_content_type=page_content_type())
            .select_related("task", "revision", "workflow_state__requested_by", "workflow_state__workflow")
            .order_by("started_at")
        )
        pages = pages_by_id(state.workflow_state.object_id for state in states)
        sections = sections_for(pages.values())
        tasks = {}
        items = []
        for state in states:
            page = pages.get(int(state.workflow_state.object_id))
            if page is None:
                continue
            if state.task_id not in tasks:
                tasks[state.task_id] = state.task.specific
            task = tasks[state.task_id]
            items.append(
                {
                    "page": page,
                    "section": sections.get(page.pk),
                    "state": state,
                    "task": task,
                    "actions": task.get_actions(page, user),
                }
            )
        return {"items": items, "request": request, "csrf_token": parent_context.get("csrf_token")}


def _authored_by(user):
    """Workflow states on pages this user submitted or owns."""
    owned = Page.objects.filter(owner=user).values_list(Cast("id", output_field=CharField()))
    return WorkflowState.objects.filter(base_content_type=page_content_type()).filter(
        Q(requested_by=user) | Q(object_id__in=owned)
    )


class SentBackPanel(Component):
    name = "editorial_sent_back"
    template_name = "editorial/home/sent_back.html"
    order = 105

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        states = list(
            _authored_by(request.user)
            .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
            .select_related("current_task_state__task", "current_task_state__finished_by")
            .order_by("-current_task_state__finished_at")
        )
        pages = pages_by_id(state.object_id for state in states)
        sections = sections_for(pages.values())
        items = []
        for state in states:
            page = pages.get(int(state.object_id))
            if page is not None:
                items.append({"page": page, "section": sections.get(page.pk), "task_state": state.current_task_state})
        return {"items": items, "request": request}


class MyItemsPanel(Component):
    name = "editorial_my_items"
    template_name = "editorial/home/my_items.html"
    order = 110
    limit = 15

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        pages = list(
            Page.objects.filter(owner=request.user, depth__gt=3)
            .prefetch_workflow_states()
            .annotate_approved_schedule()
            .order_by("-latest_revision_created_at", "-pk")[: self.limit]
        )
        sections = sections_for(pages)
        items = []
        for page in pages:
            code, label = stage_of(page)
            items.append({"page": page, "section": sections.get(page.pk), "stage": code, "stage_label": label})
        return {"items": items, "request": request}


class StageCountsPanel(Component):
    name = "editorial_stage_counts"
    template_name = "editorial/home/stage_counts.html"
    order = 120

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        can_report = user.has_perm(roles.REPORT_PERMISSION)
        if not (can_report or is_reviewer(user)):
            return {"shown": False}
        steps, rows, totals = stage_counts()
        columns = [(step.pk, step.name) for step in steps] + [
            ("sent_back", _("Bị trả lại")),
            ("scheduled", _("Hẹn giờ")),
        ]
        table = [(section, [counts.get(key, 0) for key, _ in columns]) for section, counts in rows]
        return {
            "shown": True,
            "columns": columns,
            "table": table,
            "totals": [totals.get(key, 0) for key, _ in columns],
            "can_report": can_report,
            "request": request,
        }
