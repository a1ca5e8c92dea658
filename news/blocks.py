"""The one body block set that every page with a body uses.

Each block carries its own template, icon, a description and a preview value,
so editors see what it does in the block picker. There is no raw HTML block:
what an editor can type is always escaped or cleaned by Wagtail's rich text.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Paragraphs: emphasis, links and lists only. Headings have their own block (so
# the outline stays h2/h3), pictures theirs (so every photo has a credit).
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript", "subscript"]
# A fact box is a short aside: no nested documents or sub/superscript.
FACT_BOX_FEATURES = ["bold", "italic", "link", "ol", "ul"]

# The demo's video: the first video ever put on YouTube, public since 2005.
PREVIEW_VIDEO_URL = "https://www.youtube.com/watch?v=jNQXAC9IVRw"


def _first_image():
    from wagtail.images import get_image_model

    return get_image_model().objects.order_by("-created_at").first()


def _first_document():
    from wagtail.documents import get_document_model

    return get_document_model().objects.order_by("-created_at").first()


class HeadingBlock(blocks.StructBlock):
    """A sub-heading inside an article, limited to h2/h3 so the outline stays sound."""

    text = blocks.CharBlock(label=_("Tiêu đề"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Cấp"), choices=[("h2", _("Tiêu đề cấp 2")), ("h3", _("Tiêu đề cấp 3"))], default="h2"
    )

    class Meta:
        icon = "title"
        template = "news/blocks/heading.html"
        label = _("Tiêu đề phụ")
        description = _("Tiêu đề chia đoạn trong bài (cấp 2 hoặc 3).")
        preview_value = {"text": "Những kết quả nổi bật", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    """A photo inside the body with its caption and credit ("Ảnh: …");
    caption and credit fall back to the image's own when left empty."""

    image = ImageChooserBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=500)
    credit = blocks.CharBlock(
        label=_("Tác giả ảnh"), required=False, max_length=255, help_text=_("Để trống để dùng tác giả của ảnh.")
    )
    alignment = blocks.ChoiceBlock(
        label=_("Căn lề"),
        choices=[("full", _("Toàn khổ")), ("left", _("Bên trái")), ("right", _("Bên phải"))],
        default="full",
    )

    class Meta:
        icon = "image"
        template = "news/blocks/captioned_image.html"
        label = _("Ảnh có chú thích")
        description = _("Ảnh minh họa kèm chú thích và tên tác giả ảnh.")
        preview_value = {"caption": "Quang cảnh hội nghị", "credit": "Tâm Giang", "alignment": "full"}

    def get_preview_value(self):
        value = dict(self.meta.preview_value, image=_first_image())
        return self.normalize(value)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        image = value.get("image")
        # The picture's own caption is written in Vietnamese: a page in another
        # language shows only the caption its translator wrote.
        own_caption = image.default_caption if image and translation.get_language() == settings.LANGUAGE_CODE else ""
        context["caption"] = value.get("caption") or own_caption
        context["credit"] = value.get("credit") or (image.credit if image else "")
        return context


class QuoteBlock(blocks.StructBlock):
    """A statement set apart from the text (a leader's words, a resolution's
    wording), always with who said it."""

    text = blocks.TextBlock(label=_("Trích dẫn"), max_length=1000)
    attribution = blocks.CharBlock(
        label=_("Người phát biểu / nguồn"),
        max_length=255,
        required=False,
        help_text=_("Ví dụ: Đồng chí Bí thư Tỉnh ủy."),
    )

    class Meta:
        icon = "openquote"
        template = "news/blocks/quote.html"
        label = _("Trích dẫn")
        description = _("Lời phát biểu hoặc đoạn văn bản được trích, kèm người nói hoặc nguồn.")
        preview_value = {
            "text": "Mỗi cán bộ, đảng viên phải thật sự gương mẫu, nói đi đôi với làm.",
            "attribution": "Đồng chí Bí thư Tỉnh ủy",
        }


class VideoBlock(blocks.StructBlock):
    """A video from YouTube or another oEmbed provider, with a caption; readers
    without the embed still get a plain link to the video."""

    video = EmbedBlock(label=_("Địa chỉ video"), help_text=_("Dán địa chỉ trang video, ví dụ trên YouTube."))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=500)

    class Meta:
        icon = "media"
        template = "news/blocks/video.html"
        label = _("Video")
        description = _("Nhúng video từ YouTube hoặc dịch vụ khác, kèm chú thích.")
        preview_value = {"video": PREVIEW_VIDEO_URL, "caption": "Video minh họa"}


