"""Staff sessions end after SESSION_IDLE_MINUTES without a request; cookie flags."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_a_staff_session_ends_after_the_idle_timeout(client, publisher):
    idle = dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert idle == dt.timedelta(minutes=30)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(publisher)
        assert client.get("/staff/").status_code == 200
    # Each request pushes the end forward: two requests 20 minutes apart keep the session.
    with time_machine.travel(start + dt.timedelta(minutes=20), tick=False):
        assert client.get("/staff/").status_code == 200
    with time_machine.travel(start + dt.timedelta(minutes=40), tick=False):
        assert client.get("/staff/").status_code == 200
    # Then 31 minutes without a request: signed out.
    with time_machine.travel(start + dt.timedelta(minutes=71), tick=False):
        response = client.get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith(settings.LOGIN_URL)


def test_the_session_cookie_is_http_only_same_site_and_ends_with_the_browser(client, publisher):
    response = client.post("/staff/login/", {"username": "pub", "password": "pw-for-tests"})
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == ""  # a session cookie: gone when the browser closes
