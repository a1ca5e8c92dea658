"""Django's Redis cache, made to degrade instead of fail: when Redis cannot
be reached a read is a miss, a write is dropped, a counter starts again, and
the outage is logged (once every ``LOG_EVERY`` seconds, not on every call).
Pages are still served from the database; cached sessions fall back to their
database copy (``cached_db``)."""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("portal.resilience")

REDIS_ERRORS = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError, OSError)
LOG_EVERY = 60


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client builds a new ``redis.Redis`` object on every call (its
    response-callback table alone is some 2,000 dictionary writes), which
    costs more than the round trip to Redis on loopback. A ``redis.Redis``
    over a connection pool is thread-safe, so one per pool is kept."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class ResilientRedisCache(RedisCache):
    _last_logged = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def _degraded(self, operation, error):
        now = time.monotonic()
        if now - ResilientRedisCache._last_logged >= LOG_EVERY:
            ResilientRedisCache._last_logged = now
            logger.warning("resilience: Redis unavailable during %s (%s); serving without cache", operation, error)

    def _safe(self, operation, default, method, *args, **kwargs):
        try:
            return method(*args, **kwargs)
        except REDIS_ERRORS as error:
            self._degraded(operation, error)
            return default

    def get(self, key, default=None, version=None):
        return self._safe("get", default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._safe("get_many", {}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._safe("has_key", False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safe("add", False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safe("set", None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safe("set_many", list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safe("touch", False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._safe("delete", False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._safe("delete_many", None, super().delete_many, keys, version)

    def incr(self, key, delta=1, version=None):
        # Counters (rate limits) start again from the delta: readers are let
        # through rather than refused while Redis is away.
        return self._safe("incr", delta, super().incr, key, delta, version)

    def clear(self):
        return self._safe("clear", False, super().clear)
