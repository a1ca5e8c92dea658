"""Keep internal notices private whatever happens in the privacy dialog."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction


def _enforce_later(page_id):
    def enforce():
        from .models import InternalNoticeIndexPage

        # The page itself may have been deleted in the same transaction.
        page = InternalNoticeIndexPage.objects.filter(pk=page_id).first()
        if page is not None:
            page.ensure_members_only()

    transaction.on_commit(enforce)


def _is_notice_page(page_id):
    from .models import InternalNoticeIndexPage

    return InternalNoticeIndexPage.objects.filter(pk=page_id).exists()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    if _is_notice_page(instance.page_id):
        _enforce_later(instance.page_id)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, PageViewRestriction):
        if _is_notice_page(instance.page_id):
            _enforce_later(instance.page_id)
