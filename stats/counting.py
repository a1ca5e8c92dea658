"""Counting hits: who the visitor is (a hash, never an address), which kind
(member, search-engine bot, guest), and where the counts go: Redis hashes when
``STATS_REDIS_URL`` (by default ``REDIS_URL``) is set, flushed to the database
by ``flush_stats``; otherwise straight into the database, one atomic upsert
per counter.

Rules, the same on both paths:
- online now: distinct visitors seen in the last ``STATS_ONLINE_SECONDS`` (300);
- a visit: one per visitor per ``STATS_VISIT_SECONDS`` (1800) from its first hit;
- an article view: one per visitor per article per local day.
"""

import re
import secrets
import threading
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core import signing
from django.db import connection, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

GUEST, MEMBER, BOT = "g", "m", "b"
KINDS = (GUEST, MEMBER, BOT)
KIND_FIELDS = {GUEST: "guests", MEMBER: "members", BOT: "bots"}
COOKIE_NAME = "portal_vid"

# Search engines, social previews and scripted clients. An empty user agent
# is a script too. Checked before anything else, so a bot never counts as a guest.
BOT_PATTERN = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|mediapartners|bingpreview|facebookexternalhit|embedly|"
    r"headlesschrome|phantomjs|lighthouse|python-requests|python-urllib|curl/|wget/|httpclient|"
    r"go-http-client|okhttp|java/|libwww|feedfetcher|scrapy|yandex|baiduspider|petalbot|ahrefs|semrush",
    re.IGNORECASE,
)

ARTICLE_SIGNER_SALT = "stats.article"


def online_seconds():
    return getattr(settings, "STATS_ONLINE_SECONDS", 300)


def visit_seconds():
    return getattr(settings, "STATS_VISIT_SECONDS", 1800)


def is_bot(user_agent):
    return not user_agent.strip() or bool(BOT_PATTERN.search(user_agent))


def sign_article(page_id):
    """The article id a page's beacon sends, signed so the beacon cannot be
    made to create counters for arbitrary numbers (and checked without a query)."""
    return signing.Signer(salt=ARTICLE_SIGNER_SALT).sign(str(page_id))


def unsign_article(value):
    if not value:
        return None
    try:
        return int(signing.Signer(salt=ARTICLE_SIGNER_SALT).unsign(value))
    except (signing.BadSignature, ValueError):
        return None


def identify(request):
    """(kind, visitor hash, new cookie value or None) for a beacon request.

    People are told apart by a random first-party cookie; bots (which keep no
    cookies) by their user agent. Only an HMAC of either is ever stored."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:512]
    if is_bot(user_agent):
        return BOT, salted_hmac("stats.bot", user_agent).hexdigest()[:32], None
    cookie = request.COOKIES.get(COOKIE_NAME, "")
    new_cookie = None
    if not re.fullmatch(r"[A-Za-z0-9_-]{16,64}", cookie):
        cookie = new_cookie = secrets.token_urlsafe(18)
    kind = MEMBER if request.user.is_authenticated else GUEST
    return kind, salted_hmac("stats.visitor", cookie).hexdigest()[:32], new_cookie


# --- Redis ------------------------------------------------------------------

_clients = {}
_clients_lock = threading.Lock()


def redis_url():
    return getattr(settings, "STATS_REDIS_URL", "")


def redis_client():
    """A client for STATS_REDIS_URL (thread-safe, one pool per URL), or None."""
    url = redis_url()
    if not url:
        return None
    with _clients_lock:
        if url not in _clients:
            import redis

            _clients[url] = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        return _clients[url]


def rkey(name):
    return f"{getattr(settings, 'STATS_REDIS_PREFIX', 'portal-stats:')}{name}"


# One round trip, atomic: presence in "online now" (and out of the other two
# kinds' sets, for a guest who just logged in), the visit if the visitor's
# 30-minute mark was not set, the article view if today's mark was not set.
HIT_SCRIPT = """
local now = tonumber(ARGV[1])
redis.call('ZADD', KEYS[1], now, ARGV[2])
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[3]))
local visit = 0
if redis.call('SET', KEYS[4], '1', 'NX', 'EX', ARGV[4]) then
  redis.call('HINCRBY', KEYS[5], ARGV[5], 1)
  visit = 1
end
local view = 0
if ARGV[6] ~= '' then
  if redis.call('SET', KEYS[6], '1', 'NX', 'EX', ARGV[7]) then
    redis.call('HINCRBY', KEYS[7], ARGV[6], 1)
    view = 1
  end
