from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """The anonymous readers' page cache, its invalidation and the CDN purge (#13)."""

    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from . import signals  # noqa: F401
