"""The test suite: fast password hashing, mail kept in memory, media in a temp dir."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import SECRET_KEY

SECRET_KEY = SECRET_KEY or "test-only-insecure-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True

# Tests that post from several threads at once need a database file: SQLite's
# shared in-memory database locks whole tables and ignores the busy timeout.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-portal.sqlite3")}  # noqa: F405
    # A throwaway file: no need to wait for the disk on every commit.
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA synchronous=OFF"  # noqa: F405

# AVIF encoding is slow on the shared machine; tests that check AVIF turn it on.
PORTAL_IMAGE_FORMATS = ["webp", "jpeg"]

# Page cache (pagecache/): off, so other tests see every request reach their
# views; tests/test_pagecache.py turns it on with the ``settings`` fixture.
PAGE_CACHE_SECONDS = 0
# A purge made elsewhere would show only after this window; the tests of the
# worker's own copy turn it on.
PAGE_CACHE_LOCAL_SECONDS = 0
