from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Site

# Language code -> Locale id: the portal's two locales are made once and
# practically never change, so every request need not ask for them (#13).
_locale_ids = {}


def locale_id_for(language_code):
    """The id of the Locale for ``language_code``, or None when there is none."""
    if language_code not in _locale_ids:
        try:
            code = get_supported_content_language_variant(language_code)
        except LookupError:
            code = None
        locale = Locale.objects.filter(language_code=code).only("pk").first() if code else None
        _locale_ids[language_code] = locale.pk if locale is not None else None
    return _locale_ids[language_code]


def forget_locales(**kwargs):
    _locale_ids.clear()


post_save.connect(forget_locales, sender=Locale, dispatch_uid="home-locale-ids-save")
post_delete.connect(forget_locales, sender=Locale, dispatch_uid="home-locale-ids-delete")


def portal(request):
    """The main menu: the home page's sections, in the reader's language."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"portal_menu": [], "portal_home": None, "PORTAL_NAME": settings.PORTAL_NAME}
    home = site.root_page
    locale_id = locale_id_for(get_language())
    if locale_id is not None and locale_id != home.locale_id:
        home = home.get_translation_or_none(locale_id) or home
    # Not even built here (public() reads the view restrictions when it is
    # called): the header menu is a cached fragment (pagecache/), which asks
    # for it only when it is rebuilt.
    menu = SimpleLazyObject(lambda: home.get_children().live().public().in_menu())
    return {"portal_menu": menu, "portal_home": home, "PORTAL_NAME": settings.PORTAL_NAME}
