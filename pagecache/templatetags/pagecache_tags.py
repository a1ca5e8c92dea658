from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from pagecache import entries
from pagecache.entries import fragment_key, fragments_version

register = template.Library()


@register.simple_tag
def fragment_version():
    """A number that changes on every publish, unpublish, move or delete and
    on every change of a banner, link or setting: part of every {% shared_fragment %}
    key, so a shared block is rebuilt as soon as what it shows changes."""
    return fragments_version()


@register.filter
def menu_position(page):
    """What the header menu's highlighting depends on: the page itself when it
    is the home page or a section in the menu, else nothing."""
    if page is None or not getattr(page, "pk", None) or getattr(page, "depth", 99) > 3:
        return 0
    return page.pk


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if request is None or settings.FRAGMENT_CACHE_SECONDS <= 0 or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        version = context.get("fragment_version") or fragments_version()
        parts = [value.resolve(context) for value in self.vary_on]
        key = fragment_key(self.name, translation.get_language(), version, *parts)
        return entries.shared_fragment(request, key, lambda: self.nodelist.render(context))


@register.tag
def shared_fragment(parser, token):
    """``{% shared_fragment "name" value ... %}…{% endshared_fragment %}``: the
    block's HTML kept for every reader who may see the page, keyed on the
    name, the values, the language and the fragment version (so a publish,
    move, delete or settings change anywhere rebuilds it) and kept no longer
    than FRAGMENT_CACHE_SECONDS or the next scheduled change. Previews always
    render afresh and are never kept (a draft has the live page's id).

    Only for what is the same for every reader allowed to see the page: the
    page's view restrictions are checked before any template runs."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("shared_fragment needs a name")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return SharedFragmentNode(nodelist, name, [parser.compile_filter(bit) for bit in bits[2:]])


@register.simple_tag(takes_context=True)
def prefetch_shared_fragments(context):
    """Ask the cache once for every shared fragment this page is about to
    use, instead of once per fragment: the layout's own (menu, breadcrumbs,
    sidebar boxes, language links) and those the page lists in its context
    as ``shared_fragments`` (``[(name, part, ...), ...]``). Renders nothing."""
    request = context.get("request")
    if request is None or settings.FRAGMENT_CACHE_SECONDS <= 0 or getattr(request, "is_preview", False):
        return ""
    version = context.get("fragment_version") or fragments_version()
    language = translation.get_language()
    page = context.get("page")
    wanted = [("sidebar-topics",), ("footer",)]
    if not request.user.is_authenticated:
        wanted.append(("sidebar-notices",))
    wanted.append(("main-nav", menu_position(page)))
    if page is not None and getattr(page, "pk", None):
        wanted.append(("languages", page.pk, request.get_host()))
        if getattr(page, "depth", 0) > 2:
            wanted.append(("breadcrumbs", page.pk))
    wanted += list(context.get("shared_fragments") or ())
    keys = [fragment_key(name, language, version, *parts) for name, *parts in wanted]
    found = cache.get_many(keys)
    request._prefetched_fragments = {key: found.get(key) for key in keys}
    return ""
