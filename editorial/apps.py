from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Biên tập")

    def ready(self):
        from . import notifications, signals

        signals.connect()
        # Runs before wagtail.admin's ready(): its receivers reuse these
        # dispatch_uids and so are not connected (see notifications).
        notifications.connect()
