"""The newsroom: sections, articles, topics, internal notices and authors."""

import threading

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.paginator import Paginator
from django.core.signals import request_finished, request_started
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import BaseViewRestriction, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from editorial import roles
from images.renditions import filter_specs
from search.indexing import VietnameseSearchable, parent_title, parent_title_subquery, streamfield_text

from .blocks import ArticleBodyBlock
from .routing import TypedChildRouteMixin

# The image sizes listings and feeds use; the listing queryset prefetches
# exactly these renditions, so a card costs no query of its own.
CARD_RENDITION = "fill-320x200"
FEATURE_RENDITION = "fill-800x500"
SOCIAL_RENDITION = "fill-1200x630"
# Cards show them as <picture> in every format (images/renditions.py).
LISTING_RENDITIONS = [CARD_RENDITION, FEATURE_RENDITION, SOCIAL_RENDITION, *filter_specs("card", "feature")]

# A "feature on home" tick pins an article to the home page's top stories for
# this long after its display date, so a forgotten tick does not pin it forever.
FEATURE_ON_HOME_DAYS = 30

# The section whose newest items fill the home page's photo strip.
PHOTO_SECTION_SLUG = "phong-su-anh"


def page_number(raw, num_pages):
    """The page a reader meant by ``?page=``: anything that is not a whole
    number means the first page, a number past the end means the last."""
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), max(num_pages, 1))


_request_memo = threading.local()


def _reset_request_memo(**kwargs):
    _request_memo.restricted = None
    _request_memo.active = kwargs.get("signal") is request_started


request_started.connect(_reset_request_memo)
request_finished.connect(_reset_request_memo)
post_save.connect(_reset_request_memo, sender=PageViewRestriction)
post_delete.connect(_reset_request_memo, sender=PageViewRestriction)


def private_pages_q():
    """Wagtail's ``PageQuerySet.private_q()`` (pages under a view
    restriction), reading the restrictions once per request: every list of
    pages on a page asked for them again. ``.exclude(private_pages_q())`` is
    ``.public()``."""
    if not getattr(_request_memo, "active", False):
        return PageQuerySet(Page).private_q()
    restricted = getattr(_request_memo, "restricted", None)
    if restricted is None:
        restricted = _request_memo.restricted = list(
            PageViewRestriction.objects.values_list("page__path", "page__depth")
        )
    q = Q()
    for restricted_path, depth in restricted:
        q |= Q(path__startswith=restricted_path) & Q(depth__gte=depth)
    return q if q else Q(pk__in=[])


class ArticlePageQuerySet(PageQuerySet):
    def private_q(self):
        return private_pages_q()

    def not_expired(self):
        """Leave out articles whose expiry time has passed, even before the
        ``publish_scheduled`` job has unpublished them."""
        return self.filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))

    def listing(self, include_private=False):
        """Every reader-facing list of articles starts here: published, not
        expired, public (unless the caller has checked the reader may see
        private ones), newest first, with what a card shows fetched in the
        same few queries however many articles are listed.

        View and comment counts, when they come, are annotated here, once."""
        queryset = self.live().not_expired()
        if not include_private:
            queryset = queryset.public()
        rendition_model = get_image_model().get_rendition_model()
        from qa.models import with_comment_counts  # qa imports news, so not at the top
        from stats.figures import with_view_counts

        queryset = with_view_counts(queryset)
        return with_comment_counts(
            queryset.defer_streamfields()
            .select_related("cover_image", "author")
            .prefetch_related(
                Prefetch(
                    "cover_image__renditions",
                    queryset=rendition_model.objects.filter(filter_spec__in=LISTING_RENDITIONS),
                )
            )
            .annotate(section_title=parent_title_subquery())
            .order_by(F("display_date").desc(nulls_last=True), "-pk")
        )


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class ListingOrderIndex(models.Index):
    """The listings' order as an index. SQLite cannot say NULLS LAST in an
    index: there (development only) it is the same index without it."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor == "sqlite":
            plain = models.Index(F("display_date").desc(), F("page_ptr").desc(), name=self.name)
            return plain.create_sql(model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)


class ListingPaginator(Paginator):
    """Deep in the archive, OFFSET walks every skipped row: here it walks
    them on the bare ids (an index scan, no card columns, no per-row
    subqueries), then loads only the page's rows in full (#13)."""

    SHALLOW_ROWS = 240

    def __init__(self, object_list, per_page, count_key=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        """How many articles the list holds, kept in the cache under
        ``count_key`` until the next publish, unpublish or move (which bumps
        the page cache's version of the shared blocks) and at most
        FRAGMENT_CACHE_SECONDS (an article past its expiry leaves the count by
        then; the list itself is always read fresh). Counting a
        100,000-article section cost PostgreSQL about 100 ms on every page."""
        if not self.count_key:
            return super().count
        from django.core.cache import cache

        from pagecache.entries import fragments_version

        key = f"news:listing-count:{self.count_key}:{fragments_version()}"
        value = cache.get(key)
        if value is None:
            value = super().count
            cache.set(key, value, getattr(settings, "FRAGMENT_CACHE_SECONDS", 300))
        return value

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if bottom < self.SHALLOW_ROWS:
            return super().page(number)  # near the top, one query is cheaper than two
        ids = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        rows = {row.pk: row for row in self.object_list.filter(pk__in=ids)} if ids else {}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)


