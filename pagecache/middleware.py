"""The page cache's middleware: first in MIDDLEWARE, so a hit is answered
before sessions, authentication, locale or CSRF run; on the way out it keeps
what may be kept and says so to browsers and CDNs (Cache-Control)."""

from . import entries


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if entries.page_seconds() <= 0:
            return self.get_response(request)
        key = entries.request_key(request.META)
        if key is not None and not request.META.get(entries.LOOKED_UP):
            hit = entries.cached_response(key, request.META)
            if hit is not None:
                return hit
        response = self.get_response(request)
        if key is not None and entries.storable(request, response):
            if entries.store(key, request, response):
                response[entries.HIT_HEADER] = "miss"
        elif not response.has_header("Cache-Control") and (key is None or response.cookies):
            # Logged-in readers, POSTs, the admin, anything with a cookie of
            # its own: never kept by a browser or a CDN. (Anonymous 404s and
            # redirects keep the CDN's defaults.)
            response["Cache-Control"] = entries.NOT_SHARED_CACHE_CONTROL
        return response
