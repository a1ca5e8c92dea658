"""Demo: the board's sidebar and footer content (website links, banners) and
a month of visitor statistics, so the sidebar block and the dashboard panel
have something to show. Idempotent: looked up by title and date."""

import random
from datetime import timedelta

from django.utils import timezone

from home.models import Banner, WebsiteLink
from images.models import PortalImage
from news.models import ArticlePage

from .models import ArticleDailyViews, ArticleViewTotal, DailyVisits

LINKS = [
    ("Báo Điện tử Đảng Cộng sản Việt Nam", "https://dangcongsan.vn/"),
    ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
    ("Tạp chí Cộng sản", "https://www.tapchicongsan.org.vn/"),
    ("Ban Tuyên giáo và Dân vận Trung ương", "https://tuyengiao.vn/"),
]
LINKS_EN = [
    ("Communist Party of Vietnam Online Newspaper", "https://en.dangcongsan.vn/"),
    ("Viet Nam Government Portal", "https://en.baochinhphu.vn/"),
]
BANNERS = [
    ("Tủ sách Chính trị", Banner.Placement.SIDEBAR, "https://stbook.vn/"),
    ("Giải báo chí về xây dựng Đảng (Búa liềm vàng)", Banner.Placement.SIDEBAR, "https://dangcongsan.vn/"),
    ("Bảo hiểm xã hội Việt Nam", Banner.Placement.FOOTER, "https://baohiemxahoi.gov.vn/"),
]


def load_statistics(stdout):
    links = [(title, url, "vi") for title, url in LINKS] + [(title, url, "en") for title, url in LINKS_EN]
    for order, (title, url, language) in enumerate(links):
        _, created = WebsiteLink.objects.get_or_create(
            title=title, defaults={"url": url, "sort_order": (order + 1) * 10, "language": language}
        )
        if created:
            stdout.write(f"   + liên kết: {title}")
    images = list(PortalImage.objects.order_by("pk")[: len(BANNERS)])
    for order, (title, placement, url) in enumerate(BANNERS):
        if images and not Banner.objects.filter(title=title).exists():
            Banner.objects.create(
                title=title, image=images[order % len(images)], placement=placement, link_url=url, sort_order=order
            )
            stdout.write(f"   + banner: {title}")

    # A month of history before today (today fills up from real hits).
    rnd = random.Random(9)
    today = timezone.localdate()
    for offset in range(30, 0, -1):
        date = today - timedelta(days=offset)
        weekend = date.weekday() >= 5
        DailyVisits.objects.get_or_create(
            date=date,
            defaults={
                "guests": rnd.randint(300, 500) // (2 if weekend else 1),
                "members": rnd.randint(20, 60) // (2 if weekend else 1),
                "bots": rnd.randint(80, 160),
            },
        )
    if not ArticleDailyViews.objects.exists():
        articles = list(ArticlePage.objects.listing().values_list("pk", flat=True)[:20])
        rows, totals = [], {}
        for rank, page_id in enumerate(articles):
            for offset in range(1, 8):
                views = max(1, (200 - rank * 9) // offset + rnd.randint(0, 15))
                rows.append(ArticleDailyViews(page_id=page_id, date=today - timedelta(days=offset), views=views))
                totals[page_id] = totals.get(page_id, 0) + views
        ArticleDailyViews.objects.bulk_create(rows)
        for page_id, views in totals.items():
            ArticleViewTotal.objects.update_or_create(page_id=page_id, defaults={"views": views})
        stdout.write(f"   + lượt xem cho {len(articles)} bài")
