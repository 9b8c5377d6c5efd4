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
