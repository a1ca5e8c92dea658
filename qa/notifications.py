"""E-mails about questions. They run after the question is committed and
never raise: a mail server that is down must not lose a reader's question or
undo the board's work; the failure is logged and the item keeps its state
(``asker_notified_at`` stays empty, so it can be sent again)."""

import logging
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

logger = logging.getLogger("portal.qa")


def absolute_url(url):
    if not url or url.startswith(("http://", "https://")):
        return url
    return urljoin(settings.WAGTAILADMIN_BASE_URL, url)


def _send(template, context, recipients):
    recipients = [r for r in recipients if r]
    if not recipients:
        return False
    try:
        subject, _, body = render_to_string(template, context).strip().partition("\n")
        send_mail(subject.strip(), body.strip() + "\n", None, recipients)
        return True
    except Exception:
        logger.exception("qa: could not send %s", template)
        return False


def question_received(question_pk):
    from .models import ParticipationSettings, Question

    question = Question.objects.select_related("page").get(pk=question_pk)
    page = question.index_page
    lookup_url = absolute_url(page.route_url("lookup")) if page else ""
    context = {"question": question, "lookup_url": lookup_url}
    _send("qa/email/question_received.txt", context, [question.email])
    site = page.get_site() if page else None
    board = ParticipationSettings.for_site(site).notify_email if site else ""
    if board:
        admin_url = absolute_url(reverse(Question.snippet_viewset.get_url_name("edit"), args=[question.pk]))
        with translation.override(settings.LANGUAGE_CODE):
            _send("qa/email/question_new_for_board.txt", {**context, "admin_url": admin_url}, [board])


def question_published(question_pk):
    from .models import Question

    question = Question.objects.get(pk=question_pk)
    if question.status != Question.Status.PUBLISHED or question.asker_notified_at or not question.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        sent = _send(
            "qa/email/question_published.txt",
            {"question": question, "url": absolute_url(question.get_url())},
            [question.email],
        )
    if sent:
        Question.objects.filter(pk=question.pk).update(asker_notified_at=timezone.now())


def question_assigned(question_pk):
    from .models import Question

    question = Question.objects.select_related("assignee").get(pk=question_pk)
    if not question.assignee or not question.assignee.email:
        return
    admin_url = absolute_url(reverse(Question.snippet_viewset.get_url_name("edit"), args=[question.pk]))
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            "qa/email/question_assigned.txt", {"question": question, "admin_url": admin_url}, [question.assignee.email]
        )
