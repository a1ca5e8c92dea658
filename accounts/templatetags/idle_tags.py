from django import template
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.idle import timeout_seconds, warning_seconds

register = template.Library()


def idle_context(request):
    return {
        "request": request,
        "idle_warning": warning_seconds(),
        "idle_config": {
            "timeout": timeout_seconds(),
            "warning": warning_seconds(),
            "keepalive": reverse("accounts:keepalive"),
            "logout": reverse("accounts:idle_logout"),
            "csrf": get_token(request),
        },
    }


def render_idle_banner(request):
    if request is None or not request.user.is_authenticated:
        return ""
    return render_to_string("accounts/idle_banner.html", idle_context(request), request=None)


@register.simple_tag(takes_context=True)
def idle_banner(context):
    """The idle warning banner and its script, for logged-in users only."""
    return render_idle_banner(context.get("request"))
