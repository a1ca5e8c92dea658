"""What to forget when content changes: one purge set (full URLs) per change,
used for the page cache here and for the CDN (Wagtail's frontend cache,
WAGTAILFRONTENDCACHE) alike."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from . import entries

logger = logging.getLogger("portal.pagecache")

# Addresses a page answers below its own (RoutablePageMixin routes without arguments).
PAGE_ROUTES = {
    "news.articlepage": ["print/"],
    "news.sectionpage": ["rss/"],
    "home.homepage": ["rss/"],
}


def page_urls(page):
    """The page's full URL and its fixed sub-addresses (print view, feed)."""
    url = page.get_full_url()
    if not url:
        return []
    return [url, *(url + route for route in PAGE_ROUTES.get(page.specific_class._meta.label_lower, []))]


def purge_set(page):
    """Every address whose page shows ``page``: the page itself, its sections
    and the home page above it (its ancestors), its translations (their
    language links), and for an article its topics and the articles before and
    after it in its section (their "Bài mới hơn / Bài cũ hơn" links); and the
    sitemap."""
    from news.models import ArticlePage

    page = page.specific_deferred if type(page) is Page else page
    pages = [page, *page.get_ancestors().filter(depth__gt=1)]
    pages += list(page.get_translations())
    if isinstance(page, ArticlePage):
        pages += list(page.topics.all())
        try:
            pages += [neighbour for neighbour in page.newer_and_older() if neighbour is not None]
        except Page.DoesNotExist:  # no parent any more
            pass
    urls = []
    for each in pages:
        for url in page_urls(each):
            if url not in urls:
                urls.append(url)
    site = page.get_site()
    if site is not None:
        urls.append(site.root_url + "/sitemap.xml")  # lists every live page with its date
    return urls


def shows_on_every_page(page):
    """The home page and the sections in the header menu, and the topics the
    sidebar lists, appear on every page: changing one forgets them all."""
    from news.models import TopicPage

    return page.depth <= 3 or isinstance(page.specific_deferred, TopicPage)


def seconds_until_scheduled_change(limit):
    """Seconds until a banner starts or ends or a live page expires, at most
    ``limit``: a page is kept no longer, so such a change shows on time
    without anything being saved (two queries, on a miss only)."""
    import math

    from django.db.models import Min, Q
    from django.utils import timezone

    from home.models import Banner

    now = timezone.now()
    banners = Banner.objects.aggregate(
        starts=Min("starts_at", filter=Q(starts_at__gt=now)), ends=Min("ends_at", filter=Q(ends_at__gt=now))
    )
    expires = Page.objects.filter(live=True, expire_at__gt=now).aggregate(first=Min("expire_at"))["first"]
    moments = [moment for moment in (banners["starts"], banners["ends"], expires) if moment is not None]
    if not moments:
        return limit
    return max(1, min(limit, math.ceil((min(moments) - now).total_seconds())))


def home_urls():
    """The home page of every language edition."""
    urls = []
    for site in Site.objects.select_related("root_page"):
        for home in [site.root_page, *site.root_page.get_translations()]:
            urls += page_urls(home)
    return urls


def purge(urls, everything=False, fragments=True):
    """Forget ``urls`` (and every page, with ``everything``) now, and once
    more when the transaction commits (a reader between the two could have
    stored the old version); the CDN is told after the commit, when the new
    version is what it will fetch. ``fragments``: the shared blocks may show
    what changed (not for a comment or a question: the counts on cards
    refresh within FRAGMENT_CACHE_SECONDS)."""
    _forget(urls, everything, fragments)
    transaction.on_commit(lambda: (_forget(urls, everything, fragments), purge_frontend(urls)))


def _forget(urls, everything, fragments):
    if fragments:
        entries.bump_fragments()
    if everything:
        entries.forget_all()
    else:
        entries.forget_paths({urlsplit(url).path for url in urls})


def purge_frontend(urls):
    if not urls or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache(list(urls))
    except Exception:  # a CDN outage must not break publishing
        logger.exception("pagecache: frontend cache purge failed")
