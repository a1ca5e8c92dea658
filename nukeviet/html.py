"""NukeViet body HTML → the article body's StreamField blocks.

The old bodies were typed in CKEditor over many years: inline styles, tables
used for layout, images inside links, tags never closed, and now and then a
script or an ``onerror`` pasted from elsewhere. nh3 (the Ammonia sanitiser)
first keeps only the tags and attributes we understand and drops scripts,
event handlers and ``javascript:`` links; its output is well formed, so the
walk below only has to decide which block each piece becomes: rich text
(bold, italic, links, lists), headings, captioned images and plain-text tables.
"""

import html
import re
import unicodedata
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {
    "p", "br", "b", "strong", "i", "em", "u", "a", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "figure", "figcaption", "img", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
    "blockquote", "sub", "sup", "div", "span", "center",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}

INLINE_TAGS = {"b", "strong", "i", "em", "u", "a", "span", "sub", "sup", "br"}
CREDIT_RE = re.compile(r"[\s(\[–-]*\(?\s*(?:Ảnh|Anh)\s*:\s*([^)\]]+?)\s*[)\]]?\s*\.?\s*$", re.IGNORECASE)
SPACES_RE = re.compile(r"\s+")


def sanitise(raw):
    """Only the markup we understand; no scripts, handlers or unsafe links."""
    return nh3.clean(
        raw or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def plain_text(raw):
    """Text only (for leads, comments, captions): tags gone, entities decoded."""
    text = html.unescape(nh3.clean(raw or "", tags=set()))
    return SPACES_RE.sub(" ", text).strip()


def split_credit(caption):
    """Split the credit off a caption: "Đồng chí … phát biểu. (Ảnh: Tâm Giang)"
    → ("Đồng chí … phát biểu.", "Tâm Giang")."""
    caption = SPACES_RE.sub(" ", unicodedata.normalize("NFC", caption or "")).strip()
    match = CREDIT_RE.search(caption)
    if not match:
        return caption, ""
    return caption[: match.start()].strip(), match.group(1).strip()


class Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag, attrs=None):
        self.tag = tag
        self.attrs = dict(attrs or {})
        self.children = []

    def text(self):
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def find_all(self, tag):
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag:
                    yield child
                yield from child.find_all(tag)


class _TreeBuilder(HTMLParser):
    VOID = {"br", "img"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs)
        self.stack[-1].children.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, attrs))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(clean_html):
    builder = _TreeBuilder()
    builder.feed(clean_html)
    builder.close()
    return builder.root


