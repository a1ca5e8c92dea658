from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from news import views as news_views
from news.sitemaps import PortalSitemap
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}),
    path("robots.txt", news_views.robots_txt, name="robots_txt"),
    path("stats/", include("stats.urls")),
    path("session/", include("accounts.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Vietnamese at "/", English under "/en/".
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("y-kien/", include("qa.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# Security and reliability (#10): a database outage answers 503, never a bare 500.
handler500 = "resilience.views.server_error"
