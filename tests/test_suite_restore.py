"""The test suite's own promise (tests/conftest.py): every transactional test
starts with the whole demo portal, as loaded at the start of the session,
although the transactional test before it flushed the database.

The same test runs twice; each round damages the demo before the flush, so
the second round can only pass if serialized rollback wrote all of it back:
every table row for row, a sound page tree, the search index, the sites and
both editions."""

import re

import pytest
from wagtail.models import Page, Site

from news.models import ArticlePage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Xây dựng Đảng về đạo đức gắn với học tập và làm theo Bác"


@pytest.mark.parametrize("round_", ["first", "second"])
def test_a_transactional_test_starts_with_the_whole_demo(demo_content, demo_rows, client, round_):
    expected = demo_rows.expected
    assert expected["news.ArticlePage"] > 10 and expected["wagtailsearch.IndexEntry"] > 10
    assert demo_rows() == expected

    # The page tree is sound (paths, depths, child counts): a home page taken
    # for a leaf answers 404 for every section.
    assert all(not problems for problems in Page.find_problems())
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.get_children().live().count() >= 5

    # A reader finds the article by searching without marks, and opens it.
    html = client.get("/search/", {"q": "xay dung dang"}).content.decode()
    found = re.findall(r'class="search-result__title"><a href="([^"]*)">(.*?)</a>', html, re.S)
    assert found and re.sub(r"</?mark>", "", found[0][1]) == TITLE
    article = client.get(found[0][0])
    assert article.status_code == 200 and TITLE in article.content.decode()
    assert client.get("/en/").status_code == 200

    # Damage it all; the flush after this test and the next test's serialized
    # rollback must undo it.
    ArticlePage.objects.filter(title=TITLE).update(title="Hỏng")
    Page.objects.filter(depth__gt=2).delete()
    assert not ArticlePage.objects.exists()
