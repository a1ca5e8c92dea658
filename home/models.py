from datetime import timedelta

from django.conf import settings
from django.db import connection, models
from django.db.models import F, Window
from django.db.models.functions import RowNumber, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from news.blocks import ArticleBodyBlock
from news.routing import TypedChildRouteMixin

from .blocks import OfficeBlock


class HomePage(TypedChildRouteMixin, RoutablePageMixin, Page):
    """The portal's front page (Trang chủ): top stories, the photo strip and
    the latest from each section; its ``rss/`` is the whole site's feed."""

    TOP_STORIES = 5
    PER_SECTION = 4

    tagline = models.CharField(_("khẩu hiệu"), max_length=255, blank=True)

    content_panels = Page.content_panels + [FieldPanel("tagline")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.SectionPage",
        "news.TopicIndexPage",
        "news.InternalNoticeIndexPage",
        "qa.QAIndexPage",
        "home.AboutPage",
    ]
    max_count_per_parent = 1

    @classmethod
    def typed_child_model(cls):
        from news.models import SectionPage

        return SectionPage

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")

    def articles(self):
        from news.models import ArticlePage

        return ArticlePage.objects.listing().descendant_of(self)

    def top_stories(self):
        """Articles ticked "feature on home" in the last days, newest first,
        topped up with the newest articles."""
        from news.models import FEATURE_ON_HOME_DAYS

        since = timezone.now() - timedelta(days=FEATURE_ON_HOME_DAYS)
        top = list(self.articles().filter(feature_on_home=True, display_date__gte=since)[: self.TOP_STORIES])
        if len(top) < self.TOP_STORIES:
            top += list(self.articles().exclude(pk__in=[a.pk for a in top])[: self.TOP_STORIES - len(top)])
        return top

    def latest_by_section(self, exclude=()):
        """The newest few articles of each section in the menu (sub-sections
        roll up into their top section), in two queries whatever the count."""
        from news.models import PHOTO_SECTION_SLUG

        columns = [
            column for column in self.get_children().live().public().in_menu() if column.slug != PHOTO_SECTION_SLUG
        ]
        if not columns:
            return []
        from news.models import ArticlePage

        # Only each column's newest few are ranked: on PostgreSQL one UNION of
        # per-column sliced queries, each reading its few rows from the
        # listing-order index, picks them, so the home page costs the same
        # with a thousand articles or a hundred thousand (#13). Visibility is
        # checked once, by the outer listing. Databases that cannot slice
        # inside a UNION (SQLite, for development) rank every article.
        candidates = models.Q()
        if connection.features.supports_slicing_ordering_in_compound:
            newest = ArticlePage.objects.live().not_expired().exclude(pk__in=list(exclude))
            per_column = [
                newest.descendant_of(column)
                .order_by(F("display_date").desc(nulls_last=True), F("pk").desc())
                .values_list("pk", flat=True)[: self.PER_SECTION]
                for column in columns
            ]
            candidates = models.Q(pk__in=list(per_column[0].union(*per_column[1:], all=True)))
        prefix = Substr("path", 1, (self.depth + 1) * Page.steplen)
        ranked = (
            self.articles()
            .filter(candidates)
            .annotate(
                column_path=prefix,
                column_rank=Window(
                    RowNumber(),
                    partition_by=[prefix],
                    order_by=[F("display_date").desc(nulls_last=True), F("pk").desc()],
                ),
            )
            .filter(column_rank__lte=self.PER_SECTION)
        )
        by_column = {}
        for article in ranked:
            by_column.setdefault(article.column_path, []).append(article)
        blocks = []
        for column in columns:
            articles = sorted(by_column.get(column.path, []), key=lambda a: a.column_rank)
            if articles:
                blocks.append({"section": column, "lead": articles[0], "more": articles[1:]})
        return blocks

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Callables, run only when the strips' shared fragment is rebuilt
        # (pagecache/): a home page served from it asks for no article.
        top = []

        def top_stories():
            if not top:
                top.append(self.top_stories())
            return top[0]

        context["top_stories"] = top_stories
        context["section_blocks"] = lambda: self.latest_by_section(exclude=[a.pk for a in top_stories()])
        context["shared_fragments"] = [("home-strips",)]
        context["canonical_url"] = self.get_full_url(request)
        return context

    @path("rss/", name="feed")
    def feed(self, request):
        from news.feeds import ArticleFeed

        return ArticleFeed(self, self.articles())(request)


