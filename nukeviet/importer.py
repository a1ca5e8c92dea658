"""Read a NukeViet 4 database and write sections, topics, articles, images and
comments here. ``manage.py import_nukeviet`` is the front door; the README's
"Import from NukeViet" section is the operator's guide.

Each object is imported in its own savepoint: a bad row is reported and
skipped, the run goes on. The legacy-id table remembers what every old id
became and a checksum of the old data, so a second run updates only what
changed and creates nothing twice.
"""

import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlparse
from zoneinfo import ZoneInfo

import pymysql
import pymysql.cursors
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from news.models import ArticlePage, SectionPage, TopicIndexPage, TopicPage
from qa.models import Comment

from .html import BodyConverter, plain_text, split_credit
from .models import ImportedViewCount, LegacyId

# Bump when the conversion changes, so the next run rewrites every article.
CONVERTER_VERSION = "1"
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# NukeViet 4 article status codes (nv4_<lang>_news_rows.status).
STOPPED, PUBLISHED, SCHEDULED, EXPIRED, DRAFT, IN_REVIEW, REVIEW_DECLINED, TO_PUBLISHER = 0, 1, 2, 3, 4, 5, 6, 8
REVIEW_STATUSES = {IN_REVIEW, TO_PUBLISHER}
KNOWN_STATUSES = {STOPPED, PUBLISHED, SCHEDULED, EXPIRED, DRAFT, IN_REVIEW, REVIEW_DECLINED, TO_PUBLISHER}

OUTCOMES = ("imported", "updated", "unchanged", "skipped", "failed")
KIND_LABELS = {
    LegacyId.Kind.CATEGORY: "chuyên mục",
    LegacyId.Kind.TOPIC: "chuyên đề",
    LegacyId.Kind.ARTICLE: "bài viết",
    LegacyId.Kind.IMAGE: "ảnh",
    LegacyId.Kind.COMMENT: "ý kiến",
}
UPLOADS_RE = re.compile(r"(?:^|/)uploads/(.+)$")


class ImportError_(Exception):
    """A row that cannot be imported; the message says why, for the report."""


class SourceError(Exception):
    """The NukeViet database cannot be read at all."""


def connect(url):
    """``mysql://user:pass@host:port/dbname`` → a PyMySQL connection."""
    parts = urlparse(url)
    if parts.scheme not in ("mysql", "mariadb") or not parts.path.strip("/"):
        raise SourceError(f"--db must look like mysql://user:pass@host:3306/dbname, not {url!r}")
    try:
        return pymysql.connect(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 3306,
            user=unquote(parts.username or "root"),
            password=unquote(parts.password or ""),
            database=unquote(parts.path.strip("/")),
            charset="utf8mb4",
            cursorclass=pymysql.cursors.DictCursor,
            connect_timeout=10,
        )
    except pymysql.MySQLError as error:
        raise SourceError(f"cannot connect to {parts.hostname}:{parts.port or 3306}: {error}") from error


def from_unix(seconds):
    """NukeViet keeps times as Unix seconds; 0 means "not set"."""
    try:
        seconds = int(seconds or 0)
    except (TypeError, ValueError):
        raise ImportError_(f"thời gian không hợp lệ: {seconds!r}") from None
    if seconds <= 0:
        return None
    return datetime.fromtimestamp(seconds, tz=LOCAL_TZ)


def make_slug(alias, fallback):
    text = unicodedata.normalize("NFC", alias or fallback or "").replace("đ", "d").replace("Đ", "D")
    return slugify(text)[:230] or "bai-viet"


