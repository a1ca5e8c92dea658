"""Shared test set-up.

The demo content is loaded once per test session into the test database (as
``make demo`` would), so most tests read a realistic portal and roll back
their own changes. Transactional tests (``transaction=True``) run last, as
pytest-django orders them, and flush the database when they end; serialized
rollback (forced for all of them below) writes the demo back before the next
one starts, because the serialized copy is taken after the demo is loaded.
"""

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.db.models.signals import m2m_changed
from django.utils import translation

# Rows per model right after the demo was loaded (see ``demo_rows``).
_DEMO_ROWS = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=_Null())
        # Django serialized each test database when it created it, before the
        # demo existed, and serialized rollback writes that copy back after a
        # transactional test's flush. Serialize again now, so the copy written
        # back is the demo itself (every table, search index and revisions
        # included) and no transactional test has to load the demo again.
        for alias in connections:
            connection = connections[alias]
            if hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()
                connection.creation.deserialize_db_from_string = _without_m2m_signals(
                    connection.creation.deserialize_db_from_string
                )
        _DEMO_ROWS.update(_count_rows())


def _without_m2m_signals(deserialize):
    """Serialized rollback writes rows back with ``raw`` saves, which signal
    receivers know to ignore (nothing happened: rows are replayed), but then
    sets many-to-many relations, and ``m2m_changed`` has no ``raw`` flag: the
    security log would record every group membership and group permission of
    the demo again as changes, at each transactional test. The rows written
    back are complete (derived rows included), so no receiver has anything to
    add: they are muted while it runs."""

    def deserialize_db_from_string(data):
        receivers = m2m_changed.receivers
        m2m_changed.receivers = []
        m2m_changed.sender_receivers_cache.clear()
        try:
            return deserialize(data)
        finally:
            m2m_changed.receivers = receivers
            m2m_changed.sender_receivers_cache.clear()

    return deserialize_db_from_string


def _count_rows():
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.can_migrate(connections["default"])
    }


@pytest.fixture
def demo_rows():
    """demo_rows() → rows per model now; ``demo_rows.expected``: the same just
    after the demo was loaded at the start of the session."""

    def count():
        return _count_rows()

    count.expected = dict(_DEMO_ROWS)
    return count


class _Null:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


@pytest.fixture(autouse=True)
def _clear_cache():
    from home.context_processors import forget_locales
    from home.sites import forget_sites

    cache.clear()
    forget_locales()  # a rolled-back test leaves no post_delete behind
    forget_sites()
    yield
    cache.clear()
    forget_locales()
    forget_sites()


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
    """The demo portal, for transactional tests (whose database the previous
    transactional test flushed).

    Serialized rollback (which pytest-django reads from the marker, not from a
    fixture; the hook below adds it to every transactional test) writes back
    the database as it was after ``load_demo`` at the start of the session.
    This fixture only checks that it did: reloading the demo here took a
    minute per test."""
    from news.models import ArticlePage

    if not ArticlePage.objects.live().exists():
        pytest.fail(
            "the demo is missing: transactional tests need serialized_rollback=True "
            "(added by tests/conftest.py) and the demo loaded in django_db_setup"
        )


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
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            item.add_marker(
                pytest.mark.django_db(*marker.args, **{**marker.kwargs, "serialized_rollback": True}), append=False
            )