class AboutPage(Page):
    """Giới thiệu / About: the Party Committee's organisation structure and
    its offices' contacts, which the law asks portals to publish in English
    too; one per language tree."""

    intro = models.TextField(_("giới thiệu ngắn"), max_length=600, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("cơ cấu tổ chức"), blank=True)
    offices = StreamField([("office", OfficeBlock())], verbose_name=_("cơ quan và địa chỉ liên hệ"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body"), FieldPanel("offices")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang giới thiệu")
        verbose_name_plural = _("trang giới thiệu")


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """The portal's masthead and footer details, edited by the board, not in templates."""

    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=64, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    licence = models.CharField(_("giấy phép"), max_length=255, blank=True)
    editor_in_chief = models.CharField(_("chịu trách nhiệm nội dung"), max_length=255, blank=True)
    # The English site shows these instead; an empty one leaves its line out
    # rather than print Vietnamese under an English label.
    address_en = models.CharField(_("địa chỉ (tiếng Anh)"), max_length=255, blank=True)
    licence_en = models.CharField(_("giấy phép (tiếng Anh)"), max_length=255, blank=True)
    editor_in_chief_en = models.CharField(_("chịu trách nhiệm nội dung (tiếng Anh)"), max_length=255, blank=True)

    panels = [
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("licence"),
        FieldPanel("editor_in_chief"),
        MultiFieldPanel(
            [FieldPanel("address_en"), FieldPanel("licence_en"), FieldPanel("editor_in_chief_en")],
            heading=_("Trang tiếng Anh"),
        ),
    ]

    class Meta:
        verbose_name = _("thông tin cổng")


# --- Sidebar and footer content the board edits (issue: statistics & sidebar) ---

SIDEBAR_CACHE_KEY = "home:sidebar-content"


def _language_field():
    """The edition a link or banner appears in: a Vietnamese agency's name has
    no place under an English heading, and the English edition links to the
    English sites of the same agencies."""
    return models.CharField(
        _("ngôn ngữ"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE, db_index=True
    )


class WebsiteLink(models.Model):
    """One entry of "Liên kết website": another agency's portal, in the order the board sets."""

    title = models.CharField(_("tên trang"), max_length=255)
    url = models.URLField(_("địa chỉ"), max_length=500)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang hiển thị"), default=True)
    language = _language_field()

    panels = [
        FieldPanel("title"),
        FieldPanel("url"),
        FieldPanel("language"),
        FieldPanel("sort_order"),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("liên kết website")
        verbose_name_plural = _("liên kết website")

    def __str__(self):
        return self.title


class Banner(models.Model):
    """A picture with a link (Tủ sách, Giải báo chí, …) in the sidebar or the
    footer, shown only between its start and end."""

    class Placement(models.TextChoices):
        SIDEBAR = "sidebar", _("cột bên phải")
        FOOTER = "footer", _("chân trang")

    title = models.CharField(_("tên banner"), max_length=255, help_text=_("Cũng là chữ thay thế cho ảnh."))
    image = models.ForeignKey("images.PortalImage", verbose_name=_("ảnh"), on_delete=models.PROTECT, related_name="+")
    link_url = models.URLField(_("liên kết ngoài"), max_length=500, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hoặc trang trong cổng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    placement = models.CharField(_("vị trí"), max_length=16, choices=Placement.choices, default=Placement.SIDEBAR)
    starts_at = models.DateTimeField(_("hiển thị từ"), null=True, blank=True)
    ends_at = models.DateTimeField(_("hiển thị đến"), null=True, blank=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)
    language = _language_field()

    panels = [
        FieldPanel("title"),
        FieldPanel("language"),
        FieldPanel("image"),
        FieldPanel("link_url"),
        FieldPanel("link_page"),
        FieldPanel("placement"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["placement", "sort_order", "pk"]
        verbose_name = _("banner")
        verbose_name_plural = _("banner")

    def __str__(self):
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Thời điểm kết thúc phải sau thời điểm bắt đầu.")})

    def is_showing(self, now):
        return (self.starts_at is None or self.starts_at <= now) and (self.ends_at is None or now < self.ends_at)
