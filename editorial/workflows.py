"""Which workflow applies where, who may publish outside it, and what stage an
item is at. Names match the data migration ``0002``."""

from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowState

STANDARD_WORKFLOW = "Duyệt tin 2 cấp"
PERSONNEL_WORKFLOW = "Duyệt tin nhân sự 3 cấp"
SECRETARIAT_TASK = "Tổ Thư ký kiểm tra"
BOARD_TASK = "Ban Biên tập duyệt"
STEERING_TASK = "Ban Điều hành duyệt"

# Sections whose items also need the Steering Board. A section created with
# one of these slugs gets the three-step workflow; any other page can be given
# it in Settings → Workflows.
PERSONNEL_SECTION_SLUGS = {"nhan-su-moi"}

STAGE_DRAFT = "draft"
STAGE_IN_REVIEW = "in_review"
STAGE_SENT_BACK = "sent_back"
STAGE_SCHEDULED = "scheduled"
STAGE_LIVE = "live"
STAGE_LIVE_DRAFT = "live_draft"


def final_task(workflow):
    return workflow.tasks.filter(active=True).specific().last()


def _paths_of_ancestors(page, inclusive=True):
    steplen = Page.steplen
    last = len(page.path) if inclusive else len(page.path) - steplen
    return [page.path[:end] for end in range(steplen, last + 1, steplen)]


def may_publish_directly(user, page, workflow=None):
    """Publishing outside the workflow (the Publish button, bulk publish,
    revert and publish) is for the final approvers of the page's workflow:
    otherwise the Editorial Board could publish personnel news without the
    Steering Board. Page rights still apply on top of this."""
    if user.is_superuser:
        return True
    workflow = workflow if workflow is not None else page.get_workflow()
    if workflow is None:
        return True
    last = final_task(workflow)
    if last is None or not hasattr(last, "groups"):
        return True
    return last.groups.filter(pk__in=user.groups.values("pk")).exists()


def final_approvers_without_publish():
    """Workflow assignments whose last step is held by a group without publish
    rights there: approval by that group would fail. Empty when all is well."""
    problems = []
    for assignment in WorkflowPage.objects.filter(workflow__active=True).select_related("page", "workflow"):
        last = final_task(assignment.workflow)
        if last is None or not hasattr(last, "groups"):
            continue
        paths = _paths_of_ancestors(assignment.page)
        for group in last.groups.all():
            has_publish = GroupPagePermission.objects.filter(
                group=group, permission__codename="publish_page", page__path__in=paths
            ).exists()
            if not has_publish:
                problems.append((assignment.workflow, assignment.page, group))
    return problems


def assign_personnel_workflow(page):
    """Give a personnel section the three-step workflow (idempotent)."""
    workflow = Workflow.objects.filter(name=PERSONNEL_WORKFLOW, active=True).first()
    if workflow is None:
        return None
    assignment, _ = WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return assignment


def stage_of(page):
    """(code, label) of where an item stands, for dashboards and reports.

    Expects a page from ``Page.objects.prefetch_workflow_states()
    .annotate_approved_schedule()`` to stay at one query per listing."""
    state = page.current_workflow_state
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return STAGE_SENT_BACK, _("Bị trả lại")
        if state.current_task_state_id:
            return STAGE_IN_REVIEW, _("Chờ: %(step)s") % {"step": state.current_task_state.task.name}
    if page.approved_schedule:
        return STAGE_SCHEDULED, _("Hẹn giờ xuất bản")
    if page.live:
        if page.has_unpublished_changes:
            return STAGE_LIVE_DRAFT, _("Đã xuất bản, có bản sửa chưa gửi duyệt")
        return STAGE_LIVE, _("Đã xuất bản")
    return STAGE_DRAFT, _("Bản nháp")


def is_reviewer(user):
    """Holds a step of an active workflow (or is a superuser)."""
    if user.is_superuser:
        return True
    return Group.objects.filter(
        pk__in=user.groups.values("pk"), reviewtask__active=True, reviewtask__workflow_tasks__workflow__active=True
    ).exists()
