"""Login and header controls (#10): the admin's Content-Security-Policy, the
headers Django does not set itself, an absolute session lifetime and the
two-step login requirement for the moderating groups."""

import time

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

SESSION_STARTED_KEY = "portal_session_started"


def is_admin_path(path):
    return path.startswith(tuple(getattr(settings, "CSP_ADMIN_PREFIXES", ["/admin/"])))


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp with the looser admin policy under /admin/ (Wagtail's admin
    runs inline scripts); the strict, nonce-based policy everywhere else."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            return PolicyParts(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"], parts.update, parts.replace, None)
        return parts


class SecurityHeadersMiddleware:
    """Permissions-Policy (Django has no setting for it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response


class SessionLifetimeMiddleware:
    """Ends a login session ``SESSION_ABSOLUTE_SECONDS`` after it began, however
    active it stays (the idle timeout ends quiet ones sooner)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            started = request.session.get(SESSION_STARTED_KEY)
            if started is None:
                request.session[SESSION_STARTED_KEY] = now
            elif now - int(started) > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                if is_admin_path(request.path_info):
                    return redirect(f"{reverse('wagtailadmin_login')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def needs_two_factor(user):
    if not getattr(settings, "OTP_REQUIRED", False) or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=settings.OTP_REQUIRED_GROUPS).exists()


class RequireTwoFactorMiddleware:
    """Inside the admin, a member of Tổ Thư ký, Ban Biên tập, Ban Điều hành or an
    administrator must have passed a second step (TOTP or a recovery code) in
    this session; without a device they are sent to set one up first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and is_admin_path(request.path_info)
            and user.is_authenticated
            and not user.is_verified()
            and not self._exempt(request.path_info)
            and needs_two_factor(user)
        ):
            from django_otp import user_has_device

            name = "accounts_otp_verify" if user_has_device(user) else "accounts_otp_setup"
            target = request.get_full_path()
            query = urlencode({"next": target}) if url_has_allowed_host_and_scheme(target, None) else ""
            return redirect(f"{reverse(name)}?{query}")
        return self.get_response(request)

    @staticmethod
    def _exempt(path):
        exempt = [
            reverse("accounts_otp_verify"),
            reverse("accounts_otp_setup"),
            reverse("wagtailadmin_login"),
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_javascript_catalog"),
        ]
        return any(path.startswith(prefix) for prefix in exempt)