def checksum(*parts):
    data = json.dumps([CONVERTER_VERSION, *parts], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


class Importer:
    def __init__(self, connection, *, prefix="nv4", lang="vi", uploads=None, since=None, dry_run=False, out=None):
        self.db = connection
        self.prefix = prefix
        self.lang = lang
        self.uploads = Path(uploads) if uploads else None
        self.since = since
        self.dry_run = dry_run
        self.out = out
        self.stats = defaultdict(Counter)
        self.problems = []  # (kind, legacy id, outcome, reason)
        self.sections = {}  # catid → SectionPage
        self.topics = {}  # topicid → TopicPage
        self.images = {}  # relative upload path → image id (None: reported missing)

    # --- reporting ------------------------------------------------------------

    def write(self, line):
        if self.out is not None:
            self.out.write(line)
            if hasattr(self.out, "flush"):
                self.out.flush()

    def count(self, kind, outcome, legacy_id=None, reason=None):
        self.stats[kind][outcome] += 1
        if reason:
            self.problems.append((kind, str(legacy_id), outcome, reason))
            self.write(f"   ! {KIND_LABELS[kind]} {legacy_id}: {outcome}: {reason}")

    def summary_lines(self):
        width = max(len(label) for label in KIND_LABELS.values())
        lines = [f"{'':{width}}  " + "  ".join(f"{o:>9}" for o in OUTCOMES)]
        for kind, label in KIND_LABELS.items():
            lines.append(f"{label:{width}}  " + "  ".join(f"{self.stats[kind][o]:>9}" for o in OUTCOMES))
        if self.problems:
            lines.append("")
            lines.append("Bỏ qua / lỗi:")
            lines += [f"  {KIND_LABELS[k]} {i}: {o}: {r}" for k, i, o, r in self.problems]
        return lines

    # --- source ---------------------------------------------------------------

    def table(self, name, per_language=True):
        table = f"{self.prefix}_{self.lang}_{name}" if per_language else f"{self.prefix}_{name}"
        if not re.fullmatch(r"[A-Za-z0-9_]+", table):
            raise SourceError(f"bad table name {table!r}")
        return f"`{table}`"

    def query(self, sql, args=None):
        try:
            with self.db.cursor() as cursor:
                cursor.execute(sql, args)
                return list(cursor.fetchall())
        except pymysql.MySQLError as error:
            raise SourceError(str(error)) from error

    # --- the run --------------------------------------------------------------

    def run(self):
        self.locale = Locale.objects.filter(language_code=self.lang).first()
        if self.locale is None:
            raise SourceError(f"no locale {self.lang!r} here: add it under Settings → Locales first")
        site_root = Site.objects.get(is_default_site=True).root_page
        self.home = Page.objects.filter(translation_key=site_root.translation_key, locale=self.locale).first()
        if self.home is None:
            raise SourceError(f"no home page in {self.lang!r}: translate the home page into that language first")
        self.home = self.home.specific
        with transaction.atomic():
            self.import_categories()
            self.import_topics()
            self.import_articles()
            self.import_comments()
            if self.dry_run:
                transaction.set_rollback(True)
        return self

    # --- categories → sections ------------------------------------------------

    def import_categories(self):
        rows = self.query(
            f"SELECT catid, parentid, title, alias, description, sort, status FROM {self.table('news_cat')} "
            "ORDER BY parentid, sort, catid"
        )
        self.write(f"→ {len(rows)} chuyên mục")
        by_id = {row["catid"]: row for row in rows}
        done = set()
        pending = list(rows)
        while pending:
            progressed = False
            for row in list(pending):
                parent_id = row["parentid"] or 0
                if parent_id and parent_id not in done:
                    if parent_id in by_id:
                        continue
                    pending.remove(row)
                    progressed = True
                    self.count(LegacyId.Kind.CATEGORY, "failed", row["catid"], f"chuyên mục cha {parent_id} không có")
                    continue
                pending.remove(row)
                progressed = True
                self.guarded(LegacyId.Kind.CATEGORY, row["catid"], self.import_category, row)
                if row["catid"] in self.sections:
                    done.add(row["catid"])
            if not progressed:  # a loop in parentid
                for row in pending:
                    self.count(LegacyId.Kind.CATEGORY, "failed", row["catid"], "vòng lặp chuyên mục cha")
                break

    def guarded(self, kind, legacy_id, function, *args):
        """Run one object's import in a savepoint; report, never abort."""
        try:
            with transaction.atomic():
                outcome = function(*args)
        except ImportError_ as error:
            self.count(kind, "failed", legacy_id, str(error))
            return None
        except Exception as error:  # noqa: BLE001 (a bad row must not stop the run)
            self.count(kind, "failed", legacy_id, f"{type(error).__name__}: {error}")
            return None
        self.count(kind, outcome)
        return outcome

    def legacy(self, kind, legacy_id):
        return LegacyId.objects.filter(kind=kind, lang=self.lang, legacy_id=str(legacy_id)).first()

    def remember(self, entry, kind, legacy_id, obj, digest, status=None, alias=""):
        if entry is None:
            entry = LegacyId(kind=kind, lang=self.lang, legacy_id=str(legacy_id))
        entry.object_id = obj.pk
        entry.checksum = digest
        entry.legacy_status = status
        entry.legacy_alias = alias or ""
        entry.save()

    def import_category(self, row):
        parent = self.sections.get(row["parentid"]) if row["parentid"] else self.home
        digest = checksum(row)
        entry = self.legacy(LegacyId.Kind.CATEGORY, row["catid"])
        section = SectionPage.objects.filter(pk=entry.object_id).first() if entry else None
        title = plain_text(row["title"])[:255]
        if not title:
            raise ImportError_("chuyên mục không có tên")
        if section is not None:
            self.sections[row["catid"]] = section
            if entry.checksum == digest:
                return "unchanged"
            section.title = title
            section.intro = plain_text(row["description"])[:1000]
            section.save_revision().publish()
            self.remember(entry, LegacyId.Kind.CATEGORY, row["catid"], section, digest, row["status"], row["alias"])
            return "updated"
        slug = make_slug(row["alias"], title)
        section = SectionPage.objects.child_of(parent).filter(slug=slug).first()
        outcome = "updated"  # an existing section of the same address is adopted, not duplicated
        if section is None:
            outcome = "imported"
            section = SectionPage(
                title=title, slug=slug, intro=plain_text(row["description"])[:1000], show_in_menus=not row["parentid"]
            )
            section.live = False
            parent.add_child(instance=section)
            revision = section.save_revision()
            if row["status"]:
                revision.publish()
        self.sections[row["catid"]] = section
        self.remember(entry, LegacyId.Kind.CATEGORY, row["catid"], section, digest, row["status"], row["alias"])
        return outcome

    # --- topics ---------------------------------------------------------------

    def import_topics(self):
        rows = self.query(
            f"SELECT topicid, title, alias, description FROM {self.table('news_topics')} ORDER BY topicid"
        )
        self.write(f"→ {len(rows)} chuyên đề")
        if not rows:
            return
        index = TopicIndexPage.objects.child_of(self.home).first()
        if index is None:
            index = TopicIndexPage(title="Chuyên đề", slug="chuyen-de", live=False)
            self.home.add_child(instance=index)
            index.save_revision().publish()
        self.topic_index = index
        for row in rows:
            self.guarded(LegacyId.Kind.TOPIC, row["topicid"], self.import_topic, row)

    def import_topic(self, row):
        digest = checksum(row)
        entry = self.legacy(LegacyId.Kind.TOPIC, row["topicid"])
        topic = TopicPage.objects.filter(pk=entry.object_id).first() if entry else None
        title = plain_text(row["title"])[:255]
        if not title:
            raise ImportError_("chuyên đề không có tên")
        if topic is not None:
            self.topics[row["topicid"]] = topic
            if entry.checksum == digest:
                return "unchanged"
            topic.title = title
            topic.intro = plain_text(row["description"])[:1000]
            topic.save_revision().publish()
            outcome = "updated"
        else:
            slug = make_slug(row["alias"], title)
            topic = TopicPage.objects.child_of(self.topic_index).filter(slug=slug).first()
            outcome = "updated"
            if topic is None:
                outcome = "imported"
                topic = TopicPage(title=title, slug=slug, intro=plain_text(row["description"])[:1000], live=False)
                self.topic_index.add_child(instance=topic)
                topic.save_revision().publish()
        self.topics[row["topicid"]] = topic
        self.remember(entry, LegacyId.Kind.TOPIC, row["topicid"], topic, digest, alias=row["alias"])
        return outcome

    # --- images ---------------------------------------------------------------

    def upload_path(self, src):
        """An old image address → its path under the uploads folder, or None
        for a picture hosted elsewhere."""
        src = (src or "").strip()
        if not src:
            return None
        path = unquote(urlparse(src).path)
        match = UPLOADS_RE.search(path)
        if match:
            return match.group(1).lstrip("/")
        return None

    def image_for(self, relative, title, caption="", credit="", article_id=None):
        """The library image for an uploaded file, created once per file."""
        if relative in self.images:
            return self.images[relative]
        entry = self.legacy(LegacyId.Kind.IMAGE, relative)
        Image = get_image_model()
        if entry is not None and Image.objects.filter(pk=entry.object_id).exists():
            self.images[relative] = entry.object_id
            self.count(LegacyId.Kind.IMAGE, "unchanged")
            return entry.object_id
        where = f"(bài {article_id})" if article_id else ""
        if self.uploads is None:
            self.images[relative] = None
            self.count(LegacyId.Kind.IMAGE, "skipped", relative, f"không có --uploads {where}".strip())
            return None
        path = (self.uploads / relative).resolve()
        if self.uploads.resolve() not in path.parents or not path.is_file():
            self.images[relative] = None
            self.count(LegacyId.Kind.IMAGE, "skipped", relative, f"không tìm thấy tệp {where}".strip())
            return None
        if self.dry_run:
            self.images[relative] = None
            self.count(LegacyId.Kind.IMAGE, "imported")
            return None
        try:
            with transaction.atomic(), path.open("rb") as handle:
                image = Image(
                    title=(title or path.stem)[:255],
                    default_caption=(caption or "")[:500],
                    credit=(credit or "")[:255],
                )
                image.file = File(handle, name=path.name)
                image._set_image_file_metadata()
                image.save()
                self.remember(entry, LegacyId.Kind.IMAGE, relative, image, "")
        except Exception as error:  # noqa: BLE001 (an unreadable picture is reported, the article still comes)
            self.images[relative] = None
            self.count(LegacyId.Kind.IMAGE, "failed", relative, f"{type(error).__name__}: {error}")
            return None
        self.images[relative] = image.pk
        self.count(LegacyId.Kind.IMAGE, "imported")
        return image.pk

    # --- articles -------------------------------------------------------------

    def import_articles(self):
        where, args = "", []
        if self.since:
            where, args = "WHERE GREATEST(r.addtime, r.edittime, r.publtime) >= %s", [int(self.since.timestamp())]
        rows = self.query(
            f"SELECT r.id, r.catid, r.listcatid, r.topicid, r.author, r.sourceid, r.addtime, r.edittime, "
            f"r.publtime, r.exptime, r.status, r.title, r.alias, r.hometext, r.homeimgfile, r.homeimgalt, "
            f"r.homeimgthumb, r.inhome, r.allowed_comm, r.hitstotal, r.hitscm, "
            f"d.titlesite, d.description, d.bodyhtml, d.keywords, d.sourcetext "
            f"FROM {self.table('news_rows')} r LEFT JOIN {self.table('news_detail')} d ON d.id = r.id "
            f"{where} ORDER BY r.id",
            args,
        )
        tags = defaultdict(list)
        for tag in self.query(f"SELECT id, keyword FROM {self.table('news_tags_id')} ORDER BY id, keyword"):
            tags[tag["id"]].append(tag["keyword"])
        total = len(rows)
        self.write(f"→ {total} bài viết")
        for number, row in enumerate(rows, 1):
            self.guarded(LegacyId.Kind.ARTICLE, row["id"], self.import_article, row, tags.get(row["id"], []))
            if number % 25 == 0 or number == total:
                done = self.stats[LegacyId.Kind.ARTICLE]
                self.write(
                    f"   {number}/{total} bài viết: {done['imported']} mới, {done['updated']} cập nhật, "
                    f"{done['unchanged']} không đổi, {done['failed']} lỗi"
                )

    def import_article(self, row, tags):
        digest = checksum(row, tags)
        entry = self.legacy(LegacyId.Kind.ARTICLE, row["id"])
        page = ArticlePage.objects.filter(pk=entry.object_id).first() if entry else None
        if page is not None and entry.checksum == digest:
            return "unchanged"
        title = plain_text(row["title"])[:255]
        if not title:
            raise ImportError_("bài không có tiêu đề")
        section = self.sections.get(row["catid"])
        if section is None:
            raise ImportError_(f"chuyên mục {row['catid']} không có")
        status = row["status"]
        if status not in KNOWN_STATUSES:
            raise ImportError_(f"trạng thái {status} không rõ")
        published = from_unix(row["publtime"]) or from_unix(row["addtime"])
        edited = from_unix(row["edittime"]) or published
        expires = from_unix(row["exptime"])
        now = timezone.now()

        cover_id = None
        if row["homeimgfile"] and row["homeimgthumb"] in (1, 2):
            caption, credit = split_credit(plain_text(row["homeimgalt"]))
            cover_id = self.image_for(
                f"news/{row['homeimgfile'].lstrip('/')}", caption or title, caption, credit, row["id"]
            )
        elif row["homeimgfile"]:
            self.count(LegacyId.Kind.IMAGE, "skipped", row["homeimgfile"], f"ảnh ở nơi khác (bài {row['id']})")

        def resolve(src, alt, caption, credit):
            relative = self.upload_path(src)
            if relative is None:
                self.count(LegacyId.Kind.IMAGE, "skipped", src[:120], f"ảnh ở nơi khác (bài {row['id']})")
                return None
            return self.image_for(relative, alt or caption or title, caption, credit, row["id"])

        body = BodyConverter(resolve).convert(row["bodyhtml"] or "")
        source = plain_text(row["sourcetext"])
        creating = page is None
        if creating:
            page = ArticlePage(slug=self.free_slug(section, make_slug(row["alias"], title), row["id"]), live=False)
        page.title = title
        page.seo_title = plain_text(row["titlesite"])[:255]
        page.search_description = plain_text(row["description"])
        page.lead = plain_text(row["hometext"])[:600]
        page.body = body
        page.cover_image_id = cover_id
        page.byline = plain_text(row["author"])[:255]
        if source.startswith(("http://", "https://")):
            page.source, page.source_url = urlparse(source).hostname or "", source[:200]
        else:
            page.source, page.source_url = source[:255], ""
        page.display_date = published
        page.go_live_at = published if status == SCHEDULED and published and published > now else None
        page.expire_at = expires if status in (PUBLISHED, EXPIRED) else None
        page.tags.set([tag[:100] for tag in tags if tag.strip()], clear=True)
        topic = self.topics.get(row["topicid"])
        page.topics = [topic] if topic else []
        if creating:
            section.add_child(instance=page)
        elif page.get_parent().pk != section.pk:
            page.move(section, pos="last-child")
            page.refresh_from_db(fields=["path", "url_path"])
        revision = page.save_revision(clean=False, changed=True, log_action=True)

        if status == PUBLISHED or (status == SCHEDULED and page.go_live_at is None):
            revision.publish(skip_permission_checks=True)
        elif status == SCHEDULED:
            revision.publish(skip_permission_checks=True)  # Wagtail keeps it until go_live_at
        elif page.live:
            page.unpublish(set_expired=status == EXPIRED, log_action=True)
        if status in REVIEW_STATUSES:
            workflow = page.get_workflow()
            if workflow is not None and not page.workflow_in_progress:
                workflow.start(page, None)

        # The old portal's dates, not the day of the import.
        updates = {"latest_revision_created_at": edited, "display_date": published}
        if status in (PUBLISHED, EXPIRED) or (status == SCHEDULED and page.go_live_at is None):
            updates.update(first_published_at=published, last_published_at=edited)
        if status == EXPIRED:
            updates.update(live=False, expired=True)
        ArticlePage.objects.filter(pk=page.pk).update(**updates)
        revision.__class__.objects.filter(pk=revision.pk).update(created_at=edited or now)

        ImportedViewCount.objects.update_or_create(article=page, defaults={"views": max(int(row["hitstotal"] or 0), 0)})
        self.remember(entry, LegacyId.Kind.ARTICLE, row["id"], page, digest, status, row["alias"])
        return "imported" if creating else "updated"

    def free_slug(self, section, slug, legacy_id):
        if not Page.objects.child_of(section).filter(slug=slug).exists():
            return slug
        return f"{slug[:220]}-{legacy_id}"

    # --- comments -------------------------------------------------------------

    def import_comments(self):
        where, args = "WHERE module = %s", ["news"]
        if self.since:
            where += " AND post_time >= %s"
            args.append(int(self.since.timestamp()))
        rows = self.query(
            f"SELECT cid, id, pid, content, post_time, post_name, post_email, status "
            f"FROM {self.table('comment')} {where} ORDER BY cid",
            args,
        )
        self.write(f"→ {len(rows)} ý kiến bạn đọc")
        for row in rows:
            self.guarded(LegacyId.Kind.COMMENT, row["cid"], self.import_comment, row)

    def import_comment(self, row):
        digest = checksum(row)
        entry = self.legacy(LegacyId.Kind.COMMENT, row["cid"])
        comment = Comment.objects.filter(pk=entry.object_id).first() if entry else None
        if comment is not None and entry.checksum == digest:
            return "unchanged"
        article_entry = self.legacy(LegacyId.Kind.ARTICLE, row["id"])
        article = ArticlePage.objects.filter(pk=article_entry.object_id).first() if article_entry else None
        if article is None:
            raise ImportError_(f"bài {row['id']} chưa được nhập")
        body = plain_text(row["content"])[:2000]
        if not body:
            raise ImportError_("ý kiến trống")
        email = (row["post_email"] or "").strip()
        try:
            validate_email(email)
        except ValidationError:
            email = ""
        posted = from_unix(row["post_time"]) or timezone.now()
        creating = comment is None
        if creating:
            comment = Comment(article=article)
        comment.article = article
        comment.name = plain_text(row["post_name"])[:100] or "Bạn đọc"
        comment.email = email
        comment.body = body
        comment.submitted_at = posted
        comment.status = Comment.Status.APPROVED if row["status"] == 1 else Comment.Status.PENDING
        comment.moderated_at = posted if row["status"] == 1 else None
        comment.save()
        self.remember(entry, LegacyId.Kind.COMMENT, row["cid"], comment, digest, row["status"])
        return "imported" if creating else "updated"
