from django import template
from django.urls import reverse

from stats.counting import sign_article
from stats.figures import article_views, block_figures

register = template.Library()


@register.inclusion_tag("stats/includes/beacon.html")
def stats_beacon(page=None):
    """The counting script (and its <noscript> image) for any page; on an
    article it also carries the article's signed id. The same for every
    reader, so the page stays cacheable."""
    from news.models import ArticlePage

    article = sign_article(page.pk) if isinstance(page, ArticlePage) else ""
    return {"hit_url": reverse("stats:hit"), "article": article}


@register.inclusion_tag("stats/includes/sidebar_stats_box.html")
def sidebar_stats():
    return {"figures": block_figures()}


@register.filter
def view_count(article):
    """The annotation ``view_count`` when the listing has it (no query), else
    the article's own count (one cached query)."""
    annotated = getattr(article, "view_count", None)
    if annotated is not None:
        return annotated
    return article_views(article.pk)
