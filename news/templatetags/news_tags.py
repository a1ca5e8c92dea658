import datetime
import json
from urllib.parse import quote, urljoin

from django import template
from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

register = template.Library()

WEEKDAYS = [_("Thứ hai"), _("Thứ ba"), _("Thứ tư"), _("Thứ năm"), _("Thứ sáu"), _("Thứ bảy"), _("Chủ nhật")]

# Share endpoints that work as plain links: no SDK, no third-party script on
# our pages. The reader's browser only talks to Facebook or Zalo on a click.
FACEBOOK_SHARE = "https://www.facebook.com/sharer/sharer.php?u={url}"
ZALO_SHARE = "https://sp.zalo.me/share_inline?url={url}"

# What a <script type="application/ld+json"> may not contain verbatim.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _local(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            # A naive value is already the portal's local time.
            return value
        return timezone.localtime(value)
    return value


@register.filter
def dateline(value):
    """The portal's date line, as readers know it: ``Thứ ba - 23/06/2020 19:00``
    in Vietnamese, ``Tuesday, 23 June 2020 19:00`` in English (local time; the
    date part is each language's DATETIME_FORMAT in ``config/formats/``)."""
    if not value:
        return ""
    local = _local(value)
    return _("%(weekday)s - %(datetime)s") % {
        "weekday": WEEKDAYS[local.weekday()],
        "datetime": date_format(local, "DATETIME_FORMAT"),
    }


@register.filter
def shortdate(value):
    if not value:
        return ""
    return date_format(_local(value), "SHORT_DATE_FORMAT")


@register.simple_tag(takes_context=True)
def share_links(context, page):
    """Facebook and Zalo share URLs for ``page``, as plain links."""
    url = page.get_full_url(context.get("request")) or ""
    encoded = quote(url, safe="")
    return {"url": url, "facebook": FACEBOOK_SHARE.format(url=encoded), "zalo": ZALO_SHARE.format(url=encoded)}


def _absolute(base, url):
    """``url`` made absolute against the page's own canonical address, so
    media links name the same host as the canonical URL (or the CDN's)."""
    return urljoin(base, url) if base else url


def _json_ld(data):
    text = json.dumps(data, ensure_ascii=False, cls=_Encoder).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


class _Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            return timezone.localtime(o).isoformat() if timezone.is_aware(o) else o.isoformat()
        return str(o)


@register.inclusion_tag("news/includes/page_meta.html", takes_context=True)
def page_meta(context):
    """Canonical URL, description, OpenGraph and Twitter cards for the page
    being shown; NewsArticle structured data for articles."""
    from news.models import SOCIAL_RENDITION, ArticlePage

    request = context.get("request")
    page = context.get("page")
    if page is None or not hasattr(page, "get_full_url"):
        return {}
    canonical = context.get("canonical_url") or page.get_full_url(request)
    description = (
        page.search_description
        or getattr(page, "lead", "")
        or getattr(page, "intro", "")
        or getattr(page, "tagline", "")
        or ""
    )
    description = " ".join(strip_tags(description).split())[:300]
    title = page.seo_title or page.title
    meta = {
        "canonical": canonical,
        "title": title,
        "description": description,
        "site_name": str(settings.PORTAL_NAME),
        "og_type": "website",
        "locale": "vi_VN" if translation.get_language() == "vi" else "en_US",
    }
    image = getattr(page, "cover_image", None)
    if image is not None:
        rendition = image.get_rendition(SOCIAL_RENDITION)
        meta.update(
            image=_absolute(canonical, rendition.url),
            image_width=rendition.width,
            image_height=rendition.height,
            image_alt=image.default_caption or page.title,
        )
    if isinstance(page, ArticlePage):
        section = page.parent_section
        tags = context.get("tags") or []
        tags = tags() if callable(tags) else tags
        meta.update(
            og_type="article",
            published=page.dateline_datetime,
            modified=page.last_published_at or page.dateline_datetime,
            section=section.title if section else "",
            tags=[t.name for t in tags],
        )
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": page.title[:110],
            "description": description,
            "datePublished": meta["published"],
            "dateModified": meta["modified"],
            "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
            "url": canonical,
            "inLanguage": translation.get_language(),
            "isAccessibleForFree": True,
            "publisher": {"@type": "Organization", "name": meta["site_name"]},
        }
        if meta.get("image"):
            data["image"] = [meta["image"]]
        if page.byline_name:
            data["author"] = [{"@type": "Person", "name": page.byline_name}]
        else:
            data["author"] = [{"@type": "Organization", "name": meta["site_name"]}]
        if meta["section"]:
            data["articleSection"] = meta["section"]
        if meta["tags"]:
            data["keywords"] = meta["tags"]
        meta["json_ld"] = _json_ld(data)
    return meta


@register.simple_tag(takes_context=True)
def photo_strip_items(context, limit=6):
    """The home page's photo strip: the newest photo reports of the Phóng sự
    ảnh column, covers and photo counts fetched in bulk."""
    from news.models import PHOTO_SECTION_SLUG, PhotoReportPage, SectionPage

    home = context.get("portal_home") or context.get("page")
    if home is None:
        return {"section": None, "items": []}
    section = SectionPage.objects.child_of(home).live().public().filter(slug=PHOTO_SECTION_SLUG).first()
    if section is None:
        return {"section": None, "items": []}
    return {"section": section, "items": list(PhotoReportPage.objects.listing().descendant_of(section)[:limit])}


@register.inclusion_tag("news/includes/sidebar_notices_box.html", takes_context=True)
def sidebar_notices(context, limit=5):
    """The members-only box: the newest internal notices for those allowed to
    read them; for anyone else, only a way in."""
    from news.models import ArticlePage, InternalNoticeIndexPage

    request = context.get("request")
    home = context.get("portal_home")
    if home is None:
        return {}
    readable = InternalNoticeIndexPage.readable_for(request, home)
    if readable is not None:
        notices = list(ArticlePage.objects.listing(include_private=True).child_of(readable)[:limit])
        return {"notice_page": readable, "notices": notices, "can_read": True, "request": request}
    notice_page = InternalNoticeIndexPage.objects.child_of(home).live().first()
    if notice_page is None:
        return {}
    return {"notice_page": notice_page, "notices": [], "can_read": False, "request": request}


@register.inclusion_tag("news/includes/sidebar_topics_box.html", takes_context=True)
def sidebar_topics(context):
    """The list of special topics (chuyên đề), in the editors' order."""
    from news.models import TopicPage

    home = context.get("portal_home")
    if home is None:
        return {}
    topics = TopicPage.objects.descendant_of(home).live().public().order_by("path")
    return {"topics": list(topics), "request": context.get("request")}
