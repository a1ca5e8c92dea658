"""Shared look-ups for the dashboard panels and the report: a few queries
per listing, whatever its length."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count
from django.db.models.functions import Cast
from wagtail.models import Page, Revision, WorkflowState, WorkflowTask

SECTION_DEPTH = 3


def section_path(page):
    return page.path[: SECTION_DEPTH * Page.steplen] if page.depth >= SECTION_DEPTH else None


def sections_for(pages):
    """{page id: its top-level section (a page under a locale's home) or None}."""
    pages = list(pages)
    paths = {section_path(page) for page in pages} - {None}
    sections = {section.path: section for section in Page.objects.filter(path__in=paths)}
    return {page.pk: sections.get(section_path(page)) for page in pages}


def page_content_type():
    return ContentType.objects.get_for_model(Page)


def pages_by_id(object_ids):
    ids = [int(object_id) for object_id in object_ids]
    return Page.objects.filter(pk__in=ids).in_bulk()


def page_ids_under(section):
    """Page ids (as strings, like WorkflowState.object_id) in a section."""
    return Page.objects.descendant_of(section, inclusive=True).values_list(Cast("id", output_field=CharField()))


def ordered_steps():
    """The review steps of active workflows, in workflow order, each once."""
    steps = []
    seen = set()
    rows = (
        WorkflowTask.objects.filter(workflow__active=True, task__active=True)
        .select_related("task")
        .annotate(n=Count("workflow__workflow_tasks"))
        .order_by("-n", "workflow_id", "sort_order")
    )
    for row in rows:
        if row.task_id not in seen:
            seen.add(row.task_id)
            steps.append(row.task)
    # Longest workflow first gives the natural order: Thư ký, Biên tập, Điều hành.
    return steps


def stage_counts():
    """Counts of items per section and stage, for the boards' dashboard.

    Returns (steps, rows, totals): rows are (section, {key: count}) where a key
    is a step id, "sent_back" or "scheduled"."""
    ct = page_content_type()
    states = list(
        WorkflowState.objects.active()
        .filter(base_content_type=ct)
        .values_list("object_id", "status", "current_task_state__task_id")
    )
    scheduled_ids = set(
        Revision.objects.filter(base_content_type=ct, approved_go_live_at__isnull=False).values_list(
            "object_id", flat=True
        )
    )
    pages = pages_by_id({object_id for object_id, *_ in states} | scheduled_ids)
    sections = sections_for(pages.values())
    table = {}

    def bump(object_id, key):
        page = pages.get(int(object_id))
        if page is None:
            return
        section = sections.get(page.pk)
        row = table.setdefault(section.pk if section else None, [section, {}])
        row[1][key] = row[1].get(key, 0) + 1

    for object_id, status, task_id in states:
        bump(object_id, "sent_back" if status == WorkflowState.STATUS_NEEDS_CHANGES else task_id)
    for object_id in scheduled_ids:
        bump(object_id, "scheduled")
    rows = sorted(table.values(), key=lambda row: row[0].path if row[0] else "")
    totals = {}
    for _section, counts in rows:
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
    return ordered_steps(), rows, totals
