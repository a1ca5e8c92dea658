"""Browser tests: Playwright for Python driving Debian's Chromium against
pytest-django's live server.

Without /usr/bin/chromium every test marked ``browser`` is skipped with the
reason, so a newcomer's ``make test`` passes; with ``REQUIRE_BROWSER=1`` (set
by ``.ci/run``) a missing browser fails instead.

The live server answers from another thread, so these tests are
transactional: mark them ``django_db(transaction=True)`` (the suite's conftest
adds serialized rollback) and request ``demo_content``. Each one flushes the
database when it ends and serialized rollback writes the demo back for the
next (a few seconds), so journeys are grouped into a few tests."""

import os
import re

import pytest
from django.db import connections

from .support import CHROMIUM, CHROMIUM_ARGS, browser_missing, browser_required


def pytest_collection_modifyitems(config, items):
    reason = browser_missing()
    if reason is None or browser_required():
        return
    skip = pytest.mark.skip(reason=reason)
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture
def open_browser(live_server, demo_content, settings):
    """open_browser(width=1280) → a Playwright page in a fresh context (own
    cookies) on the live server, in Vietnamese. Chromium is closed after the
    test.

    Chromium starts after the database is set up and stops before it is
    flushed: while Playwright's synchronous API runs, its asyncio loop makes
    Django hand this thread other database connections (asgiref's Local
    follows the loop's context), and the test database's serialized rollback
    would then miss the connection that holds it."""
    reason = browser_missing()
    if reason:
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}") if browser_required() else pytest.skip(reason)
    from playwright.sync_api import expect, sync_playwright

    # Assertions wait as long as actions do: the shared CI machine is slow.
    expect.set_options(timeout=20_000)

    # Reader forms refuse a submission made within 3 s of the form being
    # shown (anti-spam); a test types faster than a reader.
    settings.QA_MIN_SUBMIT_SECONDS = 0
    # Django refuses ORM calls from a thread with a running asyncio loop, and
    # Playwright keeps one on this thread; the test code is plain synchronous
    # code, so it is safe to say so while the browser is open.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def open_page(width=1280, height=900):
            context = browser.new_context(
                base_url=live_server.url,
                viewport={"width": width, "height": height},
                locale="vi-VN",
                timezone_id="Asia/Ho_Chi_Minh",
                # axe-core is injected as a script; a strict Content-Security-Policy
                # (the security work) would block it, and readers never run it.
                bypass_csp=True,
            )
            context.set_default_timeout(20_000)
            # Offline and deterministic: only the live server answers (a video
            # embed's player or a share link must not reach the Internet).
            context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])"), lambda route: route.abort())
            return context.new_page()

        yield open_page
        browser.close()
    finally:
        # The ORM calls the test made while the loop ran used connections of
        # their own; close them, or PostgreSQL cannot drop the test database.
        connections.close_all()
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous
