from django.dispatch import receiver
from wagtail.signals import page_published

from .tasks import queue_page_renditions


@receiver(page_published)
def make_renditions_on_publish(sender, instance, **kwargs):
    if hasattr(instance, "rendition_plan"):
        queue_page_renditions(instance.pk)
