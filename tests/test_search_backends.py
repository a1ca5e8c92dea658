"""Each search backend path: the database backend on SQLite and PostgreSQL,
Elasticsearch's Vietnamese index settings (checked without a server), the
fallback to the database when Elasticsearch does not answer, and a live
Elasticsearch run when ELASTICSEARCH_URL points at one."""

import logging
import os
import re

import pytest
from django.db import connection
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from news.models import ArticlePage
from search import engine
from search.elastic import elasticsearch_backend_settings

pytestmark = pytest.mark.django_db

DATABASE = {"BACKEND": "wagtail.search.backends.database"}
# Nothing listens on port 9 (discard): the connection is refused at once.
CLOSED_PORT = "http://127.0.0.1:9"


def es_backends(url):
    return {"default": elasticsearch_backend_settings(url, "portal-test"), "database": DATABASE}


def test_elasticsearch_index_folds_diacritics_and_keeps_the_originals():
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends(CLOSED_PORT)):
        backend = get_search_backend("default")
    assert type(backend).__module__ == "wagtail.search.backends.elasticsearch9"
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["filter"]["vi_folding"] == {"type": "asciifolding", "preserve_original": True}
    for name in ("default", "default_search", "edgengram_analyzer", "ngram_analyzer"):
        filters = analysis["analyzer"][name]["filter"]
        assert filters[:2] == ["lowercase", "vi_folding"], name
    mapping = backend.mapping_class(ArticlePage).get_mapping()
    properties = mapping["properties"]
    folded = [
        name for name in properties if name.endswith("search_title_folded") or name.endswith("search_text_folded")
    ]
    assert any(n.endswith("search_title_folded") for n in folded) and any(
        n.endswith("search_text_folded") for n in folded
    )


def test_indexed_document_carries_the_folded_copies():
    article = ArticlePage.objects.live().get(title__startswith="Xây dựng Đảng về đạo đức")
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends(CLOSED_PORT)):
        backend = get_search_backend("default")
    document = backend.mapping_class(ArticlePage).get_document(article)
    values = [v for k, v in document.items() if k.endswith("search_title_folded")]
    assert values == ["xay dung dang ve dao duc gan voi hoc tap va lam theo bac"]
    text = next(v for k, v in document.items() if k.endswith("search_text_folded"))
    assert "xay dung dang" in text and "đ" not in text


def test_readers_get_database_results_when_elasticsearch_is_unreachable(client, caplog):
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends(CLOSED_PORT)), caplog.at_level(logging.ERROR):
        results = engine.search("xay dung dang")
        response = client.get("/search/", {"q": "xay dung dang"})
        suggestions = client.get("/search/suggest/", {"q": "chuyen doi"}).json()["results"]
    assert results.fallback
    assert results.hits[0].title.startswith("Xây dựng Đảng về đạo đức")
    assert response.status_code == 200
    assert "Xây dựng Đảng về đạo đức" in re.sub(r"</?mark>", "", response.content.decode())
    assert suggestions and suggestions[0]["title"].startswith("Chuyển đổi số")
    failures = [r for r in caplog.records if r.name == "portal.search"]
    assert failures and "elasticsearch9" in failures[0].getMessage()
    # For a while after a failure, readers are not kept waiting on it again.
    caplog.clear()
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends(CLOSED_PORT)), caplog.at_level(logging.ERROR):
        assert engine.search("xay dung dang").fallback
    assert not [r for r in caplog.records if r.name == "portal.search"]


def test_database_backend_matches_folded_words():
    backend = get_search_backend("default")
    found = list(backend.search("xay dung dang", ArticlePage.objects.live(), operator="and"))
    assert "Xây dựng Đảng về đạo đức gắn với học tập và làm theo Bác" in [a.title for a in found]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: its text search configuration")
def test_postgresql_uses_a_configuration_that_does_not_stem_vietnamese_as_english(settings):
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "portal_vi"
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('portal_vi', 'Xây dựng Đảng'), to_tsvector('english', 'xây')")
        vi, english = cursor.fetchone()
    assert "xâi" in english  # what the English configuration does to Vietnamese
    assert "xâi" not in vi and ("'xây'" in vi or "'xay'" in vi)


@pytest.mark.elasticsearch
@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs a live Elasticsearch at ELASTICSEARCH_URL")
def test_live_elasticsearch_finds_words_without_marks():
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends(os.environ["ELASTICSEARCH_URL"])):
        backend = get_search_backend("default")
        index = backend.get_index_for_model(ArticlePage)
        backend.reset_index()
        for article in ArticlePage.objects.live():
            backend.add(article)
        index.refresh()
        results = engine.search("xay dung dang")
    assert not results.fallback
    assert results.hits[0].title.startswith("Xây dựng Đảng về đạo đức")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: its own candidate query")
@pytest.mark.parametrize("q", ["dang", "Đảng", "xây dựng Đảng", "chuyen doi so", "hoi dap", "Bác Hồ"])
def test_postgresql_candidates_are_what_wagtail_finds_whichever_plan_runs(monkeypatch, q):
    """The engine's own query on PostgreSQL (walking the newest items, or the
    GIN index when few match) finds exactly the public, unexpired items
    Wagtail's database backend finds, in the same order."""
    from wagtail.models import Locale

    query = engine.SearchQuery(q)
    backend = get_search_backend("default")
    live = ArticlePage.objects.live().filter(locale=Locale.get_active())
    found = [a.pk for a in backend.search(query.folded_text, live, operator="and")]
    expected = set(ArticlePage.objects.filter(pk__in=found).public().not_expired().values_list("pk", flat=True))
    assert expected, q
    rankings = []
    for walk_rows in (1, 10_000):  # the index plan, then the walk over everything
        monkeypatch.setattr(engine, "WALK_ROWS", walk_rows)
        hits = [h for h in engine.search(q).hits if h.kind != engine.KIND_QUESTION]
        assert {h.pk for h in hits} == expected
        rankings.append([h.pk for h in hits])
    assert rankings[0] == rankings[1]
