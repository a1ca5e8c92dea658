"""Renditions made ahead of readers.

When a page is published, the renditions its readers will ask for (its
cover in every card size and format, each photo of a photo report) are made
by a task on Wagtail's task framework (``django_tasks``), queued after the
publishing transaction commits. With the default immediate backend the task
runs right after the commit; configure ``TASKS`` with a queue backend and a
worker to move it off the editor's request. Either way the first reader
never waits for an AVIF to be encoded.
"""

import logging

from django.db import transaction
from django_tasks import task

logger = logging.getLogger("portal.images")


def rendition_plan(page):
    """(image, [filter specs]) pairs the page will show, if it says so."""
    plan = getattr(page, "rendition_plan", None)
    return list(plan()) if plan else []


@task()
def make_page_renditions(page_id):
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    made = 0
    for image, specs in rendition_plan(page.specific):
        try:
            made += len(image.get_renditions(*specs))
        except Exception:  # a missing or broken source file must not stop the others
            logger.exception("Could not make renditions of image %s for page %s", image.pk, page_id)
    return made


def queue_page_renditions(page_id):
    """Queue the task once the publication is committed (the task reads the
    committed page, and a rolled-back publication queues nothing)."""
    transaction.on_commit(lambda: make_page_renditions.enqueue(page_id))
