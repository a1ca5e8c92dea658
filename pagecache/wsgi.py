"""A WSGI wrapper that answers page-cache hits before Django builds a request
(config/wsgi.py wraps the application with it). Misses go to Django, whose
PageCacheMiddleware stores them; the middleware alone gives the same pages,
this only makes a hit cheaper."""

from . import entries


class PageCacheApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        key = entries.request_key(environ)
        if key is not None:
            response = entries.cached_response(key, environ)
            if response is not None:
                headers = [*response.items(), *(("Set-Cookie", c.OutputString()) for c in response.cookies.values())]
                start_response(f"{response.status_code} {response.reason_phrase}", headers)
                return [response.content]
            environ[entries.LOOKED_UP] = True
        return self.application(environ, start_response)
