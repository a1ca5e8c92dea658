"""Demo newsroom: the six sections, pictures drawn with Pillow, and articles
spread over the last 90 days. Text written for the demo; no real events."""

import io
import random
from datetime import timedelta

from anyascii import anyascii
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Site

from images.models import PortalImage

from .blocks import PREVIEW_VIDEO_URL
from .models import ArticlePage, Author, InternalNoticeIndexPage, SectionPage, TopicIndexPage, TopicPage

SECTIONS = [
    ("hoat-dong-cap-uy", "Hoạt động cấp ủy", "Tin hoạt động của Tỉnh ủy, Ban Thường vụ và các cấp ủy trực thuộc."),
    ("xay-dung-dang", "Xây dựng Đảng", "Công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị."),
    ("thoi-su", "Thời sự", "Tin tức thời sự trong tỉnh, trong nước."),
    ("nhan-su-moi", "Nhân sự mới", "Thông tin về công tác cán bộ, nhân sự mới được bổ nhiệm, phân công."),
    ("hoi-dap-cong-tac-dang", "Hỏi - Đáp công tác Đảng", "Giải đáp thắc mắc của cán bộ, đảng viên và Nhân dân."),
    ("phong-su-anh", "Phóng sự ảnh", "Những khoảnh khắc tiêu biểu qua ống kính phóng viên."),
]

ARTICLES = {
    "hoat-dong-cap-uy": [
        "Ban Thường vụ Tỉnh ủy cho ý kiến về dự thảo báo cáo chính trị",
        "Hội nghị Tỉnh ủy lần thứ mười lăm đánh giá kết quả 9 tháng",
        "Đoàn công tác Tỉnh ủy làm việc với Huyện ủy Tân Lạc",
        "Tỉnh ủy sơ kết 5 năm thực hiện Chỉ thị 05 của Bộ Chính trị",
        "Thường trực Tỉnh ủy tiếp xúc, đối thoại với nông dân",
        "Ban Chấp hành Đảng bộ tỉnh triển khai nhiệm vụ quý IV",
        "Kiểm tra công tác chuẩn bị đại hội chi bộ thôn, tổ dân phố",
        "Huyện ủy Mường Khến tổng kết công tác dân vận năm 2026",
    ],
    "xay-dung-dang": [
        "Nâng cao chất lượng sinh hoạt chi bộ ở vùng đồng bào dân tộc",
        "Đẩy mạnh công tác phát triển đảng viên trong doanh nghiệp",
        "Xây dựng Đảng về đạo đức gắn với học tập và làm theo Bác",
        "Chuyển đổi số trong công tác quản lý đảng viên",
        "Bảo vệ nền tảng tư tưởng của Đảng trên không gian mạng",
        "Tăng cường kiểm tra, giám sát việc thực hiện Nghị quyết Trung ương 4",
        "Đổi mới phương thức lãnh đạo của Đảng ở cơ sở",
        "Gương đảng viên trẻ đi đầu trong phong trào xây dựng nông thôn mới",
    ],
    "thoi-su": [
        "Tỉnh tập trung khắc phục hậu quả mưa lũ tại các huyện miền núi",
        "Khánh thành cầu dân sinh nối hai bờ sông Bưởi",
        "Cải cách thủ tục hành chính: giải quyết hồ sơ trực tuyến tăng mạnh",
        "Mùa vàng trên ruộng bậc thang xã Phú Cường",
        "Tuổi trẻ tỉnh ra quân tình nguyện vì biển, đảo Việt Nam",
        "Khai mạc Hội chợ thương mại nông sản đặc sản địa phương",
        "Ngành giáo dục chuẩn bị cho năm học mới",
        "Đưa Nghị quyết vào cuộc sống: mô hình kinh tế hợp tác hiệu quả",
    ],
    "nhan-su-moi": [
        "Công bố quyết định chuẩn y Phó Bí thư Huyện ủy Lạc Thủy",
        "Ban Thường vụ Tỉnh ủy chỉ định bổ sung Ủy viên Ban Chấp hành",
        "Bổ nhiệm Phó Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "Điều động, phân công cán bộ giữ chức Bí thư Đảng ủy xã",
        "Trao quyết định nghỉ hưu cho cán bộ lãnh đạo",
        "Kiện toàn nhân sự Ủy ban Kiểm tra Tỉnh ủy",
        "Giới thiệu nhân sự ứng cử Hội đồng nhân dân tỉnh",
    ],
    "hoi-dap-cong-tac-dang": [
        "Đảng viên chuyển sinh hoạt đảng tạm thời cần những thủ tục gì?",
        "Thời hạn xét công nhận đảng viên chính thức được tính thế nào?",
        "Đảng viên có được miễn sinh hoạt đảng khi đi làm xa?",
        "Quy định về mức đóng đảng phí của đảng viên hưởng lương",
        "Thủ tục giới thiệu người vào Đảng ở thôn, tổ dân phố",
        "Quyền và nghĩa vụ của đảng viên dự bị",
    ],
    "phong-su-anh": [
        "Sắc màu lễ hội xuống đồng của đồng bào Mường",
        "Một ngày cùng chiến sĩ biên phòng nơi địa đầu",
        "Những công trình chào mừng Đại hội Đảng bộ tỉnh",
        "Đêm hội văn nghệ quần chúng các dân tộc",
        "Xuân về trên bản vùng cao",
        "Nông dân thu hoạch cam trên đồi",
        "Ký ức người lính qua những bức ảnh",
    ],
}

