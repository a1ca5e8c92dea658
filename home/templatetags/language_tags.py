"""The language switcher, ``hreflang`` alternates and the footer's details in
the reader's language."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

from pagecache.entries import fragment_key, fragments_version, shared_fragment

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: where the switcher goes, and whether that is
    the same content (an ``hreflang`` alternate) or only that language's home.

    A page goes to its live translation, or to the other language's home when
    there is none; a view that is not a page (search) keeps its address and
    query in the other language. One query, whatever the number of languages."""
    request = context.get("request")
    if request is None:
        return []
    current = translation.get_language()
    page = context.get("page")
    if not isinstance(page, Page) or page.pk is None:
        page = None
    if page is None or getattr(request, "is_preview", False):
        return _language_links(request, page, current)
    # A page's links change only when a page is published, moved or deleted:
    # kept with the shared fragments (pagecache/), as data, until then.
    version = context.get("fragment_version") or fragments_version()
    key = fragment_key("languages", current, version, page.pk, request.get_host())
    return shared_fragment(request, key, lambda: _language_links(request, page, current))


def _language_links(request, page, current):
    site = Site.find_for_request(request)
    keys = set()
    if page is not None:
        keys.add(page.translation_key)
    if site is not None:
        keys.add(site.root_page.translation_key)
    found = {}
    if keys:
        for candidate in Page.objects.live().filter(translation_key__in=keys).select_related("locale"):
            found[(candidate.translation_key, candidate.locale.language_code)] = candidate
    links = []
    for code, name in settings.LANGUAGES:
        url = full_url = None
        same_content = False
        if page is not None:
            target = found.get((page.translation_key, code))
            if target is not None:
                same_content = True
                url, full_url = target.get_url(request), target.get_full_url(request)
        elif _is_own_view(request):
            # Not a page: the same view in the other language (e.g. /en/search/?q=…).
            url = translate_url(request.get_full_path(), code)
            same_content = True
            full_url = request.build_absolute_uri(url)
        if url is None and site is not None:
            home = found.get((site.root_page.translation_key, code))
            url = home.get_url(request) if home is not None else None
        if url is None:
            continue
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "full_url": full_url,
                "alternate": same_content,
                "current": code == current,
            }
        )
    return links


def _is_own_view(request):
    """A view of ours (search, reader forms), whose address exists in both
    languages; not Wagtail's page serving, where a missing page has no twin."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name not in (None, "wagtail_serve")


@register.simple_tag(takes_context=True)
def footer_details(context):
    """The footer's address, licence and editor in the reader's language.
    English leaves out a line the board has not translated rather than show
    Vietnamese under an English label; phone and e-mail are the same in both."""
    from home.models import PortalSettings

    request = context.get("request")
    if request is None:
        return {}
    portal = PortalSettings.for_request(request)
    english = translation.get_language() == "en"
    return {
        "address": portal.address_en if english else portal.address,
        "licence": portal.licence_en if english else portal.licence,
        "editor_in_chief": portal.editor_in_chief_en if english else portal.editor_in_chief,
        "phone": portal.phone,
        "email": portal.email,
    }
