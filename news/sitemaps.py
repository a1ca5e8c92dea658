from wagtail.contrib.sitemaps import Sitemap


class PortalSitemap(Sitemap):
    """Wagtail's sitemap over every language's tree (the English home page is
    a translation of the default site's root, not a descendant of it).
    Private pages are left out by ``public()``, expired articles by their
    ``get_sitemap_urls``."""

    def items(self):
        root = self.get_wagtail_site().root_page
        pages = root.get_descendants(inclusive=True)
        for translation in root.get_translations():
            pages = pages | translation.get_descendants(inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()