SENTENCES = [
    "Hội nghị đã thảo luận, thống nhất cao các nhiệm vụ, giải pháp trọng tâm trong thời gian tới.",
    "Các cấp ủy, tổ chức đảng cần phát huy vai trò hạt nhân lãnh đạo, tạo sự đồng thuận trong Nhân dân.",
    "Công tác tuyên truyền được đổi mới cả về nội dung và hình thức, bám sát cơ sở.",
    "Nhiều mô hình hay, cách làm sáng tạo đã được nhân rộng trên địa bàn toàn tỉnh.",
    "Đồng chí Bí thư Tỉnh ủy đề nghị các đơn vị tập trung tháo gỡ khó khăn, vướng mắc cho người dân và doanh nghiệp.",
    "Việc thực hiện nghị quyết gắn với trách nhiệm người đứng đầu, có kiểm tra, giám sát thường xuyên.",
    "Đội ngũ cán bộ, đảng viên luôn gương mẫu, đi đầu trong mọi phong trào thi đua yêu nước.",
    "Kết quả đạt được là nền tảng quan trọng để hoàn thành thắng lợi các chỉ tiêu của nhiệm kỳ.",
    "Bên cạnh những kết quả đạt được, vẫn còn một số hạn chế cần sớm được khắc phục.",
    "Người dân phấn khởi, tin tưởng vào sự lãnh đạo của Đảng và chính quyền các cấp.",
]