end
return {visit, view}
"""
_scripts = {}


def _hit_script(client):
    script = _scripts.get(id(client))
    if script is None:
        script = _scripts[id(client)] = client.register_script(HIT_SCRIPT)
    return script


def record_hit(visitor, kind, page_id=None, now=None):
    """Count one beacon hit. Returns (visit counted, view counted)."""
    now = time.time() if now is None else now
    day = timezone.localdate(datetime.fromtimestamp(now, tz=UTC)).isoformat()
    client = redis_client()
    if client is not None:
        others = [k for k in KINDS if k != kind]
        keys = [
            rkey(f"online:{kind}"),
            rkey(f"online:{others[0]}"),
            rkey(f"online:{others[1]}"),
            rkey(f"seen:v:{visitor}"),
            rkey("pending:visits"),
            rkey(f"seen:a:{visitor}:{page_id}:{day}"),
            rkey("pending:views"),
        ]
        args = [int(now), visitor, online_seconds(), visit_seconds(), f"{day}:{kind}", "", 90000]
        if page_id is not None and kind != BOT:
            args[5] = f"{page_id}:{day}"
        visit, view = _hit_script(client)(keys=keys, args=args)
        return bool(visit), bool(view)
    return _record_hit_database(visitor, kind, page_id, int(now), day)


# --- Database -------------------------------------------------------------


def _qn(name):
    return connection.ops.quote_name(name)


def _claim(cursor, key, now, ttl):
    """Set the mark ``key`` unless a live one exists; True if this call set it.
    One statement, so two hits at the same moment cannot both win."""
    table = _qn("stats_seenmark")
    cursor.execute(
        f"INSERT INTO {table} ({_qn('key')}, {_qn('expires')}) VALUES (%s, %s) "
        f"ON CONFLICT ({_qn('key')}) DO UPDATE SET {_qn('expires')} = excluded.{_qn('expires')} "
        f"WHERE {table}.{_qn('expires')} <= %s RETURNING 1",
        [key, now + ttl, now],
    )
    return cursor.fetchone() is not None


def upsert_add(model, key_fields, value_fields, rows):
    """INSERT … ON CONFLICT DO UPDATE SET field = field + excluded.field, for
    many rows in few statements (PostgreSQL and SQLite ≥ 3.24 share the syntax).
    An increment is never read and written back, so none is lost."""
    if not rows:
        return
    table = _qn(model._meta.db_table)
    columns = [model._meta.get_field(name).column for name in key_fields + value_fields]
    keys = ", ".join(_qn(model._meta.get_field(name).column) for name in key_fields)
    updates = ", ".join(f"{_qn(c)} = {table}.{_qn(c)} + excluded.{_qn(c)}" for c in columns[len(key_fields) :])
    row_sql = "(" + ", ".join(["%s"] * len(columns)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 200):
            chunk = rows[start : start + 200]
            params = [value for row in chunk for value in row]
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(_qn(c) for c in columns)}) VALUES "
                f"{', '.join([row_sql] * len(chunk))} ON CONFLICT ({keys}) DO UPDATE SET {updates}",
                params,
            )


def _record_hit_database(visitor, kind, page_id, now, day):
    from .models import ArticleDailyViews, ArticleViewTotal, DailyVisits

    date = datetime.fromisoformat(day).date()
    with transaction.atomic(), connection.cursor() as cursor:
        presence = _qn("stats_presence")
        cursor.execute(
            f"INSERT INTO {presence} ({_qn('visitor')}, {_qn('kind')}, {_qn('last_seen')}) VALUES (%s, %s, %s) "
            f"ON CONFLICT ({_qn('visitor')}) DO UPDATE SET {_qn('kind')} = excluded.{_qn('kind')}, "
            f"{_qn('last_seen')} = excluded.{_qn('last_seen')}",
            [visitor, kind, now],
        )
        visit = _claim(cursor, f"v:{visitor}", now, visit_seconds())
        if visit:
            fields = {GUEST: 0, MEMBER: 0, BOT: 0}
            fields[kind] = 1
            upsert_add(
                DailyVisits,
                ["date"],
                ["guests", "members", "bots"],
                [[date, fields[GUEST], fields[MEMBER], fields[BOT]]],
            )
        view = False
        if page_id is not None and kind != BOT:
            view = _claim(cursor, f"a:{visitor}:{page_id}:{day}", now, 90000)
            if view:
                upsert_add(ArticleDailyViews, ["page_id", "date"], ["views"], [[page_id, date, 1]])
                upsert_add(ArticleViewTotal, ["page_id"], ["views"], [[page_id, 1]])
    return visit, view
