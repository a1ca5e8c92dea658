"""Keeps the current request in a context variable, so signal receivers that
log a permission change know who made it and from where."""

from contextvars import ContextVar

_request = ContextVar("audit_request", default=None)


def current_request():
    return _request.get()


class CurrentRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
