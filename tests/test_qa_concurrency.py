"""Many readers at once: every submission is stored once, tracking codes stay
unique, and the database rate-limit counter loses no hit. Real threads on
real connections, so these tests commit (and run last)."""

import threading

import pytest
from django.db import connection
from django.test import Client, override_settings

from qa.models import Counter, Question
from tests.qa_support import ask_url, question_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 20


def run_at_once(work):
    barrier = threading.Barrier(THREADS)
    results, errors = [None] * THREADS, []

    def runner(i):
        try:
            barrier.wait(timeout=30)
            results[i] = work(i)
        except Exception as exc:  # reported below, with the thread's number
            errors.append((i, repr(exc)))
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


@override_settings(QA_RATE_LIMITS={"question": (1000, 3600)})
def test_twenty_parallel_submissions_store_exactly_twenty_with_unique_codes(demo_content):
    url = ask_url()
    before = Question.objects.count()

    def submit(i):
        return Client().post(url, question_data(title=f"Câu hỏi gửi cùng lúc số {i:02d}")).status_code

    assert run_at_once(submit) == [302] * THREADS
    assert Question.objects.count() == before + THREADS
    codes = list(Question.objects.filter(title__startswith="Câu hỏi gửi cùng lúc").values_list("code", flat=True))
    assert len(codes) == THREADS and len(set(codes)) == THREADS
    numbers = sorted(int(code.rsplit("-", 1)[1]) for code in codes)
    assert numbers == list(range(numbers[0], numbers[0] + THREADS)), "no gaps, no duplicates"


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}})
def test_database_counter_loses_no_hit_under_concurrency():
    values = run_at_once(lambda i: Counter.increment("qa-rl:test:parallel"))
    assert sorted(values) == list(range(1, THREADS + 1))
    assert Counter.objects.get(key="qa-rl:test:parallel").value == THREADS
