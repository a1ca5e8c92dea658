"""Photo reports (phóng sự ảnh): a story told in an ordered series of photos,
each with its caption and credit, published under the Phóng sự ảnh column."""

from django.db import models
from django.db.models import Count, F, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from images.renditions import LIGHTBOX_RENDITION, filter_specs

from .models import PHOTO_SECTION_SLUG, SOCIAL_RENDITION, ArticlePage

SOCIAL = [SOCIAL_RENDITION]

# The renditions a photo report's own page and its cards need, prefetched in
# bulk: a report of forty photos costs the same queries as one of four.
GALLERY_RENDITIONS = [*filter_specs("gallery"), LIGHTBOX_RENDITION]
REPORT_CARD_RENDITIONS = filter_specs("card", "feature")


def _renditions(specs):
    return get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)


class PhotoReportQuerySet(PageQuerySet):
    def listing(self):
        """Published, public reports, newest first, with the cover's card
        renditions and the photo count in the same few queries."""
        photo_count = (
            PhotoReportPhoto.objects.filter(page_id=OuterRef("pk"))
            .order_by()
            .values("page_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            self.live()
            .public()
            .defer_streamfields()
            .select_related("cover_image")
            .prefetch_related(Prefetch("cover_image__renditions", queryset=_renditions(REPORT_CARD_RENDITIONS)))
            .annotate(photo_count=Coalesce(Subquery(photo_count), 0))
            .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
        )


PhotoReportManager = PageManager.from_queryset(PhotoReportQuerySet)


class PhotoReportPage(Page):
    """A photo report (phóng sự ảnh): lead, photographer and an ordered list of
    photos with captions; readers page through it in a lightbox."""

    lead = models.TextField(_("sapo"), max_length=600, help_text=_("Đoạn dẫn ngắn, không định dạng, tối đa 600 ký tự."))
    photographer = models.CharField(
        _("người chụp"), max_length=255, blank=True, help_text=_("Ví dụ: Tâm Giang. Hiển thị là “Ảnh: …”.")
    )
    cover_image = models.ForeignKey(
        "images.PortalImage",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Dùng trong danh sách và khi chia sẻ. Để trống để dùng ảnh đầu tiên."),
    )

    objects = PhotoReportManager()

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("photographer"),
        FieldPanel("cover_image"),
        InlinePanel("photos", heading=_("Ảnh"), label=_("ảnh"), min_num=1),
        MultiFieldPanel([InlinePanel("related_links", label=_("bài liên quan"))], heading=_("Tin liên quan")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("photographer"),
        index.RelatedFields("photos", [index.SearchField("caption")]),
    ]

    parent_page_types = ["news.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("phóng sự ảnh")
        verbose_name_plural = _("phóng sự ảnh")

    @classmethod
    def can_create_at(cls, parent):
        # Only the Phóng sự ảnh column (and its translations) holds photo reports.
        return super().can_create_at(parent) and parent.slug == PHOTO_SECTION_SLUG

    def save(self, *args, **kwargs):
        if self.cover_image_id is None:
            first = next((p for p in self.photos.all() if p.image_id), None)
            if first is not None:
                self.cover_image_id = first.image_id
        super().save(*args, **kwargs)

    @property
    def dateline_datetime(self):
        return self.first_published_at or self.latest_revision_created_at or timezone.now()

    @property
    def byline_name(self):
        return self.photographer

    def gallery(self, request=None):
        """The photos in the editors' order, each image with its renditions
        prefetched: two queries whatever the number of photos."""
        if getattr(request, "is_preview", False) or not self.pk:
            return list(self.photos.all())
        return list(
            PhotoReportPhoto.objects.filter(page=self)
            .select_related("image")
            .prefetch_related(Prefetch("image__renditions", queryset=_renditions(GALLERY_RENDITIONS)))
            .order_by("sort_order", "pk")
        )

    def rendition_plan(self):
        """What readers will ask for, made on publish (images.tasks)."""
        if self.cover_image_id:
            yield self.cover_image, [*REPORT_CARD_RENDITIONS, *SOCIAL]
        for photo in PhotoReportPhoto.objects.filter(page=self).select_related("image"):
            yield photo.image, GALLERY_RENDITIONS

    def related_articles(self):
        ids = [link.article_id for link in self.related_links.all() if link.article_id]
        if not ids:
            return []
        articles = {a.pk: a for a in ArticlePage.objects.listing().filter(pk__in=ids)}
        return [articles[pk] for pk in ids if pk in articles]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["photos"] = self.gallery(request)
        context["related"] = self.related_articles()
        context["canonical_url"] = self.get_full_url(request)
        return context


class PhotoReportPhoto(Orderable):
    """One photo of a report, in the editors' order; caption and credit
    default to the image's own."""

    page = ParentalKey(PhotoReportPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("images.PortalImage", verbose_name=_("ảnh"), on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(
        _("chú thích"), max_length=500, blank=True, help_text=_("Để trống để dùng chú thích mặc định của ảnh.")
    )
    credit = models.CharField(
        _("tác giả ảnh"), max_length=255, blank=True, help_text=_("Để trống để dùng tác giả ghi trên ảnh.")
    )

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("credit")]

    class Meta(Orderable.Meta):
        verbose_name = _("ảnh của phóng sự")
        verbose_name_plural = _("ảnh của phóng sự")

    @property
    def shown_caption(self):
        return self.caption or (self.image.default_caption if self.image_id else "")

    @property
    def shown_credit(self):
        return self.credit or (self.image.credit if self.image_id else "")


class PhotoReportRelatedArticle(Orderable):
    """An article a photo report links to (Tin liên quan)."""

    page = ParentalKey(PhotoReportPage, on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey(
        "news.ArticlePage", verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("bài liên quan")
        verbose_name_plural = _("bài liên quan")
