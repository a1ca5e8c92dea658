import sys

from django.http import HttpResponse, HttpResponseServerError
from django.template import loader

RETRY_AFTER_SECONDS = 30


def database_unavailable(request=None):
    """The static 503 page: rendered without a request, so no context
    processor, session or user touches the database."""
    html = loader.get_template("resilience/503.html").render({})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name="500.html"):
    """handler500: a database error anywhere in the middleware chain still
    gets the 503 page; anything else a plain 500 page that needs no database."""
    exception = sys.exc_info()[1]
    from .middleware import drop_broken_connections, is_outage

    if is_outage(exception):
        drop_broken_connections()
        return database_unavailable(request)
    return HttpResponseServerError(loader.get_template("resilience/500.html").render({}))
