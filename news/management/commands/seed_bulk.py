"""Many generated Vietnamese articles, fast, for benchmarks.

    manage.py seed_bulk --articles 100000
    manage.py seed_bulk --drop

Tops up a "[bench]" section (slug ``bench-tim-kiem``, under the default
site's home page) until it holds ``--articles`` generated articles; running it
again with the same number does nothing. The articles are real, live Wagtail
pages (tree path, depth, child count, URL path, locale, publication dates),
public, indexed for search, but without revisions: the page rows and the
article rows are inserted in bulk, then each batch is indexed with the search
backend's own bulk add (the rows Wagtail's ``update_index`` would write).

The text comes from a fixed generator (the same N gives the same articles):
"Đảng" is in most of them, "Pù Luông" in one of every thousand (``RARE``).
"""

import random
import time
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backends

from news.models import ArticlePage, SectionPage

SLUG = "bench-tim-kiem"
TITLE = "[bench] Tìm kiếm"
RARE = "Pù Luông"  # in one article of every thousand
SUBJECTS = ["Đảng bộ xã", "Chi bộ thôn", "Huyện ủy", "Ban Tuyên giáo", "Hội Nông dân", "Đoàn Thanh niên", "Mặt trận"]
VERBS = ["triển khai", "tổng kết", "sơ kết", "đang thực hiện", "học tập", "quán triệt", "kiểm tra"]
OBJECTS = [
    "nghị quyết về xây dựng Đảng",
    "công tác dân vận",
    "chương trình nông thôn mới",
    "phong trào thi đua",
    "chuyển đổi số",
    "cải cách hành chính",
    "kế hoạch phát triển kinh tế",
]
PLACES = ["Tân Lạc", "Mường Khến", "Lạc Thủy", "Phú Cường", "Kim Bôi", "Mai Châu", "Đà Bắc", "Yên Thủy"]
SENTENCES = [
    "Các cấp ủy, tổ chức đảng phát huy vai trò hạt nhân lãnh đạo.",
    "Người dân đang tin tưởng vào sự lãnh đạo của Đảng và chính quyền.",
    "Nhiều mô hình hay, cách làm sáng tạo được nhân rộng.",
    "Công tác tuyên truyền được đổi mới cả về nội dung và hình thức.",
    "Kết quả đạt được là nền tảng để hoàn thành các chỉ tiêu nhiệm kỳ.",
    "Hội nghị quán triệt các văn bản mới của Trung ương và của Tỉnh ủy.",
    "Đảng viên gương mẫu đi đầu trong các phong trào ở khu dân cư.",
]


def generated(i, rnd):
    """Title, lead and body paragraphs of generated article number ``i``
    (0-based)."""
    title = f"{rnd.choice(SUBJECTS)} {rnd.choice(PLACES)} {rnd.choice(VERBS)} {rnd.choice(OBJECTS)} ({i + 1})"
    if i % 1000 == 7:
        title += f" tại {RARE}"
    lead = " ".join(rnd.sample(SENTENCES, 2))
    body = [" ".join(rnd.sample(SENTENCES, 3)) for _ in range(2)]
    return title, lead, body


def bench_section(create=True):
    home = Site.objects.get(is_default_site=True).root_page
    section = SectionPage.objects.child_of(home).filter(slug=SLUG).first()
    if section is None and create:
        section = SectionPage(title=TITLE, slug=SLUG, intro="Bài sinh tự động để đo tốc độ.")
        home.add_child(instance=section)
        section.save_revision().publish()
        section.refresh_from_db()
    return section


