"""Search latency with many articles (the database backend; PostgreSQL is the
target).

    DATABASE_URL=postgres://…/portal .venv/bin/python bench/search.py --articles 10000
    DATABASE_URL=postgres://…/portal .venv/bin/python bench/search.py --articles 100000

Seeds generated Vietnamese articles (with progress) into a "[bench]" section
until it holds ``--articles`` of them (kept between runs: seeding is the slow
part), indexes them, then measures the whole results page (``/search/?q=``,
through Django, no network) and the engine alone, for a rare term and for very
common ones ("Đảng" is in most articles). ``--drop`` deletes the bench section.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from news.models import ArticlePage, SectionPage  # noqa: E402
from search import engine  # noqa: E402

SLUG = "bench-tim-kiem"
TITLE = "[bench] Tìm kiếm"
SUBJECTS = ["Đảng bộ xã", "Chi bộ thôn", "Huyện ủy", "Ban Tuyên giáo", "Hội Nông dân", "Đoàn Thanh niên", "Mặt trận"]
VERBS = ["triển khai", "tổng kết", "sơ kết", "đang thực hiện", "học tập", "quán triệt", "kiểm tra"]
OBJECTS = [
    "nghị quyết về xây dựng Đảng",
    "công tác dân vận",
    "chương trình nông thôn mới",
    "phong trào thi đua",
    "chuyển đổi số",
    "cải cách hành chính",
    "kế hoạch phát triển kinh tế",
]
PLACES = ["Tân Lạc", "Mường Khến", "Lạc Thủy", "Phú Cường", "Kim Bôi", "Mai Châu", "Đà Bắc", "Yên Thủy"]
SENTENCES = [
    "Các cấp ủy, tổ chức đảng phát huy vai trò hạt nhân lãnh đạo.",
    "Người dân đang tin tưởng vào sự lãnh đạo của Đảng và chính quyền.",
    "Nhiều mô hình hay, cách làm sáng tạo được nhân rộng.",
    "Công tác tuyên truyền được đổi mới cả về nội dung và hình thức.",
    "Kết quả đạt được là nền tảng để hoàn thành các chỉ tiêu nhiệm kỳ.",
]
RARE = "Pù Luông"  # in one article of a thousand


def bench_section():
    home = Site.objects.get(is_default_site=True).root_page
    section = SectionPage.objects.child_of(home).filter(slug=SLUG).first()
    if section is None:
        section = SectionPage(title=TITLE, slug=SLUG, intro="Bài sinh tự động để đo tốc độ tìm kiếm.")
        home.add_child(instance=section)
        section.save_revision().publish()
        section.refresh_from_db()
    return section


def seed(target, batch=1000):
    section = bench_section()
    have = section.numchild
    if have >= target:
        print(f"bench section already holds {have} articles")
        return section
    rnd = random.Random(have)
    content_type = ContentType.objects.get_for_model(ArticlePage)
    now = timezone.now()
    started = time.perf_counter()
    for start in range(have, target, batch):
        stop = min(start + batch, target)
        pages = []
        for i in range(start, stop):
            title = f"{rnd.choice(SUBJECTS)} {rnd.choice(PLACES)} {rnd.choice(VERBS)} {rnd.choice(OBJECTS)} ({i + 1})"
            if i % 1000 == 7:
                title += f" tại {RARE}"
            slug = f"bai-{i + 1}"
            when = now - timedelta(minutes=i * 7)
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=section.path + Page._int2str(i + 1).rjust(Page.steplen, "0"),
                    depth=section.depth + 1,
                    numchild=0,
                    url_path=f"{section.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=when,
                    last_published_at=when,
                    locale_id=section.locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            for page in pages:
                lead = " ".join(rnd.sample(SENTENCES, 2))
                article = ArticlePage(page_ptr=page, lead=lead, display_date=page.first_published_at)
                article.__dict__.update({f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
                article._state.adding = True
                article.save_base(raw=True, force_insert=True)
            Page.objects.filter(pk=section.pk).update(numchild=stop)
        backend = get_search_backend()
        backend.add_bulk(ArticlePage, list(ArticlePage.objects.filter(pk__in=[p.pk for p in pages])))
        rate = (stop - have) / (time.perf_counter() - started)
        print(f"  seeded and indexed {stop}/{target} articles ({rate:.0f}/s)", flush=True)
    section.refresh_from_db()
    return section


def drop():
    section = SectionPage.objects.filter(slug=SLUG).first()
    if section is not None:
        print(f"deleting the bench section and {section.numchild} articles…")
        section.delete()


def measure(label, fn, runs):
    for _ in range(3):
        fn()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    print(f"| {label} | {p50:.0f} | {p95:.0f} |", flush=True)
    return p50, p95


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--drop", action="store_true")
    args = parser.parse_args()
    if args.drop:
        drop()
        return
    print(f"database: {connection.vendor}; seeding up to {args.articles} articles…", flush=True)
    seed(args.articles)
    total = ArticlePage.objects.live().count()
    client = Client()
    print(f"\n{total} live articles; {args.runs} runs each after 3 warm-up runs; milliseconds\n")
    print("| query | p50 | p95 |")
    print("|---|---|---|")
    with translation.override("vi"):
        for q in [RARE, "pu luong", "Đảng", "dang", "xây dựng Đảng", "chuyen doi so"]:
            hits = len(engine.search(q).hits)
            measure(f"page `{q}` ({hits} candidates)", lambda q=q: client.get("/search/", {"q": q}), args.runs)
        measure("engine only `Đảng`", lambda: engine.search("Đảng"), args.runs)
        measure("suggestions `xay d`", lambda: client.get("/search/suggest/", {"q": "xay d"}), args.runs)


if __name__ == "__main__":
    main()
