"""Backups (#10). The wipe-and-restore test itself is the last test of
tests/test_security_failures.py: it replaces the whole database, so it runs
after every other transactional test.

: ``make backup`` then a wiped database and media folder, then
``make restore``: every page, revision, question, comment and media file is
back (media compared by checksum). A damaged backup is refused untouched."""

import hashlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
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