CREDITS = ["Tâm Giang", "Minh Đức", "Thu Hà", "Quốc Việt", "Ngọc Anh", "Văn Toàn"]
# (name, pen name?, unit)
AUTHORS = [
    ("Tâm Giang", True, "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ("Minh Châu", True, "Văn phòng Tỉnh ủy"),
    ("Nguyễn Hồng Nhung", False, "Ban Tổ chức Tỉnh ủy"),
    ("Đức Anh", True, "Huyện ủy Tân Lạc"),
    ("Trần Thanh Bình", False, "Ủy ban Kiểm tra Tỉnh ủy"),
    ("Phương Thảo", True, "Báo tỉnh"),
]

# The special topics (chuyên đề) and the words in a title that put an article in one.
TOPICS = [
    ("dua-nghi-quyet-vao-cuoc-song", "Đưa Nghị quyết vào cuộc sống", ["Nghị quyết vào cuộc sống", "Chỉ thị"]),
    (
        "hoc-tap-va-lam-theo-bac",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        ["làm theo Bác", "Gương đảng viên"],
    ),
    ("nghi-quyet-trung-uong-4", "Nghị quyết Trung ương 4 về xây dựng, chỉnh đốn Đảng", ["Trung ương 4", "chi bộ"]),
    ("bao-ve-nen-tang-tu-tuong", "Bảo vệ nền tảng tư tưởng của Đảng", ["nền tảng tư tưởng", "không gian mạng"]),
    ("guong-nguoi-tot-viec-tot", "Gương người tốt - việc tốt", ["Gương", "tình nguyện", "biên phòng"]),
    ("cai-cach-thu-tuc-hanh-chinh", "Cải cách thủ tục hành chính", ["thủ tục", "Cải cách"]),
    ("bien-dao-viet-nam", "Biển, đảo Việt Nam", ["biển, đảo", "biên phòng"]),
    ("chuyen-doi-so", "Chuyển đổi số", ["Chuyển đổi số", "trực tuyến"]),
]
TAGS = ["Tỉnh ủy", "đảng viên", "nông thôn mới", "cơ sở", "Đại hội Đảng", "dân vận", "công tác cán bộ"]

# The article that shows every body block (see showcase_body).
SHOWCASE_TITLE = "Đưa Nghị quyết vào cuộc sống: mô hình kinh tế hợp tác hiệu quả"
DEMO_DOCUMENT_TITLE = "Nghị quyết số 05-NQ/TU (bản trình diễn)"

NOTICES = [
    "Lịch sinh hoạt chi bộ định kỳ tháng này",
    "Hướng dẫn kiểm điểm, đánh giá chất lượng đảng viên cuối năm",
    "Tài liệu học tập chuyên đề dành cho đảng viên",
]
SCHEDULED_TITLE = "Chương trình hội nghị báo cáo viên tháng tới (hẹn giờ đăng)"

PALETTES = [
    ((165, 15, 21), (246, 195, 67)),
    ((21, 101, 192), (144, 202, 249)),
    ((46, 125, 50), (200, 230, 201)),
    ((121, 85, 72), (255, 204, 128)),
    ((69, 39, 160), (209, 196, 233)),
    ((0, 121, 107), (178, 223, 219)),
]
IMAGE_SUBJECTS = [
    "Quang cảnh hội nghị",
    "Đại biểu dự lễ khánh thành",
    "Cán bộ xuống cơ sở nắm tình hình",
    "Ruộng bậc thang mùa lúa chín",
    "Chiến sĩ biên phòng tuần tra",
    "Lễ hội truyền thống của đồng bào",
    "Cây cầu mới nối hai bờ sông",
    "Đoàn viên thanh niên tình nguyện",
    "Nông dân thu hoạch cam",
    "Hội trường Tỉnh ủy",
    "Buổi sinh hoạt chi bộ",
    "Phiên chợ vùng cao",
]


def _slug(text):
    return slugify(anyascii(text))[:80].strip("-")


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


def _section_class(slug):
    from qa.models import QAIndexPage  # the Q&A column takes questions from readers

    return QAIndexPage if slug == "hoi-dap-cong-tac-dang" else SectionPage


def load_sections(stdout):
    home = home_page()
    for slug, title, intro in SECTIONS:
        if SectionPage.objects.child_of(home).filter(slug=slug).exists():
            continue
        section = _section_class(slug)(title=title, slug=slug, intro=intro, show_in_menus=True)
        home.add_child(instance=section)
        section.save_revision().publish()
        stdout.write(f"   + {title}")


def draw_picture(seed, size=(1200, 800)):
    """A landscape in the portal's colours: sky, hills, sun. JPEG bytes."""
    rnd = random.Random(seed)
    top, bottom = PALETTES[seed % len(PALETTES)]
    img = PILImage.new("RGB", size, top)
    draw = ImageDraw.Draw(img)
    width, height = size
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))
    sun_x = rnd.randint(150, width - 150)
    draw.ellipse([sun_x - 70, 90, sun_x + 70, 230], fill=(255, 236, 179))
    for layer in range(3):
        base = int(height * (0.55 + 0.12 * layer))
        shade = tuple(max(0, c - 40 * (layer + 1)) for c in bottom)
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base - rnd.randint(0, 120)))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def load_images(stdout):
    for index, subject in enumerate(IMAGE_SUBJECTS):
        if PortalImage.objects.filter(title=subject).exists():
            continue
        data = draw_picture(index)
        image = PortalImage(
            title=subject,
            credit=CREDITS[index % len(CREDITS)],
            default_caption=subject,
            file=ImageFile(io.BytesIO(data), name=f"demo-{index:02d}.jpg"),
        )
        image.save()
        stdout.write(f"   + {subject}")


