"""Whole pages for anonymous readers, kept in the default cache (Redis when
REDIS_URL is set) and served before any other middleware runs.

A request may be answered from the cache only when it is obviously the same
for every reader: GET or HEAD, no session or message cookie, no Authorization
header, no query string except tracking parameters that change nothing on the
page, an allowed host, outside the admin and the other excluded paths. A page
is kept only from such a request, with status 200, no cookie other than the
CSRF cookie, and no ``Cache-Control`` that says private, no-cache or no-store
(Wagtail sends that for pages with view restrictions).

What is secret to one reader is never shared: before a page is kept, its CSRF
tokens, its CSP nonce and the one-time form tokens (``qa.antispam``) are cut
out and replaced by placeholders; every hit fills them with new values and
sets the CSRF cookie as Django would for a reader who has none. Such a page
is ``private`` to shared caches. The reader forms (comments, questions,
consultations) no longer put tokens in a page that may be kept: they fetch
them (``qa.antispam.defers_tokens``), so those pages are public.
"""

import base64
import hashlib
import os
import re
import time
import weakref
from urllib.parse import parse_qsl

from django.conf import settings
from django.core import signing
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.core.signals import setting_changed
from django.http import HttpResponse, parse_cookie
from django.http.request import split_domain_port, validate_host
from django.middleware import csrf
from django.utils.cache import patch_vary_headers

ENTRY_PREFIX = "pagecache:page:"
GENERATION_KEY = "pagecache:generation"
FRAGMENTS_KEY = "pagecache:fragments"
# Set on the WSGI environ by pagecache.wsgi after a miss, so the middleware
# does not ask the cache a second time.
LOOKED_UP = "pagecache.looked_up"
HIT_HEADER = "X-Page-Cache"
NONCE_MARK = "{pagecache-nonce}"
MAX_BODY_BYTES = 2 * 1024 * 1024

CSRF_PLACEHOLDER = "csrf"
NONCE_PLACEHOLDER = "nonce"
FORM_PLACEHOLDER = "form:"  # + the form's kind ("comment", "question", ...)

_CSRF_CANDIDATE = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{%d}(?![A-Za-z0-9])" % csrf.CSRF_TOKEN_LENGTH)
# django.core.signing.dumps: payload (with "." when compressed), timestamp, signature.
_SIGNED_CANDIDATE = re.compile(rb"(?<![\w.:-])\.?[\w-]{8,}:[0-9A-Za-z]{4,}:[\w-]{20,}(?![\w:-])")


def page_seconds():
    """How long a page is kept (PAGE_CACHE_SECONDS); 0 turns the page cache off."""
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0)


# --- Which requests ------------------------------------------------------------


def request_key(environ):
    """The cache key of this request, or None when it must be neither served
    from nor stored in the page cache. Reads the WSGI environ only, so the WSGI
    wrapper can call it before Django builds a request."""
    config = _config()
    if config.seconds <= 0:
        return None
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    path = environ.get("PATH_INFO") or "/"
    if config.excluded is not None and config.excluded.match(path):
        return None
    if environ.get("HTTP_AUTHORIZATION"):
        return None
    cookie_header = environ.get("HTTP_COOKIE")
    if cookie_header:
        cookies = parse_cookie(cookie_header)
        if any(name in cookies for name in config.bypass_cookies):
            return None
    query = environ.get("QUERY_STRING")
    if query:
        ignored = config.ignored_parameters
        if any(name not in ignored for name, _value in parse_qsl(query, keep_blank_values=True)):
            return None
    secure = _is_secure(environ, config)
    if config.ssl_redirect and not secure:
        return None  # SecurityMiddleware must redirect it
    if not _host_allowed(environ, config):
        return None  # Django answers 400
    return entry_key("https" if secure else "http", path)


