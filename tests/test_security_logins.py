"""Logins (#10): lock-out after repeated failures, password rules, two-step
login for the moderating groups, an absolute session lifetime, and sessions
ended by a password change. Driven through Wagtail's own login and account
views with the demo's users."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import SESSION_STARTED_KEY
from audit.models import AuditEvent
from tests.security_support import form_with, with_values

pytestmark = pytest.mark.django_db

PASSWORD = "demo-portal-2026"
LOGIN_URL = "/admin/login/"


@pytest.fixture
def users():
    return {user.username: user for user in get_user_model().objects.all()}


def post_login(client, username, password):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR="203.0.113.7")


def current_code(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset
    return f"{totp.token():0{device.digits}d}"


# --- Lock-out ------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for _ in range(4):
        response = post_login(client, "bientap", "sai-mat-khau-roi")
        assert response.status_code == 200  # the login form again, with its error
    locked = post_login(client, "bientap", "sai-mat-khau-roi")
    assert locked.status_code == 429
    assert "Tài khoản tạm khóa" in locked.content.decode()
    # The right password does not get through while the lock lasts.
    again = post_login(client, "bientap", PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session
    kinds = list(AuditEvent.objects.filter(username="bientap").values_list("kind", flat=True))
    assert kinds.count(AuditEvent.Kind.LOGIN_FAILED) >= 5
    assert AuditEvent.Kind.LOCKED_OUT in kinds
    # Another editor, from the same address, is not locked out.
    assert post_login(Client(), "thuky", PASSWORD).status_code == 302


def test_a_successful_login_is_recorded_with_its_address(client):
    response = post_login(client, "dieuhanh", PASSWORD)
    assert response.status_code == 302
    event = AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN).first()
    assert event.username == "dieuhanh" and event.ip_address == "203.0.113.7"


# --- Password rules -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("ngan-qua", "Mật khẩu quá ngắn: cần ít nhất 12 ký tự."),
        ("password1234", "Mật khẩu này quá phổ biến"),
    ],
)
def test_short_and_common_passwords_are_refused_in_vietnamese(password, message):
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        validate_password(password)
    assert any(message in text for text in refused.value.messages)


def test_a_long_uncommon_password_is_accepted():
    validate_password("Trống đồng Đông Sơn 1924")


def test_admin_refuses_a_short_password_for_a_new_user(client, users):
    client.force_login(users["admin"])
    url = reverse("wagtailusers_users:add")
    data = form_with(client.get(url).content.decode(), "password1")
    data = with_values(
        data,
        {
            "username": "nguoimoi",
            "email": "nguoimoi@demo.invalid",
            "first_name": "Người",
            "last_name": "Mới",
            "password1": "ngan-qua",
            "password2": "ngan-qua",
        },
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "ít nhất 12 ký tự" in response.content.decode()
    assert not get_user_model().objects.filter(username="nguoimoi").exists()


# --- Two-step login ------------------------------------------------------------------


@pytest.fixture
def otp_on(settings):
    settings.OTP_REQUIRED = True
    return settings


def test_two_step_login_is_off_in_the_demo_so_a_visitor_can_try_the_admin(client, users, settings):
    assert settings.OTP_REQUIRED is False
    client.force_login(users["bientap"])
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("username", ["thuky", "bientap", "dieuhanh", "admin"])
def test_moderators_and_administrators_must_set_up_two_step_login(client, users, otp_on, username):
    client.force_login(users[username])
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts_otp_setup"))


def test_contributors_are_not_forced_into_two_step_login(client, users, otp_on):
    client.force_login(users["congtacvien"])
    assert client.get("/admin/").status_code == 200


def test_enrolment_with_an_authenticator_app_then_recovery_codes_each_work_once(client, users, otp_on):
    user = users["bientap"]
    client.force_login(user)
    setup = client.get(reverse("accounts_otp_setup"))
    assert setup.status_code == 200
    body = setup.content.decode()
    assert "<svg" in body and "Khóa bí mật" in body
    device = TOTPDevice.objects.get(user=user, confirmed=False)

    wrong = client.post(reverse("accounts_otp_setup"), {"code": "000000" if current_code(device) != "000000" else "1"})
    assert "Mã không đúng" in wrong.content.decode()
    # A wrong code slows the next attempt down (django-otp's throttling);
    # the editor waits, which the test skips.
    device.refresh_from_db()
    assert device.verify_is_allowed()[0] is False
    device.throttle_reset()

    done = client.post(reverse("accounts_otp_setup"), {"code": current_code(device), "next": "/admin/pages/"})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == 10 and all(code in done.content.decode() for code in codes)
    assert client.get("/admin/pages/").status_code == 200  # verified in this session

    # A new login asks for the second step.
    other = Client()
    other.force_login(user)
    assert other.get("/admin/").url.startswith(reverse("accounts_otp_verify"))
    # A recovery code lets the editor in once...
    response = other.post(reverse("accounts_otp_verify"), {"code": codes[0], "next": "/admin/pages/"})
    assert response.status_code == 302 and response.url == "/admin/pages/"
    assert other.get("/admin/").status_code == 200
    assert not StaticToken.objects.filter(token=codes[0]).exists()
    # ...and never again.
    third = Client()
    third.force_login(user)
    refused = third.post(reverse("accounts_otp_verify"), {"code": codes[0]})
    assert refused.status_code == 200 and "Mã không đúng hoặc đã dùng" in refused.content.decode()
    assert third.get("/admin/").status_code == 302
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.OTP_FAILED, username="bientap").exists()
    # The app's next code works (after the wait the failed attempt imposed).
    device.refresh_from_db()
    device.throttle_reset()
    ok = third.post(reverse("accounts_otp_verify"), {"code": current_code(device, offset=30)})
    assert ok.status_code == 302
    assert third.get("/admin/").status_code == 200


def test_verify_page_does_not_redirect_to_another_site(client, users, otp_on):
    user = users["thuky"]
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)
    response = client.post(
        reverse("accounts_otp_verify"), {"code": current_code(device), "next": "https://ke-gian.example/"}
    )
    assert response.status_code == 302 and response.url == "/admin/"


# --- Sessions ------------------------------------------------------------------------


def test_a_session_ends_after_its_absolute_lifetime_even_when_active(client, users, settings):
    settings.SESSION_ABSOLUTE_SECONDS = 3600
    client.force_login(users["bientap"])
    assert client.get("/admin/").status_code == 200
    session = client.session
    assert session[SESSION_STARTED_KEY] <= time.time()
    session[SESSION_STARTED_KEY] = int(time.time()) - 3599
    session.save()
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[SESSION_STARTED_KEY] = int(time.time()) - 3601
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith(reverse("wagtailadmin_login"))
    assert "_auth_user_id" not in client.session


def test_changing_ones_own_password_ends_the_other_sessions(client, users):
    user = users["thuky"]
    elsewhere = Client()
    elsewhere.force_login(user)
    client.force_login(user)
    url = reverse("wagtailadmin_account")
    data = form_with(client.get(url).content.decode(), "password-old_password")
    data = with_values(
        data,
        {
            "password-old_password": PASSWORD,
            "password-new_password1": "Một mật khẩu mới dài hơn 2026",
            "password-new_password2": "Một mật khẩu mới dài hơn 2026",
        },
    )
    response = client.post(url, data)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Một mật khẩu mới dài hơn 2026")
    assert client.get("/admin/").status_code == 200  # this session goes on
    assert elsewhere.get("/admin/").status_code == 302  # the other one is over


def test_an_administrator_resetting_a_password_ends_that_users_sessions(client, users):
    victim = users["bientap"]
    theirs = Client()
    theirs.force_login(victim)
    assert theirs.get("/admin/").status_code == 200
    client.force_login(users["admin"])
    url = reverse("wagtailusers_users:edit", args=[victim.pk])
    data = form_with(client.get(url).content.decode(), "password1")
    data = with_values(
        data, {"password1": "Mật khẩu do quản trị đặt 2026", "password2": "Mật khẩu do quản trị đặt 2026"}
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    victim.refresh_from_db()
    assert victim.check_password("Mật khẩu do quản trị đặt 2026")
    assert theirs.get("/admin/").status_code == 302
