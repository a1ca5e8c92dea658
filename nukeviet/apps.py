from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NukevietConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "nukeviet"
    verbose_name = _("Nhập từ NukeViet")
