"""When the database cannot be reached, readers get a short static page in
Vietnamese with status 503 (and Retry-After) instead of a 500; the broken
connection is dropped, so the next request after the database returns is
served normally, without restarting the application."""

import logging
import re
import unicodedata

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections

from .views import database_unavailable

logger = logging.getLogger("portal.resilience")

DATABASE_ERRORS = (OperationalError, InterfaceError)


def is_outage(exception):
    """True when the database itself is gone (could not connect, or the
    connection was cut), not when one query was wrong: a bad query is a bug
    and must stay a 500 that someone fixes, not look like maintenance."""
    if not isinstance(exception, DATABASE_ERRORS):
        return False
    for connection in connections.all(initialized_only=True):
        raw = connection.connection
        if raw is None or getattr(raw, "closed", False):  # psycopg marks a cut connection closed
            return True
    return isinstance(exception, InterfaceError)


def drop_broken_connections():
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except Exception:  # already gone
            logger.debug("resilience: closing a broken connection failed", exc_info=True)


class DatabaseUnavailableMiddleware:
    """Catches database errors raised by a view (``process_exception``); errors
    from other middleware reach ``handler500`` (resilience.views.server_error),
    which answers the same way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_outage(exception):
            logger.error("resilience: database unavailable (%s): %s", type(exception).__name__, exception)
            drop_broken_connections()
            return database_unavailable(request)
        return None


_UNPRINTABLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"}


def clean_parameter(value):
    """Control, format and odd space characters become one plain space: no
    address a reader can type needs them, and the search backends fail on
    some of them (a NUL byte, or a query made only of such characters)."""
    if value.isprintable() and "\u00a0" not in value:
        return value
    cleaned = "".join(" " if unicodedata.category(ch) in _UNPRINTABLE else ch for ch in value)
    return " ".join(cleaned.split()) if cleaned.strip() else ""


def clean_search_terms(value):
    """A search query keeps letters, digits and their marks only. The search
    backends index words, so nothing a reader means is lost; the SQLite
    full-text engine would read quotes, colons, brackets as its own syntax
    and fail (``"`` → "unterminated string", ``javascript:`` → "no such column")."""
    cleaned = "".join(ch if unicodedata.category(ch)[0] in "LNM" else " " for ch in value)
    return " ".join(cleaned.split())


class CleanQueryParametersMiddleware:
    """Cleans every query-string value (``request.GET``) before any view sees
    it, and reduces the search parameters (``SEARCH_QUERY_PARAMETERS``) to words."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.GET:
            search_parameters = getattr(settings, "SEARCH_QUERY_PARAMETERS", ("q",))
            if any(
                re.match(pattern, request.path_info) for pattern in getattr(settings, "SEARCH_QUERY_EXEMPT_PATHS", [])
            ):
                search_parameters = ()
            query = request.GET.copy()
            changed = False
            for key in list(query):
                values = query.getlist(key)
                cleaned = [clean_parameter(v) for v in values]
                if key in search_parameters:
                    cleaned = [clean_search_terms(v) for v in cleaned]
                if cleaned != values:
                    query.setlist(key, cleaned)
                    changed = True
            if changed:
                query._mutable = False
                request.GET = query
        return self.get_response(request)
