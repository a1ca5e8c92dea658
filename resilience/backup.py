"""Backups of the database and the media files (``make backup`` / ``make
restore``). One backup is a folder:

- ``database.dump`` (PostgreSQL, ``pg_dump --format=custom``) or
  ``database.sqlite3`` (SQLite, the online backup API: a consistent copy
  while the site runs);
- ``media.tar.gz``, every uploaded file;
- ``SHA256SUMS``: the checksum of both archives and of every media file, in
  ``sha256sum`` format, checked before and after a restore;
- ``manifest.json``: when, which database engine, and how many pages,
  revisions, questions and comments it holds.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

CHUNK = 1024 * 1024


class BackupError(Exception):
    pass


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def media_files(root):
    root = Path(root)
    if not root.exists():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file())


def counts():
    from wagtail.models import Page, Revision

    from qa.models import Comment, Feedback, Question

    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "questions": Question.objects.count(),
        "comments": Comment.objects.count(),
        "feedback": Feedback.objects.count(),
    }


def _pg_env_and_args():
    params = connection.settings_dict
    env = {**os.environ}
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = params["PASSWORD"]
    args = ["-h", params.get("HOST") or "127.0.0.1", "-p", str(params.get("PORT") or 5432)]
    if params.get("USER"):
        args += ["-U", params["USER"]]
    return env, args, params["NAME"]


def backup(target=None, log=print):
    target = Path(target or Path(settings.BACKUP_DIR) / datetime.now().strftime("%Y%m%d-%H%M%S"))
    target.mkdir(parents=True, exist_ok=False)
    sums = []
    log(f"Backup to {target}")
    if connection.vendor == "postgresql":
        env, args, name = _pg_env_and_args()
        db_file = target / "database.dump"
        log("  database: pg_dump …")
        subprocess.run(
            ["pg_dump", *args, "--format=custom", "--no-owner", "-f", str(db_file), name], env=env, check=True
        )
    elif connection.vendor == "sqlite":
        db_file = target / "database.sqlite3"
        log("  database: SQLite online backup …")
        connection.ensure_connection()
        with sqlite3.connect(db_file) as destination:
            connection.connection.backup(destination)
        destination.close()
    else:
        raise BackupError(f"no backup method for {connection.vendor}")
    sums.append((sha256(db_file), db_file.name))

    media_root = Path(settings.MEDIA_ROOT)
    files = media_files(media_root)
    log(f"  media: {len(files)} files …")
    tar_file = target / "media.tar.gz"
    with tarfile.open(tar_file, "w:gz") as archive:
        for path in files:
            relative = path.relative_to(media_root).as_posix()
            archive.add(path, arcname=relative)
            sums.append((sha256(path), f"media/{relative}"))
    sums.insert(1, (sha256(tar_file), tar_file.name))
    (target / "SHA256SUMS").write_text("".join(f"{digest}  {name}\n" for digest, name in sums))
    manifest = {"created": datetime.now().isoformat(), "engine": connection.vendor, "counts": counts()}
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    log(f"  done: {manifest['counts']}")
    return target


def read_sums(source):
    sums = {}
    for line in (Path(source) / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        sums[name] = digest
    return sums


def latest(directory=None):
    directory = Path(directory or settings.BACKUP_DIR)
    candidates = sorted(p for p in directory.glob("*") if (p / "SHA256SUMS").exists())
    if not candidates:
        raise BackupError(f"no backup in {directory}")
    return candidates[-1]


def restore(source=None, log=print):
    source = Path(source) if source else latest()
    sums = read_sums(source)
    log(f"Restore from {source}")
    for name in [n for n in sums if not n.startswith("media/")]:
        if sha256(source / name) != sums[name]:
            raise BackupError(f"{name}: checksum does not match, backup damaged; nothing restored")

    if connection.vendor == "postgresql":
        env, args, name = _pg_env_and_args()
        log("  database: pg_restore --clean …")
        connection.close()
        subprocess.run(
            [
                "pg_restore",
                *args,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                "-d",
                name,
                str(source / "database.dump"),
            ],
            env=env,
            check=True,
        )
    elif connection.vendor == "sqlite":
        log("  database: SQLite online restore …")
        connection.ensure_connection()
        with sqlite3.connect(source / "database.sqlite3") as origin:
            origin.backup(connection.connection)
        origin.close()
        connection.close()
    else:
        raise BackupError(f"no restore method for {connection.vendor}")

    media_root = Path(settings.MEDIA_ROOT)
    log("  media: replacing every file …")
    media_root.mkdir(parents=True, exist_ok=True)
    for child in media_root.iterdir():
        shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    with tarfile.open(source / "media.tar.gz", "r:gz") as archive:
        archive.extractall(media_root, filter="data")
    bad = [
        name
        for name, digest in sums.items()
        if name.startswith("media/") and sha256(media_root / name.removeprefix("media/")) != digest
    ]
    if bad:
        raise BackupError(f"{len(bad)} media files differ after restore: {bad[:5]}")
    log(f"  done: {counts()}")
    return source
