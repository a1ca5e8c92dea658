"""The Wagtail Site a request is for, kept in the process (#13).

Wagtail finds it with one query on every request (the host name and port
against every site, with the default as fallback), and every page needs it
before anything else. Sites change a few times in the life of a portal, so
each worker keeps what it found for a host and port for ``SITE_CACHE_SECONDS``
(60 s); a site saved or deleted, or a site's home page published, moved or
unpublished, empties this worker's copy at once (the others within the 60 s).
Each request gets its own copy of the Site and its home page object, so
nothing a request sets on them reaches another request."""

import copy
import time

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.signals import page_published, page_unpublished, post_page_move

MAX_HOSTS = 64  # the Host header is the client's: keep a few

_sites = {}  # (hostname, port) -> (expires at, Site or None)


def _key(request):
    return split_domain_port(request._get_raw_host())[0], request.get_port()


def _seconds():
    return getattr(settings, "SITE_CACHE_SECONDS", 60)


def _own_copy(site):
    if site is None:
        return None
    own = copy.copy(site)
    own.root_page = copy.copy(site.root_page)
    return own


def kept_site(key):
    """(True, a copy of the Site) when this worker holds a current one for
    ``key``, else (False, None)."""
    held = _sites.get(key)
    if held is None or held[0] <= time.monotonic():
        return False, None
    return True, _own_copy(held[1])


def keep_site(key):
    """Look the site up as Wagtail does and keep it for ``_seconds()``."""
    hostname, port = key
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        site = None
    if len(_sites) >= MAX_HOSTS:
        _sites.clear()
    _sites[key] = (time.monotonic() + _seconds(), site)
    return site


def forget_sites(**kwargs):
    _sites.clear()


def _forget_on_root_change(sender, instance, **kwargs):
    if instance.depth <= 2:
        _sites.clear()


post_save.connect(forget_sites, sender=Site, dispatch_uid="home-sites-save")
post_delete.connect(forget_sites, sender=Site, dispatch_uid="home-sites-delete")
page_published.connect(_forget_on_root_change, dispatch_uid="home-sites-root-published")
page_unpublished.connect(_forget_on_root_change, dispatch_uid="home-sites-root-unpublished")
post_page_move.connect(_forget_on_root_change, dispatch_uid="home-sites-root-moved")


class SiteMiddleware:
    """Gives the request its Site before anything asks Wagtail for it
    (``Site.find_for_request`` reads ``request._wagtail_site``) when this
    worker holds it; otherwise Wagtail finds it as usual and, if the request
    needed it, the worker keeps one for the next requests (one query more,
    once a minute). A request that never needs a site asks nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _seconds() <= 0:
            return self.get_response(request)
        key = _key(request)
        found, site = kept_site(key)
        if found:
            request._wagtail_site = site
        response = self.get_response(request)
        if not found and "_wagtail_site" in request.__dict__:
            # This request needed its site (a page, not the tokens endpoint
            # or a static file): keep a fresh one for the next requests.
            keep_site(key)
        return response
