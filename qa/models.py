"""Reader participation: questions and answers (Hỏi - Đáp), comments on articles
(Ý kiến bạn đọc) and feedback on draft documents (Góp ý dự thảo).

Everything a reader sends is a plain model (moderated in the admin through
snippet viewsets), never a page: readers' text is never rendered as HTML, and
e-mail addresses and phone numbers never leave the admin.
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, Revision, get_default_page_content_type
from wagtail.search import index

from news.models import SectionPage
from search.indexing import VietnameseSearchable

logger = logging.getLogger("portal.qa")

ANSWER_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


# --- Settings the board edits -------------------------------------------------


@register_setting(icon="comment")
class ParticipationSettings(BaseSiteSetting):
    """How reader participation behaves: comment moderation, where new items are
    announced, and how long personal data is kept."""

    comments_enabled = models.BooleanField(_("nhận ý kiến bạn đọc"), default=True)
    trust_members = models.BooleanField(
        _("đăng ngay ý kiến của thành viên đã đăng nhập"),
        default=False,
        help_text=_("Tắt: mọi ý kiến đều chờ Ban Biên tập duyệt trước khi hiển thị."),
    )
    notify_email = models.EmailField(
        _("thư điện tử nhận thông báo"),
        blank=True,
        help_text=_("Ban Biên tập nhận thư khi có câu hỏi mới. Để trống nếu không cần."),
    )
    retention_days = models.PositiveIntegerField(
        _("thời hạn lưu dữ liệu cá nhân (ngày)"),
        default=365,
        validators=[MinValueValidator(30)],
        help_text=_(
            "Sau thời hạn này, thư điện tử và số điện thoại của bạn đọc được xóa (lệnh erase_personal_data); "
            "nội dung vẫn giữ."
        ),
    )

    panels = [
        MultiFieldPanel([FieldPanel("comments_enabled"), FieldPanel("trust_members")], heading=_("Ý kiến bạn đọc")),
        FieldPanel("notify_email"),
        FieldPanel("retention_days"),
    ]

    class Meta:
        verbose_name = _("bạn đọc tham gia")


# --- An atomic counter: tracking numbers and, without Redis, rate limits -------


class Counter(models.Model):
    """A named integer that many workers can increment at once without losing a
    step: per-year question numbers, and rate-limit windows when there is no
    Redis. The unique key plus a single UPDATE … SET value = value + 1 makes it
    correct on PostgreSQL and SQLite alike."""

    key = models.CharField(max_length=200, unique=True)
    value = models.BigIntegerField(default=0)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("bộ đếm")
        verbose_name_plural = _("bộ đếm")

    def __str__(self):
        return f"{self.key}={self.value}"

    @classmethod
    def increment(cls, key, expires_at=None):
        """Add one to ``key`` and return the new value (1 for a new key). Call it
        inside the transaction that uses the number, so a rollback returns it."""
        with transaction.atomic():
            # A write first: on SQLite this takes the write lock (waiting up to
            # the busy timeout), on PostgreSQL it locks the row until commit.
            if not cls.objects.filter(key=key).update(value=F("value") + 1):
                try:
                    with transaction.atomic():
                        cls.objects.create(key=key, value=1, expires_at=expires_at)
                    return 1
                except IntegrityError:
                    # Another worker created it between our UPDATE and INSERT.
                    cls.objects.filter(key=key).update(value=F("value") + 1)
            return cls.objects.filter(key=key).values_list("value", flat=True).get()

    @classmethod
    def delete_expired(cls):
        return cls.objects.filter(expires_at__lt=timezone.now()).delete()[0]


# --- Pages --------------------------------------------------------------------


class QAIndexPage(SectionPage):
    """The Hỏi - Đáp công tác Đảng column: readers ask here, look up their
    question by tracking code, and read the board's published answers, each at
    its own address. It stays a section (menu, breadcrumbs, home page) and may
    hold consultations on draft documents."""

    form_intro = models.TextField(
        _("hướng dẫn đặt câu hỏi"),
        blank=True,
        max_length=1000,
        help_text=_("Hiển thị phía trên biểu mẫu đặt câu hỏi."),
    )

    content_panels = SectionPage.content_panels + [FieldPanel("form_intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["qa.ConsultationPage"]

    class Meta:
        verbose_name = _("chuyên mục hỏi - đáp")
        verbose_name_plural = _("chuyên mục hỏi - đáp")

    QUESTIONS_PER_PAGE = 10

    def get_context(self, request, *args, **kwargs):
        # Not SectionPage's: this column lists answered questions, not articles.
        context = Page.get_context(self, request, *args, **kwargs)
        context["qa_page"] = self
        return context

    @classmethod
    def adopt(cls, section):
        """Turn an existing section (one the NukeViet importer or an older demo
        created) into the Q&A column, keeping its address, children, history
        and translations' links."""
        section = section.specific
        if isinstance(section, cls):
            return section
        if type(section) is not SectionPage:
            raise TypeError(f"{section!r} is not a plain section")
        content_type = ContentType.objects.get_for_model(cls)
        with transaction.atomic():
            page = cls(sectionpage_ptr_id=section.pk)
            page.__dict__.update({k: v for k, v in section.__dict__.items() if not k.startswith("_")})
            page.save_base(raw=True)  # only the new table's row; the page itself is unchanged
            Page.objects.filter(pk=section.pk).update(content_type=content_type)
            revisions = Revision.objects.filter(
                base_content_type=get_default_page_content_type(), object_id=str(section.pk)
            )
            revisions.update(content_type=content_type)
        return cls.objects.get(pk=section.pk)

    def get_sitemap_urls(self, request=None):
        # Each published answer has its own address; search engines list them too.
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        published = Question.objects.filter(status=Question.Status.PUBLISHED).only("pk", "published_at")
        for question in published.order_by("-published_at"):
            location = base + self.reverse_subpage("question", args=[question.pk])
            urls.append({"location": location, "lastmod": question.published_at})
        return urls

    def route_url(self, name, args=None, request=None):
        """The address of one of this page's routes (ask, lookup, question…)."""
        return self.get_url(request) + self.reverse_subpage(name, args=args)

    def question_url(self, question, request=None):
        return self.route_url("question", [question.pk], request)

    @path("", name="listing")
    def listing(self, request):
        from django.core.paginator import Paginator

        from .search import search_published_questions

        query = request.GET.get("q", "").strip()[:200]
        questions = search_published_questions(query)
        page_obj = Paginator(questions, self.QUESTIONS_PER_PAGE).get_page(request.GET.get("trang"))
        base = self.get_url(request)
        for question in page_obj:
            question.public_url = base + self.reverse_subpage("question", args=[question.pk])
        articles = self.get_articles(request)[:6]
        consultations = ConsultationPage.objects.child_of(self).live().public().order_by("-closes_at")
        return self.render(
            request,
            context_overrides={
                "questions": page_obj,
                "qa_query": query,
                "articles": articles,
                "consultations": consultations,
                "ask_url": self.route_url("ask", request=request),
                "lookup_url": self.route_url("lookup", request=request),
            },
        )

    @path("dat-cau-hoi/", name="ask")
    def ask(self, request):
        from .views import ask_question

        return ask_question(request, self)

    @path("dat-cau-hoi/da-gui/", name="asked")
    def asked(self, request):
        from .views import question_received

        return question_received(request, self)

    @path("tra-cuu/", name="lookup")
    def lookup(self, request):
        from .views import lookup_question

        return lookup_question(request, self)

    @path("cau-hoi/<int:pk>/", name="question")
    def question(self, request, pk):
        if pk > 2**63 - 1:  # an address no row can have (the database would refuse it)
            raise Http404
        question = Question.objects.filter(status=Question.Status.PUBLISHED, pk=pk).first()
        if question is None:
            raise Http404
        return TemplateResponse(
            request,
            "qa/question_page.html",
            {
                **Page.get_context(self, request),
                "question": question,
                "qa_page": self,
                "ask_url": self.route_url("ask", request=request),
            },
        )


