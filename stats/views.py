import base64
import logging

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .counting import COOKIE_NAME, identify, record_hit, unsign_article

logger = logging.getLogger("portal.stats")

# A transparent 1×1 GIF for the <noscript> image.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@csrf_exempt  # a counter with no effect but counting; it is deduplicated per visitor anyway
@never_cache
@require_http_methods(["GET", "POST"])
def hit(request):
    """The beacon: every page's script POSTs here (or its <noscript> image
    GETs it), so a page served from a cache still counts."""
    data = request.POST if request.method == "POST" else request.GET
    kind, visitor, new_cookie = identify(request)
    try:
        record_hit(visitor, kind, unsign_article(data.get("a", "")[:100]))
    except Exception:
        # Counting must never break a page; a lost hit is logged.
        logger.exception("Could not count a hit")
    if request.method == "POST":
        response = HttpResponse(status=204)
    else:
        response = HttpResponse(PIXEL, content_type="image/gif")
    if new_cookie:
        response.set_cookie(
            COOKIE_NAME, new_cookie, max_age=365 * 24 * 3600, httponly=True, samesite="Lax", secure=request.is_secure()
        )
    return response
