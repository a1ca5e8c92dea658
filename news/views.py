from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Crawlers may read everything readers can, except the admin, search
    results and print copies (each article's canonical page is indexed instead)."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /_util/",
        "Disallow: /search/",
        "Disallow: /en/search/",
        "Disallow: /*/print/$",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
