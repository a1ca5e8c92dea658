"""Invalidation: publish, unpublish (and delete, which Wagtail turns into an
unpublish first), move; the home snippets and site settings; approved comments."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import entries
from .purge import _forget, home_urls, page_urls, purge, purge_set, shows_on_every_page


def _replayed(kwargs):
    """A raw save (loaddata, a test's serialized rollback) writes rows back
    as they were, possibly before what they point to exists: forget every
    cached page and block instead of following its relations."""
    if kwargs.get("raw"):
        _forget([], everything=True, fragments=True)
        return True
    return False


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    purge(purge_set(instance), everything=shows_on_every_page(instance))


_before_move = {}


@receiver(pre_page_move)
def page_moving(sender, instance, **kwargs):
    _before_move[instance.pk] = purge_set(instance)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    # A move changes the address of the page and of everything below it.
    urls = _before_move.pop(instance.pk, [])
    urls += [url for url in purge_set(instance) if url not in urls]
    purge(urls, everything=True)


def site_wide_content_changed(sender, instance, **kwargs):
    """Banners, website links, the portal's and the participation settings,
    authors and sites show on many pages (the sidebar and footer are on all)."""
    from wagtail.contrib.settings.models import BaseSiteSetting

    if _replayed(kwargs):
        return
    if kwargs.get("created") and isinstance(instance, BaseSiteSetting):
        return  # made with its defaults on first read: nothing readers see changes
    purge(home_urls(), everything=True)


def _connect_site_wide():
    from django.apps import apps

    for label in [
        "home.Banner",
        "home.WebsiteLink",
        "home.PortalSettings",
        "qa.ParticipationSettings",
        "news.Author",
        "wagtailcore.Site",
    ]:
        model = apps.get_model(label)
        post_save.connect(site_wide_content_changed, sender=model, dispatch_uid=f"pagecache-{label}-save")
        post_delete.connect(site_wide_content_changed, sender=model, dispatch_uid=f"pagecache-{label}-delete")


_connect_site_wide()


@receiver(post_save, sender="qa.Comment")
@receiver(post_delete, sender="qa.Comment")
def comment_changed(sender, instance, **kwargs):
    """An approved (or withdrawn) comment shows under its article at once."""
    from news.models import ArticlePage

    if _replayed(kwargs):
        return
    if kwargs.get("created") and instance.status != instance.Status.APPROVED:
        return  # a new comment waiting for moderation changes nothing readers see
    from qa.models import forget_comment_count

    forget_comment_count(instance.article_id)
    transaction.on_commit(partial(forget_comment_count, instance.article_id))
    article = ArticlePage.objects.filter(pk=instance.article_id).first()
    if article is not None:
        purge(page_urls(article), fragments=False)
        forget_comments = partial(entries.forget_fragment, "article-comments", article.pk)
        forget_comments()
        transaction.on_commit(forget_comments)


@receiver(post_save, sender="qa.Question")
@receiver(post_delete, sender="qa.Question")
def question_changed(sender, instance, **kwargs):
    """A question the board publishes (or withdraws) shows on its own page and
    in the Q&A column's list."""
    if _replayed(kwargs):
        return
    if kwargs.get("created") and instance.status != instance.Status.PUBLISHED:
        return
    index = instance.index_page
    if index is None:
        return
    urls = page_urls(index)
    base = index.get_full_url()
    if base:
        urls.append(base + index.reverse_subpage("question", args=[instance.pk]))
    purge(urls, fragments=False)
