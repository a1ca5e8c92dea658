"""Settings shared by every environment.

Everything that differs between machines is read from the environment, with a
safe default for the embedded demo (SQLite under ``var/``, no Redis, no
Elasticsearch, mail printed to the console).
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
# The embedded SQLite database and media live here; a fresh clone has no var/.
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
PRIMARY_HOST = os.environ.get("PRIMARY_HOST", "127.0.0.1:8000")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The portal's own apps first, so their templates override Wagtail's.
    "accounts",
    "images",
    "home",
    "news",
    "qa",
    "search",
    "editorial",
    "nukeviet",
    "stats",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The request's Wagtail Site from this worker's copy (one query less on every page).
    "home.sites.SiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # NukeViet import: old /news/…/<alias>-<id>.html addresses answer 301 (after every 404).
    "nukeviet.middleware.LegacyUrlMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Persistent connections buy nothing on SQLite and hold file locks.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions -----------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            "TIMEOUT": 300,
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "TIMEOUT": 300,
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Search -----------------------------------------------------------------
# Vietnamese-aware search (see README "Search"): every backend indexes folded
# copies of titles and text (search/indexing.py). On PostgreSQL the database
# backend uses the "portal_vi" text search configuration (a copy of "simple",
# created by search/migrations/0001), so Vietnamese is never stemmed as English.
_SEARCH_DATABASE = {"BACKEND": "wagtail.search.backends.database"}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    _SEARCH_DATABASE["SEARCH_CONFIG"] = "portal_vi"
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if ELASTICSEARCH_URL:
    from search.elastic import elasticsearch_backend_settings

    WAGTAILSEARCH_BACKENDS = {
        "default": elasticsearch_backend_settings(ELASTICSEARCH_URL, os.environ.get("ELASTICSEARCH_INDEX", "portal")),
        # Kept up to date beside Elasticsearch: readers get its results when
        # Elasticsearch does not answer (search/engine.py).
        "database": _SEARCH_DATABASE,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": _SEARCH_DATABASE}
# Candidates fetched from the backend before re-ranking in Python, newest first.
PORTAL_SEARCH_CANDIDATES = 1000

# --- Users and passwords ----------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

# --- Languages and time -----------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [SITE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

# --- Mail -------------------------------------------------------------------
EMAIL_URL = os.environ.get("EMAIL_URL", "console:")
vars().update(dj_email_url.parse(EMAIL_URL))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Cổng TTĐT Đảng bộ tỉnh <noreply@portal.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail ----------------------------------------------------------------
WAGTAIL_SITE_NAME = "Cổng thông tin điện tử Đảng bộ tỉnh"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"http://{PRIMARY_HOST}")
WAGTAILIMAGES_IMAGE_MODEL = "images.PortalImage"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# The portal's own two-step workflow replaces Wagtail's default one.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

PORTAL_NAME = _("Cổng thông tin điện tử Đảng bộ tỉnh")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"portal": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# --- Editorial workflow (editorial/) ----------------------------------------
# Workflow mail goes to the next stage's group and to the author only; the
# technical administrators are not on every submission.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# A new translation starts as a draft and goes through the same workflow,
# instead of wagtail-localize publishing it because its source is live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Dates in the admin are dd/mm/yyyy in both languages (config/formats/).
FORMAT_MODULE_PATH = ["config.formats"]

# --- Images, documents and media storage (images/, news/photo_reports.py) ---
from config.media import media_storage  # noqa: E402

# Local disk by default; S3-compatible storage when AWS_STORAGE_BUCKET_NAME is set.
STORAGES["default"] = media_storage(os.environ)
# Uploads: a size and a pixel limit, raster formats only (an SVG can carry script).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 20 * 1024 * 1024))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 50_000_000))
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif"]
# None = AVIF (gallery photos only) when this Pillow can write it, then WebP, then JPEG.
PORTAL_IMAGE_FORMATS = None
# Documents always go through Wagtail's view: it checks collection privacy and
# sends Content-Disposition (attachment except PDF) and nosniff, on disk or S3.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "txt", "csv", "zip"]

# --- Visitor statistics and idle timeout (stats/, accounts/idle.py) ---------
# Hot counters go to Redis when set (by default the cache's REDIS_URL; a
# separate database number with no eviction is better in production), and
# `manage.py flush_stats` moves them to the database every minute.
STATS_REDIS_URL = os.environ.get("STATS_REDIS_URL", REDIS_URL)
STATS_REDIS_PREFIX = "portal-stats:"
STATS_ONLINE_SECONDS = 300  # "online now" = seen in the last 5 minutes
STATS_VISIT_SECONDS = 1800  # one visit per visitor per 30 minutes
# Logged-in users are warned after this many idle seconds and logged out
# IDLE_WARNING_SECONDS later (the banner's countdown).
IDLE_TIMEOUT_SECONDS = int(os.environ.get("IDLE_TIMEOUT_SECONDS", "1800"))
IDLE_WARNING_SECONDS = 60
# Requests the browser makes by itself: never "activity".
IDLE_IGNORED_PATHS = [
    r"^/admin/editing-sessions/",  # Wagtail's concurrent-editing ping, every few seconds on an edit view
    r"^/admin/jsi18n/",
    r"^/stats/hit/",
]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "accounts.idle.IdleTimeoutMiddleware",
)

# --- Security (#10): accounts/, audit/, resilience/ ----------------------------
INSTALLED_APPS += [  # noqa: F405
    "audit",
    "resilience",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
]
# The database-down handler sits outermost; the CSP and header middleware wrap
# every response; OTP after authentication; axes last, as its docs require.
MIDDLEWARE = (
    ["resilience.middleware.DatabaseUnavailableMiddleware"]
    + MIDDLEWARE[:1]
    + ["accounts.middleware.SecurityHeadersMiddleware", "accounts.middleware.PortalCSPMiddleware"]
    + MIDDLEWARE[1:]
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1, "accounts.middleware.SessionLifetimeMiddleware"
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("accounts.middleware.SessionLifetimeMiddleware") + 1,
    "accounts.middleware.RequireTwoFactorMiddleware",
)
MIDDLEWARE.insert(MIDDLEWARE.index("django_otp.middleware.OTPMiddleware"), "audit.middleware.CurrentRequestMiddleware")
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware"),
    "resilience.middleware.CleanQueryParametersMiddleware",
)
MIDDLEWARE.append("axes.middleware.AxesMiddleware")

AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
# Lock-out: five wrong passwords for one user name from one address locks that
# pair for 30 minutes (a thief cannot lock a real editor out from elsewhere).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", 0.5))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_IPWARE_META_PRECEDENCE_ORDER = [os.environ.get("QA_CLIENT_IP_HEADER", "REMOTE_ADDR"), "REMOTE_ADDR"]
AXES_VERBOSE = False

# Two-step login (TOTP + recovery codes) for the moderating groups and the
# administrators; on in production (production.py), off in the demo.
OTP_REQUIRED = env_bool("OTP_REQUIRED", False)
OTP_REQUIRED_GROUPS = ["Tổ Thư ký", "Ban Biên tập", "Ban Điều hành"]
OTP_TOTP_ISSUER = "Cổng TTĐT Đảng bộ tỉnh"

# Sessions: an absolute lifetime from login, whatever the activity.
SESSION_ABSOLUTE_SECONDS = int(os.environ.get("SESSION_ABSOLUTE_SECONDS", 12 * 3600))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy: scripts and styles only from our own static files or
# with the request's nonce; video frames from the oEmbed providers we accept.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CSP_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES", "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *CSP_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin uses inline scripts and styles of its own: a looser policy
# there, still no outside scripts and no framing by other sites.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", "https:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
CSP_ADMIN_PREFIXES = ["/admin/", "/django-admin/"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

# Reliability: Redis down → the cache degrades and logs (resilience/cache.py).
if REDIS_URL:
    CACHES["default"]["BACKEND"] = "resilience.cache.ResilientRedisCache"
    CACHES["default"]["OPTIONS"] = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
LOGGING["loggers"]["axes"] = {"handlers": ["console"], "level": "WARNING", "propagate": False}
# One-time form tokens: a reader who presses "Gửi" twice stores one item.
QA_ONE_TIME_TOKENS = True
# Reader forms on pages every anonymous reader shares carry no CSRF or form
# token; qa/form-tokens.js fetches them on first focus (qa.antispam.defers_tokens),
# so a shared cache (nginx, a CDN) can keep the article. False: inline tokens.
QA_DEFERRED_FORM_TOKENS = env_bool("QA_DEFERRED_FORM_TOKENS", True)
# Backups (make backup / make restore).
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", VAR_DIR / "backups"))
# Password rules: at least 12 characters, no common password, messages in Vietnamese.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "accounts.passwords.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Query parameters that hold a search: reduced to words before any view sees them,
# except on the search page, whose engine folds and tokenises the query itself
# (it shows "only punctuation" advice and highlights what the reader typed).
SEARCH_QUERY_PARAMETERS = ("q",)
SEARCH_QUERY_EXEMPT_PATHS = [r"^/(en/)?search/"]

# --- Page cache and CDN (pagecache/, #13) -----------------------------------------
# Whole pages for anonymous readers in the default cache (Redis when REDIS_URL
# is set); answered before any other middleware (and, under gunicorn, before
# Django: config/wsgi.py). PAGE_CACHE_SECONDS=0 turns the page cache off.
# Without Redis each process keeps its own copy: use one process (runserver).
INSTALLED_APPS += ["pagecache"]  # noqa: F405
MIDDLEWARE.insert(0, "pagecache.middleware.PageCacheMiddleware")
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 300))
# Browsers keep a shared page this long (they cannot be purged on publish).
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", 60))
# Never cached: the admin, documents (collection privacy), statistics beacons,
# session endpoints, the reader forms' POST addresses and the search.
PAGE_CACHE_EXCLUDED_PATHS = [
    r"^/admin/",
    r"^/django-admin/",
    r"^/documents/",
    r"^/stats/",
    r"^/session/",
    r"^/(en/)?y-kien/",
    r"^/(en/)?search/",
]
# Parameters that change nothing on the page: such a request is served the page.
PAGE_CACHE_IGNORED_QUERY_PARAMETERS = env_list(
    "PAGE_CACHE_IGNORED_QUERY_PARAMETERS",
    "utm_source,utm_medium,utm_campaign,utm_term,utm_content,fbclid,gclid,zarsrc",
)
# Cookies besides the session and messages cookies that mean "not anonymous".
PAGE_CACHE_BYPASS_COOKIES = env_list("PAGE_CACHE_BYPASS_COOKIES")
# Each worker also keeps the pages it served this many seconds in its own
# memory (at most PAGE_CACHE_LOCAL_ENTRIES): a hit then asks Redis nothing, and
# a purge reaches every worker within this time. 0 turns the copy off.
PAGE_CACHE_LOCAL_SECONDS = float(os.environ.get("PAGE_CACHE_LOCAL_SECONDS", 1))
PAGE_CACHE_LOCAL_ENTRIES = int(os.environ.get("PAGE_CACHE_LOCAL_ENTRIES", 128))
# Shared blocks ({% shared_fragment %}: menu, sidebar boxes, home strips, the article);
# forgotten on every publish anyway, this bounds the counts they show.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", 300))

# Wagtail's frontend cache (CDN / reverse proxy), purged with the same URLs as
# the page cache on publish. None unless configured:
#   FRONTEND_CACHE_PURGE_URL=http://127.0.0.1:6081   (Varnish or nginx taking PURGE)
#   CLOUDFLARE_ZONE_ID + CLOUDFLARE_BEARER_TOKEN      (Cloudflare)
#   CLOUDFRONT_DISTRIBUTION_ID (+ AWS credentials)    (CloudFront)
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
# The purge set already names each language's own addresses.
WAGTAILFRONTENDCACHE_LANGUAGES = []