class BodyConverter:
    """Turn one body into a list of raw StreamField blocks.

    ``resolve_image(src, alt, caption, credit)`` returns an image id, or None
    when the picture cannot be brought over (the caller reports why)."""

    def __init__(self, resolve_image):
        self.resolve_image = resolve_image
        self.blocks = []
        self.rich = []  # block-level rich-text pieces waiting to become one paragraph block
        self.inline = []  # inline pieces of the paragraph being built

    def convert(self, raw):
        self.walk_blocks(parse(sanitise(raw)))
        self.flush_rich()
        return self.blocks

    # --- accumulation ---------------------------------------------------------

    def flush_inline(self):
        content = "".join(self.inline).strip()
        while content.endswith("<br/>"):
            content = content[: -len("<br/>")].rstrip()
        while content.startswith("<br/>"):
            content = content[len("<br/>") :].lstrip()
        self.inline = []
        if content and plain_text(content):
            self.rich.append(f"<p>{content}</p>")

    def flush_rich(self):
        self.flush_inline()
        if self.rich:
            self.blocks.append({"type": "paragraph", "value": "".join(self.rich)})
            self.rich = []

    def emit(self, block_type, value):
        self.flush_rich()
        self.blocks.append({"type": block_type, "value": value})

    # --- block level ----------------------------------------------------------

    def walk_blocks(self, node):
        for child in node.children:
            if isinstance(child, str):
                self.inline.append(html.escape(SPACES_RE.sub(" ", child), quote=False))
                continue
            tag = child.tag
            if tag in INLINE_TAGS:
                self.walk_inline(child)
            elif tag == "img":
                self.image(child, "")
            elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.heading(child)
            elif tag in ("ul", "ol"):
                self.flush_inline()
                items = "".join(f"<li>{self.inline_html(li)}</li>" for li in child.children if _is(li, "li"))
                if items:
                    self.rich.append(f"<{tag}>{items}</{tag}>")
            elif tag == "figure":
                self.figure(child)
            elif tag == "table":
                self.table(child)
            else:  # p, div, blockquote, center, li or table parts out of place
                self.flush_inline()
                self.walk_blocks(child)
                self.flush_inline()

    def heading(self, node):
        text = SPACES_RE.sub(" ", node.text()).strip()
        images = list(node.find_all("img"))
        if text:
            self.emit("heading", {"text": text[:200], "level": "h2" if node.tag in ("h1", "h2") else "h3"})
        for img in images:
            self.image(img, "")

    def figure(self, node):
        images = list(node.find_all("img"))
        captions = list(node.find_all("figcaption"))
        caption = captions[0].text() if captions else ""
        if not images:
            self.flush_inline()
            self.walk_blocks(node)
            return
        for img in images:
            self.image(img, caption)

    def image(self, node, caption):
        caption, credit = split_credit(caption or node.attrs.get("title") or "")
        alt = SPACES_RE.sub(" ", node.attrs.get("alt") or "").strip()
        image_id = self.resolve_image(node.attrs.get("src") or "", alt, caption, credit)
        if image_id is None:
            return
        self.emit(
            "image",
            {"image": image_id, "caption": caption[:500], "credit": credit[:255], "alignment": "full"},
        )

    def table(self, node):
        rows = [row for row in node.find_all("tr")]
        images = list(node.find_all("img"))
        if images and len(rows) <= 3:
            # CKEditor's "image with caption" as a table: the picture, then its caption.
            caption = " ".join(
                SPACES_RE.sub(" ", cell.text()).strip()
                for row in rows
                for cell in row.children
                if isinstance(cell, Node) and not list(cell.find_all("img"))
            )
            for img in images:
                self.image(img, caption)
            return
        data = []
        for row in rows:
            cells = [c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")]
            data.append([SPACES_RE.sub(" ", cell.text()).strip() for cell in cells])
        data = [row for row in data if any(row)]
        if not data:
            return
        width = max(len(row) for row in data)
        data = [row + [""] * (width - len(row)) for row in data]
        first_row = [c for c in rows[0].children if isinstance(c, Node) and c.tag in ("td", "th")] if rows else []
        header = bool(first_row) and all(c.tag == "th" for c in first_row)
        captions = list(node.find_all("caption"))
        self.emit(
            "table",
            {
                "data": data,
                "first_row_is_table_header": header,
                "first_col_is_header": False,
                "table_header_choice": "row" if header else "",
                "table_caption": SPACES_RE.sub(" ", captions[0].text()).strip() if captions else "",
            },
        )
        for img in images:
            self.image(img, "")

    # --- inline level ---------------------------------------------------------

    def walk_inline(self, node):
        """An inline element met at block level: its text joins the current
        paragraph; a picture inside it (a linked photo) becomes its own block."""
        images = list(node.find_all("img")) if node.tag != "img" else [node]
        self.inline.append(self.inline_html(node))
        for img in images:
            self.image(img, "")

    def inline_html(self, node):
        if isinstance(node, str):
            return html.escape(SPACES_RE.sub(" ", node), quote=False)
        inner = "".join(self.inline_html(child) for child in node.children)
        tag = node.tag
        if tag == "br":
            return "<br/>"
        if tag == "img":
            return ""
        if tag in ("b", "strong"):
            return f"<b>{inner}</b>" if inner.strip() else inner
        if tag in ("i", "em"):
            return f"<i>{inner}</i>" if inner.strip() else inner
        if tag in ("sub", "sup"):
            return f"<{tag}>{inner}</{tag}>"
        if tag == "a":
            href = node.attrs.get("href")
            if href and inner.strip():
                return f'<a href="{html.escape(href)}">{inner}</a>'
            return inner
        if tag in ("ul", "ol"):
            items = "".join(f"<li>{self.inline_html(li)}</li>" for li in node.children if _is(li, "li"))
            return f" {plain_text(items)} " if items else ""
        if tag in ("p", "div", "li", "td", "th", "blockquote", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6"):
            return f" {inner} " if tag != "li" else inner
        return inner  # u, span, center and the rest: keep the text only


def _is(node, tag):
    return isinstance(node, Node) and node.tag == tag
