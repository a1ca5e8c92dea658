from django import template
from django.core.cache import cache
from django.utils import timezone, translation
from wagtail.images.shortcuts import get_rendition_or_not_found

from home.models import SIDEBAR_CACHE_KEY, Banner, WebsiteLink

register = template.Library()


def _content():
    """Links and banners (with their image sizes resolved), cached until the
    board changes one; dates are checked at each render, so a banner appears
    and disappears on time even from the cache."""
    content = cache.get(SIDEBAR_CACHE_KEY)
    if content is None:
        banners = []
        for banner in Banner.objects.select_related("image", "link_page"):
            spec = "max-300x300" if banner.placement == Banner.Placement.SIDEBAR else "max-240x120"
            rendition = get_rendition_or_not_found(banner.image, spec)
            banners.append(
                {
                    "title": banner.title,
                    "language": banner.language,
                    "placement": banner.placement,
                    "url": banner.link_page.url if banner.link_page_id and banner.link_page else banner.link_url,
                    "src": rendition.url,
                    "width": rendition.width,
                    "height": rendition.height,
                    "starts_at": banner.starts_at,
                    "ends_at": banner.ends_at,
                }
            )
        links = list(WebsiteLink.objects.filter(is_active=True).values("title", "url", "language"))
        content = {"banners": banners, "links": links}
        cache.set(SIDEBAR_CACHE_KEY, content, 3600)
    return content


def _now():
    return timezone.now()


def _showing(placement):
    now = _now()
    language = translation.get_language()
    return [
        b
        for b in _content()["banners"]
        if b["placement"] == placement
        and b["language"] == language
        and (b["starts_at"] is None or b["starts_at"] <= now)
        and (b["ends_at"] is None or now < b["ends_at"])
    ]


@register.inclusion_tag("home/includes/banners_box.html")
def banners(placement="sidebar"):
    return {"banners": _showing(placement), "placement": placement}


@register.inclusion_tag("home/includes/website_links_box.html")
def website_links():
    language = translation.get_language()
    return {"links": [link for link in _content()["links"] if link["language"] == language]}
