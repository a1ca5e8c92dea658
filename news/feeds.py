"""RSS 2.0 feeds, built with Django's syndication framework.

A feed is built per request for one page (the home page or a section), so the
links in it are absolute URLs of the site the reader asked.
"""

import mimetypes
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed

from .models import SOCIAL_RENDITION

FEED_LENGTH = 30


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, page, articles):
        super().__init__()
        self.page = page
        self.articles = articles
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        response["Content-Type"] = "application/rss+xml; charset=utf-8"
        return response

    def title(self):
        if self.page.depth <= 2:
            return str(settings.PORTAL_NAME)
        return f"{self.page.title} – {settings.PORTAL_NAME}"

    def link(self):
        return self.page.get_full_url(self.request)

    def feed_url(self):
        return self.request.build_absolute_uri()

    def description(self):
        return getattr(self.page, "intro", "") or getattr(self.page, "tagline", "") or str(settings.PORTAL_NAME)

    def language(self):
        return translation.get_language()

    def items(self):
        return self.articles[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.dateline_datetime

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.byline_name or None

    def item_categories(self, item):
        return [item.section_title] if getattr(item, "section_title", None) else []

    def item_enclosures(self, item):
        if not item.cover_image_id:
            return []
        try:
            rendition = item.cover_image.get_rendition(SOCIAL_RENDITION)
            length = rendition.file.size
        except (OSError, ValueError):
            # A picture whose file went missing must not take the feed down.
            return []
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        url = urljoin(item.get_full_url(self.request), rendition.url)
        return [Enclosure(url, str(length), mime_type)]
