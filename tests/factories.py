"""Test data helpers. Each app's helpers sit in their own delimited part."""

# --- news ------------------------------------------------------------------
import itertools

from anyascii import anyascii
from django.utils.text import slugify

_serial = itertools.count(1)


def make_article(parent, title=None, *, publish=True, lead="Sapo của bài viết.", **fields):
    """An article under ``parent`` (a section or the notice page), published
    through a revision as an editor would, unless ``publish`` is false."""
    from news.models import ArticlePage

    number = next(_serial)
    title = title or f"Bài viết thử nghiệm số {number}"
    topics = fields.pop("topics", None)
    tags = fields.pop("tags", None)
    fields.setdefault("live", publish)
    article = ArticlePage(title=title, slug=f"{slugify(anyascii(title))[:60]}-{number}", lead=lead, **fields)
    if topics is not None:
        article.topics = topics
    if tags:
        article.tags.add(*tags)
    parent.add_child(instance=article)
    revision = article.save_revision()
    if publish:
        revision.publish()
    article.refresh_from_db()
    return article


def section(slug):
    from wagtail.models import Site

    from news.models import SectionPage

    home = Site.objects.get(is_default_site=True).root_page
    return SectionPage.objects.child_of(home).get(slug=slug)


# --- end news ----------------------------------------------------------------


# --- images and photo reports -------------------------------------------------


def jpeg_bytes(size=(240, 160), color=(120, 160, 200), exif=None):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, color).save(buffer, "JPEG", quality=80, **kwargs)
    return buffer.getvalue()


def make_image(title=None, *, credit="Tâm Giang", caption="", size=(240, 160)):
    import io

    from django.core.files.images import ImageFile

    from images.models import PortalImage

    number = next(_serial)
    image = PortalImage(
        title=title or f"Ảnh thử nghiệm {number}",
        credit=credit,
        default_caption=caption,
        file=ImageFile(io.BytesIO(jpeg_bytes(size, ((number * 37) % 255, 120, 160))), name=f"test-{number}.jpg"),
    )
    image.save()
    return image


def make_photo_report(parent, title=None, *, photos=(), photographer="Quốc Việt", related=(), publish=True):
    """A photo report under ``parent`` (the Phóng sự ảnh section); ``photos``
    are (image, caption, credit) triples in the order they show."""
    from news.photo_reports import PhotoReportPage

    number = next(_serial)
    title = title or f"Phóng sự ảnh thử nghiệm số {number}"
    report = PhotoReportPage(
        title=title, slug=f"{slugify(anyascii(title))[:60]}-{number}", lead="Sapo phóng sự.", photographer=photographer
    )
    for image, caption, credit in photos:
        report.photos.add(report.photos.model(image=image, caption=caption, credit=credit))
    for article in related:
        report.related_links.add(report.related_links.model(article=article))
    parent.add_child(instance=report)
    revision = report.save_revision()
    if publish:
        revision.publish()
    report.refresh_from_db()
    return report


# --- end images and photo reports ----------------------------------------------
