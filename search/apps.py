from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    # "wagtailsearch" is Wagtail's label; ours must not clash with it.
    label = "portal_search"
