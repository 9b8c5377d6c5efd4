"""Login throttling (django-axes): issue 14 found 30 wrong passwords in 35 s followed by a successful login."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone

from gongkai.core.models import AuditEntry

pytestmark = pytest.mark.django_db

LOGIN = "/staff/login/"


def attempt(client, username: str, password: str, address: str = "203.0.113.5"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_then_the_right_one_does_not_log_in(client, publisher):
    for _ in range(30):
        attempt(client, "pub", "wrong-password")
    response = attempt(client, "pub", "pw-for-tests")
    assert response.status_code == 429
    assert not signed_in(client)
    page = response.content.decode()
    assert "登录已暂时锁定" in page
    assert f"{settings.AXES_COOLOFF_TIME.seconds // 60} 分钟后再试" in page
    assert client.get("/staff/").status_code == 302


def test_the_lockout_starts_at_the_failure_limit_and_is_audited(client, publisher):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "pub", "wrong-password").status_code == 200
    assert not AuditEntry.objects.filter(action="auth.lockout").exists()
    assert attempt(client, "pub", "wrong-password").status_code == 429
    entry = AuditEntry.objects.get(action="auth.lockout")
    assert entry.data == {"username": "pub", "ip_address": "203.0.113.5"}


def test_the_lockout_holds_the_user_name_at_that_address_only(client, publisher):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "pub", "wrong-password")
    response = attempt(client, "pub", "pw-for-tests", address="198.51.100.7")
    assert response.status_code == 302
    assert signed_in(client)


def test_the_lockout_ends_after_the_cool_off(client, publisher):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "pub", "wrong-password")
    assert attempt(client, "pub", "pw-for-tests").status_code == 429
    later = timezone.now() + settings.AXES_COOLOFF_TIME + dt.timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        response = attempt(client, "pub", "pw-for-tests")
    assert response.status_code == 302
    assert signed_in(client)


def test_an_administrator_lifts_a_lockout_in_the_admin_and_it_is_audited(client, publisher):
    from tests.factories import UserFactory

    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "pub", "wrong-password")
    locked = AccessAttempt.objects.get(username="pub")

    admin = UserFactory(username="lock-admin", is_staff=True, is_superuser=True)
    admin_client = type(client)()
    admin_client.force_login(admin)
    listing = admin_client.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert "解除锁定" in listing.content.decode()
    assert "登录失败记录" in listing.content.decode()  # django-axes' labels in Chinese (locale/zh_Hans)
    response = admin_client.post(
        "/admin/axes/accessattempt/", {"action": "release", "_selected_action": [locked.pk]}
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="pub").exists()
    entry = AuditEntry.objects.get(action="auth.lockout.released")
    assert entry.actor_id == admin.pk
    assert entry.data["username"] == "pub"

    assert attempt(client, "pub", "pw-for-tests").status_code == 302
    assert signed_in(client)


def test_a_lockout_cannot_be_deleted_around_the_audit(client, publisher):
    from tests.factories import UserFactory

    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "pub", "wrong-password")
    locked = AccessAttempt.objects.get(username="pub")
    admin_client = type(client)()
    admin_client.force_login(UserFactory(username="lock-admin2", is_staff=True, is_superuser=True))
    assert admin_client.get(f"/admin/axes/accessattempt/{locked.pk}/delete/").status_code == 403
