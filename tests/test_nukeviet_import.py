"""Importing a NukeViet 4 portal: a real MariaDB loaded from our fixture
(tests/fixtures/nukeviet4.sql, written by make_nukeviet_fixture.py), imported
once for the module into the test database, then checked the way an editor
and a reader would notice: counts, statuses, old links, pictures, comments,
view counts, and a second run that changes nothing.

MariaDB at 127.0.0.1:3306 (root, no password) is needed; without it these
tests are skipped with the reason, unless REQUIRE_MARIADB=1 (as in .ci/run),
where they fail."""

import io
import os
import uuid
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pymysql
import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from wagtail.models import Locale, Page, Site

from news.models import ArticlePage, SectionPage
from nukeviet.models import ImportedViewCount, LegacyId
from qa.models import Comment

FIXTURES = Path(__file__).resolve().parent / "fixtures"
UPLOADS = FIXTURES / "nukeviet_uploads"
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _mariadb():
    return pymysql.connect(
        host="127.0.0.1", port=3306, user="root", password="", charset="utf8mb4", connect_timeout=3, autocommit=True
    )


@pytest.fixture(scope="module")
def nukeviet_db():
    """A throw-away MariaDB database holding the fixture, dropped afterwards."""
    try:
        connection = _mariadb()
    except pymysql.MySQLError as error:
        reason = f"MariaDB is not reachable at 127.0.0.1:3306 ({error})"
        if os.environ.get("REQUIRE_MARIADB") == "1":
            pytest.fail(f"{reason}, and REQUIRE_MARIADB=1")
        pytest.skip(f"{reason}; set REQUIRE_MARIADB=1 to fail instead")
    name = f"nv_test_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        cursor.execute(f"USE `{name}`")
        for line in (FIXTURES / "nukeviet4.sql").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("--"):
                cursor.execute(line)
    try:
        yield {"url": f"mysql://root@127.0.0.1:3306/{name}", "connection": connection}
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
        connection.close()


def source(nukeviet_db, sql, args=None):
    with nukeviet_db["connection"].cursor(pymysql.cursors.DictCursor) as cursor:
        cursor.execute(sql, args)
        return list(cursor.fetchall())


def run_import(nukeviet_db, *args, **options):
    out = io.StringIO()
    call_command("import_nukeviet", *args, db=nukeviet_db["url"], uploads=str(UPLOADS), stdout=out, **options)
    return out.getvalue()


def summary_row(output, label):
    """The numbers of one line of the summary table: imported, updated,
    unchanged, skipped, failed."""
    for line in output.splitlines():
        if line.startswith(label) and line[len(label) :].strip()[:1].isdigit():
            return [int(n) for n in line[len(label) :].split()]
    raise AssertionError(f"no summary line for {label!r} in:\n{output}")


