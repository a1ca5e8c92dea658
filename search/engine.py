"""Finding and ranking: candidates from the search backend, ranked in Python.

1. The reader's query is cleaned and folded (``search.text.SearchQuery``).
2. The configured backend (database, or Elasticsearch) returns up to
   ``PORTAL_SEARCH_CANDIDATES`` matching items, newest first, from the folded
   copies every item indexes (``search.indexing``). All words must match; when
   none does, any word may.
3. Privacy is applied with the ORM (live, public, not expired), then every
   candidate is scored in Python from its title and lead: exact marks over
   folded-only matches, adjacent words over scattered ones, title over text.

If Elasticsearch fails, the same search runs on the database backend (which
Wagtail keeps up to date beside it) and the failure is logged."""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils import timezone
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import get_descendants_content_types_pks

from news.models import PHOTO_SECTION_SLUG, ArticlePage, SectionPage
from qa.models import Question

from .text import SearchQuery, fold, words

logger = logging.getLogger("portal.search")

KIND_ARTICLE, KIND_PHOTO, KIND_QUESTION = "article", "photo", "question"
SORT_RELEVANCE, SORT_NEWEST = "relevance", "newest"
# After Elasticsearch fails, readers go straight to the database this long.
DOWN_KEY = "portal-search:elasticsearch-down"
DOWN_SECONDS = 30
# On PostgreSQL, candidates re-ranked in Python per list (the newest items
# matching in the title, the newest matching anywhere): enough for the first
# pages of results, few enough to score in a few milliseconds.
RERANK_CANDIDATES = 100
# How many of the newest items are tested one by one before asking the GIN
# index instead (see ``postgres_newest_matching``).
WALK_ROWS = 1000


@dataclass
class Filters:
    section: SectionPage | None = None
    kind: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


@dataclass
class Hit:
    kind: str
    pk: int
    title: str
    text: str
    date: datetime.datetime | None
    score: float = 0.0
    obj: object = field(default=None, repr=False)


@dataclass
class Results:
    hits: list
    capped: bool
    fallback: bool = False


def _candidate_cap():
    return getattr(settings, "PORTAL_SEARCH_CANDIDATES", 1000)


def _postgres_database_backend(state=None):
    """The PostgreSQL database backend when it is the one answering (no
    Elasticsearch, or Elasticsearch down), else None."""
    if connection.vendor != "postgresql":
        return None
    backends = settings.WAGTAILSEARCH_BACKENDS
    name = "default"
    if "database" in backends and backends["default"]["BACKEND"] != backends["database"]["BACKEND"]:
        if not ((state is not None and state.get("fallback")) or cache.get(DOWN_KEY)):
            return None
        name = "database"
        if state is not None:
            state["fallback"] = True
    backend = get_search_backend(name)
    return backend if type(backend).__module__.startswith("modelsearch.backends.database.postgres") else None


def _tsquery(words, operator, config, prefix_last=False):
    """SQL and parameters of a tsquery for the (folded) ``words``; with
    ``prefix_last``, the last word matches as a prefix ("xay d" → xay & d:*)."""
    plain = "plainto_tsquery(%s::regconfig, %s)" if config else "plainto_tsquery(%s)"
    prefix = "to_tsquery(%s::regconfig, quote_literal(%s) || ':*')"
    if not config:
        prefix = "to_tsquery(quote_literal(%s) || ':*')"
    parts, params = [], []
    for i, word in enumerate(words):
        parts.append(prefix if prefix_last and i == len(words) - 1 else plain)
        params += [config, word] if config else [word]
    joiner = " && " if operator == "and" else " || "
    return "(" + joiner.join(parts) + ")", params


VECTORS = {
    "all": "(e.title || e.body)",  # the GIN index of migration search/0003
    "title": "e.title",
    "autocomplete": "e.autocomplete",
}