class Command(BaseCommand):
    help = 'Tops up the "[bench]" section with generated articles, in bulk (--drop removes them).'

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000, help="articles the bench section should hold")
        parser.add_argument("--batch", type=int, default=1000, help="articles per transaction")
        parser.add_argument("--drop", action="store_true", help="delete the bench section and its articles")

    def handle(self, *args, **options):
        if options["drop"]:
            self.drop()
            return
        target, batch = options["articles"], max(1, options["batch"])
        if target < 0:
            raise CommandError("--articles must be 0 or more")
        section = bench_section()
        children = Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
        have = children.count()
        if have >= target:
            self.stdout.write(f"{TITLE}: already {have} articles (asked for {target}); nothing to do")
            return
        self.stdout.write(f"{TITLE}: {have} articles, adding {target - have} ({connection.vendor})", ending="\n")
        self.stdout.flush()
        last_path = children.order_by("-path").values_list("path", flat=True).first()
        next_step = Page._str2int(last_path[-Page.steplen :]) + 1 if last_path else 1
        started = time.perf_counter()
        done = have
        while done < target:
            count = min(batch, target - done)
            self.add_batch(section, done, next_step, count)
            done += count
            next_step += count
            rate = (done - have) / (time.perf_counter() - started)
            self.stdout.write(f"  {done}/{target} articles ({rate:.0f}/s)")
            self.stdout.flush()
        for backend in get_search_backends(with_auto_update=True):
            if _is_postgres_database_backend(backend):
                # New rows carry title_norm 1.0 until this (as after add_bulk).
                backend.get_index_for_model(ArticlePage)._refresh_title_norms()
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"added {target - have} articles in {elapsed:.1f} s"))

    def add_batch(self, section, first, first_step, count):
        """Articles number ``first`` … ``first + count - 1`` under ``section``,
        at tree positions from ``first_step``: page rows, article rows, search
        index, in one transaction."""
        rnd = random.Random(first)
        content_type = ContentType.objects.get_for_model(ArticlePage)
        now = timezone.now().replace(microsecond=0)
        pages, extra = [], []
        for n in range(count):
            i = first + n
            title, lead, body = generated(i, rnd)
            slug = f"bai-{i + 1}"
            when = now - timedelta(minutes=7 * i)
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=section.path + Page._int2str(first_step + n).rjust(Page.steplen, "0"),
                    depth=section.depth + 1,
                    numchild=0,
                    url_path=f"{section.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=when,
                    last_published_at=when,
                    locale_id=section.locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
            extra.append((lead, body, when))
        with transaction.atomic():
            Page.objects.bulk_create(pages, batch_size=500)
            articles = []
            for page, (lead, body, when) in zip(pages, extra, strict=True):
                article = ArticlePage(
                    page_ptr_id=page.pk,
                    lead=lead,
                    body=[{"type": "paragraph", "value": f"<p>{p}</p>", "id": str(uuid.uuid4())} for p in body],
                    display_date=when,
                )
                articles.append(article)
            # Multi-table inheritance: bulk_create refuses child models, so
            # insert the article table's own columns (Page's are in already).
            fields = ArticlePage._meta.local_concrete_fields
            size = max(1, min(500, connection.ops.bulk_batch_size(fields, articles)))
            for start in range(0, len(articles), size):
                ArticlePage._base_manager._insert(articles[start : start + size], fields=fields, using=connection.alias)
            Page.objects.filter(pk=section.pk).update(numchild=F("numchild") + count)
            indexed = list(ArticlePage.get_indexed_objects().filter(pk__in=[p.pk for p in pages]))
            for article in indexed:
                # New articles have no topics; modelcluster's topic manager
                # ignores prefetching and would ask the database five times
                # per article while indexing.
                article._cluster_related_objects = {"topics": []}
            for backend in get_search_backends(with_auto_update=True):
                if _is_postgres_database_backend(backend):
                    postgres_add_bulk(backend, ArticlePage, indexed)
                else:
                    backend.add_bulk(ArticlePage, indexed)

    def drop(self):
        section = bench_section(create=False)
        if section is None:
            self.stdout.write(f"{TITLE}: nothing to drop")
            return
        descendants = ArticlePage.objects.descendant_of(section)
        total = descendants.count()
        self.stdout.write(f"{TITLE}: deleting {total} articles and the section")
        started, done = time.perf_counter(), 0
        pks = list(descendants.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), 2000):
            chunk = pks[start : start + 2000]
            with transaction.atomic():
                Page.objects.filter(pk__in=chunk).delete()
            done += len(chunk)
            self.stdout.write(f"  {done}/{total} deleted ({done / (time.perf_counter() - started):.0f}/s)")
            self.stdout.flush()
        Page.objects.get(pk=section.pk).delete()
        self.stdout.write(self.style.SUCCESS(f"dropped {TITLE}"))


def _is_postgres_database_backend(backend):
    return type(backend).__module__.startswith("modelsearch.backends.database.postgres")


def postgres_add_bulk(backend, model, objs):
    """What ``backend.add_bulk(model, objs)`` writes on PostgreSQL, the same
    rows (``tests/test_seed_bulk.py`` compares them), several times faster:
    each object's search fields are read once, not once per vector, and the
    SQL is written as text instead of compiled from expressions per value."""
    from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer
    from modelsearch.index import AutocompleteField, SearchField
    from modelsearch.utils import get_content_type_pk

    def vector(texts, config):
        texts = [(text.strip(), weight) for text, weight in texts]
        texts = [(text, weight) for text, weight in texts if text]
        if not texts:
            return "to_tsvector(COALESCE(%s, ''))", [""]
        sql, params = [], []
        for text, weight in texts:
            if config:
                sql.append("setweight(to_tsvector(%s::regconfig, COALESCE(%s, '')), %s)")
                params += [config, text, weight]
            else:
                sql.append("setweight(to_tsvector(COALESCE(%s, '')), %s)")
                params += [text, weight]
        return " || ".join(sql), params

    if not objs or not model.get_search_fields():
        return
    content_type_pk = get_content_type_pk(model)
    rows, params = [], []
    for obj in objs:
        indexer = ObjectIndexer(obj, backend)
        prepared = [item for field in indexer.search_fields for item in indexer.prepare_field(obj, field)]
        title = [
            (value, weight) for f, weight, value in prepared if isinstance(f, SearchField) and f.field_name == "title"
        ]
        body = [
            (value, weight) for f, weight, value in prepared if isinstance(f, SearchField) and f.field_name != "title"
        ]
        autocomplete = [(value, weight) for f, weight, value in prepared if isinstance(f, AutocompleteField)]
        title_sql, title_params = vector(title, backend.config)
        auto_sql, auto_params = vector(autocomplete, backend.autocomplete_config)
        body_sql, body_params = vector(body, backend.config)
        rows.append(f"(%s, %s, {title_sql}, {auto_sql}, {body_sql}, 1.0, %s, %s)")
        params += [content_type_pk, indexer.id, *title_params, *auto_params, *body_params]
        params += [
            " ".join(v.strip() for v, _ in title if v.strip()),
            " ".join(v.strip() for v, _ in body if v.strip()),
        ]
    index = backend.get_index_for_model(model)
    with index.write_connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
            VALUES {", ".join(rows)}
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                          body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
            """,
            params,
        )
