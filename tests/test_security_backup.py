"""Backups (#10).

``make backup``, then the disk is lost: the backup is restored onto a new,
empty database and an empty media folder, and every page, revision,
question, comment and media file is back (media compared by checksum); the
same database and folder emptied and restored again are whole again. The
restore runs as an operator would run it on the new machine (``manage.py
restore`` in its own process, DATABASE_URL and MEDIA_ROOT pointing there), so
the test database the other tests share is never replaced. A damaged backup is
refused untouched."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page, Revision

from qa.models import Comment, Question
from resilience.backup import BackupError, restore


def _media_checksums():
    root = Path(settings.MEDIA_ROOT)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def _snapshot():
    return {
        "pages": sorted(Page.objects.values_list("pk", "path", "title", "live")),
        "revisions": sorted(Revision.objects.values_list("pk", "object_id")),
        "questions": sorted(Question.objects.values_list("pk", "code", "title")),
        "comments": sorted(Comment.objects.values_list("pk", "body", "status")),
    }


class NewServer:
    """The portal on a new machine after the disk was lost: an empty database
    beside the test database and an empty media folder. ``manage()`` runs a
    management command there, in its own process, as an operator would."""

    def __init__(self, tmp_path):
        params = connection.settings_dict
        self.media = tmp_path / "new-media"
        self.media.mkdir()
        if connection.vendor == "postgresql":
            self.name = f"{params['NAME']}_restored"
            self.create()
            auth = params.get("USER") or ""
            if params.get("PASSWORD"):
                auth += f":{params['PASSWORD']}"
            host = f"{params.get('HOST') or '127.0.0.1'}:{params.get('PORT') or 5432}"
            url = f"postgres://{auth}@{host}/{self.name}"
        else:
            self.name = None
            url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
        env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "STATS_REDIS_URL", "ELASTICSEARCH_URL"}}
        self.env = {
            **env,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": url,
            "MEDIA_ROOT": str(self.media),
            "VAR_DIR": str(tmp_path / "new-var"),
        }

    def _execute(self, sql):
        with connection.creation._nodb_cursor() as cursor:
            cursor.execute(sql)

    def create(self):
        self._execute(f'DROP DATABASE IF EXISTS "{self.name}"')
        self._execute(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        if self.name:
            self._execute(f'DROP DATABASE IF EXISTS "{self.name}"')

    def manage(self, *args):
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def snapshot(self):
        code = "import json; from tests.test_security_backup import _snapshot; print(json.dumps(_snapshot()))"
        return json.loads(self.manage("shell", "-c", code).splitlines()[-1])

    def media_checksums(self, settings):
        settings.MEDIA_ROOT = self.media
        return _media_checksums()


@pytest.fixture
def new_server(tmp_path):
    server = NewServer(tmp_path)
    yield server
    server.drop()


@pytest.mark.django_db
def test_backup_then_restore_on_a_new_server_brings_back_every_page_revision_question_comment_and_file(
    new_server, tmp_path, settings
):
    extra = Path(settings.MEDIA_ROOT) / "documents" / "bien-ban-hop.txt"
    extra.parent.mkdir(parents=True, exist_ok=True)
    extra.write_text("Biên bản họp Ban Biên tập — bản lưu.\n", encoding="utf-8")
    # As JSON (lists, not tuples): the new server answers in JSON.
    before, files = json.loads(json.dumps(_snapshot())), _media_checksums()
    assert before["pages"] and before["revisions"] and before["questions"] and before["comments"]
    assert "documents/bien-ban-hop.txt" in files

    target = tmp_path / "backup"
    call_command("backup", to=str(target), stdout=open("/dev/null", "w"))
    extra.unlink()
    assert {"SHA256SUMS", "manifest.json", "media.tar.gz"} <= {p.name for p in target.iterdir()}

    # Disaster: the disk is lost. The new server has an empty database and a
    # media folder with a stray file that the restore must remove.
    stray = new_server.media / "documents" / "stray.txt"
    stray.parent.mkdir(parents=True)
    stray.write_text("not in the backup")

    new_server.manage("restore", "--from", str(target), "--yes")
    assert new_server.snapshot() == before
    assert new_server.media_checksums(settings) == files

    # The database is emptied (every table kept) and the media folder lost
    # again: restoring over them replaces what is there.
    new_server.manage("flush", "--no-input")
    shutil.rmtree(new_server.media)
    new_server.media.mkdir()
    new_server.manage("restore", "--from", str(target), "--yes")
    assert new_server.snapshot() == before
    assert new_server.media_checksums(settings) == files


@pytest.mark.django_db
def test_a_damaged_backup_is_refused_and_nothing_is_touched(tmp_path):
    target = tmp_path / "backup"
    call_command("backup", to=str(target), stdout=open("/dev/null", "w"))
    database = next(p for p in target.iterdir() if p.name.startswith("database."))
    data = bytearray(database.read_bytes())
    data[len(data) // 2] ^= 0xFF
    database.write_bytes(bytes(data))
    questions = Question.objects.count()
    with pytest.raises(BackupError, match="checksum"):
        restore(target, log=lambda *a: None)
    with pytest.raises(CommandError):
        call_command("restore", source=str(target), yes=True, stdout=open("/dev/null", "w"))
    assert Question.objects.count() == questions
