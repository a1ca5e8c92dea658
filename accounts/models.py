from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Everyone who logs in: editors of every board, contributors, Party members.

    A custom model from the first migration, so that later fields (unit, pen
    name, two-step verification) need no swap of ``AUTH_USER_MODEL``.
    """

    unit = models.CharField(_("đơn vị công tác"), max_length=255, blank=True)
    pen_name = models.CharField(_("bút danh"), max_length=120, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
