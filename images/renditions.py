"""The rendition sizes the portal shows photos at, in one place.

Each use of a photo (a gallery photo, a card, a cover) is a named spec: the
sizes to cut and the ``sizes`` hint for the browser. Every size is made in
each format of ``PORTAL_IMAGE_FORMATS`` (AVIF when Pillow can write it, WebP,
then JPEG, the fallback every browser reads), so a phone downloads the
smallest file it understands at the width it needs. Listings prefetch
``filter_specs(...)`` so a card costs no query; publishing a page makes the
renditions ahead of readers (``images.tasks``).
"""

from dataclasses import dataclass

from django.conf import settings
from PIL import features

FALLBACK_FORMAT = "jpeg"
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}

# The link a gallery photo opens (without JavaScript, and in the lightbox).
LIGHTBOX_RENDITION = "max-1600x1600|format-jpeg"


@dataclass(frozen=True)
class Spec:
    sizes_filters: tuple  # Wagtail resize filters, smallest first, e.g. ("width-480", "width-960")
    widths: tuple  # the width each filter gives an image wide enough, for srcset
    sizes: str  # the browser's hint: how wide the image shows on the page
    # AVIF only where photos are big: Pillow here encodes a 960 px AVIF in
    # about 0.6 s against 0.07 s for WebP, and at card size WebP is as small.
    avif: bool = False


SPECS = {
    # A photo of a photo report, full column width.
    "gallery": Spec(("width-480", "width-960"), (480, 960), "(min-width: 1000px) 760px, 100vw", avif=True),
    # The article's cover, above the fold.
    "cover": Spec(("width-480", "width-960"), (480, 960), "(min-width: 1000px) 760px, 100vw"),
    # A card in a listing, and a featured card.
    "card": Spec(("fill-320x200", "fill-640x400"), (320, 640), "(min-width: 700px) 320px, 100vw"),
    "feature": Spec(("fill-480x300", "fill-800x500"), (480, 800), "(min-width: 1000px) 760px, 100vw"),
}


def default_formats():
    """AVIF first when this Pillow can encode it, then WebP, then JPEG."""
    formats = []
    if features.check("avif"):
        formats.append("avif")
    if features.check("webp"):
        formats.append("webp")
    return formats + [FALLBACK_FORMAT]


def image_formats(spec=None):
    formats = list(getattr(settings, "PORTAL_IMAGE_FORMATS", None) or default_formats())
    if FALLBACK_FORMAT not in formats:
        formats.append(FALLBACK_FORMAT)
    if spec is not None and not spec.avif:
        formats = [fmt for fmt in formats if fmt != "avif"]
    return formats


def filter_specs(*names):
    """Every Wagtail filter spec the named uses need, to prefetch or to make."""
    specs = []
    for name in names:
        spec = SPECS[name]
        for base in spec.sizes_filters:
            specs += [f"{base}|format-{fmt}" for fmt in image_formats(spec)]
    return specs