@pytest.fixture(scope="module")
def first_run(django_db_setup, django_db_blocker, nukeviet_db):
    """One import for the whole module, inside a transaction rolled back at
    the end, so the rest of the suite sees the demo portal as it was."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        articles_before = ArticlePage.objects.count()
        output = run_import(nukeviet_db)
    yield {"output": output, "articles_before": articles_before}
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def imported(first_run, db):
    return first_run


def page_for(legacy_id, lang="vi"):
    entry = LegacyId.objects.get(kind=LegacyId.Kind.ARTICLE, lang=lang, legacy_id=str(legacy_id))
    return ArticlePage.objects.get(pk=entry.object_id)


def local(unix_seconds):
    return datetime.fromtimestamp(unix_seconds, tz=TZ)


def test_counts_match_the_fixture_and_bad_rows_are_reported(imported, nukeviet_db):
    output = imported["output"]
    rows = source(nukeviet_db, "SELECT COUNT(*) AS n FROM nv4_vi_news_rows")[0]["n"]
    # Two bad rows (a category that does not exist, an empty title) fail; the rest arrive.
    assert summary_row(output, "bài viết") == [rows - 2, 0, 0, 0, 2]
    assert "bài viết 79: failed: chuyên mục 999 không có" in output
    assert "bài viết 80: failed: bài không có tiêu đề" in output
    assert ArticlePage.objects.count() == imported["articles_before"] + rows - 2
    assert LegacyId.objects.filter(kind=LegacyId.Kind.ARTICLE).count() == rows - 2
    # The missing picture is reported and skipped; the article still came.
    assert "news/2020_06/khong-co-anh.jpg: skipped: không tìm thấy tệp (bài 7)" in output
    assert page_for(7).live
    comments = source(nukeviet_db, "SELECT COUNT(*) AS n FROM nv4_vi_comment")[0]["n"]
    assert summary_row(output, "ý kiến") == [comments - 1, 0, 0, 0, 1]
    assert "ý kiến 200: failed: bài 9999 chưa được nhập" in output
    # Progress while running.
    assert "→ 80 bài viết" in output and "25/80 bài viết" in output


def test_category_tree_is_kept_and_existing_sections_are_reused(imported, nukeviet_db):
    home = Site.objects.get(is_default_site=True).root_page
    assert SectionPage.objects.child_of(home).filter(slug="thoi-su").count() == 1
    villages = SectionPage.objects.get(slug="tin-xa-phuong")
    districts = villages.get_parent()
    assert (districts.slug, districts.get_parent().slug) == ("tin-cac-huyen", "thoi-su")
    assert villages.live
    hidden = SectionPage.objects.get(slug="luu-tru-cu")
    assert not hidden.live
    in_villages = source(nukeviet_db, "SELECT id FROM nv4_vi_news_rows WHERE catid = 5 AND status = 1 LIMIT 1")
    assert page_for(in_villages[0]["id"]).get_parent().specific == villages


def test_statuses_map_to_the_newsroom(imported, nukeviet_db):
    sql = "SELECT id, status, publtime, edittime, exptime FROM nv4_vi_news_rows"
    rows = {r["id"]: r for r in source(nukeviet_db, sql)}

    published = page_for(1)
    assert published.live and rows[1]["status"] == 1
    assert published.first_published_at == local(rows[1]["publtime"])
    assert published.display_date == local(rows[1]["publtime"])
    assert published.last_published_at == local(rows[1]["edittime"])

    scheduled = page_for(11)
    assert not scheduled.live
    assert scheduled.go_live_at == local(rows[11]["publtime"])
    assert scheduled.latest_revision.approved_go_live_at == local(rows[11]["publtime"])

    expired = page_for(12)
    assert not expired.live and expired.expired
    assert expired.expire_at == local(rows[12]["exptime"])

    for draft_id in (13, 15, 35):  # draft, stopped, review declined
        draft = page_for(draft_id)
        assert not draft.live and not draft.workflow_in_progress, draft_id

    for review_id in (14, 34):  # sent for review, sent to the publisher
        in_review = page_for(review_id)
        assert not in_review.live
        assert in_review.workflow_in_progress, review_id
        assert in_review.current_workflow_task.name == "Tổ Thư ký kiểm tra"

    statuses = dict(
        LegacyId.objects.filter(kind=LegacyId.Kind.ARTICLE, legacy_id__in=["13", "15", "35"]).values_list(
            "legacy_id", "legacy_status"
        )
    )
    assert statuses == {"13": 4, "15": 0, "35": 6}


def test_old_urls_redirect_permanently_to_the_new_pages(imported, client, nukeviet_db):
    row = source(
        nukeviet_db,
        "SELECT r.id, r.alias, c.alias AS cat FROM nv4_vi_news_rows r JOIN nv4_vi_news_cat c ON c.catid = r.catid "
        "WHERE r.id = 5",
    )[0]
    page = page_for(5)
    old = f"/news/{row['cat']}/{row['alias']}-{row['id']}.html"
    for prefix in ("", "/vi"):
        response = client.get(prefix + old)
        assert response.status_code == 301, prefix
        assert response["Location"] == page.url
    assert client.get(page.url).status_code == 200
    assert client.get("/news/thoi-su/").status_code == 301
    assert client.get("/news/thoi-su/")["Location"] == SectionPage.objects.get(slug="thoi-su").url
    # Unknown, unpublished and English (not imported) ids stay 404.
    assert client.get("/news/thoi-su/khong-co-12345.html").status_code == 404
    assert client.get(f"/news/{row['cat']}/ban-nhap-13.html").status_code == 404
    assert client.get("/en" + old).status_code == 404


def test_english_tables_import_under_the_english_home_and_redirect(imported, client, nukeviet_db):
    home = Site.objects.get(is_default_site=True).root_page.specific
    english = Locale.objects.get(language_code="en")
    if not Page.objects.filter(translation_key=home.translation_key, locale=english).exists():
        home.copy_for_translation(english).save_revision().publish()
    output = run_import(nukeviet_db, lang="en")
    assert summary_row(output, "bài viết") == [3, 0, 0, 0, 0]
    page = page_for(2, lang="en")
    assert page.locale.language_code == "en"
    response = client.get("/en/news/activities/provincial-delegation-visit-2-2.html")
    assert response.status_code == 301
    assert response["Location"] == page.url
    # The Vietnamese article with the same old id is another one.
    assert client.get("/vi/news/thoi-su/x-2.html")["Location"] == page_for(2).url != page.url


def test_images_and_captions_are_attached(imported):
    article = page_for(3)
    images = [block for block in article.body if block.block_type == "image"]
    assert len(images) == 1
    assert images[0].value["caption"].startswith("Quang cảnh hội nghị tại")
    assert images[0].value["credit"]  # "(Ảnh: …)" became the credit
    assert "Ảnh:" not in images[0].value["caption"]
    assert images[0].value["image"].file.name

    cover = page_for(1).cover_image
    assert cover is not None and cover.credit == "Minh Khôi"
    assert cover.default_caption.startswith("Toàn cảnh tại")
    # The image stored as a table with its caption (id 5: every fifth article).
    tabled = [b for b in page_for(5).body if b.block_type == "image"]
    assert tabled and "trao đổi kinh nghiệm" in tabled[0].value["caption"]
    # One library image per file, however many articles use it.
    assert LegacyId.objects.filter(kind=LegacyId.Kind.IMAGE).count() == 8


def test_unsafe_markup_is_removed_and_broken_html_survives(imported, client):
    unsafe = page_for(9)
    raw = str(unsafe.body.raw_data)
    for bad in ("<script", "onerror", "onclick", "javascript:", "alert(", "display:none"):
        assert bad not in raw, bad
    assert "bấm vào đây" in raw  # the link text stays, the link goes
    response = client.get(unsafe.url)
    assert response.status_code == 200
    assert b"alert(" not in response.content

    broken = page_for(8)
    text = str(broken.body.raw_data)
    assert "Đoạn cuối không đóng thẻ" in text
    assert "<b>Đậm chưa đóng <i>nghiêng chưa đóng</i></b>" in text
    assert client.get(broken.url).status_code == 200


def test_tables_become_table_blocks(imported):
    tables = [block for block in page_for(10).body if block.block_type == "table"]
    assert len(tables) == 1
    value = tables[0].value
    assert value["data"][:2] == [["Năm", "Đảng viên mới"], ["2019", "1.150"]]
    assert value["first_row_is_table_header"]


def test_view_counts_tags_topics_and_bylines_are_kept(imported, nukeviet_db):
    row = source(nukeviet_db, "SELECT hitstotal, author, topicid FROM nv4_vi_news_rows WHERE id = 3")[0]
    page = page_for(3)
    assert ImportedViewCount.objects.get(article=page).views == row["hitstotal"] > 0
    assert page.byline == row["author"]
    keywords = sorted(r["keyword"] for r in source(nukeviet_db, "SELECT keyword FROM nv4_vi_news_tags_id WHERE id=3"))
    assert sorted(page.tags.names()) == keywords and keywords
    topic = LegacyId.objects.get(kind=LegacyId.Kind.TOPIC, legacy_id=str(row["topicid"]))
    assert list(page.topics.values_list("pk", flat=True)) == [topic.object_id]


def test_comments_keep_their_moderation_state(imported, nukeviet_db):
    rows = source(nukeviet_db, "SELECT cid, status FROM nv4_vi_comment WHERE id <> 9999")
    by_cid = {int(e.legacy_id): e.object_id for e in LegacyId.objects.filter(kind=LegacyId.Kind.COMMENT, lang="vi")}
    comments = Comment.objects.in_bulk(by_cid.values())
    for row in rows:
        comment = comments[by_cid[row["cid"]]]
        expected = Comment.Status.APPROVED if row["status"] == 1 else Comment.Status.PENDING
        assert comment.status == expected, row["cid"]
    scripted = comments[by_cid[50]]
    assert "<script" not in scripted.body and "alert" not in scripted.body
    assert scripted.body.startswith("Ý kiến có thẻ lạ")
    assert comments[by_cid[3]].email == ""  # "khong-phai-email" is not an address


def test_second_run_changes_nothing(imported, nukeviet_db):
    pages, revisions = Page.objects.count(), page_for(1).revisions.count()
    output = run_import(nukeviet_db)
    rows = source(nukeviet_db, "SELECT COUNT(*) AS n FROM nv4_vi_news_rows")[0]["n"]
    assert summary_row(output, "bài viết") == [0, 0, rows - 2, 0, 2]
    assert summary_row(output, "ý kiến")[:2] == [0, 0]
    assert summary_row(output, "chuyên mục")[:2] == [0, 0]
    assert Page.objects.count() == pages
    assert page_for(1).revisions.count() == revisions


@pytest.fixture
def changed_row(nukeviet_db):
    """Row 2 retitled in the old database; put back afterwards."""
    title = source(nukeviet_db, "SELECT title FROM nv4_vi_news_rows WHERE id = 2")[0]["title"]
    source(nukeviet_db, "UPDATE nv4_vi_news_rows SET title = %s WHERE id = 2", ["Tiêu đề đã sửa trên cổng cũ"])
    yield
    source(nukeviet_db, "UPDATE nv4_vi_news_rows SET title = %s WHERE id = 2", [title])


def test_a_changed_row_is_updated_not_duplicated(imported, nukeviet_db, changed_row):
    count = ArticlePage.objects.count()
    output = run_import(nukeviet_db)
    assert summary_row(output, "bài viết")[:2] == [0, 1]
    assert page_for(2).title == "Tiêu đề đã sửa trên cổng cũ"
    assert page_for(2).live
    assert ArticlePage.objects.count() == count


def test_dry_run_writes_nothing(imported, nukeviet_db, changed_row):
    before = (ArticlePage.objects.count(), LegacyId.objects.count(), Comment.objects.count())
    old_title = page_for(2).title
    output = run_import(nukeviet_db, "--dry-run")
    assert summary_row(output, "bài viết")[:2] == [0, 1]
    assert "dry run: nothing was written" in output
    assert page_for(2).title == old_title
    assert (ArticlePage.objects.count(), LegacyId.objects.count(), Comment.objects.count()) == before


def test_since_reads_only_newer_rows(imported, nukeviet_db, changed_row):
    since = datetime(2019, 6, 1, tzinfo=TZ)
    expected = source(
        nukeviet_db,
        "SELECT COUNT(*) AS n FROM nv4_vi_news_rows WHERE GREATEST(addtime, edittime, publtime) >= %s",
        [int(since.timestamp())],
    )[0]["n"]
    output = run_import(nukeviet_db, since="2019-06-01")
    assert f"→ {expected} bài viết" in output
    assert 0 < expected < 78
    # Row 2 is from January 2019: left alone although it changed.
    assert page_for(2).title != "Tiêu đề đã sửa trên cổng cũ"


def test_bad_arguments_give_a_clear_message(db):
    with pytest.raises(CommandError, match="mysql://user:pass@host"):
        call_command("import_nukeviet", db="postgres://x/y", stdout=io.StringIO())
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("import_nukeviet", db="mysql://root@127.0.0.1/x", since="1/6/2019", stdout=io.StringIO())
