from django import template

from ..antispam import defers_tokens
from ..forms import CommentForm
from ..models import Comment, ParticipationSettings, approved_comment_count

register = template.Library()

MAX_COMMENTS_SHOWN = 200


@register.inclusion_tag("qa/includes/comments_block.html", takes_context=True)
def article_comments(context):
    """ "Ý kiến bạn đọc" under an article: approved comments (name and date,
    never the e-mail), the board's replies, and the form."""
    request = context.get("request")
    page = context.get("page")
    if page is None or not page.pk or getattr(request, "is_preview", False):
        return {"enabled": False}
    comments = list(
        Comment.objects.filter(article_id=page.pk, status=Comment.Status.APPROVED)
        .order_by("submitted_at", "pk")
        .only("name", "body", "submitted_at", "reply", "replied_at")[:MAX_COMMENTS_SHOWN]
    )
    options = ParticipationSettings.for_request(request)
    form = getattr(request, "qa_comment_form", None)
    if form is None and options.comments_enabled:
        initial = {}
        user = request.user
        if user.is_authenticated:
            # The name only: an e-mail address is never written into a page.
            initial = {"name": user.get_full_name() or user.get_username()}
        form = CommentForm(initial=initial, defer_tokens=defers_tokens(request))
    return {
        "enabled": True,
        "page": page,
        "request": request,
        "comments": comments,
        "comment_count": len(comments),
        "form": form,
        "outcome": request.GET.get("y-kien", ""),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("qa/includes/privacy_notice.html", takes_context=True)
def privacy_notice(context):
    """The notice Nghị định 13/2023 asks for, with the board's contact and the
    retention period the board has set."""
    from home.models import PortalSettings

    request = context.get("request")
    if request is None:
        return {"retention_days": ParticipationSettings._meta.get_field("retention_days").default}
    return {
        "retention_days": ParticipationSettings.for_request(request).retention_days,
        "contact_email": PortalSettings.for_request(request).email,
    }


@register.filter
def comment_count(article):
    """Approved comments of an article: the ``comment_count`` annotation from
    ``with_comment_counts`` when the listing has it, else the article's
    cached count (one query when it is not cached)."""
    annotated = getattr(article, "comment_count", None)
    if annotated is not None:
        return annotated
    return approved_comment_count(article.pk)
