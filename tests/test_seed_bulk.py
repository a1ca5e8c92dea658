"""`manage.py seed_bulk`: the benchmarks' generated articles are real pages
that readers can open, list and find, added in bulk."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from news.management.commands.seed_bulk import RARE, SLUG, TITLE
from news.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db


def seed(n, **options):
    out = io.StringIO()
    call_command("seed_bulk", articles=n, stdout=out, **options)
    return out.getvalue()


def bench_articles():
    section = SectionPage.objects.get(slug=SLUG)
    return section, ArticlePage.objects.child_of(section).order_by("path")


def test_seeded_articles_are_valid_pages_readers_open_list_and_find(client):
    output = seed(25, batch=10)
    assert "25/25 articles" in output  # progress, batch by batch
    section, articles = bench_articles()
    assert section.title == TITLE and section.live
    assert articles.count() == 25 and section.numchild == 25
    assert set(articles.values_list("depth", flat=True)) == {section.depth + 1}
    assert all(a.live and a.locale_id == section.locale_id for a in articles)
    assert len({a.path for a in articles}) == 25
    # The whole tree stays consistent: paths, depths and child counts.
    assert Page.find_problems() == ([], [], [], [], [])

    article = articles.get(slug="bai-8")  # number 8 is the rare one
    assert RARE in article.title
    response = client.get(article.url)
    assert response.status_code == 200
    assert article.lead in response.content.decode()
    assert article.url == f"{section.url}bai-8/"

    newest = articles.order_by("-display_date").first()
    listing = client.get(section.url)
    assert listing.status_code == 200
    assert newest.title in listing.content.decode()

    for query in (RARE, "pu luong"):
        found = client.get("/search/", {"q": query})
        assert found.status_code == 200
        assert f'href="{article.url}"' in found.content.decode()  # the title is highlighted


def test_seeding_tops_up_and_drop_removes_everything(client):
    seed(12, batch=5)
    assert "nothing to do" in seed(12)
    seed(20, batch=7)
    section, articles = bench_articles()
    assert articles.count() == 20 and section.numchild == 20
    assert sorted(int(slug.split("-")[1]) for slug in articles.values_list("slug", flat=True)) == list(range(1, 21))
    assert Page.find_problems() == ([], [], [], [], [])
    pks = list(articles.values_list("pk", flat=True))

    output = seed(0, drop=True)
    assert "dropped" in output
    assert not SectionPage.objects.filter(slug=SLUG).exists()
    assert not Page.objects.filter(pk__in=pks).exists()
    assert Page.find_problems() == ([], [], [], [], [])
    assert 'href="/bench-tim-kiem/' not in client.get("/search/", {"q": RARE}).content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the bulk index writer is for PostgreSQL")
def test_bulk_index_rows_are_those_wagtail_writes():
    from wagtail.search.models import IndexEntry

    seed(6)
    _, articles = bench_articles()
    pks = [str(pk) for pk in articles.values_list("pk", flat=True)]

    def rows():
        entries = IndexEntry.objects.filter(object_id__in=pks).order_by("object_id")
        return [
            (e.content_type_id, e.object_id, str(e.title), str(e.autocomplete), str(e.body), e.title_text, e.body_text)
            for e in entries
        ]

    ours = rows()
    assert len(ours) == 6
    get_search_backend().add_bulk(ArticlePage, list(ArticlePage.get_indexed_objects().filter(pk__in=pks)))
    assert rows() == ours