class ArticleListingMixin:
    """A page that lists articles, paginated the way readers expect."""

    per_page = 12

    def get_articles(self, request=None):
        raise NotImplementedError

    def paginate(self, request, queryset):
        # The list depends on the listing page only (no reader-chosen filter),
        # so its count is kept per page and language.
        key = f"{self.pk}:{translation.get_language()}" if self.pk else None
        paginator = ListingPaginator(queryset, self.per_page, count_key=key)
        return paginator.page(page_number(request.GET.get("page"), paginator.num_pages))

    def listing_context(self, request, context, queryset):
        page_obj = self.paginate(request, queryset)
        context["page_obj"] = page_obj
        # The pager's numbers around the current page, not one per page of the
        # archive (8,000 pages at 100,000 articles cost the template 0.2 s).
        context["page_numbers"] = list(
            page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
        )
        context["articles"] = list(page_obj.object_list)
        canonical = self.get_full_url(request)
        if canonical and page_obj.number > 1:
            canonical = f"{canonical}?page={page_obj.number}"
        context["canonical_url"] = canonical
        return context


class Author(index.Indexed, models.Model):
    """Who wrote an article: a real name or a pen name (bút danh), and the unit
    they write for; chosen once, reused on every article."""

    name = models.CharField(_("tên hoặc bút danh"), max_length=255)
    is_pen_name = models.BooleanField(_("là bút danh"), default=False)
    unit = models.CharField(
        _("đơn vị"), max_length=255, blank=True, help_text=_("Ví dụ: Ban Tuyên giáo và Dân vận Tỉnh ủy.")
    )

    panels = [FieldPanel("name"), FieldPanel("is_pen_name"), FieldPanel("unit")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("unit"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("tác giả")
        verbose_name_plural = _("tác giả")

    def __str__(self):
        return f"{self.name} ({self.unit})" if self.unit else self.name


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePageForm(WagtailAdminPageForm):
    """Offer only the topics of the article's own language, in the editors' order."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "topics" in self.fields:
            locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
            topics = TopicPage.objects.order_by("path")
            if locale_id:
                topics = topics.filter(locale_id=locale_id)
            self.fields["topics"].queryset = topics


class SectionPage(TypedChildRouteMixin, RoutablePageMixin, ArticleListingMixin, Page):
    """A column of the portal (chuyên mục), e.g. "Xây dựng Đảng"; it lists its
    articles newest first, one featured on top, and may hold sub-sections."""

    intro = models.TextField(_("giới thiệu"), blank=True, max_length=1000)
    featured_article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("bài nổi bật"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Bài ghim ở đầu chuyên mục. Để trống để dùng bài mới nhất."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("featured_article"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "news.SectionPage"]
    subpage_types = ["news.SectionPage", "news.ArticlePage", "news.PhotoReportPage"]

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    @classmethod
    def typed_child_model(cls):
        return ArticlePage

    def get_articles(self, request=None):
        return ArticlePage.objects.listing().descendant_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.get_articles(request)
        pinned = None
        if self.featured_article_id:
            pinned = articles.filter(pk=self.featured_article_id).first()
            if pinned is not None:
                articles = articles.exclude(pk=pinned.pk)
        self.listing_context(request, context, articles)
        featured = None
        if context["page_obj"].number == 1:
            featured = pinned
            if featured is None and context["articles"]:
                featured = context["articles"].pop(0)
        context["featured"] = featured
        context["subsections"] = SectionPage.objects.child_of(self).live().exclude(private_pages_q())
        if self.slug == PHOTO_SECTION_SLUG and context["page_obj"].number == 1:
            # Only the photo column holds photo reports: other sections pay no query.
            context["photo_reports"] = list(PhotoReportPage.objects.listing().child_of(self)[:24])
        return context

    @path("rss/", name="feed")
    def feed(self, request):
        from .feeds import ArticleFeed

        return ArticleFeed(self, self.get_articles(request))(request)


class ArticlePage(VietnameseSearchable, RoutablePageMixin, Page):
    """A news article (bài viết): lead, cover photo and a body of blocks; the
    portal's main product."""

    kicker = models.CharField(
        _("dòng trên tiêu đề"),
        max_length=120,
        blank=True,
        help_text=_("Dòng chữ nhỏ phía trên tiêu đề, ví dụ: “Đại hội Đảng bộ các cấp”."),
    )
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
    author = models.ForeignKey(
        Author,
        verbose_name=_("tác giả"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    byline = models.CharField(
        _("tác giả (ghi tay)"),
        max_length=255,
        blank=True,
        help_text=_("Chỉ dùng khi tác giả chưa có trong danh sách tác giả, ví dụ bài nhập từ cổng cũ."),
    )
    source = models.CharField(_("nguồn"), max_length=255, blank=True, help_text=_("Ví dụ: Báo Nhân Dân."))
    source_url = models.URLField(_("địa chỉ nguồn"), blank=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("từ khóa"))
    topics = ParentalManyToManyField("news.TopicPage", blank=True, related_name="articles", verbose_name=_("chuyên đề"))
    display_date = models.DateTimeField(
        _("ngày hiển thị"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Để trống để dùng ngày xuất bản đầu tiên."),
    )
    feature_on_home = models.BooleanField(
        _("nổi bật trên trang chủ"),
        default=False,
        help_text=_("Đưa bài lên mục Tin nổi bật của trang chủ trong %(days)s ngày kể từ ngày hiển thị.")
        % {"days": FEATURE_ON_HOME_DAYS},
    )

    objects = ArticlePageManager()
    base_form_class = ArticlePageForm

    content_panels = Page.content_panels + [
        FieldPanel("kicker"),
        FieldPanel("lead"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("byline"), FieldPanel("source"), FieldPanel("source_url")],
            heading=_("Tác giả và nguồn"),
        ),
        MultiFieldPanel(
            [FieldPanel("topics", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading=_("Chuyên đề và từ khóa"),
        ),
        MultiFieldPanel([FieldPanel("display_date"), FieldPanel("feature_on_home")], heading=_("Hiển thị")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("kicker"),
        index.SearchField("lead"),
        index.SearchField("body"),
        index.RelatedFields("author", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("title")]),
        index.FilterField("display_date"),
        index.FilterField("feature_on_home"),
        *VietnameseSearchable.folded_search_fields,
    ]

    parent_page_types = ["news.SectionPage", "news.InternalNoticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        indexes = [
            # Every listing's order (ArticlePageQuerySet.listing): newest first
            # straight from the index, so "the newest N" reads N rows however
            # large the archive is (#13).
            ListingOrderIndex(
                F("display_date").desc(nulls_last=True), F("page_ptr").desc(), name="news_article_listing_order"
            ),
        ]

    def save(self, *args, **kwargs):
        # Listings order by display_date; fill it from the first publication
        # so an article never sorts as "undated".
        if self.display_date is None and self.first_published_at:
            self.display_date = self.first_published_at
        super().save(*args, **kwargs)

    def search_text(self):
        # The section's title without loading the section: annotated by the
        # index queryset in bulk, else one small query (search.indexing).
        section = parent_title(self)
        return " ".join(filter(None, [section, self.kicker, self.lead, streamfield_text(self.body)]))

    @property
    def dateline_datetime(self):
        return self.display_date or self.first_published_at or self.latest_revision_created_at or timezone.now()

    @property
    def section(self):
        return self.get_parent().specific

    @cached_property
    def parent_section(self):
        return self.get_parent()

    @property
    def cover_caption(self):
        """The cover picture's own caption. It is written in Vietnamese, so a
        page read in another language leaves it out."""
        if self.cover_image_id and translation.get_language() == settings.LANGUAGE_CODE:
            return self.cover_image.default_caption
        return ""

    @property
    def byline_name(self):
        return self.author.name if self.author_id else self.byline

    @property
    def is_expired_now(self):
        return bool(self.expire_at and self.expire_at <= timezone.now())

    def route(self, request, path_components):
        # Between the expiry time and the next run of publish_scheduled the
        # page is still "live": readers must not reach it all the same.
        if self.is_expired_now:
            raise Http404
        return super().route(request, path_components)

    def get_sitemap_urls(self, request=None):
        return [] if self.is_expired_now else super().get_sitemap_urls(request)

    def rendition_plan(self):
        """The cover in every size cards, the page and feeds show, made on
        publish (images.tasks) so the first reader does not wait for it."""
        if self.cover_image_id:
            yield self.cover_image, [*LISTING_RENDITIONS, *filter_specs("cover")]

    @cached_property
    def topic_ids(self):
        """The article's topics, read through ``all()``: a draft built from a
        revision ("Xem bản nháp") holds them in memory, where the queryset
        methods (``values_list``, ``live``) do not exist."""
        return [topic.pk for topic in self.topics.all()]

    def related_articles(self, limit=4):
        """Same topic first, then the same section; never this article, and
        only in its language (a translation may still point at a topic of
        the source's tree)."""
        listing = ArticlePage.objects.listing().filter(locale_id=self.locale_id).exclude(pk=self.pk)
        related = []
        topic_ids = self.topic_ids
        if topic_ids:
            through = ArticlePage.topics.through
            shares_topic = through.objects.filter(articlepage_id=OuterRef("pk"), topicpage_id__in=topic_ids)
            related = list(listing.filter(Exists(shares_topic))[:limit])
        if len(related) < limit:
            more = listing.child_of(self.parent_section).exclude(pk__in=[a.pk for a in related])
            related += list(more[: limit - len(related)])
        return related

    def newer_and_older(self):
        """The next newer and next older article in the same section."""
        if self.display_date is None:
            return None, None
        # Only a title and an address are shown: none of a card's pictures,
        # counts or section name (listing()) are fetched.
        siblings = (
            ArticlePage.objects.live()
            .not_expired()
            .public()
            .child_of(self.parent_section)
            .exclude(pk=self.pk)
            .defer_streamfields()
        )
        when = self.display_date
        newer = (
            siblings.filter(Q(display_date__gt=when) | Q(display_date=when, pk__gt=self.pk))
            .order_by("display_date", "pk")
            .first()
        )
        older = (
            siblings.filter(Q(display_date__lt=when) | Q(display_date=when, pk__lt=self.pk))
            .order_by("-display_date", "-pk")
            .first()
        )
        return newer, older

    def get_view_restrictions(self):
        """Wagtail's, kept on this page object: Wagtail's serve hook and
        get_context both ask, two queries each time. When routing has loaded
        every ancestor (``news.routing``) and none is an alias, the
        restrictions of this page, its ancestors and the tree's root are
        read in one query, without asking for the ancestors again."""
        restrictions = self.__dict__.get("_view_restrictions")
        if restrictions is None:
            ancestors = self._routed_ancestors()
            if ancestors is None:
                restrictions = super().get_view_restrictions()
            else:
                ids = [self.pk, *(page.pk for page in ancestors)]
                root = Page.objects.filter(depth=1).values("pk")
                restrictions = PageViewRestriction.objects.filter(Q(page_id__in=ids) | Q(page_id__in=root))
            self._view_restrictions = restrictions
        return restrictions

    def _routed_ancestors(self):
        """The parents routing kept on each page (as Wagtail's route does),
        from this page's up to the site's home page (depth 2), or None when
        one is missing or an alias (an alias takes its source's restrictions:
        Wagtail's way then finds them)."""
        if self.alias_of_id:
            return None
        chain, page = [], self
        while page.depth > 2:
            parent = page.__dict__.get("_cached_parent_obj")
            if (
                parent is None
                or parent.alias_of_id
                or parent.depth != page.depth - 1
                or not page.path.startswith(parent.path)
            ):
                return None
            chain.append(parent)
            page = parent
        return chain

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["canonical_url"] = self.get_full_url(request)
        context["is_private"] = bool(self.get_view_restrictions())
        if getattr(request, "is_print_view", False):
            return context
        # Callables, not lists: the template calls them only when it renders
        # the shared fragment they sit in, so a page served from that
        # fragment runs none of their queries (#13).
        context["related"] = self.related_articles
        # The comments and their form (whose tokens the page's script fetches)
        # are the same for every reader who is not logged in; a reader's own
        # form (after an error, or their name filled in) is not (qa/).
        from qa.antispam import defers_tokens

        context["comments_shared"] = defers_tokens(request) and getattr(request, "qa_comment_form", None) is None
        context["shared_fragments"] = [("article-meta", self.pk), ("article-body", self.pk)]
        if context["comments_shared"]:
            context["shared_fragments"].append(("article-comments", self.pk))
        context["tags"] = self.tags.all
        context["topics"] = self.visible_topics
        return context

    @cached_property
    def newer_older(self):
        return self.newer_and_older()

    def visible_topics(self):
        if not self.topic_ids:
            return []
        topics = TopicPage.objects.live().exclude(private_pages_q())
        return list(topics.filter(pk__in=self.topic_ids, locale_id=self.locale_id))

    @path("print/", name="print")
    def print_view(self, request):
        request.is_print_view = True
        return self.render(request, template="news/article_page_print.html")


class TopicIndexPage(Page):
    """The list of special topics (chuyên đề) that cut across sections."""

    intro = models.TextField(_("giới thiệu"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.TopicPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("danh sách chuyên đề")
        verbose_name_plural = _("danh sách chuyên đề")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_RENDITION)
        context["topics"] = (
            TopicPage.objects.child_of(self)
            .live()
            .exclude(private_pages_q())
            .select_related("cover_image")
            .prefetch_related(Prefetch("cover_image__renditions", queryset=renditions))
        )
        return context


class TopicPage(ArticleListingMixin, Page):
    """A special topic (chuyên đề), e.g. "Đưa Nghị quyết vào cuộc sống": its
    landing page lists the articles tagged with it, from every section."""

    intro = models.TextField(_("giới thiệu"), blank=True, max_length=1000)
    cover_image = models.ForeignKey(
        "images.PortalImage",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("cover_image")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["news.TopicIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("chuyên đề")
        verbose_name_plural = _("chuyên đề")

    def get_articles(self, request=None):
        # Only this topic's language: an English article keeps its Vietnamese
        # source's topics until a translator changes them.
        return ArticlePage.objects.listing().filter(topics=self, locale_id=self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return self.listing_context(request, context, self.get_articles(request))


class InternalNoticeIndexPage(ArticleListingMixin, Page):
    """Internal notices (Thông báo nội bộ): articles only Party members and the
    editors may read. The page always keeps a group view restriction; it
    cannot be made public, so its articles never reach public lists, feeds,
    the sitemap or anonymous search."""

    READER_GROUPS = [roles.PARTY_MEMBERS, roles.EDITORIAL_BOARD, roles.SECRETARIAT, roles.STEERING_BOARD]

    intro = models.TextField(_("giới thiệu"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("thông báo nội bộ")
        verbose_name_plural = _("thông báo nội bộ")

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        self.ensure_members_only()
        return result

    def ensure_members_only(self):
        """Restore the members-and-editors restriction if anyone changed it."""
        restrictions = list(PageViewRestriction.objects.filter(page=self))
        restriction = restrictions[0] if restrictions else None
        for extra in restrictions[1:]:
            extra.delete()
        if restriction is None:
            restriction = PageViewRestriction.objects.create(page=self, restriction_type=BaseViewRestriction.GROUPS)
        elif restriction.restriction_type != BaseViewRestriction.GROUPS or restriction.password:
            restriction.restriction_type = BaseViewRestriction.GROUPS
            restriction.password = ""
            restriction.save()
        wanted = set(Group.objects.filter(name__in=self.READER_GROUPS).values_list("pk", flat=True))
        if set(restriction.groups.values_list("pk", flat=True)) != wanted:
            restriction.groups.set(wanted)
        return restriction

    def get_articles(self, request=None):
        # Wagtail has already checked the reader may see this page.
        return ArticlePage.objects.listing(include_private=True).child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return self.listing_context(request, context, self.get_articles(request))

    def get_sitemap_urls(self, request=None):
        return []

    @classmethod
    def readable_for(cls, request, home):
        """The notice page under ``home`` if the request's user may read it."""
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        page = cls.objects.child_of(home).live().first()
        if page is None:
            return None
        if all(r.accept_request(request) for r in page.get_view_restrictions()):
            return page
        return None


# Photo reports live in their own module; imported here so Django registers them.
from .photo_reports import PhotoReportPage, PhotoReportPhoto, PhotoReportRelatedArticle  # noqa: E402, F401
