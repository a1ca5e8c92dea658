"""Signal receivers: the tree keeps the editorial set-up in step (see
``sections``), and every new user gets the admin in Vietnamese."""

from django.conf import settings
from django.db.models.signals import post_save, pre_delete
from wagtail.models import Page
from wagtail.users.models import UserProfile

from . import sections


def page_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not isinstance(instance, Page) or instance.depth is None:
        return
    if created:
        sections.on_page_created(instance)
    elif instance.depth == 3:
        sections.on_page_saved(instance)


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        sections.on_page_deleted(instance)


def user_created(sender, instance, created, raw=False, **kwargs):
    # Editors read the admin in Vietnamese unless they choose otherwise in
    # their account settings (an English browser would otherwise win).
    if created and not raw:
        profile = UserProfile.get_for_user(instance)
        if not profile.preferred_language:
            profile.preferred_language = settings.LANGUAGE_CODE
            profile.save(update_fields=["preferred_language"])


def connect():
    post_save.connect(page_saved, dispatch_uid="editorial_page_saved")
    pre_delete.connect(page_deleted, dispatch_uid="editorial_page_deleted")
    post_save.connect(user_created, sender=settings.AUTH_USER_MODEL, dispatch_uid="editorial_user_created")
