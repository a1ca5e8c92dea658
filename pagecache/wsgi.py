"""A WSGI wrapper that answers page-cache hits before Django builds a request
(config/wsgi.py wraps the application with it). Misses go to Django, whose
PageCacheMiddleware stores them; the middleware alone gives the same pages,
this only makes a hit cheaper.

Each wrapper (one per worker process) keeps the pages it served in the last
PAGE_CACHE_LOCAL_SECONDS in memory (entries.LocalCopy): a purge made in another
worker reaches it within that time."""

from . import entries


class PageCacheApplication:
    def __init__(self, application):
        self.application = application
        self.local = entries.LocalCopy()

    def __call__(self, environ, start_response):
        key = entries.request_key(environ)
        if key is not None:
            hit = self.local.get(key, entries._config())
            if hit is not None:
                status, reason, headers, body, new_secret = hit.render(environ)
                if new_secret:
                    headers.append(("Set-Cookie", entries.cookie_header(new_secret)))
                start_response(f"{status} {reason}", headers)
                return [body]
            environ[entries.LOOKED_UP] = True
        return self.application(environ, start_response)
