"""How many beacon hits per second one process counts, through Django's
request handling (no network), on the Redis path and on the database path.

    .venv/bin/python bench/stats_beacon.py                       # database path (the demo database)
    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/stats_beacon.py   # both paths
    DATABASE_URL=postgres://… REDIS_URL=… .venv/bin/python bench/stats_beacon.py

Each hit is a new reader opening an article (a visit and a view, the most
writes a hit can cause), first from one thread, then from 8 threads at once.
It counts against a page id no article has, under its own Redis prefix, and
puts today's visit row back as it was, so the demo's figures do not move.
"""

import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from stats.counting import sign_article  # noqa: E402
from stats.flush import flush  # noqa: E402
from stats.models import ArticleDailyViews, ArticleViewTotal, DailyVisits  # noqa: E402

HITS = int(os.environ.get("BENCH_HITS", "1500"))
THREADS = 8
PAGE_ID = 999_999_001
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"


def one_hit(signed):
    response = Client(HTTP_USER_AGENT=BROWSER).post("/stats/hit/", {"a": signed})
    assert response.status_code == 204, response.status_code


def sequential(signed):
    start = time.perf_counter()
    for _ in range(HITS):
        one_hit(signed)
    return HITS / (time.perf_counter() - start)


def parallel(signed):
    per_thread = HITS // THREADS

    def work():
        try:
            for _ in range(per_thread):
                one_hit(signed)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return per_thread * THREADS / (time.perf_counter() - start)


def measure(label, redis_url):
    with override_settings(STATS_REDIS_URL=redis_url, STATS_REDIS_PREFIX="bench-stats:"):
        signed = sign_article(PAGE_ID)
        ArticleDailyViews.objects.filter(page_id=PAGE_ID).delete()
        ArticleViewTotal.objects.filter(page_id=PAGE_ID).delete()
        print(f"{label}: {HITS} hits, one thread…", flush=True)
        one = sequential(signed)
        print(f"{label}: {HITS} hits, {THREADS} threads…", flush=True)
        many = parallel(signed)
        start = time.perf_counter()
        flush()
        flushed = time.perf_counter() - start
        views = ArticleViewTotal.objects.filter(page_id=PAGE_ID).values_list("views", flat=True).first() or 0
    return one, many, flushed, views


def main():
    today = timezone.localdate()
    saved = DailyVisits.objects.filter(date=today).values("guests", "members", "bots").first()
    engine = connection.vendor
    results = []
    try:
        results.append(("database (" + engine + ")",) + measure(f"database ({engine})", ""))
        redis_url = os.environ.get("REDIS_URL", "")
        if redis_url:
            results.append(("Redis + flush to " + engine,) + measure("Redis", redis_url))
    finally:
        ArticleDailyViews.objects.filter(page_id=PAGE_ID).delete()
        ArticleViewTotal.objects.filter(page_id=PAGE_ID).delete()
        if saved:
            DailyVisits.objects.filter(date=today).update(**saved)
        else:
            DailyVisits.objects.filter(date=today).delete()
    print()
    print("| path | hits/s, 1 thread | hits/s, 8 threads | flush | views counted |")
    print("|---|---|---|---|---|")
    for label, one, many, flushed, views in results:
        expected = HITS + HITS // THREADS * THREADS
        print(f"| {label} | {one:.0f} | {many:.0f} | {flushed * 1000:.0f} ms | {views} of {expected} |")


if __name__ == "__main__":
    main()
