"""Two-step login for the admin (#10): set up an authenticator app (TOTP),
confirm it with a first code, receive ten one-time recovery codes; later logins
ask for a code from the app or one recovery code."""

import base64

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
APP_DEVICE_NAME = "Ứng dụng xác thực"
RECOVERY_DEVICE_NAME = "Mã khôi phục"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=16,
        error_messages={"required": _("Vui lòng nhập mã gồm 6 chữ số hoặc một mã khôi phục.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/admin/"


def new_recovery_codes(user):
    """Replaces the user's recovery codes with ten fresh ones, shown once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def setup(request):
    """Scan the QR code, type the first code: the device is confirmed, the
    session verified, and the recovery codes shown once."""
    user = request.user
    confirmed = TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()
    if confirmed and not user.is_verified():
        return redirect(f"/admin/2fa/verify/?next={_next_url(request)}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None and not confirmed:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and device is not None and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            codes = new_recovery_codes(user)
            return TemplateResponse(
                request, "accounts/twofactor/recovery_codes.html", {"codes": codes, "next": _next_url(request)}
            )
        form.add_error("code", _("Mã không đúng. Hãy nhập mã đang hiện trong ứng dụng (đổi sau mỗi 30 giây)."))
    context = {"form": form, "confirmed": confirmed, "next": _next_url(request)}
    if device is not None and not confirmed:
        url = device.config_url
        context.update(
            {
                "qr_svg": mark_safe(segno.make(url, error="m").svg_inline(scale=4)),
                "secret": base64.b32encode(device.bin_key).decode("ascii"),
            }
        )
    return TemplateResponse(request, "accounts/twofactor/setup.html", context)


def verify(request):
    """The second step of a login: a code from the app, or one recovery code
    (each recovery code works once)."""
    if not user_has_device(request.user):
        return redirect(f"/admin/2fa/setup/?next={_next_url(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            from audit.models import record

            record(request, "otp_verified", detail=device.__class__.__name__)
            return redirect(_next_url(request))
        from audit.models import record

        record(request, "otp_failed")
        form.add_error("code", _("Mã không đúng hoặc đã dùng. Vui lòng thử lại."))
    return TemplateResponse(request, "accounts/twofactor/verify.html", {"form": form, "next": _next_url(request)})


@require_POST
def recovery(request):
    """New recovery codes (the old ones stop working), for a verified session."""
    if not request.user.is_verified():
        return redirect("/admin/2fa/verify/")
    codes = new_recovery_codes(request.user)
    messages.success(request, _("Đã tạo mã khôi phục mới; các mã cũ không còn dùng được."))
    return TemplateResponse(request, "accounts/twofactor/recovery_codes.html", {"codes": codes, "next": "/admin/"})


def is_required_for(user):
    from .middleware import needs_two_factor

    return needs_two_factor(user) or bool(getattr(settings, "OTP_REQUIRED", False) and user_has_device(user))
