from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial.admin_vi import TranslatedSnippetChooserViewSet

from .models import Author


class AuthorViewSet(SnippetViewSet):
    """Authors and pen names, chosen on each article instead of typed."""

    model = Author
    icon = "user"
    menu_label = _("Tác giả")
    add_to_admin_menu = False
    list_display = ["name", "unit", "is_pen_name"]
    search_fields = ["name", "unit"]
    chooser_viewset_class = TranslatedSnippetChooserViewSet  # "Chọn tác giả" in the editor's language


register_snippet(AuthorViewSet)
