"""Demo newsroom: the six sections, pictures drawn with Pillow, and articles
spread over the last 90 days. Text written for the demo; no real events."""

import io
import random
from datetime import timedelta

from anyascii import anyascii
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.models import Site

from images.models import PortalImage

from .models import ArticlePage, SectionPage

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
BYLINES = ["Tâm Giang", "Minh Châu", "Hồng Nhung", "Đức Anh", "Thanh Bình", "Phương Thảo"]

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


def article_body(rnd, images):
    body = []
    for part in range(3):
        sentences = rnd.sample(SENTENCES, 3)
        body.append(("paragraph", "<p>" + " ".join(sentences) + "</p>"))
        if part == 0:
            body.append(("image", {"image": rnd.choice(images), "caption": "", "credit": "", "alignment": "full"}))
        if part == 1:
            body.append(("heading", {"text": "Những nhiệm vụ trọng tâm", "level": "h2"}))
    return body


def load_articles(stdout):
    home = home_page()
    images = list(PortalImage.objects.filter(title__in=IMAGE_SUBJECTS).order_by("title"))
    now = timezone.now().replace(second=0, microsecond=0)
    rnd = random.Random(2026)
    number = 0
    for section_slug, titles in ARTICLES.items():
        section = SectionPage.objects.child_of(home).get(slug=section_slug)
        for title in titles:
            number += 1
            slug = _slug(title)
            # Spread over the last 90 days, newest first within each section.
            published = now - timedelta(days=(number * 89) // 45, hours=rnd.randint(0, 10))
            if ArticlePage.objects.child_of(section).filter(slug=slug).exists():
                continue
            article = ArticlePage(
                title=title,
                slug=slug,
                lead=" ".join(rnd.sample(SENTENCES, 2)),
                cover_image=images[number % len(images)],
                body=article_body(rnd, images),
                byline=rnd.choice(BYLINES),
                display_date=published,
            )
            section.add_child(instance=article)
            article.save_revision().publish()
            ArticlePage.objects.filter(pk=article.pk).update(first_published_at=published, last_published_at=published)
            stdout.write(f"   + {title}")
