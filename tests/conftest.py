"""Shared test set-up.

The demo content is loaded once per test session into the test database (as
``make demo`` would), so most tests read a realistic portal and roll back
their own changes. Transactional tests (``transaction=True``) run last, as
pytest-django orders them, and flush the database: they must create what they
need themselves (``demo_content`` fixture below reloads the demo).
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=_Null())


class _Null:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Vietnamese. A request to /en/ leaves English active
    in the thread, and ``reverse()`` would then build /en/ URLs for the next
    test (which made a Vietnamese suggestion test look order-dependent)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def demo_content(db):
    """The demo portal, for transactional tests whose database was flushed.

    Mark such tests ``@pytest.mark.django_db(transaction=True,
    serialized_rollback=True)``: a flush also removes what the migrations
    created (groups, root page, workflows), and only serialized rollback puts
    it back (pytest-django reads it from the marker, not from a fixture)."""
    from wagtail.models import Page

    from news.models import ArticlePage

    # Serialized rollback writes back the pages the migrations made (root and
    # home) as they were then, child counts included; recount, or Wagtail takes
    # the home page for a leaf and every section answers 404.
    Page.fix_tree()
    if not ArticlePage.objects.exists():
        call_command("load_demo", stdout=_Null())


@pytest.fixture
def home_page(db):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


def pytest_collection_modifyitems(items):
    """Every transactional test restores the migrated rows it flushed.

    A transactional test flushes the database when it ends; without serialized
    rollback the groups, workflows and content types that migrations created
    are gone for the next one (which then fails on duplicate content types).
    Forcing ``serialized_rollback=True`` here means a new test module cannot
    forget it."""
    # A test that wipes and restores the whole database (backup/restore) runs
    # after all others: what it restores is not the state the next test's
    # serialized rollback expects (content types clash).
    items.sort(key=lambda item: item.get_closest_marker("replaces_database") is not None)
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            item.add_marker(
                pytest.mark.django_db(*marker.args, **{**marker.kwargs, "serialized_rollback": True}), append=False
            )
