from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.image_operations import FilterOperation
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image

# Metadata a camera or phone writes that must not travel with a published
# rendition: EXIF (GPS position, camera serial, time) and XMP.
PRIVATE_METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment")


class StripMetadataOperation(FilterOperation):
    """Drop EXIF/XMP from the image being written. It runs after Wagtail has
    turned the photo upright from its EXIF orientation, so nothing is lost."""

    def __init__(self):
        self.method = "strip-metadata"
        self.args = ()

    def run(self, willow, image, env):
        info = getattr(getattr(willow, "image", None), "info", None)
        if info is not None:
            for key in PRIVATE_METADATA_KEYS:
                info.pop(key, None)
        return willow


class MetadataFreeFilter(Filter):
    """Wagtail's filter, plus the metadata strip as its last step (Willow
    copies EXIF into JPEG and WebP renditions by default)."""

    @property
    def filter_operations(self):
        return [*super().filter_operations, StripMetadataOperation()]


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

    def generate_rendition_file(self, filter, *, source=None):
        # Same spec, so Wagtail's cache keys and rendition rows are unchanged.
        return super().generate_rendition_file(MetadataFreeFilter(spec=filter.spec), source=source)

    @property
    def credit_line(self):
        return _("Ảnh: %(credit)s") % {"credit": self.credit} if self.credit else ""


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
