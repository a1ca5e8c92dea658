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
sets the CSRF cookie as Django would for a reader who has none.
"""

import base64
import hashlib
import os
import re
import time
from urllib.parse import parse_qsl

from django.conf import settings
from django.core import signing
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
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
    if page_seconds() <= 0:
        return None
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    path = environ.get("PATH_INFO") or "/"
    if any(re.match(pattern, path) for pattern in settings.PAGE_CACHE_EXCLUDED_PATHS):
        return None
    if environ.get("HTTP_AUTHORIZATION"):
        return None
    cookie_header = environ.get("HTTP_COOKIE")
    if cookie_header:
        cookies = parse_cookie(cookie_header)
        if any(name in cookies for name in bypass_cookies()):
            return None
    query = environ.get("QUERY_STRING")
    if query:
        ignored = settings.PAGE_CACHE_IGNORED_QUERY_PARAMETERS
        if any(name not in ignored for name, _value in parse_qsl(query, keep_blank_values=True)):
            return None
    secure = _is_secure(environ)
    if settings.SECURE_SSL_REDIRECT and not secure:
        return None  # SecurityMiddleware must redirect it
    if not _host_allowed(environ):
        return None  # Django answers 400
    return entry_key("https" if secure else "http", path)


def bypass_cookies():
    """Cookies that mean "this reader may see something of their own": the
    login session, messages waiting to be shown, and any the settings add."""
    return (settings.SESSION_COOKIE_NAME, "messages", *settings.PAGE_CACHE_BYPASS_COOKIES)


def entry_key(scheme, path):
    digest = hashlib.md5(f"{scheme}:{path}".encode("utf-8", "surrogateescape"), usedforsecurity=False).hexdigest()
    return ENTRY_PREFIX + digest


def keys_for_path(path):
    return [entry_key("http", path), entry_key("https", path)]


def _is_secure(environ):
    header = settings.SECURE_PROXY_SSL_HEADER
    if header:
        name, secure_value = header
        value = environ.get(name)
        if value is not None:
            return value.split(",")[0].strip() == secure_value
    return environ.get("wsgi.url_scheme") == "https"


def _host_allowed(environ):
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    domain, _port = split_domain_port(host)
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    return bool(domain) and validate_host(domain, allowed)


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


def forget_paths(paths):
    cache.delete_many([key for path in paths for key in keys_for_path(path)])


def bump_fragments():
    """Fragment caches ({% cache %} in templates) key on this number."""
    cache.set(FRAGMENTS_KEY, time.time_ns(), timeout=None)


def fragments_version():
    value = cache.get(FRAGMENTS_KEY)
    if value is None:
        cache.add(FRAGMENTS_KEY, time.time_ns(), timeout=None)
        value = cache.get(FRAGMENTS_KEY)
    return value or 0


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


def cached_response(key, environ):
    """The stored page for ``key`` with fresh secrets for this reader, or None."""
    found = _read([key, GENERATION_KEY])
    entry = found.get(key)
    if entry is None or entry[0] != current_generation(found):
        return None
    _generation, status, headers, parts = entry
    secret = new_secret = nonce = None
    chunks = []
    for part in parts:
        if part.__class__ is bytes:
            chunks.append(part)
        elif part == CSRF_PLACEHOLDER:
            if secret is None:
                secret, new_secret = _reader_csrf_secret(environ)
            chunks.append(_mask_csrf_secret(secret).encode())
        elif part == NONCE_PLACEHOLDER:
            nonce = nonce or _new_nonce()
            chunks.append(nonce.encode())
        else:
            chunks.append(_form_token(part[len(FORM_PLACEHOLDER) :]).encode())
    body = b"".join(chunks)
    response = HttpResponse(b"" if environ.get("REQUEST_METHOD") == "HEAD" else body, status=status)
    for name, value in headers:
        if NONCE_MARK in value:
            nonce = nonce or _new_nonce()
            value = value.replace(NONCE_MARK, nonce)
        response[name] = value
    response["Content-Length"] = str(len(body))
    response[HIT_HEADER] = "hit"
    if new_secret:
        # What CsrfViewMiddleware does for a reader who has no CSRF cookie yet.
        response.set_cookie(
            settings.CSRF_COOKIE_NAME,
            secret,
            max_age=settings.CSRF_COOKIE_AGE,
            domain=settings.CSRF_COOKIE_DOMAIN,
            path=settings.CSRF_COOKIE_PATH,
            secure=settings.CSRF_COOKIE_SECURE,
            httponly=settings.CSRF_COOKIE_HTTPONLY,
            samesite=settings.CSRF_COOKIE_SAMESITE,
        )
        patch_vary_headers(response, ("Cookie",))
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
_INDEX = {char: index for index, char in enumerate(_CHARS)}
_UNBIASED_BELOW = 256 - 256 % len(_CHARS)


def _random_csrf_string(length=csrf.CSRF_SECRET_LENGTH):
    """As django.middleware.csrf._get_new_csrf_string, from one os.urandom
    call instead of 32 calls of secrets.choice (a third of a hit's time);
    rejection sampling keeps every character equally likely."""
    chars = []
    while len(chars) < length:
        chars += [_CHARS[byte % len(_CHARS)] for byte in os.urandom(length + 8) if byte < _UNBIASED_BELOW]
    return "".join(chars[:length])


def _mask_csrf_secret(secret):
    """Django's _mask_cipher_secret (a new mask, then secret + mask per
    character), with the faster random mask above. Django's CSRF check
    unmasks it (tests post with CSRF checks enforced)."""
    mask = _random_csrf_string()
    cipher = "".join(_CHARS[(_INDEX[x] + _INDEX[y]) % len(_CHARS)] for x, y in zip(secret, mask, strict=True))
    return mask + cipher


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


def store(key, request, response):
    """Keep ``response`` under ``key`` and give it its Cache-Control: public
    when it is the same bytes for every reader, ``private, no-cache`` when it
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
    response["Cache-Control"] = PER_READER_CACHE_CONTROL if per_reader else public_cache_control()
    headers = []
    for name, value in response.items():
        if name.lower() in ("content-length", "set-cookie", HIT_HEADER.lower()):
            continue
        headers.append((name, value.replace(nonce, NONCE_MARK) if nonce else value))
    from .purge import seconds_until_scheduled_change

    timeout = seconds_until_scheduled_change(page_seconds())
    cache.set(key, (generation, response.status_code, headers, parts), timeout)
    return True
