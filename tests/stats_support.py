"""Helpers for the statistics tests: a browser's user agent, and the Redis
path switched on (against the db number in REDIS_URL, under a prefix of its
own that is removed afterwards) or off."""

import os
import uuid

import pytest

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture
def database_path(settings):
    """Counting without Redis: one upsert per counter in the database."""
    settings.STATS_REDIS_URL = ""


@pytest.fixture
def redis_path(settings):
    """Counting in Redis (the db number of REDIS_URL), flushed by flush_stats."""
    url = os.environ.get("REDIS_URL", "")
    if not url:
        pytest.skip("REDIS_URL is not set: the Redis counting path needs a real Redis (CI sets it)")
    import redis

    client = redis.Redis.from_url(url)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip(f"Redis at REDIS_URL ({url}) is not answering")
    prefix = f"test-stats-{uuid.uuid4().hex[:8]}:"
    settings.STATS_REDIS_URL = url
    settings.STATS_REDIS_PREFIX = prefix
    yield client
    keys = list(client.scan_iter(match=f"{prefix}*"))
    if keys:
        client.delete(*keys)