class _Config:
    """The settings a hit reads, taken once (reading ``settings`` costs a lazy
    attribute lookup each time); forgotten when a setting changes (tests)."""

    def __init__(self):
        self.seconds = page_seconds()
        patterns = list(settings.PAGE_CACHE_EXCLUDED_PATHS)
        self.excluded = re.compile("|".join(f"(?:{pattern})" for pattern in patterns)) if patterns else None
        self.bypass_cookies = bypass_cookies()
        self.ignored_parameters = frozenset(settings.PAGE_CACHE_IGNORED_QUERY_PARAMETERS)
        self.ssl_header = settings.SECURE_PROXY_SSL_HEADER
        self.ssl_redirect = settings.SECURE_SSL_REDIRECT
        allowed = settings.ALLOWED_HOSTS
        if settings.DEBUG and not allowed:
            allowed = [".localhost", "127.0.0.1", "[::1]"]
        self.allowed_hosts = allowed
        self.hosts = {}  # Host header -> allowed?
        self.local_seconds = float(getattr(settings, "PAGE_CACHE_LOCAL_SECONDS", 0) or 0)
        self.local_entries = int(getattr(settings, "PAGE_CACHE_LOCAL_ENTRIES", 128) or 0)
        self.csrf_cookie = {
            "key": settings.CSRF_COOKIE_NAME,
            "max_age": settings.CSRF_COOKIE_AGE,
            "domain": settings.CSRF_COOKIE_DOMAIN,
            "path": settings.CSRF_COOKIE_PATH,
            "secure": settings.CSRF_COOKIE_SECURE,
            "httponly": settings.CSRF_COOKIE_HTTPONLY,
            "samesite": settings.CSRF_COOKIE_SAMESITE,
        }
        self.cookie_templates = {}  # second -> (before, after) the secret in Set-Cookie


_config_value = None


def _config():
    global _config_value
    if _config_value is None:
        _config_value = _Config()
    return _config_value


def _forget_config(**kwargs):
    global _config_value, _reader
    _config_value = None
    if kwargs.get("setting") == "CACHES":
        _reader = None


setting_changed.connect(_forget_config)


def bypass_cookies():
    """Cookies that mean "this reader may see something of their own": the
    login session, messages waiting to be shown, and any the settings add."""
    return (settings.SESSION_COOKIE_NAME, "messages", *settings.PAGE_CACHE_BYPASS_COOKIES)


def entry_key(scheme, path):
    digest = hashlib.md5(f"{scheme}:{path}".encode("utf-8", "surrogateescape"), usedforsecurity=False).hexdigest()
    return ENTRY_PREFIX + digest


def keys_for_path(path):
    return [entry_key("http", path), entry_key("https", path)]


def _is_secure(environ, config):
    header = config.ssl_header
    if header:
        name, secure_value = header
        value = environ.get(name)
        if value is not None:
            return value.split(",")[0].strip() == secure_value
    return environ.get("wsgi.url_scheme") == "https"


def _host_allowed(environ, config):
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    allowed = config.hosts.get(host)
    if allowed is None:
        domain, _port = split_domain_port(host)
        allowed = bool(domain) and validate_host(domain, config.allowed_hosts)
        if len(config.hosts) < 64:  # the Host header is the client's: keep a few
            config.hosts[host] = allowed
    return allowed


# --- Generation: "forget every page" in one write --------------------------------


def current_generation(found=None):
    """Every entry carries the generation it was stored under; bumping the
    generation (``forget_all``) makes every stored page a miss at once. A
    missing generation (evicted, or Redis restarted) gets a new value, so old
    entries can never come back."""
    value = (found if found is not None else cache.get_many([GENERATION_KEY])).get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def forget_all():
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    for copy in list(LocalCopy.instances):
        copy.clear()


def forget_paths(paths):
    keys = [key for path in paths for key in keys_for_path(path)]
    cache.delete_many(keys)
    for copy in list(LocalCopy.instances):
        copy.discard(keys)


def bump_fragments():
    """Shared fragments ({% shared_fragment %} in templates) key on this number."""
    cache.set(FRAGMENTS_KEY, time.time_ns(), timeout=None)


def fragments_version():
    value = cache.get(FRAGMENTS_KEY)
    if value is None:
        cache.add(FRAGMENTS_KEY, time.time_ns(), timeout=None)
        value = cache.get(FRAGMENTS_KEY)
    return value or 0


FRAGMENT_PREFIX = "pagecache:fragment:"


def fragment_key(name, language, version, *parts):
    """The cache key of a shared fragment (``{% shared_fragment %}``)."""
    return ":".join([FRAGMENT_PREFIX + name, language or "", str(version), *map(str, parts)])


