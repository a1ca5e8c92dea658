"""E-mail notifications for the editorial workflow, sent after the
transaction commits.

Wagtail ships the notifiers (next stage's group on submission, the author on
send-back and on approval) but calls them inside the approval's transaction.
Here the same notifiers are queued with ``transaction.on_commit``: a mail is
only sent for a step that really happened, and a mail failure (logged) can
never roll an approval back. The receivers take over Wagtail's own
``dispatch_uid``s, so Wagtail's synchronous ones are never connected twice.
"""

import logging
from contextlib import contextmanager

from django.db import transaction
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

logger = logging.getLogger("portal.editorial")

_muted = [0]


@contextmanager
def muted():
    """No notifications inside this block (the demo loader's invented steps)."""
    _muted[0] += 1
    try:
        yield
    finally:
        _muted[0] -= 1


def _section_of(page):
    if page.depth and page.depth > 3:
        return Page.objects.filter(path=page.path[: 3 * Page.steplen]).first()
    return None


class PortalTemplatesMixin:
    template_directory = "editorial/notifications/"

    def get_context(self, instance, **kwargs):
        context = super().get_context(instance, **kwargs)
        page = context.get("page")
        if page is not None:
            context["section"] = _section_of(page)
        return context


class AuthorsMixin:
    """The author is whoever submitted the item and whoever owns it (they
    differ when an editor submits a contributor's draft)."""

    def get_recipient_users(self, workflow_state, **kwargs):
        triggering_user = kwargs.get("user")
        people = {workflow_state.requested_by, getattr(workflow_state.content_object, "owner", None)}
        return {person for person in people if person is not None and person != triggering_user}


class NextStageNotifier(PortalTemplatesMixin, GroupApprovalTaskStateSubmissionEmailNotifier):
    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        context["requested_by"] = task_state.workflow_state.requested_by
        return context


class SentBackNotifier(PortalTemplatesMixin, AuthorsMixin, WorkflowStateRejectionEmailNotifier):
    pass


class ApprovedNotifier(PortalTemplatesMixin, AuthorsMixin, WorkflowStateApprovalEmailNotifier):
    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        page = context.get("page")
        if page is not None:
            page.refresh_from_db(fields=["live"])
            scheduled = page.scheduled_revision
            context["go_live_at"] = scheduled.approved_go_live_at if scheduled else None
        return context


class AfterCommit:
    """A signal receiver that runs a notifier once the transaction commits."""

    def __init__(self, notifier):
        self.notifier = notifier

    def __call__(self, sender=None, instance=None, user=None, **kwargs):
        if _muted[0]:
            return
        transaction.on_commit(lambda: self.send(instance, user))

    def send(self, instance, user):
        try:
            if not self.notifier(instance=instance, user=user):
                logger.warning("Một số thư báo %s không gửi được (%s)", self.notifier.notification, instance)
        except Exception:
            logger.exception("Không gửi được thư báo %s (%s)", self.notifier.notification, instance)


RECEIVERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", NextStageNotifier()),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowStateSubmissionEmailNotifier(),
    ),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification", SentBackNotifier()),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification", ApprovedNotifier()),
]


def connect():
    for signal, sender, dispatch_uid, notifier in RECEIVERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(AfterCommit(notifier), sender=sender, dispatch_uid=dispatch_uid, weak=False)
