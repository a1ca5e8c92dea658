"""The one body block set that every page with a body uses."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript", "subscript"]


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

    class Meta:
        block_counts = {}
