from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    name = "images"
    label = "images"
    verbose_name = _("Thư viện ảnh")

    def ready(self):
        from . import signals  # noqa: F401