class AttachmentBlock(blocks.StructBlock):
    """A file readers can download from the article, e.g. the PDF of a resolution."""

    document = DocumentChooserBlock(label=_("Tệp đính kèm"))
    title = blocks.CharBlock(
        label=_("Tên hiển thị"),
        required=False,
        max_length=255,
        help_text=_("Để trống để dùng tên của tệp trong thư viện."),
    )

    class Meta:
        icon = "doc-full"
        template = "news/blocks/attachment.html"
        label = _("Tệp đính kèm")
        description = _("Văn bản để bạn đọc tải về, ví dụ tệp PDF của một nghị quyết.")
        preview_value = {"title": "Toàn văn Nghị quyết"}

    def get_preview_value(self):
        return self.normalize(dict(self.meta.preview_value, document=_first_document()))


class TableBlock(WagtailTableBlock):
    """A data table (figures, schedules); cells are plain text, never HTML."""

    def __init__(self, **kwargs):
        super().__init__(table_options={"renderer": "text", "contextMenu": True}, **kwargs)

    class Meta:
        icon = "table"
        template = "news/blocks/table.html"
        label = _("Bảng")
        description = _("Bảng số liệu; chữ trong ô không có định dạng.")
        preview_value = {
            "table_caption": "Kết quả phát triển đảng viên",
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": [["Năm", "Đảng viên mới"], ["2025", "1.250"], ["2026", "1.320"]],
        }


class FactBoxBlock(blocks.StructBlock):
    """A boxed aside with key facts or background beside the main text."""

    title = blocks.CharBlock(label=_("Tiêu đề hộp"), max_length=200)
    body = blocks.RichTextBlock(label=_("Nội dung"), features=FACT_BOX_FEATURES)

    class Meta:
        icon = "info-circle"
        template = "news/blocks/fact_box.html"
        label = _("Hộp thông tin")
        description = _("Khung tóm tắt số liệu, sự kiện chính hoặc thông tin nền.")
        preview_value = {
            "title": "Những con số nổi bật",
            "body": "<ul><li>98% chi bộ hoàn thành nhiệm vụ</li><li>1.320 đảng viên mới</li></ul>",
        }


class RelatedArticlesBlock(blocks.StructBlock):
    """Links to other articles chosen by the editor ("Tin liên quan"); only the
    ones readers can open (published, public, not expired) are shown."""

    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=200, default="Tin liên quan")
    articles = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="news.ArticlePage", label=_("Bài viết")),
        label=_("Bài viết liên quan"),
        min_num=1,
        max_num=8,
    )

    class Meta:
        icon = "list-ul"
        template = "news/blocks/related_articles.html"
        label = _("Tin liên quan")
        description = _("Danh sách liên kết đến các bài viết khác trên cổng.")
        preview_value = {"heading": "Tin liên quan", "articles": []}

    def get_preview_value(self):
        from .models import ArticlePage

        articles = list(ArticlePage.objects.listing()[:3])
        return self.normalize(dict(self.meta.preview_value, articles=articles))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        ids = [page.pk for page in value["articles"] if page is not None]
        page = parent_context.get("page") if parent_context is not None else None
        visible = self.visible_articles(ids, page) if ids else {}
        # Keep the editor's order; drop drafts, private and expired articles.
        context["visible_articles"] = [visible[pk] for pk in ids if pk in visible]
        return context

    @staticmethod
    def visible_articles(ids, page):
        """Readable articles by id. One query (and its prefetches) serves every
        "Tin liên quan" block of the page being rendered, so an article's cost
        does not grow with the number of such blocks (#13)."""
        from .models import ArticlePage

        found = getattr(page, "_related_block_articles", None)
        if found is None or not set(ids) <= found[0]:
            wanted = set(ids)
            for block in getattr(page, "body", None) or ():
                if getattr(block, "block_type", None) == "related_articles":
                    wanted.update(p.pk for p in block.value["articles"] if p is not None)
            found = (wanted, {a.pk: a for a in ArticlePage.objects.listing().filter(pk__in=wanted)})
            if page is not None:
                page._related_block_articles = found
        return found[1]


class ArticleBodyBlock(blocks.StreamBlock):
    """The article body: the blocks an editor may use, and no raw HTML."""

    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="news/blocks/paragraph.html",
        description=_("Văn bản có định dạng cơ bản: đậm, nghiêng, liên kết, danh sách."),
        preview_value="<p>Hội nghị đã thống nhất các nhiệm vụ trọng tâm trong thời gian tới.</p>",
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    attachment = AttachmentBlock()
    table = TableBlock()
    fact_box = FactBoxBlock()
    related_articles = RelatedArticlesBlock()

    class Meta:
        block_counts = {}