def postgres_newest_matching(queryset, fields, words, operator, config, cap, vector="all", prefix_last=False):
    """The ``fields`` of the newest (in ``queryset``'s order) at most ``cap``
    items of ``queryset`` whose index entry matches the folded ``words``
    (all of them, or any) in the ``vector`` of Wagtail's index table (all
    words, the title, or the autocomplete words).

    Two plans, because PostgreSQL cannot know how common a combination of
    words is: first walk the newest ``WALK_ROWS`` items and test each one's
    index entry, stopping at ``cap`` matches (a common word: a few hundred
    rows); if that does not fill the list, ask the GIN index for every
    match (a rare word: few rows) and keep the newest."""
    from wagtail.search.models import IndexEntry

    table = IndexEntry._meta.db_table
    content_types = list(get_descendants_content_types_pks(queryset.model))
    marks = ", ".join(["%s"] * len(content_types))
    tsquery_sql, tsquery_params = _tsquery(words, operator, config, prefix_last)
    order = list(queryset.query.order_by)
    selected = list(fields) + [name.lstrip("-") for name in order if name.lstrip("-") not in fields]
    newest = queryset.values_list(*selected)[:WALK_ROWS]
    inner_sql, inner_params = newest.query.sql_with_params()
    columns = ", ".join(f"c{i}" for i in range(len(selected)))
    wanted = ", ".join(f"c{i}" for i in range(len(fields)))
    ordering = ", ".join(
        f"c{selected.index(name.lstrip('-'))} {'DESC' if name.startswith('-') else 'ASC'}" for name in order
    )
    sql = (
        f"SELECT {wanted} FROM ({inner_sql}) AS newest({columns}) "
        f"WHERE (SELECT {VECTORS[vector]} @@ {tsquery_sql} FROM {table} e "
        f"WHERE e.content_type_id IN ({marks}) AND e.object_id = newest.c0::varchar(50)) "
        f"ORDER BY {ordering} LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*inner_params, *tsquery_params, *content_types, cap])
        found = cursor.fetchall()
    if len(found) >= cap:
        return found
    matching = RawSQL(
        f"SELECT e.object_id::integer FROM {table} e "
        f"WHERE e.content_type_id IN ({marks}) AND {VECTORS[vector]} @@ {tsquery_sql}",
        [*content_types, *tsquery_params],
    )
    return list(queryset.filter(pk__in=matching).values_list(*fields)[:cap])


def postgres_candidates(queryset, fields, query, operator, cap, relevance, config):
    """Up to ``cap`` newest items matching ``query`` anywhere, and for
    relevance also up to ``cap`` newest matching in the title (title words
    weigh most), without duplicates, as tuples of ``fields`` (the primary
    key first). The second value tells whether a list was cut at ``cap``."""
    # One more than the cap tells "more than 100" from exactly 100.
    found = postgres_newest_matching(queryset, fields, query.folded, operator, config, cap + 1)
    capped = len(found) > cap
    if relevance and capped:
        seen = {row[0] for row in found}
        in_title = postgres_newest_matching(queryset, fields, query.folded, operator, config, cap + 1, vector="title")
        found += [row for row in in_title if row[0] not in seen]
    return found, capped


def _run(backend_name, queryset, query_text, operator, cap):
    backend = get_search_backend(backend_name)
    results = backend.search(query_text, queryset, operator=operator, order_by_relevance=False)
    return list(results[:cap])


def backend_search(queryset, query_text, operator="and", cap=None, state=None):
    """Items of ``queryset`` matching ``query_text`` (folded), in the
    queryset's order, at most ``cap``. Falls back to the database backend if
    the default backend (Elasticsearch) fails."""
    cap = cap or _candidate_cap()
    backends = settings.WAGTAILSEARCH_BACKENDS
    has_fallback = "database" in backends and backends["default"]["BACKEND"] != backends["database"]["BACKEND"]
    if has_fallback and ((state is not None and state.get("fallback")) or cache.get(DOWN_KEY)):
        if state is not None:
            state["fallback"] = True
        return _run("database", queryset, query_text, operator, cap)
    try:
        return _run("default", queryset, query_text, operator, cap)
    except Exception:
        if not has_fallback:
            raise
        logger.exception("Search backend %s failed; answering from the database", backends["default"]["BACKEND"])
        cache.set(DOWN_KEY, True, DOWN_SECONDS)
        if state is not None:
            state["fallback"] = True
        return _run("database", queryset, query_text, operator, cap)


def autocomplete_backend(queryset, query_text, limit):
    backends = settings.WAGTAILSEARCH_BACKENDS
    try:
        backend = get_search_backend("database" if "database" in backends and cache.get(DOWN_KEY) else "default")
        return list(backend.autocomplete(query_text, queryset)[:limit])
    except Exception:
        if "database" not in backends:
            raise
        logger.exception(
            "Search backend %s failed on autocomplete; answering from the database", backends["default"]["BACKEND"]
        )
        cache.set(DOWN_KEY, True, DOWN_SECONDS)
        backend = get_search_backend("database")
        return list(backend.autocomplete(query_text, queryset)[:limit])


def _local_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def photo_section(locale=None):
    locale = locale or Locale.get_active()
    return SectionPage.objects.live().filter(locale=locale, slug=PHOTO_SECTION_SLUG).first()


def _candidates(queryset, fields, query, operator, state, sort):
    """Candidates from ``queryset`` as tuples of ``fields`` (the primary key
    first; on PostgreSQL the queryset must already leave out what readers may
    not see) and whether they were cut at the cap."""
    backend = _postgres_database_backend(state)
    if backend is not None:
        cap = min(_candidate_cap(), RERANK_CANDIDATES)
        return postgres_candidates(queryset, fields, query, operator, cap, sort == SORT_RELEVANCE, backend.config)
    found = backend_search(queryset, query.folded_text, operator, state=state)
    rows = [tuple(getattr(item, name) for name in fields) for item in found]
    return rows, len(found) >= _candidate_cap()


def _article_candidates(query, filters, operator, state, sort=SORT_RELEVANCE, locale=None):
    locale = locale or Locale.get_active()
    queryset = ArticlePage.objects.live().filter(locale=locale)
    if filters.section is not None:
        queryset = queryset.filter(path__startswith=filters.section.path)
    photos = photo_section(locale)
    if filters.kind == KIND_PHOTO:
        if photos is None:
            return [], False
        queryset = queryset.filter(path__startswith=photos.path)
    if filters.date_from:
        queryset = queryset.filter(display_date__gte=_local_start(filters.date_from))
    if filters.date_to:
        queryset = queryset.filter(display_date__lt=_local_start(filters.date_to + datetime.timedelta(days=1)))
    queryset = queryset.order_by("-display_date").only("id", "title", "lead", "kicker", "display_date", "path")
    on_postgres = _postgres_database_backend(state) is not None
    if on_postgres:
        # Privacy and expiry in the same query as the match.
        queryset = queryset.public().not_expired()
    fields = ("pk", "title", "lead", "kicker", "display_date", "path")
    found, capped = _candidates(queryset, fields, query, operator, state, sort)
    if not found:
        return [], False
    if not on_postgres:
        # Privacy and expiry with the ORM: never trust an external index with them.
        visible = set(
            ArticlePage.objects.filter(pk__in=[row[0] for row in found])
            .public()
            .not_expired()
            .values_list("pk", flat=True)
        )
        found = [row for row in found if row[0] in visible]
    # The section's name counts as the article's words too: "hoi dap" finds
    # the articles of "Hỏi - Đáp công tác Đảng".
    section_titles = dict(SectionPage.objects.filter(locale=locale, depth__gte=3).values_list("path", "title"))
    steplen = ArticlePage.steplen
    hits = []
    for pk, title, lead, kicker, display_date, path in found:
        is_photo = photos is not None and path.startswith(photos.path)
        if filters.kind == KIND_ARTICLE and is_photo:
            continue
        hits.append(
            Hit(
                kind=KIND_PHOTO if is_photo else KIND_ARTICLE,
                pk=pk,
                title=title,
                text=f"{section_titles.get(path[:-steplen], '')} {kicker} {lead}",
                date=display_date,
            )
        )
    return hits, capped


def _question_candidates(query, filters, operator, state, sort=SORT_RELEVANCE, locale=None):
    if filters.section is not None and filters.section.specific_class.__name__ != "QAIndexPage":
        return [], False
    locale = locale or Locale.get_active()
    if locale.language_code != Locale.get_default().language_code:
        return [], False  # readers ask and the board answers in Vietnamese only
    queryset = Question.objects.filter(status=Question.Status.PUBLISHED)
    if filters.section is not None:
        queryset = queryset.filter(page=filters.section.pk)
    if filters.date_from:
        queryset = queryset.filter(published_at__gte=_local_start(filters.date_from))
    if filters.date_to:
        queryset = queryset.filter(published_at__lt=_local_start(filters.date_to + datetime.timedelta(days=1)))
    queryset = queryset.order_by("-published_at").only("id", "title", "body", "published_at")
    found, capped = _candidates(queryset, ("pk", "title", "body", "published_at"), query, operator, state, sort)
    hits = [Hit(kind=KIND_QUESTION, pk=pk, title=title, text=body, date=when) for pk, title, body, when in found]
    return hits, capped


def search(raw_query, filters=None, sort=SORT_RELEVANCE):
    """Rank what matches ``raw_query`` for an anonymous reader of the active
    language. Returns ``Results`` whose hits carry no display objects yet
    (``attach_objects`` loads them for one page of results)."""
    query = raw_query if isinstance(raw_query, SearchQuery) else SearchQuery(raw_query)
    filters = filters or Filters()
    if not query:
        return Results([], capped=False)
    state = {}
    hits = []
    capped = False
    locale = Locale.get_active()
    operators = ["and", "or"] if len(query.words) > 1 else ["and"]
    for operator in operators:
        if filters.kind in ("", KIND_ARTICLE, KIND_PHOTO):
            found, cut = _article_candidates(query, filters, operator, state, sort, locale)
            hits += found
            capped = capped or cut
        if filters.kind in ("", KIND_QUESTION):
            found, cut = _question_candidates(query, filters, operator, state, sort, locale)
            hits += found
            capped = capped or cut
        if hits:
            break
    epoch = timezone.make_aware(datetime.datetime(1970, 1, 1))
    for hit in hits:
        hit.score = query.score(hit.title, hit.text)
    if sort == SORT_NEWEST:
        hits.sort(key=lambda h: (h.date or epoch, h.pk), reverse=True)
    else:
        hits.sort(key=lambda h: (h.score, h.date or epoch, h.pk), reverse=True)
    return Results(hits, capped=capped, fallback=bool(state.get("fallback")))


def attach_objects(hits):
    """Load what the results page shows for ``hits`` (one page of them), in a
    fixed number of queries however many there are."""
    article_pks = [h.pk for h in hits if h.kind != KIND_QUESTION]
    question_pks = [h.pk for h in hits if h.kind == KIND_QUESTION]
    articles = {a.pk: a for a in ArticlePage.objects.listing().filter(pk__in=article_pks)} if article_pks else {}
    questions = {}
    if question_pks:
        questions = {q.pk: q for q in Question.objects.filter(pk__in=question_pks).select_related("page")}
    for hit in hits:
        hit.obj = questions.get(hit.pk) if hit.kind == KIND_QUESTION else articles.get(hit.pk)
    return [h for h in hits if h.obj is not None]


def suggestions(raw_query, limit=8):
    """At most ``limit`` titles of public articles whose title has a word
    starting with the (folded) query's last word, all other words matching."""
    query = SearchQuery(raw_query)
    if not query:
        return []
    queryset = (
        ArticlePage.objects.live()
        .filter(locale=Locale.get_active())
        .order_by("-display_date")
        .only("id", "title", "url_path", "path", "depth", "display_date")
    )
    # One-letter words make poor prefixes for the backend; they still filter below.
    backend_words = [w for w in query.folded if len(w) > 1] or query.folded

    def matches(title):
        title_words = [fold(w) for w in words(title)]
        return all(any(t.startswith(q) for t in title_words) for q in query.folded)

    postgres = _postgres_database_backend()
    if postgres is not None:
        # Matching, privacy and expiry in one query (see search()).
        queryset = queryset.public().not_expired()
        rows = postgres_newest_matching(
            queryset,
            ("pk",),
            backend_words,
            "and",
            postgres.autocomplete_config,
            limit * 5,
            vector="autocomplete",
            prefix_last=True,
        )
        if not rows and len(query.folded) > 1:
            rows = postgres_newest_matching(queryset, ("pk",), query.folded[:-1], "and", postgres.config, limit * 25)
        found = [a for a in queryset.filter(pk__in=[row[0] for row in rows]) if matches(a.title)]
        found.sort(key=lambda a: (a.display_date is not None, a.display_date, a.pk), reverse=True)
    else:
        found = autocomplete_backend(queryset, " ".join(backend_words), limit * 5)
        visible = set(
            ArticlePage.objects.filter(pk__in=[a.pk for a in found]).public().not_expired().values_list("pk", flat=True)
        )
        found = [a for a in found if a.pk in visible and matches(a.title)]
        if not found and len(query.folded) > 1:
            # The backend's prefix search can miss a short last word; the whole
            # words before it, searched as words, then filtered by prefix, cannot.
            found = backend_search(queryset, " ".join(query.folded[:-1]), "and", cap=limit * 25)
            visible = set(
                ArticlePage.objects.filter(pk__in=[a.pk for a in found])
                .public()
                .not_expired()
                .values_list("pk", flat=True)
            )
            found = [a for a in found if a.pk in visible and matches(a.title)]
    found.sort(key=lambda a: (fold(a.title).startswith(query.folded_text), query.score(a.title)), reverse=True)
    return found[:limit]
