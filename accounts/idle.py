"""Idle timeout for every logged-in user, members and editors alike.

The server keeps the time of the user's last real activity in the session and
logs the user out once it is older than ``IDLE_TIMEOUT_SECONDS`` plus the
banner's ``IDLE_WARNING_SECONDS`` countdown, so an abandoned session ends even
without JavaScript. Background requests the browser makes by itself (the
admin's editing-session pings, the statistics beacon: ``IDLE_IGNORED_PATHS``)
never count as activity. In the browser, ``idle.js`` shows the banner after
``IDLE_TIMEOUT_SECONDS`` without input and POSTs to ``keepalive`` when the user
clicks it, or when the user is typing or moving the mouse on a page that makes
no requests (an editor writing a long article)."""

import re
import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

SESSION_KEY = "_portal_last_activity"


def timeout_seconds():
    return int(getattr(settings, "IDLE_TIMEOUT_SECONDS", 1800))


def warning_seconds():
    return int(getattr(settings, "IDLE_WARNING_SECONDS", 60))


def _ignored_patterns():
    return [re.compile(p) for p in getattr(settings, "IDLE_IGNORED_PATHS", [])]


def mark_activity(request, now=None):
    request.session[SESSION_KEY] = int(time.time() if now is None else now)


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.ignored = _ignored_patterns()

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get(SESSION_KEY)
            if last is not None and now - last > timeout_seconds() + warning_seconds():
                logout(request)
                request.idle_logged_out = True
            elif not any(p.match(request.path_info) for p in self.ignored):
                # Written at most once a minute, not on every request.
                if last is None or now - last >= min(60, max(1, timeout_seconds() // 10)):
                    mark_activity(request, now)
        return self.get_response(request)


@never_cache
@require_POST
def keepalive(request):
    """The user clicked the banner (or is active on a page that sends nothing)."""
    if not request.user.is_authenticated:
        return JsonResponse({"active": False}, status=401)
    mark_activity(request)
    return JsonResponse({"active": True, "timeout": timeout_seconds()})


@never_cache
@require_POST
def idle_logout(request):
    """The countdown ended: log out now (the server would, a little later)."""
    logout(request)
    return JsonResponse({"active": False})


def mark_login(sender, request, user, **kwargs):
    """Logging in is activity: stamped in the session the login saves anyway,
    so the first request after it writes nothing more."""
    if request is not None and hasattr(request, "session"):
        mark_activity(request)
