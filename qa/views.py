"""Reader-facing views. Each one: rate limit first (a clear 429 page that
still shows the reader their text), then the form; bad input re-renders the
form with the reader's text and Vietnamese messages, stores nothing."""

import logging
import math
import re

from django.db import transaction
from django.http import Http404, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from news.models import ArticlePage

from . import antispam, notifications
from .forms import CommentForm, FeedbackForm, LookupForm, QuestionForm
from .models import Comment, ParticipationSettings, Question

logger = logging.getLogger("portal.qa")

MAX_ID = 2**63 - 1  # the largest primary key a 64-bit column holds
CODE_RE = re.compile(r"^HD-\d{4}-\d{1,10}$")


def rate_limited(request, retry_after, unsent_text=""):
    response = render(
        request,
        "qa/rate_limited.html",
        {"retry_minutes": max(1, math.ceil(retry_after / 60)), "unsent_text": unsent_text},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


def _log_spam(kind, form):
    if form.spam:
        logger.info("qa: %s form rejected by the honeypot", kind)


# --- Tokens for the forms of shared pages ------------------------------------------


@require_GET
def form_tokens(request, kind):
    """The CSRF token and a fresh one-time form token for one form of a page
    that carries none (``antispam.defers_tokens``): fetched by
    ``qa/static/qa/form-tokens.js`` when the reader starts on the form. Sets
    the CSRF cookie as any form page would. No page is rendered and nothing
    is read from the database; never kept by any cache."""
    if kind not in antispam.FORM_KINDS:
        response = JsonResponse({"error": "unknown form"}, status=400)
    else:
        response = JsonResponse({"csrf": get_token(request), "started": antispam.make_token(kind)})
    response["Cache-Control"] = "private, no-store"
    return response


# --- Questions -------------------------------------------------------------------


def ask_question(request, page):
    status = 200
    if request.method == "POST":
        allowed, retry_after = antispam.hit(request, "question")
        if not allowed:
            return rate_limited(request, retry_after, request.POST.get("body", ""))
        form = QuestionForm(request.POST)
        if form.is_valid():
            now = timezone.now()
            question = form.save(commit=False)
            question.page = page
            question.submitted_at = question.consent_at = now
            with transaction.atomic():
                question.save()
                transaction.on_commit(lambda: notifications.question_received(question.pk), robust=True)
            return redirect(page.route_url("asked", request=request) + f"?ma={question.code}")
        _log_spam("question", form)
        status = 400
    else:
        form = QuestionForm(defer_tokens=antispam.defers_tokens(request))
    response = page.render(
        request,
        template="qa/ask_question.html",
        context_overrides={"form": form, "lookup_url": page.route_url("lookup", request=request)},
    )
    response.status_code = status
    return response


def question_received(request, page):
    code = request.GET.get("ma", "")
    if not CODE_RE.match(code):
        return redirect(page.route_url("ask", request=request))
    return page.render(
        request,
        template="qa/question_received.html",
        context_overrides={"code": code, "lookup_url": page.route_url("lookup", request=request)},
    )


def lookup_question(request, page):
    found = None
    status = 200
    if request.method == "POST":
        allowed, retry_after = antispam.hit(request, "lookup")
        if not allowed:
            return rate_limited(request, retry_after)
        form = LookupForm(request.POST)
        if form.is_valid():
            found = Question.objects.filter(
                code=form.cleaned_data["code"], email__iexact=form.cleaned_data["email"]
            ).first()
            if found is None:
                form.add_error(None, _("Không tìm thấy câu hỏi nào có mã theo dõi và thư điện tử này."))
                status = 404
        else:
            status = 400
    else:
        form = LookupForm()
    response = page.render(
        request,
        template="qa/lookup.html",
        context_overrides={
            "form": form,
            "found": found,
            "found_url": found.get_url() if found and found.status == Question.Status.PUBLISHED else None,
        },
    )
    response.status_code = status
    return response


# --- Comments --------------------------------------------------------------------


def _render_article(request, article, form, status):
    """The article again, with the reader's comment form and its errors."""
    request.is_preview = False
    request.qa_comment_form = form
    response = TemplateResponse(request, article.get_template(request), article.get_context(request))
    response.status_code = status
    return response


@require_POST
def post_comment(request, article_id):
    if article_id > MAX_ID:  # no such row; the database would refuse the number
        raise Http404
    article = ArticlePage.objects.live().public().filter(pk=article_id).first()
    if article is None:
        raise Http404
    allowed, retry_after = antispam.hit(request, "comment")
    if not allowed:
        return rate_limited(request, retry_after, request.POST.get("body", ""))
    options = ParticipationSettings.for_request(request)
    form = CommentForm(request.POST)
    if not options.comments_enabled:
        form.is_valid()
        form.add_error(None, _("Chức năng gửi ý kiến đang tạm dừng. Vui lòng quay lại sau."))
        return _render_article(request, article, form, 403)
    if not form.is_valid():
        _log_spam("comment", form)
        return _render_article(request, article, form, 400)
    comment = form.save(commit=False)
    comment.article = article
    comment.submitted_at = comment.consent_at = timezone.now()
    if request.user.is_authenticated:
        comment.user = request.user
        if options.trust_members:
            comment.status = Comment.Status.APPROVED
    comment.save()
    outcome = "da-dang" if comment.status == Comment.Status.APPROVED else "cho-duyet"
    return redirect(f"{article.get_url(request)}?y-kien={outcome}#y-kien-ban-doc")


# --- Consultations ---------------------------------------------------------------


def consultation_feedback(request, page):
    state = page.window_state()
    status = 200
    form = None
    unsent_text = ""
    if request.method == "POST":
        if state != "open":
            # Refused, but the reader sees what they wrote so it is not lost.
            unsent_text = request.POST.get("content", "")[:10000]
            status = 403
        else:
            allowed, retry_after = antispam.hit(request, "feedback")
            if not allowed:
                return rate_limited(request, retry_after, request.POST.get("content", ""))
            form = FeedbackForm(request.POST, consultation=page)
            if form.is_valid():
                feedback = form.save(commit=False)
                feedback.consultation = page
                feedback.consultation_title = page.title
                feedback.submitted_at = feedback.consent_at = timezone.now()
                feedback.save()
                return redirect(page.get_url(request) + page.reverse_subpage("sent"))
            _log_spam("feedback", form)
            status = 400
    elif state == "open":
        form = FeedbackForm(consultation=page, defer_tokens=antispam.defers_tokens(request))
    response = page.render(
        request,
        context_overrides={"form": form, "window_state": state, "unsent_text": unsent_text},
    )
    response.status_code = status
    return response
