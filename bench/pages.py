"""Page speed (#13): gunicorn (production settings, 2 sync workers) with
PostgreSQL and Redis on loopback, measured with wrk, beside nginx serving the
same HTML from a file (the ceiling) and nginx as a micro-caching reverse proxy
in front of gunicorn (the production stack the README documents).

    make bench                       # the full run (about 12 minutes)
    make bench BENCH_ARGS=--quick    # 3-second runs, no 100,000-article database

Environment: DATABASE_URL (PostgreSQL, the "small" database), REDIS_URL, and
BENCH_LARGE_DATABASE_URL (the same portal with --large-articles articles, for
the flat-cost comparison; left out with --no-flat). Each database is migrated,
gets the demo content if it has none, and is topped up with
``manage.py seed_bulk --articles N`` when that command exists (otherwise the
demo content alone is measured and the results say so).

Steps: for each page type (home, section, article, photo report, topic, Q&A,
search) ``wrk -t2 -c16 -d20s`` uncached (the request carries a session cookie,
which the page cache and the proxy cache both pass by) and cached (no cookie,
after a warm-up); the article at one connection (``wrk -t1 -c1``) for its p50;
nginx serving the article and home HTML from files; nginx micro-caching in
front of gunicorn; the workers' resident memory after 10,000 and 20,000 more
requests; home, section, deep section page and article on the large database;
query counts of each page on both. Writes bench/results/<UTC time>.{md,json}
and bench/results/latest.{md,json}. Exit status 1 if a page answers with
anything but 200 during the warm-up.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
# Requests that carry a session cookie pass by the page cache and the proxy
# cache: they measure the page as rendered by Django every time.
BYPASS_COOKIE = "sessionid=bench-uncached"
PAGE_TYPES = ["home", "section", "article", "photo_report", "topic", "qa", "search"]
FLAT_PAGES = ["home", "section", "article", "section_deep"]
SEARCH_QUERY = "/search/?q=ngh%E1%BB%8B+quy%E1%BA%BFt"  # "nghị quyết"


def log(message):
    print(message, flush=True)


# --- the Django side (run in a child process with the bench environment) ------


def django_setup():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def discover():
    """The address of one page of each type, as JSON on stdout."""
    django_setup()
    from django.db.models import Count

    from news.models import ArticlePage, PhotoReportPage, SectionPage, TopicPage
    from qa.models import QAIndexPage

    sections = (
        SectionPage.objects.live()
        .public()
        .exact_type(SectionPage)
        .filter(locale__language_code="vi")
        .annotate(n=Count("id"))
    )
    bench = sections.filter(title__startswith="[bench]").first()
    section = bench or max(sections, key=lambda s: ArticlePage.objects.listing().descendant_of(s).count())
    # The article measured is a demo article (the same in every database), the
    # one with the longest body: the heaviest ordinary page.
    demo_articles = ArticlePage.objects.live().public().filter(locale__language_code="vi")
    if bench:
        demo_articles = demo_articles.not_descendant_of(bench)
    article = max(demo_articles.order_by("path")[:200], key=lambda a: len(a.body.raw_data))
    photo = PhotoReportPage.objects.live().public().filter(locale__language_code="vi").order_by("path").first()
    topic = (
        TopicPage.objects.live()
        .public()
        .filter(locale__language_code="vi")
        .annotate(n=Count("articles"))
        .order_by("-n", "path")
        .first()
    )
    qa = QAIndexPage.objects.live().public().filter(locale__language_code="vi").first()
    listed = ArticlePage.objects.listing().descendant_of(section).count()
    per_page = section.specific.per_page
    deep = max(1, min(2000, listed // per_page))
    urls = {
        "home": "/",
        "section": section.url,
        "section_deep": f"{section.url}?page={deep}",
        "article": article.url,
        "photo_report": photo.url if photo else None,
        "topic": topic.url if topic else None,
        "qa": qa.url if qa else None,
        "search": SEARCH_QUERY,
    }
    print(
        json.dumps(
            {
                "urls": urls,
                "articles": ArticlePage.objects.count(),
                "section_articles": listed,
                "deep_page": deep,
            }
        )
    )


def count_queries(paths):
    """Queries each page costs on a second, uncached request, as JSON."""
    django_setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    client = Client(HTTP_HOST="127.0.0.1")
    for name, path in paths.items():
        client.get(path)  # warm: renditions, fragment caches
        client.cookies["sessionid"] = BYPASS_COOKIE.split("=", 1)[1]
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        client.cookies.clear()
        counts[name] = len(queries) if response.status_code == 200 else f"HTTP {response.status_code}"
    print(json.dumps(counts))


# --- the outside: processes and wrk ----------------------------------------------


def bench_env(database_url):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        # Loopback has no TLS: the production settings stay, two of them are
        # turned off from the environment as a deployment behind a proxy would.
        DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or "bench-only-" + "x" * 50,
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_HSTS_SECONDS="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        OTP_REQUIRED="false",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env, *args, check=True, quiet=False):
    out = subprocess.DEVNULL if quiet else None
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=check, stdout=out)


def child_json(env, *args):
    output = subprocess.run(
        [sys.executable, __file__, *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def flush_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


def prepare(env, articles):
    """Migrate, demo content, seed up to ``articles``; returns a note."""
    manage(env, "compile_translations", quiet=True)
    manage(env, "migrate", "--noinput", quiet=True)
    has_demo = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", "from home.models import HomePage as H; print(H.objects.count())"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if has_demo in ("", "0"):
        log("Loading the demo content …")
        manage(env, "load_demo", quiet=True)
    has_seed = manage(env, "help", "seed_bulk", check=False, quiet=True).returncode == 0
    if has_seed and articles:
        log(f"Seeding up to {articles} articles …")
        manage(env, "seed_bulk", "--articles", str(articles))
        return f"seed_bulk --articles {articles}"
    return "demo content only (seed_bulk not available)"


def start_gunicorn(env, port, workers=2):
    process = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "config.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--worker-class", "sync",
            "--log-level", "warning", "--timeout", "120",
        ],
        cwd=ROOT, env=env,
    )  # fmt: skip
    wait_for(port, process)
    return process


def wait_for(port, process=None, path="/robots.txt"):
    for _ in range(200):
        if process is not None and process.poll() is not None:
            raise SystemExit(f"the server on port {port} exited")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2).read()
            return
        except (OSError, urllib.error.URLError):
            time.sleep(0.3)
    raise SystemExit(f"nothing answers on port {port}")


def stop(process):
    if process and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()


def fetch(port, path, cookie=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def warm_up(port, urls, rounds=3):
    bad = []
    for name, path in urls.items():
        for _ in range(rounds):
            for cookie in (None, BYPASS_COOKIE):
                status, _, _ = fetch(port, path, cookie)
                if status != 200:
                    bad.append(f"{name} {path}: HTTP {status}")
    return sorted(set(bad))


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def to_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse_wrk(output):
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50_ms": None,
        "p99_ms": None,
        "socket_errors": 0,
        "non_2xx": 0,
    }
    for pct, key in (("50", "p50_ms"), ("99", "p99_ms")):
        match = re.search(rf"^\s+{pct}(?:\.000)?%\s+(\S+)", output, re.M)
        if match:
            result[key] = round(to_ms(match.group(1)), 2)
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if match:
        # gunicorn's sync workers close every connection after the response;
        # wrk counts a close it noticed while reading as a "read" error, which
        # is not a failed request. Connect and timeout errors are.
        result["read_closes"] = int(match.group(2))
        result["socket_errors"] = int(match.group(1)) + int(match.group(3)) + int(match.group(4))
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if match:
        result["non_2xx"] = int(match.group(1))
    result["errors"] = result["socket_errors"] + result["non_2xx"]
    return result


def workers_cpu_ms(master_pid):
    """CPU time (user + system) the gunicorn workers have used so far, in ms."""
    total = 0
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    for pid in children:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total * 1000 / os.sysconf("SC_CLK_TCK")


def wrk(port, path, seconds, threads=2, connections=16, cookie=None, script=None, cpu_of=None):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    if script:
        command += ["-s", script]
    command.append(f"http://127.0.0.1:{port}{path}")
    cpu_before = workers_cpu_ms(cpu_of) if cpu_of else None
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = parse_wrk(output)
    result["command"] = " ".join(command[:-1] + [path])
    result["cpu_ms_per_request"] = None
    if cpu_of and result["requests"]:
        # The workers' own CPU per response: unlike requests/s, it hardly
        # depends on what else the machine is doing.
        result["cpu_ms_per_request"] = round((workers_cpu_ms(cpu_of) - cpu_before) / result["requests"], 2)
    log(
        f"  {path[:60]:60} {'uncached' if cookie else 'cached':8} c{connections}: "
        f"{result['rps']:9.1f} req/s  p50 {result['p50_ms']} ms  p99 {result['p99_ms']} ms  errors {result['errors']}"
        f"  cpu/req {result['cpu_ms_per_request']} ms"
    )
    return result


def worker_rss_kb(master_pid):
    """Resident memory of each gunicorn worker (children of the master), kB."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    rss = {}
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        rss[int(pid)] = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))
    return rss