def shared_fragment(request, key, build):
    """The value kept under the shared fragment ``key``, built by ``build()``
    and kept when there is none: read from what ``{% prefetch_shared_fragments %}``
    fetched for this request when it asked for ``key``, else from the cache.
    Kept at most FRAGMENT_CACHE_SECONDS and never past the next scheduled
    change (a banner starting or ending, a page expiring), which is asked
    once per request however many fragments it builds."""
    prefetched = getattr(request, "_prefetched_fragments", None)
    value = prefetched[key] if prefetched is not None and key in prefetched else cache.get(key)
    if value is None:
        value = build()
        timeout = getattr(request, "_shared_fragment_timeout", None)
        if timeout is None:
            from .purge import seconds_until_scheduled_change

            timeout = request._shared_fragment_timeout = seconds_until_scheduled_change(settings.FRAGMENT_CACHE_SECONDS)
        cache.set(key, value, timeout)
    return value


def forget_fragment(name, *parts):
    """Forget one shared fragment in every language, for a change that shows
    in it alone (a comment under one article) and need not rebuild the rest."""
    version = fragments_version()
    cache.delete_many([fragment_key(name, code, version, *parts) for code, _name in settings.LANGUAGES])


# --- Serving a hit -------------------------------------------------------------------


_reader = None


def _read(keys):
    """``cache.get_many`` for the hit path. On Redis it reuses one client
    (Django's backend builds a new client object on every call, which costs
    more than the round trip itself) and degrades to a miss when Redis does
    not answer, as resilience.cache does."""
    global _reader
    if _reader is None:
        backend = caches["default"]
        _reader = (backend, backend._cache.get_client(write=False) if isinstance(backend, RedisCache) else None)
    backend, client = _reader
    if client is None:
        return cache.get_many(keys)
    from resilience.cache import REDIS_ERRORS

    try:
        values = client.mget([backend.make_key(key) for key in keys])
    except REDIS_ERRORS:
        return {}
    loads = backend._cache._serializer.loads
    return {key: loads(value) for key, value in zip(keys, values, strict=True) if value is not None}


class Hit:
    """A stored page made ready to serve many times: its status line, its
    headers (the CSP nonce's places found once) and its body as literal bytes
    and the positions of per-reader values."""

    __slots__ = ("generation", "status", "reason", "headers", "vary_cookie", "parts", "per_reader")

    def __init__(self, entry):
        generation, status, headers, parts = entry
        self.generation = generation
        self.status = status
        self.reason = HttpResponse(status=status).reason_phrase
        self.headers = [(name, value.split(NONCE_MARK) if NONCE_MARK in value else value) for name, value in headers]
        probe = HttpResponse()
        for name, value in headers:
            if name.lower() == "vary":
                probe[name] = value
        patch_vary_headers(probe, ("Cookie",))
        self.vary_cookie = probe["Vary"]
        self.parts = parts
        self.per_reader = any(part.__class__ is str for part in parts)

    def render(self, environ):
        """(status, reason, headers, body, new CSRF secret or None) for one reader."""
        secret = new_secret = nonce = None
        if self.per_reader:
            chunks = []
            for part in self.parts:
                if part.__class__ is bytes:
                    chunks.append(part)
                elif part == CSRF_PLACEHOLDER:
                    if secret is None:
                        secret, new = _reader_csrf_secret(environ)
                        new_secret = secret if new else None
                    chunks.append(_mask_csrf_secret(secret).encode())
                elif part == NONCE_PLACEHOLDER:
                    nonce = nonce or _new_nonce()
                    chunks.append(nonce.encode())
                else:
                    chunks.append(_form_token(part[len(FORM_PLACEHOLDER) :]).encode())
            body = b"".join(chunks)
        else:
            body = b"".join(self.parts)
        headers = []
        for name, value in self.headers:
            if value.__class__ is list:
                nonce = nonce or _new_nonce()
                value = nonce.join(value)
            elif new_secret and name == "Vary":
                continue
            headers.append((name, value))
        headers.append(("Content-Length", str(len(body))))
        headers.append((HIT_HEADER, "hit"))
        if new_secret:
            headers.append(("Vary", self.vary_cookie))
        if environ.get("REQUEST_METHOD") == "HEAD":
            body = b""
        return self.status, self.reason, headers, body, new_secret


class LocalCopy:
    """A worker's own copy of the pages it served in the last
    PAGE_CACHE_LOCAL_SECONDS: a hit on it asks Redis nothing. Older than that,
    the entry and the generation are read from Redis again, so a purge made in
    another worker reaches this one within that time; a purge made in this
    process empties the copy at once. At most PAGE_CACHE_LOCAL_ENTRIES pages."""

    instances = weakref.WeakSet()

    def __init__(self):
        self.entries = {}
        LocalCopy.instances.add(self)

    def get(self, key, config):
        if config.local_seconds <= 0:
            return _load_hit(key)
        now = time.monotonic()
        held = self.entries.get(key)
        if held is not None and held[0] > now:
            return held[1]
        hit = _load_hit(key, held[1] if held is not None else None)
        if hit is None:
            self.entries.pop(key, None)
        else:
            if len(self.entries) >= config.local_entries:
                self.entries.clear()
            self.entries[key] = (now + config.local_seconds, hit)
        return hit

    def clear(self):
        self.entries.clear()

    def discard(self, keys):
        for key in keys:
            self.entries.pop(key, None)


