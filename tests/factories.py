"""Test data helpers. Each app's helpers sit in their own delimited part."""

# --- news ------------------------------------------------------------------
import itertools

from anyascii import anyascii
from django.utils.text import slugify

_serial = itertools.count(1)


def make_article(parent, title=None, *, publish=True, lead="Sapo của bài viết.", **fields):
    """An article under ``parent`` (a section or the notice page), published
    through a revision as an editor would, unless ``publish`` is false."""
    from news.models import ArticlePage

    number = next(_serial)
    title = title or f"Bài viết thử nghiệm số {number}"
    topics = fields.pop("topics", None)
    tags = fields.pop("tags", None)
    fields.setdefault("live", publish)
    article = ArticlePage(title=title, slug=f"{slugify(anyascii(title))[:60]}-{number}", lead=lead, **fields)
    if topics is not None:
        article.topics = topics
    if tags:
        article.tags.add(*tags)
    parent.add_child(instance=article)
    revision = article.save_revision()
    if publish:
        revision.publish()
    article.refresh_from_db()
    return article


def section(slug):
    from wagtail.models import Site

    from news.models import SectionPage

    home = Site.objects.get(is_default_site=True).root_page
    return SectionPage.objects.child_of(home).get(slug=slug)


# --- end news ----------------------------------------------------------------
