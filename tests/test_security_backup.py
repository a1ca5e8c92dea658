"""Backups (#10): ``make backup`` then a wiped database and media folder, then
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


@pytest.mark.django_db(transaction=True)
def test_backup_wipe_restore_brings_back_every_page_revision_question_comment_and_file(demo_content, tmp_path):
    extra = Path(settings.MEDIA_ROOT) / "documents" / "bien-ban-hop.txt"
    extra.parent.mkdir(parents=True, exist_ok=True)
    extra.write_text("Biên bản họp Ban Biên tập — bản lưu.\n", encoding="utf-8")
    before, files = _snapshot(), _media_checksums()
    assert before["pages"] and before["revisions"] and before["questions"] and before["comments"]
    assert len(files) >= 1

    target = tmp_path / "backup"
    call_command("backup", to=str(target), stdout=open("/dev/null", "w"))
    assert {"SHA256SUMS", "manifest.json", "media.tar.gz"} <= {p.name for p in target.iterdir()}

    # Disaster: the database is emptied and the media folder lost.
    call_command("flush", interactive=False, verbosity=0)
    for path in sorted(Path(settings.MEDIA_ROOT).rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    assert not Question.objects.exists() and not _media_checksums()

    call_command("restore", source=str(target), yes=True, stdout=open("/dev/null", "w"))
    assert _snapshot() == before
    assert _media_checksums() == files


@pytest.mark.django_db(transaction=True)
def test_a_damaged_backup_is_refused_and_nothing_is_touched(demo_content, tmp_path):
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
