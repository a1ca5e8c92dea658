"""Exact totals under load: 8 threads × 500 hits, on real connections (Redis
and the database), give exactly the expected visits and views once flushed,
including hits that arrive while a flush is running. These tests commit, so
they run last."""

import threading
import time

import pytest
from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from stats.counting import GUEST, record_hit
from stats.flush import flush
from stats.models import ArticleDailyViews, ArticleViewTotal, DailyVisits
from tests.stats_support import database_path, redis_path  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS, HITS = 8, 500
# Page ids no real page has: the counters do not depend on the page existing.
PAGE_IDS = [990_001, 990_002, 990_003, 990_004, 990_005]


def run_threads(work, while_running=None, hits=HITS):
    barrier = threading.Barrier(THREADS + (1 if while_running else 0))
    errors, done = [], threading.Event()

    def runner(number):
        try:
            barrier.wait(timeout=60)
            for i in range(hits):
                work(number, i)
        except Exception as exc:
            errors.append((number, repr(exc)))
        finally:
            connection.close()

    def background():
        try:
            barrier.wait(timeout=60)
            while not done.is_set():
                while_running()
                time.sleep(0.05)
        except Exception as exc:
            errors.append(("flusher", repr(exc)))
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(n,)) for n in range(THREADS)]
    extra = threading.Thread(target=background) if while_running else None
    for thread in threads + ([extra] if extra else []):
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    done.set()
    if extra:
        extra.join(timeout=60)
    assert not errors, errors


def totals():
    today = timezone.localdate()
    day = DailyVisits.objects.filter(date=today).first()
    views = ArticleDailyViews.objects.filter(page_id__in=PAGE_IDS, date=today).aggregate(n=Sum("views"))["n"] or 0
    total = ArticleViewTotal.objects.filter(page_id__in=PAGE_IDS).aggregate(n=Sum("views"))["n"] or 0
    return (day.guests if day else 0), views, total


def new_reader_hit(number, i):
    # Each hit is a new reader opening one of five articles: one visit and one view each.
    record_hit(f"thread{number}-reader{i}", GUEST, PAGE_IDS[i % len(PAGE_IDS)])


def test_eight_threads_of_500_hits_give_exact_totals_with_redis_even_while_flushing(demo_content, request):
    redis = request.getfixturevalue("redis_path")
    flush()
    before = totals()
    run_threads(new_reader_hit, while_running=flush)
    flush()
    after = totals()
    assert after[0] - before[0] == THREADS * HITS
    assert after[1] - before[1] == THREADS * HITS
    assert after[2] - before[2] == THREADS * HITS
    assert not list(redis.scan_iter(match=f"{redis_path_prefix()}flushing:*")), "no batch left behind"
    assert_one_reader_is_one_visit_and_one_view()


def redis_path_prefix():
    from django.conf import settings

    return settings.STATS_REDIS_PREFIX


@pytest.mark.usefixtures("database_path")
def test_eight_threads_of_500_hits_give_exact_totals_in_the_database(demo_content):
    before = totals()
    run_threads(new_reader_hit)
    flush()
    after = totals()
    assert after[0] - before[0] == THREADS * HITS
    assert after[1] - before[1] == THREADS * HITS
    assert after[2] - before[2] == THREADS * HITS
    assert_one_reader_is_one_visit_and_one_view()


def assert_one_reader_is_one_visit_and_one_view():
    """The same reader from eight threads at once: one visit, one view."""
    before = totals()
    run_threads(lambda number, i: record_hit("the-same-reader", GUEST, PAGE_IDS[0]), hits=50)
    flush()
    after = totals()
    assert (after[0] - before[0], after[1] - before[1], after[2] - before[2]) == (1, 1, 1)
