from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page


class HomePage(Page):
    """The portal's front page (Trang chủ): top stories and the latest from each section."""

    tagline = models.CharField(_("khẩu hiệu"), max_length=255, blank=True)

    content_panels = Page.content_panels + [FieldPanel("tagline")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.SectionPage", "qa.QAIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        from news.models import ArticlePage, SectionPage

        context = super().get_context(request, *args, **kwargs)
        articles = (
            ArticlePage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("cover_image")
            .order_by("-display_date", "-pk")
        )
        context["top_stories"] = articles[:5]
        context["sections"] = SectionPage.objects.child_of(self).live().public()
        return context


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """The portal's masthead and footer details, edited by the board, not in templates."""

    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=64, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    licence = models.CharField(_("giấy phép"), max_length=255, blank=True)
    editor_in_chief = models.CharField(_("chịu trách nhiệm nội dung"), max_length=255, blank=True)

    panels = [
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("licence"),
        FieldPanel("editor_in_chief"),
    ]

    class Meta:
        verbose_name = _("thông tin cổng")
