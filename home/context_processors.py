from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.models import Locale, Site


def portal(request):
    """The main menu: the home page's sections, in the reader's language."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"portal_menu": [], "portal_home": None, "PORTAL_NAME": settings.PORTAL_NAME}
    home = site.root_page
    try:
        locale = Locale.objects.get_for_language(get_language())
        home = home.get_translation_or_none(locale) or home
    except Locale.DoesNotExist:
        pass
    # Not even built here (public() reads the view restrictions when it is
    # called): the header menu is a cached fragment (pagecache/), which asks
    # for it only when it is rebuilt.
    menu = SimpleLazyObject(lambda: home.get_children().live().public().in_menu())
    return {"portal_menu": menu, "portal_home": home, "PORTAL_NAME": settings.PORTAL_NAME}
