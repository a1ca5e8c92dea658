"""What the NukeViet importer remembers between runs.

The legacy-id table makes the import idempotent (a second run finds what the
first created and updates it in place) and lets the old article URLs resolve
to the new pages. View counts from the old portal are kept beside the article,
so the newsroom's own model is not widened for imported history.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LegacyId(models.Model):
    """One NukeViet object (category, topic, article, image, comment) and the
    object it became here."""

    class Kind(models.TextChoices):
        CATEGORY = "category", _("chuyên mục")
        TOPIC = "topic", _("chuyên đề")
        ARTICLE = "article", _("bài viết")
        IMAGE = "image", _("ảnh")
        COMMENT = "comment", _("ý kiến bạn đọc")

    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)
    lang = models.CharField(_("ngôn ngữ"), max_length=8, help_text=_("Ngôn ngữ của bảng NukeViet, ví dụ vi."))
    legacy_id = models.CharField(_("mã cũ"), max_length=255)
    legacy_alias = models.CharField(_("alias cũ"), max_length=255, blank=True, db_index=True)
    object_id = models.PositiveBigIntegerField(_("mã mới"))
    legacy_status = models.SmallIntegerField(_("trạng thái cũ"), null=True, blank=True)
    checksum = models.CharField(max_length=64, blank=True, help_text=_("Dấu của dữ liệu cũ lần nhập trước."))
    imported_at = models.DateTimeField(_("nhập lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("mã NukeViet")
        verbose_name_plural = _("mã NukeViet")
        constraints = [
            models.UniqueConstraint(fields=["kind", "lang", "legacy_id"], name="nukeviet_legacyid_unique"),
        ]
        indexes = [models.Index(fields=["kind", "object_id"], name="nukeviet_legacyid_object")]

    def __str__(self):
        return f"{self.kind}:{self.lang}:{self.legacy_id} → {self.object_id}"


class ImportedViewCount(models.Model):
    """How many times an article was read on the old portal (hitstotal)."""

    article = models.OneToOneField(
        "news.ArticlePage",
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="imported_view_count",
    )
    views = models.PositiveIntegerField(_("lượt xem trên cổng cũ"), default=0)

    class Meta:
        verbose_name = _("lượt xem trên cổng cũ")
        verbose_name_plural = _("lượt xem trên cổng cũ")

    def __str__(self):
        return f"{self.article_id}: {self.views}"
