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


def site_for_request(request):
    """What ``Site.find_for_request`` would find, from this worker's copy."""
    seconds = getattr(settings, "SITE_CACHE_SECONDS", 60)
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    key = (hostname, port)
    now = time.monotonic()
    held = _sites.get(key)
    if held is None or held[0] <= now or seconds <= 0:
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            site = None
        if len(_sites) >= MAX_HOSTS:
            _sites.clear()
        held = _sites[key] = (now + seconds, site)
    site = held[1]
    if site is None:
        return None
    own = copy.copy(site)
    own.root_page = copy.copy(site.root_page)
    return own


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
    (``Site.find_for_request`` reads ``request._wagtail_site``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = site_for_request(request)
        return self.get_response(request)
