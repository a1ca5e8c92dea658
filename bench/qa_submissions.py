"""How long reader submissions take, end to end through Django (no network).

    .venv/bin/python bench/qa_submissions.py            # the demo database (make demo first)
    DATABASE_URL=postgres://… .venv/bin/python bench/qa_submissions.py

Measures: one question submission (validation, tracking number, insert), 20
submissions at once from 20 threads, and an article page with 100 approved
comments. Everything it creates is deleted at the end.
"""

import os
import statistics
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

from news.models import ArticlePage  # noqa: E402
from qa.antispam import make_token  # noqa: E402
from qa.models import Comment, QAIndexPage, Question  # noqa: E402

MARK = "[bench]"


def question(i):
    return {
        "name": "Người đo",
        "email": "do@bench.invalid",
        "locality": "Phòng thử",
        "topic": "other",
        "title": f"{MARK} Câu hỏi đo thời gian số {i}",
        "body": "Nội dung câu hỏi dùng để đo thời gian gửi, đủ dài để hợp lệ.",
        "consent": "on",
        "website": "",
        "started": make_token("question", issued_at=time.time() - 60),
    }


def ms(seconds):
    return f"{seconds * 1000:.0f} ms"


def main():
    page = QAIndexPage.objects.live().first()
    if page is None:
        sys.exit("No Hỏi - Đáp page: run `make demo` first.")
    url = page.url + page.reverse_subpage("ask")
    client = Client()
    timings = []
    quiet_mail = "django.core.mail.backends.locmem.EmailBackend"
    with override_settings(QA_RATE_LIMITS={"question": (10_000, 3600)}, EMAIL_BACKEND=quiet_mail):
        for i in range(30):
            start = time.perf_counter()
            assert client.post(url, question(i)).status_code == 302
            timings.append(time.perf_counter() - start)
        print(f"one question submission: median {ms(statistics.median(timings))}, max {ms(max(timings))} (30 runs)")

        barrier = threading.Barrier(20)
        codes = []

        def submit(i):
            barrier.wait()
            codes.append(Client().post(url, question(100 + i)).status_code)
            connection.close()

        start = time.perf_counter()
        threads = [threading.Thread(target=submit, args=(i,)) for i in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(f"20 submissions at once: {ms(time.perf_counter() - start)} wall time, statuses {sorted(set(codes))}")

    article = ArticlePage.objects.live().first()
    Comment.objects.bulk_create(
        Comment(article=article, name=f"{MARK} {i}", email="do@bench.invalid", body="Ý kiến đo.", status="approved")
        for i in range(100)
    )
    client.get(article.url)
    timings = []
    for _ in range(20):
        start = time.perf_counter()
        client.get(article.url)
        timings.append(time.perf_counter() - start)
    print(f"article page with 100 comments: median {ms(statistics.median(timings))} (20 runs)")

    Question.objects.filter(title__startswith=MARK).delete()
    Comment.objects.filter(name__startswith=MARK).delete()


if __name__ == "__main__":
    main()