def _load_hit(key, previous=None):
    """The ready page for ``key`` from the cache, or None (absent, or stored
    under an older generation). ``previous`` is reused when still current."""
    found = _read([key, GENERATION_KEY])
    entry = found.get(key)
    if entry is None or entry[0] != current_generation(found):
        return None
    if previous is not None and previous.generation == entry[0] and previous.parts == entry[3]:
        return previous
    return Hit(entry)


def cookie_header(secret):
    """The Set-Cookie value Django's CsrfViewMiddleware sends for ``secret``
    (built once a second: only its expiry date changes)."""
    config = _config()
    second = int(time.time())
    template = config.cookie_templates.get(second)
    if template is None:
        probe = HttpResponse()
        options = dict(config.csrf_cookie)
        probe.set_cookie(options.pop("key"), _COOKIE_MARK, **options)
        template = tuple(next(iter(probe.cookies.values())).OutputString().split(_COOKIE_MARK))
        config.cookie_templates = {second: template}
    return secret.join(template)


_COOKIE_MARK = "PageCacheSecretMark" + "0" * (csrf.CSRF_SECRET_LENGTH - 19)


def cached_response(key, environ):
    """The stored page for ``key`` with fresh secrets for this reader, or None."""
    hit = _load_hit(key)
    if hit is None:
        return None
    status, _reason, headers, body, new_secret = hit.render(environ)
    response = HttpResponse(body, status=status)
    for name, value in headers:
        response[name] = value
    if new_secret:
        # What CsrfViewMiddleware does for a reader who has no CSRF cookie yet.
        options = dict(_config().csrf_cookie)
        response.set_cookie(options.pop("key"), new_secret, **options)
    return response


def _reader_csrf_secret(environ):
    """(secret, is_new): the reader's CSRF cookie when it holds a valid secret,
    else a new one that the response will set."""
    value = parse_cookie(environ.get("HTTP_COOKIE", "")).get(settings.CSRF_COOKIE_NAME, "")
    if len(value) == csrf.CSRF_SECRET_LENGTH:
        try:
            csrf._check_token_format(value)
            return value, False
        except csrf.InvalidTokenFormat:
            pass
    return _random_csrf_string(), True


_CHARS = csrf.CSRF_ALLOWED_CHARS
_UNBIASED_BELOW = 256 - 256 % len(_CHARS)
# Byte -> character for bytes below _UNBIASED_BELOW; the others are dropped.
_BYTE_TO_CHAR = bytes(ord(_CHARS[byte % len(_CHARS)]) if byte < _UNBIASED_BELOW else 0 for byte in range(256))
_BIASED_BYTES = bytes(range(_UNBIASED_BELOW, 256))
# Two characters (secret's, mask's) -> the masked character.
_MASKED = {x + y: _CHARS[(i + j) % len(_CHARS)] for i, x in enumerate(_CHARS) for j, y in enumerate(_CHARS)}


def _random_csrf_string(length=csrf.CSRF_SECRET_LENGTH):
    """As django.middleware.csrf._get_new_csrf_string, from os.urandom and one
    bytes.translate instead of 32 calls of secrets.choice (a third of a hit's
    time); dropping the bytes above the last whole multiple of the alphabet
    keeps every character equally likely."""
    chars = b""
    while len(chars) < length:
        chars += os.urandom(length + 8).translate(_BYTE_TO_CHAR, _BIASED_BYTES)
    return chars[:length].decode("ascii")


def _mask_csrf_secret(secret):
    """Django's _mask_cipher_secret (a new mask, then secret + mask per
    character), with the faster random mask above. Django's CSRF check
    unmasks it (tests post with CSRF checks enforced)."""
    mask = _random_csrf_string()
    return mask + "".join(map(_MASKED.__getitem__, map(str.__add__, secret, mask)))


def _new_nonce():
    # The same form as django-csp's own nonces.
    return base64.b64encode(os.urandom(16)).decode("ascii")


