"""Shared fixtures: the rule data (holidays, vocabulary, jurisdictions) is loaded once per test session."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

pytest_plugins = ["tests.disclosures.fixtures"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("setup", verbosity=0, stdout=io.StringIO())
    from gongkai.workdays.calendar import reset_calendar_cache

    reset_calendar_cache()


@pytest.fixture(autouse=True)
def _fresh_calendar_cache():
    from gongkai.workdays.calendar import reset_calendar_cache

    reset_calendar_cache()
    yield
    reset_calendar_cache()


@pytest.fixture
def calendar(db):
    from gongkai.workdays.calendar import get_calendar

    return get_calendar()


@pytest.fixture(autouse=True)
def _force_login_passes_the_second_factor(monkeypatch):
    """`client.force_login(user)` skips the password; it also skips the second factor, by giving the user an
    authenticator and marking the session verified (tests/otp.py). The enforcement stays on: tests of the
    login flow itself post to the login pages."""
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        from tests.otp import verify_client

        verify_client(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)
