from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SIDEBAR_CACHE_KEY, Banner, WebsiteLink


class WebsiteLinkViewSet(SnippetViewSet):
    model = WebsiteLink
    icon = "link"
    list_display = ["title", "url", "sort_order", "is_active"]
    search_fields = ["title", "url"]


class BannerViewSet(SnippetViewSet):
    model = Banner
    icon = "image"
    list_display = ["title", "placement", "starts_at", "ends_at", "sort_order"]
    list_filter = ["placement"]


class SidebarContentGroup(SnippetViewSetGroup):
    items = (WebsiteLinkViewSet, BannerViewSet)
    menu_icon = "list-ul"
    menu_label = _("Cột bên & chân trang")
    menu_name = "sidebar-content"


register_snippet(SidebarContentGroup)


def _forget_sidebar(**kwargs):
    cache.delete(SIDEBAR_CACHE_KEY)


for _model in (WebsiteLink, Banner):
    post_save.connect(_forget_sidebar, sender=_model, dispatch_uid=f"sidebar-cache-{_model.__name__}")
    post_delete.connect(_forget_sidebar, sender=_model, dispatch_uid=f"sidebar-cache-del-{_model.__name__}")