def load_average():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


NGINX_BASE = """
{user}
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    default_type text/html;
    keepalive_requests 100000;
{body}
}}
"""

NGINX_STATIC = """
    server {{
        listen 127.0.0.1:{port};
        root {tmp}/html;
        location / {{ try_files $uri =404; }}
    }}
"""


def nginx_proxy_block(port, upstream_port, cache_dir):
    """The micro-cache in front of the application: the same two files as
    deploy/nginx/portal.conf includes, with the cache in the temporary directory."""
    http = (ROOT / "deploy" / "nginx" / "microcache-http.conf").read_text()
    location = (ROOT / "deploy" / "nginx" / "microcache-location.conf").read_text()
    return (
        http.replace("/var/cache/nginx/portal", str(cache_dir))
        + f"""
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://127.0.0.1:{upstream_port};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
{location}
        }}
    }}
"""
    )


def start_nginx(tmp, body):
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi", "html", "cache"):
        (tmp / sub).mkdir(exist_ok=True)
    conf = tmp / "nginx.conf"
    # Run as root, nginx's workers would become "nobody", who cannot read a
    # private temporary directory: keep them as the user running the bench.
    user = "user root;" if os.geteuid() == 0 else ""
    conf.write_text(NGINX_BASE.format(user=user, tmp=tmp, body=body))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    return subprocess.Popen([nginx, "-p", str(tmp), "-c", str(conf), "-g", "daemon off;"])


