from django import template

from pagecache.entries import fragments_version

register = template.Library()


@register.simple_tag
def fragment_version():
    """A number that changes on every publish, unpublish, move or delete and
    on every change of a banner, link or setting: part of every {% cache %}
    key, so a shared block is rebuilt as soon as what it shows changes."""
    return fragments_version()


@register.filter
def menu_position(page):
    """What the header menu's highlighting depends on: the page itself when it
    is the home page or a section in the menu, else nothing."""
    if page is None or not getattr(page, "pk", None) or getattr(page, "depth", 99) > 3:
        return 0
    return page.pk


@register.simple_tag
def fragment_seconds():
    """FRAGMENT_CACHE_SECONDS: how long a shared block is kept at most."""
    from django.conf import settings

    return settings.FRAGMENT_CACHE_SECONDS
