"""Moving Redis's pending counters into the database, losing none.

``pending:visits`` and ``pending:views`` are renamed to a batch name first
(RENAME is atomic): hits that arrive while the batch is being written go to a
fresh ``pending`` hash and wait for the next flush. The batch's counts and its
name (``FlushedBatch``) are written in one transaction, and the batch key is
deleted only after that commits, so a flush that dies half way is finished by
the next one, and a batch is never added twice."""

import logging
import secrets
import time
from collections import defaultdict
from datetime import date as date_cls

import redis
from django.db import IntegrityError, transaction
from django.utils import timezone

from .counting import KIND_FIELDS, online_seconds, redis_client, rkey, upsert_add
from .models import ArticleDailyViews, ArticleViewTotal, DailyVisits, FlushedBatch, Presence, SeenMark

logger = logging.getLogger("portal.stats")


def flush():
    """Flush pending counters (Redis) and prune expired rows. Returns a dict
    of what was added: {"visits": n, "views": n, "batches": n}."""
    added = {"visits": 0, "views": 0, "batches": 0}
    client = redis_client()
    if client is not None:
        _flush_redis(client, added)
    now = int(time.time())
    SeenMark.objects.filter(expires__lte=now).delete()
    Presence.objects.filter(last_seen__lt=now - online_seconds()).delete()
    FlushedBatch.objects.filter(flushed_at__lt=timezone.now() - timezone.timedelta(days=7)).delete()
    return added


def _flush_redis(client, added):
    stamp = f"{int(time.time() * 1000)}-{secrets.token_hex(4)}"
    for name in ("visits", "views"):
        try:
            client.rename(rkey(f"pending:{name}"), rkey(f"flushing:{name}:{stamp}"))
        except redis.ResponseError:
            pass  # nothing pending
    prefix = rkey("")
    # Every batch, including one left by a flush that stopped half way.
    batches = sorted(key.decode() for key in client.scan_iter(match=rkey("flushing:*"), count=500))
    for batch in batches:
        name = batch[len(prefix) :].split(":")[1]
        data = {k.decode(): int(v) for k, v in client.hgetall(batch).items()}
        try:
            with transaction.atomic():
                FlushedBatch.objects.create(name=batch[len(prefix) :])
                if name == "visits":
                    added["visits"] += _apply_visits(data)
                else:
                    added["views"] += _apply_views(data)
        except IntegrityError:
            logger.info("Batch %s was already flushed; removing it.", batch)
        client.delete(batch)
        added["batches"] += 1
    for kind in KIND_FIELDS:
        client.zremrangebyscore(rkey(f"online:{kind}"), "-inf", time.time() - online_seconds())


def _apply_visits(data):
    by_day = defaultdict(lambda: {"g": 0, "m": 0, "b": 0})
    for field, count in data.items():
        day, kind = field.rsplit(":", 1)
        if kind in KIND_FIELDS:
            by_day[date_cls.fromisoformat(day)][kind] += count
    rows = [[day, c["g"], c["m"], c["b"]] for day, c in sorted(by_day.items())]
    upsert_add(DailyVisits, ["date"], ["guests", "members", "bots"], rows)
    return sum(sum(c.values()) for c in by_day.values())


def _apply_views(data):
    per_day, totals = [], defaultdict(int)
    for field, count in data.items():
        page_id, day = field.split(":", 1)
        per_day.append([int(page_id), date_cls.fromisoformat(day), count])
        totals[int(page_id)] += count
    per_day.sort()
    upsert_add(ArticleDailyViews, ["page_id", "date"], ["views"], per_day)
    upsert_add(ArticleViewTotal, ["page_id"], ["views"], sorted([k, v] for k, v in totals.items()))
    return sum(totals.values())


def pending_visits():
    """Visits counted in Redis but not flushed yet: {date: {kind: n}}."""
    client = redis_client()
    result = defaultdict(lambda: defaultdict(int))
    if client is None:
        return result
    keys = [rkey("pending:visits")] + [k.decode() for k in client.scan_iter(match=rkey("flushing:visits:*"))]
    pipe = client.pipeline(transaction=False)
    for key in keys:
        pipe.hgetall(key)
    for data in pipe.execute():
        for field, count in data.items():
            day, kind = field.decode().rsplit(":", 1)
            result[date_cls.fromisoformat(day)][kind] += int(count)
    return result