def article_body(rnd, images, number=0):
    body = []
    for part in range(3):
        sentences = rnd.sample(SENTENCES, 3)
        body.append(("paragraph", "<p>" + " ".join(sentences) + "</p>"))
        if part == 0:
            body.append(("image", {"image": rnd.choice(images), "caption": "", "credit": "", "alignment": "full"}))
        if part == 1:
            body.append(("heading", {"text": "Những nhiệm vụ trọng tâm", "level": "h2"}))
            if number % 4 == 0:
                body.append(("quote", {"text": rnd.choice(SENTENCES), "attribution": "Đồng chí Bí thư Tỉnh ủy"}))
            if number % 6 == 0:
                body.append(
                    (
                        "fact_box",
                        {
                            "title": "Kết quả nổi bật",
                            "body": "<ul><li>" + "</li><li>".join(rnd.sample(SENTENCES, 2)) + "</li></ul>",
                        },
                    )
                )
    return body


def showcase_body(rnd, images, related):
    """Every block type once, so editors and tests see each of them in use."""
    document = get_document_model().objects.get(title=DEMO_DOCUMENT_TITLE)
    return [
        ("paragraph", "<p>" + " ".join(rnd.sample(SENTENCES, 3)) + "</p>"),
        ("heading", {"text": "Từ nghị quyết đến từng hộ dân", "level": "h2"}),
        ("image", {"image": images[3], "caption": "Hợp tác xã thu hoạch vụ mùa", "credit": "", "alignment": "left"}),
        ("paragraph", "<p>" + " ".join(rnd.sample(SENTENCES, 3)) + "</p>"),
        (
            "quote",
            {
                "text": "Nghị quyết chỉ thật sự đi vào cuộc sống khi người dân thấy được lợi ích thiết thực.",
                "attribution": "Đồng chí Phó Bí thư Thường trực Tỉnh ủy",
            },
        ),
        ("heading", {"text": "Kết quả sau ba năm", "level": "h3"}),
        (
            "table",
            {
                "table_caption": "Thu nhập bình quân của thành viên hợp tác xã",
                "table_header_choice": "row",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "data": [
                    ["Năm", "Thu nhập (triệu đồng/người/năm)"],
                    ["2024", "48"],
                    ["2025", "55"],
                    ["2026", "63"],
                ],
            },
        ),
        (
            "fact_box",
            {
                "title": "Mô hình hợp tác xã kiểu mới",
                "body": (
                    "<ul><li>120 hộ thành viên</li><li>35 ha cây ăn quả</li><li>Doanh thu tăng 30% mỗi năm</li></ul>"
                ),
            },
        ),
        ("video", {"video": PREVIEW_VIDEO_URL, "caption": "Video minh họa (bản trình diễn)"}),
        ("attachment", {"document": document, "title": "Toàn văn Nghị quyết số 05-NQ/TU"}),
        ("related_articles", {"heading": "Đọc thêm", "articles": related}),
    ]


def _topics_for(title, topics, number):
    chosen = [topics[slug] for slug, _, words in TOPICS if any(w.lower() in title.lower() for w in words)]
    if not chosen and number % 3 == 0:
        chosen = [list(topics.values())[number % len(topics)]]
    return chosen


def load_authors(stdout):
    for name, is_pen_name, unit in AUTHORS:
        _, created = Author.objects.get_or_create(name=name, defaults={"is_pen_name": is_pen_name, "unit": unit})
        if created:
            stdout.write(f"   + {name}")


