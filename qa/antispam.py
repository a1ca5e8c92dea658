"""One anti-spam mechanism for every reader form, with no outside service:
CSRF (Django's middleware), a honeypot field, a signed minimum time-to-submit
token, length limits (on the form fields) and a per-IP rate limit.

The rate limit counts every POST per client address and kind of form in fixed
windows. With Redis as the default cache it uses Redis's atomic INCR; otherwise
it uses the database (``Counter``), because a local-memory cache is per process
and would let each worker count on its own.
"""

import secrets
import time
from datetime import UTC, datetime

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

TOKEN_SALT = "qa.form-started"

# kind: (how many POSTs, per how many seconds) from one address.
DEFAULT_RATE_LIMITS = {
    "question": (10, 3600),
    "lookup": (20, 3600),
    "comment": (20, 3600),
    "feedback": (30, 3600),
}


def min_submit_seconds():
    return getattr(settings, "QA_MIN_SUBMIT_SECONDS", 3)


def max_token_age():
    # A long consultation answer may take a reader a whole day to write.
    return getattr(settings, "QA_FORM_MAX_AGE", 24 * 3600)


def make_token(kind, issued_at=None):
    """A signed note of when the form was shown, for which form, and a random
    one-time number (``n``): a form can be sent once (see ``claim_once``)."""
    issued = int(issued_at if issued_at is not None else time.time())
    return signing.dumps({"k": kind, "t": issued, "n": secrets.token_urlsafe(12)}, salt=TOKEN_SALT)