# --- the run -----------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=20, help="length of each wrk run")
    parser.add_argument("--quick", action="store_true", help="3-second runs, a short memory check, no large database")
    parser.add_argument("--articles", type=int, default=1000, help="articles in the small database")
    parser.add_argument("--large-articles", type=int, default=100000)
    parser.add_argument("--no-flat", action="store_true", help="skip the large database")
    parser.add_argument("--memory-requests", type=int, default=10000, help="uncached requests per memory step")
    parser.add_argument("--memory-seconds", type=int, default=240, help="at most this long per memory step")
    parser.add_argument("--port", type=int, default=8061, help="gunicorn; nginx uses the next two")
    parser.add_argument("--discover", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--count-queries", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.discover:
        return discover()
    if args.count_queries:
        return count_queries(json.loads(args.count_queries))
    if args.quick:
        args.seconds, args.memory_requests, args.memory_seconds, args.no_flat = 3, 2000, 20, True

    missing = [tool for tool in ("wrk", "nginx") if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists())]
    if missing:
        raise SystemExit(f"missing: {', '.join(missing)} (Debian: apt-get install wrk nginx-light)")
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    large_url = os.environ.get("BENCH_LARGE_DATABASE_URL", "")
    if not database_url.startswith("postgres") or not redis_url:
        raise SystemExit("set DATABASE_URL (PostgreSQL) and REDIS_URL")
    if not args.no_flat and not large_url.startswith("postgres"):
        raise SystemExit("set BENCH_LARGE_DATABASE_URL (PostgreSQL), or pass --no-flat")

    started = datetime.datetime.now(datetime.UTC)
    report = {
        "started": started.isoformat(timespec="seconds"),
        "load_average_start": load_average(),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
        "cpus": os.cpu_count(),
        "seconds": args.seconds,
        "wrk": subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[0],
        "setup": "gunicorn, 2 sync workers, config.settings.production, PostgreSQL + Redis on loopback",
        "pages": {},
        "ceiling": {},
        "flat": {},
        "queries": {},
    }
    env = bench_env(database_url)
    report["seed_small"] = prepare(env, args.articles)
    manage(env, "collectstatic", "--noinput", quiet=True)
    flush_redis(redis_url)
    info = child_json(env, "--discover")
    urls = {k: v for k, v in info["urls"].items() if v}
    report["urls"] = urls
    report["articles_small"] = info["articles"]
    log(f"{info['articles']} articles; pages: {json.dumps(urls, ensure_ascii=False)}")

    port = args.port
    gunicorn = start_gunicorn(env, port)
    tmp = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    nginx = None
    try:
        bad = warm_up(port, urls)
        if bad:
            log("Pages that do not answer 200: " + "; ".join(bad))
            report["warm_up_errors"] = bad
        rss_start = worker_rss_kb(gunicorn.pid)
        served = 0
        log(f"wrk -t2 -c16 -d{args.seconds}s per page type, uncached then cached:")
        for name in PAGE_TYPES:
            if name not in urls:
                continue
            uncached = wrk(port, urls[name], args.seconds, cookie=BYPASS_COOKIE, cpu_of=gunicorn.pid)
            cached = wrk(port, urls[name], args.seconds, cpu_of=gunicorn.pid)
            status, body, headers = fetch(port, urls[name])
            cache_header = next((f"{k}: {v}" for k, v in headers.items() if k.lower().endswith("cache")), "")
            report["pages"][name] = {
                "path": urls[name],
                "uncached": uncached,
                "cached": cached,
                "bytes": len(body),
                "cache_header": cache_header,
            }
            served += uncached["requests"] + cached["requests"]
        log("The article at one connection:")
        report["article_c1"] = wrk(
            port, urls["article"], args.seconds, threads=1, connections=1, cookie=BYPASS_COOKIE, cpu_of=gunicorn.pid
        )
        served += report["article_c1"]["requests"]

        # nginx: the same HTML from a file (ceiling), and the micro-cache in front of gunicorn.
        (tmp / "html").mkdir()
        for name in ("home", "article"):
            (tmp / "html" / f"{name}.html").write_bytes(fetch(port, urls[name])[1])
        body = NGINX_STATIC.format(port=port + 1, tmp=tmp) + nginx_proxy_block(port + 2, port, tmp / "cache")
        nginx = start_nginx(tmp, body)
        wait_for(port + 1, nginx, "/home.html")
        log("nginx: the same HTML from a file, then as a micro-caching proxy in front of gunicorn:")
        for name in ("home", "article"):
            static = wrk(port + 1, f"/{name}.html", args.seconds)
            proxied = wrk(port + 2, urls[name], args.seconds)
            report["ceiling"][name] = {"nginx_file": static, "nginx_microcache": proxied}
            # Through the micro-cache about one request a second reaches gunicorn: not counted.

        # Memory: the workers after the runs above, then after N more mixed uncached requests, twice.
        log("Worker memory:")
        script = tmp / "mixed.lua"
        paths = [urls[n] for n in PAGE_TYPES if n in urls]
        script.write_text(
            "local paths = {" + ", ".join(json.dumps(p) for p in paths) + "}\n"
            "local i = 0\n"
            "request = function()\n  i = i + 1\n"
            '  return wrk.format("GET", paths[(i % #paths) + 1])\nend\n'
        )
        memory = [{"after_requests": 0, "rss_kb": rss_start}]
        memory.append({"after_requests": served, "rss_kb": worker_rss_kb(gunicorn.pid)})
        for _ in range(2):
            done, deadline = 0, time.monotonic() + args.memory_seconds
            while done < args.memory_requests and time.monotonic() < deadline:
                done += wrk(port, "/", 5, cookie=BYPASS_COOKIE, script=str(script))["requests"]
            served += done
            memory.append({"after_requests": served, "rss_kb": worker_rss_kb(gunicorn.pid)})
        report["memory"] = memory
        report["queries"]["small"] = child_json(env, "--count-queries", json.dumps(urls))
    finally:
        stop(nginx)
        stop(gunicorn)

    report["flat"]["small"] = {}
    if not args.no_flat:
        # Flat cost: the same pages at the small and at the large size.
        large_env = bench_env(large_url)
        report["seed_large"] = prepare(large_env, args.large_articles)
        flush_redis(redis_url)
        large = child_json(large_env, "--discover")
        large_urls = {k: v for k, v in large["urls"].items() if v}
        report["articles_large"] = large["articles"]
        report["urls_large"] = large_urls
        log(f"{large['articles']} articles; deep page {large_urls['section_deep']}")
        gunicorn = start_gunicorn(large_env, port)
        try:
            warm_up(port, {k: large_urls[k] for k in FLAT_PAGES}, rounds=2)
            report["flat"]["large"] = {
                n: wrk(port, large_urls[n], args.seconds, cookie=BYPASS_COOKIE, cpu_of=gunicorn.pid) for n in FLAT_PAGES
            }
            report["queries"]["large"] = child_json(large_env, "--count-queries", json.dumps(large_urls))
        finally:
            stop(gunicorn)
    # The small database's figures for the same pages come from the runs above,
    # except the deep page, measured here.
    flush_redis(redis_url)
    gunicorn = start_gunicorn(env, port)
    try:
        warm_up(port, {"section_deep": urls["section_deep"]}, rounds=2)
        report["flat"]["small"]["section_deep"] = wrk(
            port, urls["section_deep"], args.seconds, cookie=BYPASS_COOKIE, cpu_of=gunicorn.pid
        )
    finally:
        stop(gunicorn)
    for name in ("home", "section", "article"):
        report["flat"]["small"][name] = report["pages"][name]["uncached"]

    report["load_average_end"] = load_average()
    report["finished"] = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    write(report, started)
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if report.get("warm_up_errors") else 0


