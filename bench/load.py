"""Load test (#10): gunicorn + PostgreSQL + Redis on loopback.

    createdb -h 127.0.0.1 -U postgres portal_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench REDIS_URL=redis://127.0.0.1:6379/8 \\
        .venv/bin/python bench/load.py [--readers 64] [--seconds 60] [--submissions 50]

It migrates and loads the demo into that database if needed, collects static
files, starts gunicorn with the production settings (bench/settings_load.py),
then: READERS threads fetch pages (home, sections, articles from the sitemap,
search, Q&A) for SECONDS, counting every response that is not 200; then
SUBMISSIONS readers (each its own address) send a question at the same moment
and the script checks that exactly that many were stored. The questions it
made are deleted at the end. Exit status 1 on any error.
"""

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = "[bench-load]"


def log(message):
    print(message, flush=True)


class Browser:
    """One reader: a keep-alive connection, cookies, the proxy's headers."""

    def __init__(self, port, address, timeout=60):
        self.port, self.address, self.cookies, self.timeout = port, address, {}, timeout
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def request(self, method, path, body=None):
        headers = {
            "Host": f"127.0.0.1:{self.port}",
            "X-Forwarded-Proto": "https",
            "X-Real-IP": self.address,
            "Referer": f"https://127.0.0.1:{self.port}{path}",
            "Origin": f"https://127.0.0.1:{self.port}",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            body = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # gunicorn closed an idle keep-alive connection: reconnect once.
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
                if attempt == 2:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";")[0]
        return response.status, data.decode("utf-8", "replace")


def manage(*args, env):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def start_gunicorn(env, port, workers):
    process = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "config.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", "8",
            "--worker-class", "gthread", "--keep-alive", "5", "--log-level", "warning",
        ],
        cwd=ROOT, env=env,
    )  # fmt: skip
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/robots.txt")
            return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("gunicorn did not start")


def reader_urls(port):
    browser = Browser(port, "10.0.0.1", timeout=300)
    status, sitemap = browser.request("GET", "/sitemap.xml")
    assert status == 200, status
    paths = [urllib.parse.urlparse(u).path for u in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    paths += ["/", "/search/?q=%C4%91%E1%BA%A3ng", "/search/?q=ngh%E1%BB%8B+quy%E1%BA%BFt&page=2", "/rss/"]
    log(f"Warming up: every address once ({len(paths)}) …")
    for path in paths:
        browser.request("GET", path)
    return paths


def readers(port, paths, count, seconds):
    stop = time.monotonic() + seconds
    latencies, errors, lock = [], [], threading.Lock()

    def run(index):
        browser = Browser(port, f"10.1.{index // 250}.{index % 250 + 1}")
        mine, n = [], index
        while time.monotonic() < stop:
            path = paths[n % len(paths)]
            n += 7
            started = time.perf_counter()
            try:
                status, _ = browser.request("GET", path)
            except Exception as error:  # a refused or broken connection is an error too
                status = repr(error)
            mine.append(time.perf_counter() - started)
            if status != 200:
                with lock:
                    errors.append((path, status))
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for second in range(int(seconds)):
        time.sleep(1)
        if second % 10 == 9:
            log(f"  … {second + 1} s")
    for thread in threads:
        thread.join()
    return latencies, errors


def submissions(port, ask_path, count):
    browsers = [Browser(port, f"10.2.{i // 250}.{i % 250 + 1}") for i in range(count)]
    forms = []
    for browser in browsers:
        status, html = browser.request("GET", ask_path)
        assert status == 200, status
        fields = dict(re.findall(r'name="(csrfmiddlewaretoken|started)" value="([^"]+)"', html))
        tokens_url = re.search(r'data-tokens-url="([^"]+)"', html)
        if tokens_url:  # the shared page has no token: fetch them as qa/form-tokens.js does
            status, answer = browser.request("GET", tokens_url.group(1))
            assert status == 200, status
            tokens = json.loads(answer)
            fields = {"csrfmiddlewaretoken": tokens["csrf"], "started": tokens["started"]}
        forms.append(fields)
    time.sleep(3.5)  # the anti-spam minimum time to fill in the form
    results, barrier = [None] * count, threading.Barrier(count)

    def send(i):
        data = {
            **forms[i],
            "name": f"Người thử tải {i}",
            "email": f"tai{i}@bench.invalid",
            "locality": "Phòng thử",
            "topic": "other",
            "title": f"{MARK} Câu hỏi thử tải số {i}",
            "body": "Nội dung câu hỏi gửi đồng thời để kiểm tra không mất, không trùng.",
            "consent": "on",
            "website": "",
        }
        barrier.wait()
        results[i] = browsers[i].request("POST", ask_path, data)[0]

    threads = [threading.Thread(target=send, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--readers", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--submissions", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres") or not os.environ.get("REDIS_URL"):
        raise SystemExit("Set DATABASE_URL (PostgreSQL) and REDIS_URL: this measures the production stack.")

    static_root = tempfile.mkdtemp(prefix="portal-bench-static-")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings_load", "STATIC_ROOT": static_root}
    env["PYTHONPATH"] = str(ROOT)
    log("Preparing: migrate, demo content, collectstatic …")
    manage("migrate", "--noinput", "-v", "0", env=env)
    manage("load_demo", env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"})
    manage("collectstatic", "--noinput", "-v", "0", env=env)

    sys.path.insert(0, str(ROOT))
    os.environ.update({k: env[k] for k in ("DJANGO_SETTINGS_MODULE", "STATIC_ROOT")})
    import django

    django.setup()
    from django.core.cache import cache

    from qa.models import Question
    from tests.qa_support import qa_page

    cache.clear()  # fresh rate-limit windows
    Question.objects.filter(title__startswith=MARK).delete()
    page = qa_page()
    ask_path = urllib.parse.urlparse(page.url).path + page.reverse_subpage("ask")

    server = start_gunicorn(env, args.port, args.workers)
    try:
        paths = reader_urls(args.port)
        log(f"{args.readers} readers for {args.seconds:.0f} s over {len(paths)} addresses …")
        latencies, errors = readers(args.port, paths, args.readers, args.seconds)
        latencies.sort()
        total = len(latencies)
        log(
            f"Readers: {total} responses, {total / args.seconds:.0f} per second, errors {len(errors)}; "
            f"median {statistics.median(latencies) * 1000:.0f} ms, "
            f"p95 {latencies[int(total * 0.95)] * 1000:.0f} ms, p99 {latencies[int(total * 0.99)] * 1000:.0f} ms"
        )
        for path, status in errors[:10]:
            log(f"  error: {status} {path}")

        log(f"{args.submissions} question submissions at the same moment …")
        before = Question.objects.filter(title__startswith=MARK).count()
        statuses = submissions(args.port, ask_path, args.submissions)
        stored = Question.objects.filter(title__startswith=MARK).count() - before
        codes = Question.objects.filter(title__startswith=MARK).values_list("code", flat=True)
        log(
            f"Submissions: {statuses.count(302)} redirected to the receipt, {stored} stored, "
            f"{len(set(codes))} distinct tracking codes (others: {[s for s in statuses if s != 302][:5]})"
        )
        ok = not errors and stored == args.submissions == statuses.count(302) == len(set(codes))
    finally:
        server.terminate()
        server.wait(timeout=30)
        Question.objects.filter(title__startswith=MARK).delete()
    log("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