def claim_once(kind, token):
    """True the first time a valid form with this token is accepted, False for
    a second press of "Gửi" (or a replay). The claim is a row in ``Counter``,
    shared by every worker, kept until the token could no longer be used."""
    if not getattr(settings, "QA_ONE_TIME_TOKENS", True):
        return True
    try:
        data = signing.loads(token or "", salt=TOKEN_SALT)
        nonce, issued = str(data["n"]), int(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return True  # token_problem() has already refused a bad token
    from .models import Counter

    expires_at = datetime.fromtimestamp(issued + max_token_age() + 3600, tz=UTC)
    first = Counter.increment(f"once:{kind}:{nonce}", expires_at=expires_at) == 1
    if first:
        Counter.delete_expired()
    return first


def token_problem(kind, token, now=None):
    """None if the token is good, else the message to show the reader (the
    form stays filled in, so sending again loses nothing)."""
    now = now if now is not None else time.time()
    try:
        data = signing.loads(token or "", salt=TOKEN_SALT)
        issued = int(data["t"])
        valid = data["k"] == kind
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        valid = False
    if not valid:
        return _("Biểu mẫu không hợp lệ. Vui lòng kiểm tra nội dung và bấm Gửi lần nữa.")
    if now - issued < min_submit_seconds():
        return _("Bạn gửi quá nhanh. Vui lòng kiểm tra lại nội dung và bấm Gửi lần nữa.")
    if now - issued > max_token_age():
        return _("Biểu mẫu đã mở quá lâu. Nội dung của bạn vẫn còn, vui lòng bấm Gửi lần nữa.")
    return None


class FreshTokenInput(forms.HiddenInput):
    """Always renders a new token, so a form shown again after an error can be
    sent again (after the minimum time)."""

    def __init__(self, kind, attrs=None):
        super().__init__(attrs)
        self.kind = kind

    def format_value(self, value):
        return make_token(self.kind)


class DeferredTokenInput(forms.HiddenInput):
    """An empty token: the page is the same for every reader, and
    ``qa/static/qa/form-tokens.js`` fills in a fresh token from the tokens
    endpoint (``qa.views.form_tokens``) when the reader starts on the form."""

    def format_value(self, value):
        return ""


# Kinds of reader form whose tokens the tokens endpoint hands out.
FORM_KINDS = ("comment", "question", "feedback")


def defers_tokens(request):
    """True when the page being built is the one every anonymous reader
    shares (and a shared cache may keep): a GET or HEAD with no query string
    from a reader who is not logged in. Its reader forms then carry no CSRF token
    and no form token (no ``get_token``, so no CSRF cookie), and the script
    fetches both. Anything else (a logged-in user, a form shown again after
    an error, ``?gui-y-kien=1`` for readers without JavaScript) gets them
    inline, as before: such responses are never shared.
    ``QA_DEFERRED_FORM_TOKENS = False`` puts the tokens inline everywhere
    (the page cache then cuts them out and fills new ones per hit, and the
    page is ``private``)."""
    if not getattr(settings, "QA_DEFERRED_FORM_TOKENS", True):
        return False
    if request is None or request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


class HoneypotInput(forms.TextInput):
    template_name = "qa/widgets/honeypot.html"


class ReaderFormMixin:
    """Adds the consent box, the honeypot and the time token to a reader form.
    ``spam`` is True after validation when a robot gave itself away; the view
    logs it; either way an invalid form stores nothing."""

    form_kind = None
    honeypot_name = "website"
    # The query string that gives the page with inline tokens (for readers
    # without JavaScript), and the form's anchor on the page.
    no_script_query = "gui-bieu-mau=1"
    anchor = ""

    def __init__(self, *args, defer_tokens=False, **kwargs):
        super().__init__(*args, **kwargs)
        # Set by the view for a page shared by every reader: see defers_tokens.
        self.defer_tokens = defer_tokens and not self.is_bound
        self.spam = False
        self.duplicate = False
        self.fields["consent"] = forms.BooleanField(
            label=_(
                "Tôi đã đọc Thông báo xử lý dữ liệu cá nhân và đồng ý để Ban Biên tập xử lý các thông tin trên "
                "theo Nghị định 13/2023/NĐ-CP."
            ),
            error_messages={"required": _("Bạn cần đồng ý với việc xử lý dữ liệu cá nhân để gửi biểu mẫu.")},
        )
        self.fields[self.honeypot_name] = forms.CharField(
            required=False, label=_("Để trống ô này"), widget=HoneypotInput()
        )
        widget = DeferredTokenInput() if self.defer_tokens else FreshTokenInput(self.form_kind)
        self.fields["started"] = forms.CharField(required=False, widget=widget)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(self.honeypot_name):
            self.spam = True
            raise forms.ValidationError(_("Không gửi được biểu mẫu. Vui lòng thử lại."), code="spam")
        problem = token_problem(self.form_kind, cleaned.get("started"))
        if problem:
            raise forms.ValidationError(problem, code="token")
        # Only a form that is otherwise valid uses up its token, so a reader
        # who corrects a mistake can send again.
        if not self.errors and not claim_once(self.form_kind, cleaned.get("started")):
            self.duplicate = True
            raise forms.ValidationError(
                _("Biểu mẫu này đã được gửi và chúng tôi đã nhận nội dung của bạn; bạn không cần gửi lại."),
                code="duplicate",
            )
        return cleaned


# --- Rate limits -----------------------------------------------------------------


def client_ip(request):
    """The reader's address. Behind a reverse proxy, set QA_CLIENT_IP_HEADER
    (e.g. ``HTTP_X_REAL_IP``) to the header the proxy overwrites."""
    header = getattr(settings, "QA_CLIENT_IP_HEADER", "REMOTE_ADDR")
    value = request.META.get(header) or request.META.get("REMOTE_ADDR") or "unknown"
    return value.split(",")[0].strip()


def rate_limit(kind):
    return getattr(settings, "QA_RATE_LIMITS", {}).get(kind, DEFAULT_RATE_LIMITS[kind])


def uses_redis():
    return isinstance(caches["default"], RedisCache)


def hit(request, kind, now=None):
    """Count one POST of ``kind`` from this reader. Returns (allowed, seconds
    until the window ends)."""
    limit, window = rate_limit(kind)
    now = now if now is not None else time.time()
    window_index = int(now // window)
    retry_after = int((window_index + 1) * window - now) + 1
    # The address is hashed: no reader's IP is written anywhere.
    who = salted_hmac("qa.rate-limit", client_ip(request)).hexdigest()[:24]
    key = f"qa-rl:{kind}:{who}:{window_index}"
    if uses_redis():
        count = _hit_redis(key, window)
    else:
        count = _hit_database(key, (window_index + 1) * window)
    return count <= limit, retry_after


def _hit_redis(key, window):
    cache = caches["default"]
    # The key outlives its window, so it cannot expire between add and incr.
    cache.add(key, 0, timeout=window + 60)
    try:
        return cache.incr(key)
    except ValueError:  # evicted in between
        cache.set(key, 1, timeout=window + 60)
        return 1


def _hit_database(key, window_end):
    from .models import Counter

    expires_at = datetime.fromtimestamp(window_end, tz=UTC)
    count = Counter.increment(key, expires_at=expires_at)
    if count == 1:
        Counter.delete_expired()
    return count
