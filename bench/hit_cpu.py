"""CPU per page-cache hit, in one process: calls the WSGI application (as
gunicorn does) with a prepared environ, after one miss has stored the page.

    DATABASE_URL=... REDIS_URL=... .venv/bin/python bench/hit_cpu.py [path ...]

Prints microseconds of CPU per hit (process time, so other load on the
machine barely moves it). Uses the production settings as bench/pages.py does."""

import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_HSTS_SECONDS", "0")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("OTP_REQUIRED", "false")


def environ_for(path):
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": None,
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def main():
    from config.wsgi import application

    paths = sys.argv[1:] or ["/"]
    status = {}

    def start_response(line, headers):
        status["line"], status["headers"] = line, dict(headers)

    for path in paths:
        warm = environ_for(path)
        warm["wsgi.input"] = io.BytesIO()
        b"".join(application(warm, start_response))
        rounds = 3000
        started_cpu, started = time.process_time(), time.perf_counter()
        for _ in range(rounds):
            b"".join(application(environ_for(path), start_response))
        cpu = (time.process_time() - started_cpu) / rounds * 1e6
        wall = (time.perf_counter() - started) / rounds * 1e6
        state = status["headers"].get("X-Page-Cache")
        print(f"{path}: {status['line']} {state}  cpu {cpu:.0f} µs/hit  wall {wall:.0f} µs/hit")


if __name__ == "__main__":
    main()
