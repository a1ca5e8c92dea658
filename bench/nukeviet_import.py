"""How long a NukeViet import takes: a generated NukeViet 4 database of N
articles is loaded into a scratch MariaDB database, imported, then imported
again (nothing changed, so everything is "unchanged").

    .venv/bin/python bench/nukeviet_import.py [--articles 500] [--comments 1000]
    DATABASE_URL=postgres://…/portal_bench .venv/bin/python bench/nukeviet_import.py

It writes into the database DATABASE_URL names (default: the demo's SQLite
file; run `make demo` or `manage.py migrate && manage.py load_demo` first), so
point it at a scratch copy. The MariaDB database it creates is dropped at the
end. MariaDB at 127.0.0.1:3306, root, no password.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pymysql

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--comments", type=int, default=1000)
    options = parser.parse_args()

    name = f"nv_bench_{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as tmp:
        sql = Path(tmp) / "nukeviet.sql"
        subprocess.run(
            [sys.executable, str(FIXTURES / "make_nukeviet_fixture.py"), "--articles", str(options.articles),
             "--comments", str(options.comments), "--out", str(sql)],
            check=True,
        )  # fmt: skip
        connection = pymysql.connect(host="127.0.0.1", user="root", password="", charset="utf8mb4", autocommit=True)
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
            cursor.execute(f"USE `{name}`")
            for line in sql.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("--"):
                    cursor.execute(line)
    command = [
        sys.executable, str(ROOT / "manage.py"), "import_nukeviet", "--db", f"mysql://root@127.0.0.1:3306/{name}",
        "--uploads", str(FIXTURES / "nukeviet_uploads"),
    ]  # fmt: skip
    env = dict(os.environ, DJANGO_SETTINGS_MODULE=os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings.dev"))
    try:
        for label in ("first import", "second import (nothing changed)"):
            started = time.monotonic()
            result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            elapsed = time.monotonic() - started
            summary = [line for line in result.stdout.splitlines() if line.startswith(("bài viết", "ý kiến", "ảnh"))]
            print(f"{label}: {elapsed:.1f} s wall, {options.articles / elapsed:.1f} articles/s")
            for line in summary:
                print(f"   {line}")
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
        connection.close()


if __name__ == "__main__":
    main()
