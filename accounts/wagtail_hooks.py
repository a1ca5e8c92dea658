from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import twofactor


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("2fa/setup/", twofactor.setup, name="accounts_otp_setup"),
        path("2fa/verify/", twofactor.verify, name="accounts_otp_verify"),
        path("2fa/recovery/", twofactor.recovery, name="accounts_otp_recovery"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("accounts_otp_setup"),
        "label": _("Đăng nhập hai bước"),
        "help_text": _("Ứng dụng xác thực và mã khôi phục."),
    }
