"""When the database cannot be reached, readers get a short static page in
Vietnamese with status 503 (and Retry-After) instead of a 500; the broken
connection is dropped, so the next request after the database returns is
served normally, without restarting the application."""

import logging

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
