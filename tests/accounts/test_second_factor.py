"""The second factor (django-otp): required for reviewers and administrators, optional for the others, asked
after the password whenever the user has an authenticator; recovery codes shown once and used once."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.core.models import AuditEntry
from tests.otp import current_code, give_authenticator

pytestmark = pytest.mark.django_db

LOGIN, VERIFY, SECURITY = "/staff/login/", "/staff/login/verify/", "/staff/security/"


def password_step(client, username: str, next_url: str = "/staff/"):
    return client.post(LOGIN, {"username": username, "password": "pw-for-tests", "next": next_url})


def test_a_reviewer_without_an_authenticator_must_enrol_before_any_staff_page(client, reviewer):
    response = password_step(client, "rev")
    assert response.status_code == 302
    assert response["Location"].startswith(SECURITY)
    for url in ("/staff/", "/staff/applications/", "/admin/"):
        blocked = client.get(url)
        assert blocked.status_code == 302, url
        assert blocked["Location"].startswith(SECURITY), url


def test_enrolment_shows_a_qr_code_then_the_recovery_codes_once(client, reviewer):
    password_step(client, "rev")
    page = client.get(SECURITY)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html
    assert "绑定身份验证器" in html
    secret = re.search(r'<code class="secret">([A-Z2-7]+)</code>', html).group(1)
    device = TOTPDevice.objects.get(user=reviewer, confirmed=False)
    assert secret == __import__("base64").b32encode(device.bin_key).decode().rstrip("=")
    assert page["Cache-Control"].startswith("max-age=0")
    assert "no-store" in page["Cache-Control"]

    wrong = client.post(SECURITY, {"token": "000000"})
    assert "验证码不正确" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=reviewer, confirmed=True).exists()

    # django-otp throttles after a failure (1 s, doubling): the person tries again a little later.
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=3), tick=False):
        throttled_code = current_code(device)
    assert "请稍候" in client.post(SECURITY, {"token": current_code(device)}).content.decode()
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=3), tick=False):
        done = client.post(SECURITY, {"token": throttled_code, "next": "/staff/"})
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert sorted(codes) == sorted(
        StaticToken.objects.filter(device__user=reviewer).values_list("token", flat=True)
    )
    assert client.get("/staff/").status_code == 200
    assert AuditEntry.objects.filter(action="auth.otp.enrolled", actor_id=reviewer.pk).count() == 1
    # Shown once: the security page now shows how many are left, not the codes.
    later = client.get(SECURITY).content.decode()
    assert "剩余恢复码" in later
    assert codes[0] not in later


def test_with_an_authenticator_the_password_alone_reaches_no_staff_page(client, reviewer):
    give_authenticator(reviewer)
    response = password_step(client, "rev", next_url="/staff/applications/")
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Fstaff%2Fapplications%2F"
    for url in ("/staff/", "/staff/security/", "/admin/"):
        blocked = client.get(url)
        assert blocked.status_code == 302, url
        assert blocked["Location"].startswith(VERIFY), url


def test_the_code_step_refuses_a_wrong_code_and_accepts_the_current_one(client, reviewer):
    device = give_authenticator(reviewer)
    password_step(client, "rev")
    wrong = client.post(VERIFY, {"token": "123456", "next": "/staff/"})
    assert wrong.status_code == 200
    assert "验证码不正确" in wrong.content.decode()
    assert AuditEntry.objects.filter(action="auth.otp.failed", actor_id=reviewer.pk).exists()
    too_soon = client.post(VERIFY, {"token": current_code(device)})
    assert "秒后再试" in too_soon.content.decode()
    session_before = client.session.session_key
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=3), tick=False):
        ok = client.post(VERIFY, {"token": current_code(device), "next": "/staff/applications/"})
    assert ok.status_code == 302
    assert ok["Location"] == "/staff/applications/"
    assert client.session.session_key != session_before  # a new session key once the factor is passed
    assert client.get("/staff/").status_code == 200
    assert AuditEntry.objects.filter(action="auth.otp.verified", actor_id=reviewer.pk).count() == 1


def test_a_code_is_accepted_once(client, reviewer):
    device = give_authenticator(reviewer)
    code = current_code(device)
    password_step(client, "rev")
    assert client.post(VERIFY, {"token": code}).status_code == 302
    client.post("/staff/logout/")
    other = type(client)()
    password_step(other, "rev")
    again = other.post(VERIFY, {"token": code})
    assert again.status_code == 200
    assert other.get("/staff/").status_code == 302


def test_the_code_step_does_not_follow_a_next_to_another_site(client, reviewer):
    device = give_authenticator(reviewer)
    password_step(client, "rev")
    response = client.post(VERIFY, {"token": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/staff/"


def test_a_recovery_code_works_once_and_is_audited(client, reviewer):
    give_authenticator(reviewer)
    password_step(client, "rev")
    from gongkai.accounts import services

    codes = services.regenerate_recovery_codes(actor=reviewer)
    response = client.post(VERIFY, {"token": codes[0].upper(), "next": "/staff/"})
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 200
    entry = AuditEntry.objects.get(action="auth.otp.recovery_used")
    assert entry.actor_id == reviewer.pk
    assert entry.data == {"left": 9}

    other = type(client)()
    password_step(other, "rev")
    assert other.post(VERIFY, {"token": codes[0]}).status_code == 200
    assert other.get("/staff/").status_code == 302


def test_new_recovery_codes_replace_the_old_ones(client, reviewer):
    from gongkai.accounts import services

    old = services.regenerate_recovery_codes(actor=give_authenticator(reviewer).user)
    client.force_login(reviewer)
    page = client.post("/staff/security/recovery-codes/")
    new = re.findall(r"<li><code>([a-z2-7]+)</code></li>", page.content.decode())
    assert len(new) == 10
    assert not set(new) & set(old)
    assert AuditEntry.objects.filter(action="auth.otp.recovery_regenerated").count() == 2


def test_a_publisher_without_an_authenticator_goes_straight_in(client, publisher):
    response = password_step(client, "pub")
    assert response.status_code == 302
    assert response["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200


def test_a_publisher_may_enrol_and_is_then_asked_for_the_code(client, publisher):
    password_step(client, "pub")
    assert client.get(SECURITY).status_code == 200
    device = TOTPDevice.objects.get(user=publisher, confirmed=False)
    client.post(SECURITY, {"token": current_code(device)})
    client.post("/staff/logout/")
    response = password_step(client, "pub")
    assert response["Location"].startswith(VERIFY)


def test_a_half_signed_in_user_is_anonymous_outside_the_staff_pages(client, reviewer):
    give_authenticator(reviewer)
    password_step(client, "rev")
    home = client.get("/")
    assert home.status_code == 200
    assert not home.wsgi_request.user.is_authenticated


def test_an_administrator_resets_a_lost_authenticator_and_it_is_audited(client, reviewer):
    from tests.factories import UserFactory

    give_authenticator(reviewer)
    admin = UserFactory(username="otp-admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.post(
        "/admin/auth/user/", {"action": "reset_second_factor", "_selected_action": [reviewer.pk]}
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    entry = AuditEntry.objects.get(action="auth.otp.reset")
    assert entry.actor_id == admin.pk
    assert entry.data == {"username": "rev"}


def test_the_tests_sign_in_helper_computes_the_code_a_phone_would_show():
    # RFC 6238 appendix B: key "12345678901234567890", T = 59 s, 8 digits → 94287082; 6 digits → 287082.
    device = TOTPDevice(key="3132333435363738393031323334353637383930", digits=6, step=30, t0=0, drift=0)
    assert current_code(device, at=59) == "287082"
    assert len(current_code(device, at=time.time())) == 6
    assert get_user_model()  # the helper needs no database row
