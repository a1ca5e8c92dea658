"""Search latency with many articles (the database backend; PostgreSQL is the
target).

    createdb portal_search_bench
    export DATABASE_URL=postgres://…/portal_search_bench
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo
    .venv/bin/python bench/search.py --articles 10000
    .venv/bin/python bench/search.py --articles 100000

Tops up the "[bench]" section with generated Vietnamese articles
(``manage.py seed_bulk``, with progress; kept between runs), then measures the
whole results page (``/search/?q=``, through Django's test client, no network)
and the engine alone (``search.engine.search``), for a rare term ("Pù Luông",
one article in a thousand) and very common ones ("Đảng" is in most articles).
``--drop`` deletes the bench section. Use a database of its own, not the
test database.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import translation  # noqa: E402

from news.management.commands.seed_bulk import RARE  # noqa: E402
from news.models import ArticlePage  # noqa: E402
from search import engine  # noqa: E402

QUERIES = [
    (RARE, "rare, with marks"),
    ("pu luong", "rare, without marks"),
    ("Đảng", "very common"),
    ("dang", "very common, without marks (Đảng, đang)"),
    ("xây dựng Đảng", "common phrase"),
    ("chuyen doi so", "common phrase, without marks"),
]


def measure(fn, runs):
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
    return p50, p95


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--drop", action="store_true")
    args = parser.parse_args()
    if args.drop:
        call_command("seed_bulk", drop=True)
        return
    print(f"database: {connection.vendor}; topping up to {args.articles} bench articles…", flush=True)
    call_command("seed_bulk", articles=args.articles)
    total = ArticlePage.objects.live().count()
    client = Client()
    print(f"\n{total} live articles; {args.runs} runs each after 3 warm-up runs; milliseconds")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    print("| query | matches | page p50 | page p95 | engine p50 | engine p95 |")
    print("|---|---|---|---|---|---|")
    with translation.override("vi"):
        for q, label in QUERIES:
            results = engine.search(q)
            matches = f"{len(results.hits)}{'+' if results.capped else ''}"
            page = measure(lambda q=q: client.get("/search/", {"q": q}), args.runs)
            alone = measure(lambda q=q: engine.search(q), args.runs)
            print(f"| `{q}` ({label}) | {matches} | {page[0]:.0f} | {page[1]:.0f} | {alone[0]:.0f} | {alone[1]:.0f} |")
        sugg = measure(lambda: client.get("/search/suggest/", {"q": "xay d"}), args.runs)
        print(f"| suggestions `xay d` | | {sugg[0]:.0f} | {sugg[1]:.0f} | | |")
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