class ConsultationPage(RoutablePageMixin, Page):
    """A draft document put out for public feedback (Góp ý dự thảo) between an
    opening and a closing time; feedback goes to the board only, never public."""

    summary = RichTextField(_("tóm tắt"), features=ANSWER_FEATURES)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp dự thảo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    draft_text = RichTextField(
        _("toàn văn dự thảo"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        help_text=_("Không bắt buộc: khi có tệp dự thảo, bạn đọc có thể tải về."),
    )
    parts = models.TextField(
        _("các phần của dự thảo"),
        blank=True,
        max_length=3000,
        help_text=_("Mỗi dòng một phần (ví dụ: Phần I. Đánh giá kết quả…); bạn đọc chọn phần mình góp ý."),
    )
    opens_at = models.DateTimeField(_("bắt đầu nhận góp ý"))
    closes_at = models.DateTimeField(_("kết thúc nhận góp ý"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("draft_text"),
        FieldPanel("parts"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Thời gian nhận góp ý")),
        HelpPanel(
            _(
                "Góp ý của bạn đọc không bao giờ hiển thị công khai. Xem và xuất góp ý (CSV, XLSX) ở "
                "mục Bạn đọc tham gia › Góp ý dự thảo."
            )
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("draft_text")]

    parent_page_types = ["qa.QAIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("dự thảo lấy ý kiến")
        verbose_name_plural = _("dự thảo lấy ý kiến")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Thời điểm kết thúc phải sau thời điểm bắt đầu.")})

    @property
    def part_choices(self):
        return [line.strip() for line in self.parts.splitlines() if line.strip()]

    def window_state(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return "upcoming"
        if now >= self.closes_at:
            return "closed"
        return "open"

    @property
    def is_open(self):
        return self.window_state() == "open"

    @path("", name="feedback")
    def feedback_form(self, request):
        from .views import consultation_feedback

        return consultation_feedback(request, self)

    @path("da-gui/", name="sent")
    def sent(self, request):
        return self.render(request, context_overrides={"feedback_sent": True})


# --- What readers send --------------------------------------------------------


class PersonalData(models.Model):
    """What every reader's item shares: who sent it, their consent, and the
    erasure of their contact details when the retention period ends."""

    name = models.CharField(_("họ và tên"), max_length=100)
    email = models.EmailField(_("thư điện tử"), max_length=254, blank=True)
    submitted_at = models.DateTimeField(_("thời điểm gửi"), default=timezone.now, db_index=True)
    consent_at = models.DateTimeField(_("thời điểm đồng ý xử lý dữ liệu"), null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(_("đã xóa dữ liệu cá nhân lúc"), null=True, blank=True)

    # Fields the erase_personal_data command empties (the text stays).
    ERASABLE_FIELDS = ["email"]

    class Meta:
        abstract = True


phone_validator = RegexValidator(
    r"^\+?[0-9 .\-]{8,20}$", _("Số điện thoại chỉ gồm chữ số (8–15 số), có thể có dấu +, dấu cách.")
)


class Question(VietnameseSearchable, index.Indexed, PersonalData):
    """A reader's question to the Hỏi - Đáp column and, once the board has
    answered it, the published question-and-answer."""

    class Status(models.TextChoices):
        NEW = "new", _("Mới")
        ASSIGNED = "assigned", _("Đã phân công")
        ANSWERED = "answered", _("Đã có trả lời, chờ đăng")
        PUBLISHED = "published", _("Đã đăng")
        REJECTED = "rejected", _("Từ chối")

    class Topic(models.TextChoices):
        ORGANISATION = "organisation", _("Tổ chức đảng, đảng viên")
        ADMISSION = "admission", _("Kết nạp đảng viên")
        DUES = "dues", _("Đảng phí")
        INSPECTION = "inspection", _("Kiểm tra, giám sát, kỷ luật đảng")
        IDEOLOGY = "ideology", _("Tuyên giáo, học tập nghị quyết")
        MASS_MOBILISATION = "mass_mobilisation", _("Dân vận")
        OTHER = "other", _("Vấn đề khác")

    code = models.CharField(_("mã theo dõi"), max_length=20, unique=True, editable=False)
    page = models.ForeignKey(
        QAIndexPage,
        verbose_name=_("chuyên mục"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
        editable=False,
    )
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True, validators=[phone_validator])
    locality = models.CharField(_("địa phương, đơn vị"), max_length=200)
    hide_name = models.BooleanField(_("không hiển thị họ tên khi đăng"), default=False)
    topic = models.CharField(_("lĩnh vực"), max_length=32, choices=Topic.choices, default=Topic.OTHER)
    title = models.CharField(_("tiêu đề"), max_length=200)
    body = models.TextField(_("nội dung câu hỏi"), max_length=5000)

    status = models.CharField(_("trạng thái"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người được giao trả lời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_questions",
    )
    answer = RichTextField(_("nội dung trả lời"), blank=True, features=ANSWER_FEATURES)
    answerer_name = models.CharField(_("người trả lời"), max_length=200, blank=True)
    answerer_unit = models.CharField(_("đơn vị trả lời"), max_length=200, blank=True)
    rejection_reason = models.TextField(
        _("lý do từ chối"),
        blank=True,
        max_length=1000,
        help_text=_("Người hỏi thấy lý do này khi tra cứu bằng mã theo dõi."),
    )
    assigned_at = models.DateTimeField(_("thời điểm phân công"), null=True, blank=True)
    answered_at = models.DateTimeField(_("thời điểm trả lời"), null=True, blank=True)
    published_at = models.DateTimeField(_("thời điểm đăng"), null=True, blank=True, db_index=True)
    asker_notified_at = models.DateTimeField(_("đã báo người hỏi lúc"), null=True, blank=True, editable=False)

    ERASABLE_FIELDS = ["email", "phone"]

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("body"),
        index.SearchField("answer"),
        index.AutocompleteField("title"),
        index.FilterField("status"),
        index.FilterField("published_at"),
        index.FilterField("page"),
        *VietnameseSearchable.folded_search_fields,
    ]

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi (Hỏi - Đáp)")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return f"{self.code} · {self.title}"

    def save(self, *args, **kwargs):
        loaded = getattr(self, "_loaded", {"status": None, "assignee_id": None})
        now = timezone.now()
        if self.status == self.Status.ASSIGNED and not self.assigned_at:
            self.assigned_at = now
        if self.status in (self.Status.ANSWERED, self.Status.PUBLISHED) and not self.answered_at:
            self.answered_at = now
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = now
        if not self.code:
            with transaction.atomic():
                self.code = self.next_code(self.submitted_at)
                super().save(*args, **kwargs)
        else:
            super().save(*args, **kwargs)
        from . import notifications

        if self.status == self.Status.PUBLISHED and loaded["status"] != self.Status.PUBLISHED:
            transaction.on_commit(lambda: notifications.question_published(self.pk), robust=True)
        if self.assignee_id and self.assignee_id != loaded["assignee_id"]:
            transaction.on_commit(lambda: notifications.question_assigned(self.pk), robust=True)
        self._loaded = {"status": self.status, "assignee_id": self.assignee_id}

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded = {
            "status": instance.__dict__.get("status"),
            "assignee_id": instance.__dict__.get("assignee_id"),
        }
        return instance

    def search_text(self):
        return f"{self.body} {strip_tags(self.answer or '')}"

    @classmethod
    def get_indexed_objects(cls):
        # Only what readers can find; unpublished questions stay out of the index.
        return cls.objects.filter(status=cls.Status.PUBLISHED)

    def clean(self):
        super().clean()
        errors = {}
        if self.status == self.Status.ASSIGNED and not self.assignee_id:
            errors["assignee"] = _("Chọn người được giao trả lời.")
        if self.status in (self.Status.ANSWERED, self.Status.PUBLISHED):
            if not strip_tags(self.answer or "").strip():
                errors["answer"] = _("Cần có nội dung trả lời.")
            if not self.answerer_name.strip():
                errors["answerer_name"] = _("Ghi tên người trả lời.")
        if self.status == self.Status.REJECTED and not self.rejection_reason.strip():
            errors["rejection_reason"] = _("Ghi lý do từ chối.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def next_code(cls, now=None):
        """``HD-<year>-<number>``, numbered from 1 each year. Call inside the
        transaction that saves the question."""
        year = timezone.localtime(now or timezone.now()).year
        return f"HD-{year}-{Counter.increment(f'question-code:{year}'):06d}"

    @property
    def public_name(self):
        return _("Bạn đọc") if self.hide_name else self.name

    @cached_property
    def index_page(self):
        if self.page_id and self.page and self.page.live:
            return self.page
        return QAIndexPage.objects.live().order_by("pk").first()

    def get_url(self):
        page = self.index_page
        return page.question_url(self) if page else None

    @property
    def reader_status(self):
        """The status as the asker sees it when looking their question up."""
        return {
            self.Status.NEW: _("Đã nhận, đang chờ xử lý"),
            self.Status.ASSIGNED: _("Đang được trả lời"),
            self.Status.ANSWERED: _("Đã có trả lời, sắp được đăng"),
            self.Status.PUBLISHED: _("Đã trả lời và đăng công khai"),
            self.Status.REJECTED: _("Không được trả lời"),
        }[self.status]


class Comment(PersonalData):
    """A reader's comment (Ý kiến bạn đọc) on an article, shown under it once
    the board approves it, with an optional reply from "Ban Biên tập"."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Từ chối")

    article = models.ForeignKey(
        "news.ArticlePage", verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="comments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("thành viên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    body = models.TextField(_("ý kiến"), max_length=2000)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    reply = models.TextField(
        _("trả lời của Ban Biên tập"),
        blank=True,
        max_length=2000,
        help_text=_("Hiển thị dưới ý kiến, ký tên “Ban Biên tập”."),
    )
    replied_at = models.DateTimeField(_("thời điểm trả lời"), null=True, blank=True, editable=False)
    moderated_at = models.DateTimeField(_("thời điểm duyệt"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("ý kiến bạn đọc")
        verbose_name_plural = _("ý kiến bạn đọc")
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["article", "status"], name="qa_comment_article_status")]

    def __str__(self):
        text = self.body if len(self.body) <= 60 else self.body[:59] + "…"
        return f"{self.name}: {text}"

    def save(self, *args, **kwargs):
        if self.reply and not self.replied_at:
            self.replied_at = timezone.now()
        if self.status != self.Status.PENDING and not self.moderated_at:
            self.moderated_at = timezone.now()
        super().save(*args, **kwargs)


def approved_comment_count(article_id):
    """An article's approved comments, for its own page (listings annotate
    theirs): kept in the cache until a comment of the article is approved,
    withdrawn or deleted (``forget_comment_count``, pagecache.signals)."""
    from django.core.cache import cache

    key = _comment_count_key(article_id)
    count = cache.get(key)
    if count is None:
        count = Comment.objects.filter(article_id=article_id, status=Comment.Status.APPROVED).count()
        cache.set(key, count, 3600)
    return count


def forget_comment_count(article_id):
    from django.core.cache import cache

    cache.delete(_comment_count_key(article_id))


def _comment_count_key(article_id):
    return f"qa:approved-comments:{article_id}"


def with_comment_counts(queryset, name="comment_count"):
    """Annotate an ArticlePage queryset with its approved-comment count, in the
    same query (a correlated subquery), for listings."""
    counts = (
        Comment.objects.filter(article=OuterRef("pk"), status=Comment.Status.APPROVED)
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(**{name: Coalesce(Subquery(counts, output_field=models.IntegerField()), Value(0))})


class Feedback(PersonalData):
    """A reader's feedback on a draft document (Góp ý dự thảo). Read by the
    board only; never shown on the site."""

    consultation = models.ForeignKey(
        ConsultationPage,
        verbose_name=_("dự thảo"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    # Kept so the feedback still says what it was about if the page is deleted.
    consultation_title = models.CharField(_("tên dự thảo"), max_length=255, editable=False)
    unit = models.CharField(_("đơn vị, địa phương"), max_length=200)
    part = models.CharField(_("phần góp ý"), max_length=200, blank=True)
    content = models.TextField(_("nội dung góp ý"), max_length=10000)

    class Meta:
        verbose_name = _("góp ý dự thảo")
        verbose_name_plural = _("góp ý dự thảo")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return f"{self.name} · {self.consultation_title}"


READER_MODELS = [Question, Comment, Feedback]


def erase_personal_data(older_than, now=None):
    """Empty the contact fields of every item submitted before ``older_than``;
    returns {model label: rows changed}. The text and the name stay."""
    now = now or timezone.now()
    changed = {}
    for model in READER_MODELS:
        has_data = Q()
        for field in model.ERASABLE_FIELDS:
            has_data |= ~Q(**{field: ""})
        rows = model.objects.filter(has_data, submitted_at__lt=older_than).update(
            personal_data_erased_at=now, **{field: "" for field in model.ERASABLE_FIELDS}
        )
        changed[model._meta.label] = rows
    return changed


__all__ = [
    "Comment",
    "ConsultationPage",
    "Counter",
    "Feedback",
    "ParticipationSettings",
    "QAIndexPage",
    "Question",
    "erase_personal_data",
    "with_comment_counts",
]
