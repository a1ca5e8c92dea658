from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import ArticleBodyBlock


class SectionPage(Page):
    """A column of the portal (chuyên mục), e.g. "Xây dựng Đảng"; it lists its
    articles newest first and may hold sub-sections."""

    intro = models.TextField(_("giới thiệu"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "news.SectionPage"]
    subpage_types = ["news.SectionPage", "news.ArticlePage"]

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def get_articles(self):
        return (
            ArticlePage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("cover_image")
            .order_by("-display_date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.get_articles()[:20]
        context["subsections"] = self.get_children().live().public().specific()
        return context


class ArticlePage(Page):
    """A news article (bài viết): lead, cover photo and a body of blocks; the
    portal's main product."""

    lead = models.TextField(_("sapo"), max_length=600, help_text=_("Đoạn dẫn ngắn, không định dạng, tối đa 600 ký tự."))
    cover_image = models.ForeignKey(
        "images.PortalImage",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("nội dung"), blank=True)
    display_date = models.DateTimeField(
        _("ngày hiển thị"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Để trống để dùng ngày xuất bản đầu tiên."),
    )
    byline = models.CharField(_("tác giả"), max_length=255, blank=True, help_text=_("Tên thật hoặc bút danh."))

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("byline"), FieldPanel("display_date")], heading=_("Tác giả và ngày")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("display_date"),
    ]

    parent_page_types = ["news.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")

    def save(self, *args, **kwargs):
        # Listings order by display_date; fill it from the first publication
        # so an article never sorts as "undated".
        if self.display_date is None and self.first_published_at:
            self.display_date = self.first_published_at
        super().save(*args, **kwargs)

    @property
    def dateline_datetime(self):
        return self.display_date or self.first_published_at or self.latest_revision_created_at or timezone.now()

    @property
    def section(self):
        return self.get_parent().specific
