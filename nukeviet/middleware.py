"""Old NukeViet addresses keep working: ``/news/<cat-alias>/<alias>-<id>.html``
(with or without a ``/vi/`` or ``/en/`` prefix) answers 301 with the imported
article's address, and ``/news/<cat-alias>/`` and ``/news/topic/<alias>/``
with the section's and the topic's.

It looks only at requests that would otherwise be 404s, like Wagtail's own
redirects, so it can never hide a page of this site; and it goes through the
legacy-id table, so an article moved to another section afterwards is still
found."""

import re

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from wagtail.models import Page

from news.models import ArticlePage

from .models import LegacyId

PREFIX = r"^/(?:(?P<lang>[a-z]{2})/)?(?:index\.php/)?news/"
ARTICLE_RE = re.compile(PREFIX + r"(?:[^/]+/)*[^/]*?-?(?P<id>\d+)\.html?$")
TOPIC_RE = re.compile(PREFIX + r"topic/(?P<alias>[^/]+)/?(?:page-\d+/?)?$")
CATEGORY_RE = re.compile(PREFIX + r"(?P<alias>[^/]+)/?(?:page-\d+/?)?$")


def legacy_url(path):
    """The new address for an old NukeViet one, or None."""
    default_lang = settings.LANGUAGE_CODE.split("-")[0]
    if match := ARTICLE_RE.match(path):
        entry = LegacyId.objects.filter(
            kind=LegacyId.Kind.ARTICLE, lang=match["lang"] or default_lang, legacy_id=match["id"]
        ).first()
        page = ArticlePage.objects.live().filter(pk=entry.object_id).first() if entry else None
        if page is None or page.is_expired_now:
            return None
        return page.url
    for kind, regex in ((LegacyId.Kind.TOPIC, TOPIC_RE), (LegacyId.Kind.CATEGORY, CATEGORY_RE)):
        if match := regex.match(path):
            entry = LegacyId.objects.filter(
                kind=kind, lang=match["lang"] or default_lang, legacy_alias=match["alias"]
            ).first()
            page = Page.objects.live().filter(pk=entry.object_id).first() if entry else None
            return page.url if page else None
    return None


class LegacyUrlMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        if "news/" not in request.path:
            return response
        target = legacy_url(request.path)
        return HttpResponsePermanentRedirect(target) if target else response