def fmt(value, digits=1):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}"


def row(label, result):
    cpu = result.get("cpu_ms_per_request")
    return (
        f"| {label} | {fmt(result['rps'])} | {fmt(result['p50_ms'])} | {fmt(result['p99_ms'])} | "
        f"{result['errors']} | {fmt(cpu)} | {fmt(2000 / cpu, 0) if cpu else '–'} |"
    )


def markdown(report):
    lines = [
        f"Run {report['started']} (commit {report['commit']}), {report['cpus']} CPUs shared with other work; "
        f"load average {report['load_average_start']} at the start, {report['load_average_end']} at the end. "
        f"{report['setup']}; `{report['wrk']}`, {report['seconds']} s per run. "
        f"Small database: {report['articles_small']:,} articles ({report['seed_small']}).",
        "",
        "| page (wrk -t2 -c16) | req/s | p50 ms | p99 ms | errors | worker CPU ms/req | req/s on 2 idle cores (est.) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, page in report["pages"].items():
        lines.append(row(f"{name} `{page['path']}`, uncached", page["uncached"]))
        lines.append(row(f"{name}, cached", page["cached"]))
    lines.append(row("article, uncached, **1 connection** (wrk -t1 -c1)", report["article_c1"]))
    for name, ceiling in report["ceiling"].items():
        lines.append(row(f"{name}: nginx serving the same HTML from a file (ceiling)", ceiling["nginx_file"]))
        lines.append(row(f"{name}: nginx micro-cache in front of gunicorn", ceiling["nginx_microcache"]))
    lines += ["", "Cached pages as a share of nginx serving the file:", ""]
    for name, ceiling in report["ceiling"].items():
        file_rps = ceiling["nginx_file"]["rps"] or 1
        app = report["pages"][name]["cached"]["rps"]
        lines.append(
            f"- {name}: application cache {app / file_rps:.1%}, nginx micro-cache "
            f"{ceiling['nginx_microcache']['rps'] / file_rps:.1%}"
        )
    if report["flat"].get("large"):
        lines += [
            "",
            f"Flat cost, uncached (wrk -t2 -c16): {report['articles_small']:,} against "
            f"{report['articles_large']:,} articles ({report['seed_large']}).",
            "",
            "| page | req/s small | req/s large | change | p50 ms small | p50 ms large "
            "| CPU ms/req small | CPU ms/req large | CPU change |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for name in FLAT_PAGES:
            small, large = report["flat"]["small"][name], report["flat"]["large"][name]
            change = (large["rps"] - small["rps"]) / small["rps"] if small["rps"] else 0
            cpu_small, cpu_large = small.get("cpu_ms_per_request"), large.get("cpu_ms_per_request")
            cpu_change = f"{(cpu_large - cpu_small) / cpu_small:+.0%}" if cpu_small and cpu_large else "–"
            label = name
            if name == "section_deep":
                label = f"section, `{report['urls']['section_deep']}` / `{report['urls_large']['section_deep']}`"
            lines.append(
                f"| {label} | {fmt(small['rps'])} | {fmt(large['rps'])} | {change:+.0%} | "
                f"{fmt(small['p50_ms'])} | {fmt(large['p50_ms'])} | "
                f"{fmt(small.get('cpu_ms_per_request'))} | {fmt(large.get('cpu_ms_per_request'))} | {cpu_change} |"
            )
    lines += ["", "Queries per page (a second, uncached request; Django test client):", ""]
    sizes = list(report["queries"])
    lines.append("| page | " + " | ".join(sizes) + " |")
    lines.append("|---|" + "---:|" * len(sizes))
    for name in report["queries"]["small"]:
        lines.append(f"| {name} | " + " | ".join(str(report["queries"][s].get(name, "–")) for s in sizes) + " |")
    lines += ["", "Resident memory of the two gunicorn workers:", ""]
    for point in report["memory"]:
        rss = ", ".join(f"{kb / 1024:.1f} MB" for kb in point["rss_kb"].values())
        lines.append(f"- after {point['after_requests']:,} requests: {rss}")
    if report.get("warm_up_errors"):
        lines += ["", "Pages that did not answer 200: " + "; ".join(report["warm_up_errors"])]
    return "\n".join(lines) + "\n"


def write(report, started):
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    text = markdown(report)
    data = json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n"
    for name in (stamp, "latest"):
        (RESULTS / f"{name}.md").write_text(text)
        (RESULTS / f"{name}.json").write_text(data)
    log("\n" + text)
    log(f"Written to bench/results/{stamp}.md and latest.md")


if __name__ == "__main__":
    sys.exit(main())