def _form_token(kind):
    from qa.antispam import make_token

    return make_token(kind)


# --- Storing a miss ----------------------------------------------------------------


def storable(request, response):
    """True when this response may be kept for every anonymous reader."""
    if request.method != "GET" or request.META.get("QUERY_STRING"):
        return False  # kept only from the bare address; tracking parameters are served, not stored
    if response.status_code != 200 or response.streaming:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cookies = set(response.cookies)
    if cookies - {settings.CSRF_COOKIE_NAME}:
        return False
    if settings.CSRF_USE_SESSIONS and settings.CSRF_COOKIE_NAME in cookies:
        return False
    return len(response.content) <= MAX_BODY_BYTES


def split_secrets(request, body):
    """The body as literal bytes and placeholders for every per-reader value."""
    spans = []
    secret = request.META.get("CSRF_COOKIE")
    if secret:
        for match in _CSRF_CANDIDATE.finditer(body):
            if csrf._unmask_cipher_token(match.group().decode("ascii")) == secret:
                spans.append((match.start(), match.end(), CSRF_PLACEHOLDER))
    nonce = getattr(request, "_csp_nonce", None)
    if isinstance(nonce, str) and nonce:
        needle = nonce.encode("ascii")
        start = body.find(needle)
        while start != -1:
            spans.append((start, start + len(needle), NONCE_PLACEHOLDER))
            start = body.find(needle, start + len(needle))
    for match in _SIGNED_CANDIDATE.finditer(body):
        kind = _form_token_kind(match.group().decode("ascii"))
        if kind:
            spans.append((match.start(), match.end(), FORM_PLACEHOLDER + kind))
    parts, position = [], 0
    for start, end, placeholder in sorted(spans):
        if start < position:
            continue
        parts += [body[position:start], placeholder]
        position = end
    parts.append(body[position:])
    return tuple(part for part in parts if part != b"")


def _form_token_kind(value):
    from qa.antispam import TOKEN_SALT

    try:
        data = signing.loads(value, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    if isinstance(data, dict) and "n" in data and isinstance(data.get("k"), str):
        return data["k"]
    return None


def public_cache_control():
    return f"public, max-age={settings.PAGE_CACHE_BROWSER_SECONDS}, s-maxage={page_seconds()}"


PER_READER_CACHE_CONTROL = "private, no-cache"
NOT_SHARED_CACHE_CONTROL = "private, no-store"


def _drop_vary_cookie(response):
    """A page kept for everyone is, by the rules above, the same for every
    request it may be served to: ``Vary: Cookie`` (the session middleware
    adds it as soon as a template asks whether the reader is logged in)
    would only make a shared cache keep one copy per cookie header, so every
    reader with the CSRF cookie or any other cookie of their own would miss.
    Logged-in readers are told apart by the session cookie, which every
    cache in front bypasses (``request_key``, deploy/nginx/, README)."""
    vary = [value.strip() for value in response.get("Vary", "").split(",") if value.strip()]
    kept = [value for value in vary if value.lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif "Vary" in response:
        del response["Vary"]


def store(key, request, response):
    """Keep ``response`` under ``key`` and give it its Cache-Control: public
    (and no ``Vary: Cookie``) when it is the same bytes for every reader (the
    reader forms fetch their tokens: ``qa.antispam.defers_tokens``),
    ``private, no-cache`` when it
    holds a value of each reader's own (a form's tokens, a nonce), which a CDN
    must not share. Returns False when the cache is unavailable."""
    generation = current_generation()
    if generation is None:
        return False
    parts = split_secrets(request, response.content)
    nonce = getattr(request, "_csp_nonce", None)
    nonce = nonce if isinstance(nonce, str) and nonce else None
    per_reader = any(part.__class__ is str for part in parts) or any(
        nonce in value for value in response.headers.values() if nonce
    )
    if per_reader:
        response["Cache-Control"] = PER_READER_CACHE_CONTROL
    else:
        response["Cache-Control"] = public_cache_control()
        _drop_vary_cookie(response)
    headers = []
    for name, value in response.items():
        if name.lower() in ("content-length", "set-cookie", HIT_HEADER.lower()):
            continue
        headers.append((name, value.replace(nonce, NONCE_MARK) if nonce else value))
    from .purge import seconds_until_scheduled_change

    timeout = seconds_until_scheduled_change(page_seconds())
    cache.set(key, (generation, response.status_code, headers, parts), timeout)
    return True
