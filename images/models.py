from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class PortalImage(AbstractImage):
    """A photo in the portal's library, carrying the credit and caption that
    every use of it defaults to, so that "Ảnh: …" is typed once, not per article."""

    credit = models.CharField(
        _("tác giả ảnh"),
        max_length=255,
        blank=True,
        help_text=_("Tên người chụp hoặc nguồn ảnh; hiển thị là “Ảnh: …”."),
    )
    default_caption = models.CharField(_("chú thích mặc định"), max_length=500, blank=True)

    admin_form_fields = Image.admin_form_fields + ("credit", "default_caption")

    class Meta(AbstractImage.Meta):
        verbose_name = _("ảnh")
        verbose_name_plural = _("ảnh")

    @property
    def credit_line(self):
        return _("Ảnh: %(credit)s") % {"credit": self.credit} if self.credit else ""


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
