"""The article body: one shared block set, each block rendering what the
editor entered, safely, and each one previewable in the block picker."""

import pytest
from django.contrib.auth import get_user_model
from wagtail import blocks
from wagtail.documents import get_document_model

from news.blocks import RICH_TEXT_FEATURES, ArticleBodyBlock
from news.demo import DEMO_DOCUMENT_TITLE, SHOWCASE_TITLE
from news.models import ArticlePage
from tests.factories import make_article, section

BODY = ArticleBodyBlock()
EXPECTED_BLOCKS = {
    "paragraph",
    "heading",
    "image",
    "quote",
    "video",
    "attachment",
    "table",
    "fact_box",
    "related_articles",
}


def _all_blocks(block):
    yield block
    for child in getattr(block, "child_blocks", {}).values():
        yield from _all_blocks(child)
    if isinstance(block, blocks.ListBlock):
        yield from _all_blocks(block.child_block)


def test_body_offers_the_portal_blocks_and_no_raw_html():
    assert set(BODY.child_blocks) == EXPECTED_BLOCKS
    assert not [b for b in _all_blocks(BODY) if isinstance(b, blocks.RawHTMLBlock)]


def test_rich_text_has_no_headings_images_embeds_or_code():
    assert {"bold", "italic", "link", "ol", "ul"} <= set(RICH_TEXT_FEATURES)
    forbidden = {"h1", "h2", "h3", "h4", "h5", "h6", "image", "embed", "code", "blockquote", "hr"}
    for block in _all_blocks(BODY):
        if isinstance(block, blocks.RichTextBlock):
            assert not forbidden & set(block.features), block.name


@pytest.mark.parametrize("name", sorted(EXPECTED_BLOCKS))
def test_every_block_has_icon_template_description_and_preview(name):
    block = BODY.child_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.template.startswith("news/blocks/")
    assert str(block.get_description())
    assert block.is_previewable


@pytest.mark.django_db
def test_every_block_preview_renders_in_the_block_picker(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    for name, block in BODY.child_blocks.items():
        response = client.get("/admin/block-preview/", {"id": block.definition_prefix})
        assert response.status_code == 200, name
        assert 'class="article__body"' in response.content.decode(), name


@pytest.fixture
def showcase(db, client):
    article = ArticlePage.objects.live().get(title=SHOWCASE_TITLE)
    response = client.get(article.url)
    assert response.status_code == 200
    return article, response.content.decode()


def test_demo_uses_every_block_type_somewhere(db):
    used = set()
    for article in ArticlePage.objects.live():
        used |= {block.block_type for block in article.body}
    assert used == EXPECTED_BLOCKS


def test_paragraph_heading_and_quote_render_their_text(showcase):
    _, html = showcase
    assert '<h2 class="block-heading">Từ nghị quyết đến từng hộ dân</h2>' in html
    assert '<h3 class="block-heading">Kết quả sau ba năm</h3>' in html
    assert "<blockquote><p>Nghị quyết chỉ thật sự đi vào cuộc sống" in html
    assert "<figcaption>Đồng chí Phó Bí thư Thường trực Tỉnh ủy</figcaption>" in html
    assert 'class="block-paragraph"><p>' in html


def test_image_shows_caption_and_credit_with_its_alignment(showcase):
    _, html = showcase
    assert 'class="block-image block-image--left"' in html
    assert "Hợp tác xã thu hoạch vụ mùa" in html
    # The credit is left empty in the block, so the image's own credit shows.
    assert "(Ảnh: Tâm Giang)" in html


def test_video_attachment_table_fact_box_and_related_render(showcase):
    article, html = showcase
    assert 'src="https://www.youtube-nocookie.com/embed/jNQXAC9IVRw"' in html
    assert "Video minh họa (bản trình diễn)" in html
    document = get_document_model().objects.get(title=DEMO_DOCUMENT_TITLE)
    assert f'href="{document.url}"' in html and "Toàn văn Nghị quyết số 05-NQ/TU" in html and "(PDF, " in html
    assert "<caption>Thu nhập bình quân của thành viên hợp tác xã</caption>" in html
    assert '<th scope="col"' in html and "63" in html
    assert "Mô hình hợp tác xã kiểu mới" in html and "<li>120 hộ thành viên</li>" in html
    related = [b for b in article.body if b.block_type == "related_articles"][0].value["articles"]
    for page in related:
        assert f'href="{page.url}"' in html


def test_text_typed_in_blocks_is_escaped_not_run():
    rendered = BODY.child_blocks["quote"].render({"text": "<script>alert(1)</script>", "attribution": "<b>x</b>"})
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered and "&lt;b&gt;" in rendered
    table = BODY.child_blocks["table"].to_python(
        {"data": [["<img src=x onerror=alert(1)>"]], "table_header_choice": "neither"}
    )
    assert "<img" not in BODY.child_blocks["table"].render(table)


@pytest.mark.django_db
def test_video_without_an_embed_falls_back_to_a_plain_link():
    block = BODY.child_blocks["video"]
    value = block.to_python({"video": "https://video.example.org/clip/42", "caption": "Phóng sự"})
    html = block.render(value)
    assert '<a href="https://video.example.org/clip/42"' in html and "Xem video" in html


@pytest.mark.django_db
def test_related_block_shows_only_articles_readers_can_open():
    thoi_su = section("thoi-su")
    public = make_article(thoi_su, "Bài công khai để liên kết")
    draft = make_article(thoi_su, "Bài nháp không được lộ", publish=False)
    block = BODY.child_blocks["related_articles"]
    value = block.to_python({"heading": "Đọc thêm", "articles": [draft.pk, public.pk]})
    html = block.render(value)
    assert "Bài công khai để liên kết" in html
    assert "Bài nháp không được lộ" not in html