def load_topics(stdout):
    home = home_page()
    index = TopicIndexPage.objects.child_of(home).first()
    if index is None:
        index = TopicIndexPage(
            title="Chuyên đề",
            slug="chuyen-de",
            intro="Các chuyên đề tuyên truyền xuyên suốt các chuyên mục của Cổng.",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        stdout.write("   + Chuyên đề")
    images = list(PortalImage.objects.filter(title__in=IMAGE_SUBJECTS).order_by("title"))
    for number, (slug, title, _words) in enumerate(TOPICS):
        if TopicPage.objects.child_of(index).filter(slug=slug).exists():
            continue
        topic = TopicPage(
            title=title,
            slug=slug,
            intro=f"Tin, bài thuộc chuyên đề “{title}”.",
            cover_image=images[number % len(images)],
        )
        index.add_child(instance=topic)
        topic.save_revision().publish()
        stdout.write(f"   + {title}")


def draw_document():
    """A one-page PDF, drawn with Pillow: the demo's resolution."""
    page = PILImage.new("RGB", (1240, 1754), (255, 255, 255))
    draw = ImageDraw.Draw(page)
    draw.rectangle([100, 100, 1140, 260], outline=(165, 15, 21), width=6)
    draw.text((140, 160), "NGHI QUYET SO 05-NQ/TU - BAN TRINH DIEN (DEMO)", fill=(165, 15, 21))
    for line in range(30):
        y = 340 + line * 40
        draw.line([(140, y), (1100 - (line % 4) * 90, y)], fill=(120, 120, 120), width=3)
    buffer = io.BytesIO()
    page.save(buffer, "PDF")
    return buffer.getvalue()


def load_media(stdout):
    """The resolution PDF and the cached embed of the demo video (so showing
    it never needs the network)."""
    Document = get_document_model()
    if not Document.objects.filter(title=DEMO_DOCUMENT_TITLE).exists():
        data = draw_document()
        Document.objects.create(
            title=DEMO_DOCUMENT_TITLE,
            file=ContentFile(data, name="nghi-quyet-05-nq-tu-demo.pdf"),
            file_size=len(data),
        )
        stdout.write(f"   + {DEMO_DOCUMENT_TITLE}")
    Embed.objects.get_or_create(
        hash=get_embed_hash(PREVIEW_VIDEO_URL),
        defaults={
            "url": PREVIEW_VIDEO_URL,
            "type": "video",
            "html": (
                '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/jNQXAC9IVRw" '
                'title="Video minh họa" loading="lazy" allowfullscreen '
                'allow="encrypted-media; picture-in-picture"></iframe>'
            ),
            "title": "Video minh họa",
            "provider_name": "YouTube",
            "width": 560,
            "height": 315,
        },
    )


def load_articles(stdout):
    home = home_page()
    images = list(PortalImage.objects.filter(title__in=IMAGE_SUBJECTS).order_by("title"))
    authors = list(Author.objects.filter(name__in=[a[0] for a in AUTHORS]).order_by("name"))
    topics = {t.slug: t for t in TopicPage.objects.descendant_of(home).filter(slug__in=[t[0] for t in TOPICS])}
    now = timezone.now().replace(second=0, microsecond=0)
    rnd = random.Random(2026)
    number = 0
    created = []
    for section_slug, titles in ARTICLES.items():
        section = SectionPage.objects.child_of(home).get(slug=section_slug)
        for title in titles:
            number += 1
            slug = _slug(title)
            # Spread over the last 90 days, newest first within each section.
            published = now - timedelta(days=(number * 89) // 45, hours=rnd.randint(0, 10))
            lead = " ".join(rnd.sample(SENTENCES, 2))
            if ArticlePage.objects.child_of(section).filter(slug=slug).exists():
                continue
            if title == SHOWCASE_TITLE:
                related = created[-3:] or list(ArticlePage.objects.child_of(section)[:3])
                body = showcase_body(rnd, images, related)
            else:
                body = article_body(rnd, images, number)
            article = ArticlePage(
                title=title,
                slug=slug,
                kicker="Đại hội Đảng bộ các cấp" if number % 5 == 0 else "",
                lead=lead,
                cover_image=images[number % len(images)],
                body=body,
                author=authors[number % len(authors)],
                source="Báo Nhân Dân" if number % 9 == 0 else "",
                display_date=published,
                feature_on_home=number in {1, 2, 9, 10, 17},
            )
            article.topics = _topics_for(title, topics, number)
            article.tags.add(*rnd.sample(TAGS, 2))
            section.add_child(instance=article)
            article.save_revision().publish()
            ArticlePage.objects.filter(pk=article.pk).update(first_published_at=published, last_published_at=published)
            created.append(article)
            stdout.write(f"   + {title}")
    _load_scheduled(home, images, authors, now)
    _pin_featured(home)


def _pin_featured(home):
    """One section shows an editor-pinned article on top instead of the newest."""
    xdd = SectionPage.objects.child_of(home).get(slug="xay-dung-dang")
    if xdd.featured_article_id:
        return
    pinned = ArticlePage.objects.child_of(xdd).filter(title__startswith="Bảo vệ nền tảng tư tưởng").first()
    if pinned is not None:
        xdd.featured_article = pinned
        xdd.save_revision().publish()


def _load_scheduled(home, images, authors, now):
    """One article waiting for its publication time, so the admin shows one."""
    section = SectionPage.objects.child_of(home).get(slug="hoat-dong-cap-uy")
    slug = _slug(SCHEDULED_TITLE)
    if ArticlePage.objects.child_of(section).filter(slug=slug).exists():
        return
    article = ArticlePage(
        title=SCHEDULED_TITLE,
        slug=slug,
        lead=SENTENCES[0],
        cover_image=images[0],
        body=[("paragraph", f"<p>{SENTENCES[1]}</p>")],
        author=authors[0],
        live=False,
        go_live_at=now + timedelta(days=3),
    )
    section.add_child(instance=article)
    article.save_revision().publish()


def load_notices(stdout):
    """Internal notices: members and editors only (the page keeps its own
    view restriction)."""
    home = home_page()
    index = InternalNoticeIndexPage.objects.child_of(home).first()
    if index is None:
        index = InternalNoticeIndexPage(
            title="Thông báo nội bộ",
            slug="thong-bao-noi-bo",
            intro="Thông báo của Tỉnh ủy gửi cán bộ, đảng viên.",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        stdout.write("   + Thông báo nội bộ")
    images = list(PortalImage.objects.filter(title__in=IMAGE_SUBJECTS).order_by("title"))
    author = Author.objects.filter(name=AUTHORS[1][0]).first()
    now = timezone.now().replace(second=0, microsecond=0)
    for number, title in enumerate(NOTICES):
        slug = _slug(title)
        if ArticlePage.objects.child_of(index).filter(slug=slug).exists():
            continue
        published = now - timedelta(days=3 + number * 7)
        notice = ArticlePage(
            title=title,
            slug=slug,
            lead=SENTENCES[(number + 4) % len(SENTENCES)],
            cover_image=images[(number + 5) % len(images)],
            body=[("paragraph", "<p>" + " ".join(SENTENCES[number : number + 3]) + "</p>")],
            author=author,
            display_date=published,
        )
        index.add_child(instance=notice)
        notice.save_revision().publish()
        ArticlePage.objects.filter(pk=notice.pk).update(first_published_at=published, last_published_at=published)
        stdout.write(f"   + {title}")


# --- Photo reports and internal documents (news/photo_reports.py) -----------

PHOTO_REPORTS = [
    (
        "Sắc màu lễ hội xuống đồng vùng cao",
        "Tâm Giang",
        "Lễ hội xuống đồng đầu xuân của đồng bào Mường qua ống kính phóng viên.",
        [
            "Nghi lễ cầu mùa",
            "Trai gái trong trang phục truyền thống",
            "Đánh chiêng mừng xuân",
            "Cày vạt ruộng đầu tiên",
        ],
    ),
    (
        "Biên cương: một ngày tuần tra cùng chiến sĩ",
        "Quốc Việt",
        "Theo chân các chiến sĩ Đồn Biên phòng trong một ngày tuần tra, bám bản.",
        ["Lên đường tuần tra", "Cắm mốc chủ quyền", "Giúp dân thu hoạch", "Bữa cơm giữa rừng", "Giao ban cuối ngày"],
    ),
    (
        "Công trình chào mừng Đại hội Đảng bộ tỉnh",
        "Minh Đức",
        "Những công trình, phần việc thiết thực chào mừng Đại hội Đảng bộ tỉnh.",
        ["Cây cầu mới hoàn thành", "Trường học khang trang", "Nhà văn hóa thôn", "Đường giao thông nông thôn"],
    ),
    (
        "Tết trên bản vùng cao",
        "Thu Hà",
        "Không khí đón Tết cổ truyền ở các bản làng vùng cao của tỉnh.",
        ["Hoa đào nở sớm", "Phiên chợ Tết", "Gói bánh chưng xanh", "Trò chơi dân gian"],
    ),
]

PRIVATE_COLLECTION = "Tài liệu nội bộ"
PRIVATE_DOCUMENT_TITLE = "Tài liệu sinh hoạt chi bộ quý này (nội bộ, bản trình diễn)"


def load_photo_reports(stdout):
    """Four photo reports of a few small photos each, and the private
    document collection; both idempotent."""
    from .photo_reports import PhotoReportPage

    home = home_page()
    section = SectionPage.objects.child_of(home).get(slug="phong-su-anh")
    related = list(ArticlePage.objects.child_of(section).live().order_by("-display_date")[:2])
    now = timezone.now().replace(second=0, microsecond=0)
    seed = 100
    for number, (title, photographer, lead, captions) in enumerate(PHOTO_REPORTS):
        seed += len(captions)
        slug = _slug(title)
        if PhotoReportPage.objects.child_of(section).filter(slug=slug).exists():
            continue
        photos = []  # (image, caption)
        for index, caption in enumerate(captions):
            image_title = f"{title} ({index + 1})"
            image = PortalImage.objects.filter(title=image_title).first()
            if image is None:
                image = PortalImage(
                    title=image_title,
                    credit=photographer,
                    default_caption=caption,
                    file=ImageFile(
                        io.BytesIO(draw_picture(seed + index, size=(960, 640))), name=f"phong-su-{seed + index}.jpg"
                    ),
                )
                image.save()
            photos.append((image, caption))
        report = PhotoReportPage(title=title, slug=slug, lead=lead, photographer=photographer)
        for index, (image, caption) in enumerate(photos):
            # The first photo's caption is left empty: it shows the image's own.
            report.photos.add(report.photos.model(image=image, caption=caption if index else ""))
        for article in related:
            report.related_links.add(report.related_links.model(article=article))
        section.add_child(instance=report)
        report.save_revision().publish()
        published = now - timedelta(days=2 + number * 9)
        PhotoReportPage.objects.filter(pk=report.pk).update(first_published_at=published, last_published_at=published)
        stdout.write(f"   + {title}")
    _load_private_documents(stdout)


def _load_private_documents(stdout):
    """A collection only Party members and the boards may open."""
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, CollectionViewRestriction

    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PRIVATE_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=PRIVATE_COLLECTION)
        stdout.write(f"   + {PRIVATE_COLLECTION}")
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=InternalNoticeIndexPage.READER_GROUPS))
    Document = get_document_model()
    if not Document.objects.filter(title=PRIVATE_DOCUMENT_TITLE).exists():
        data = draw_document()
        Document.objects.create(
            title=PRIVATE_DOCUMENT_TITLE,
            collection=collection,
            file=ContentFile(data, name="tai-lieu-sinh-hoat-chi-bo-demo.pdf"),
            file_size=len(data),
        )
        stdout.write(f"   + {PRIVATE_DOCUMENT_TITLE}")
