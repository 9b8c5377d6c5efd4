"""Shared fixtures: the test database with its rule data (holidays, vocabulary, jurisdictions) is copied
from a template built once (tests/helpers/database.py), and transactional tests get the rule data back
after each flush; the factories of tests/factories/ are registered as fixtures."""

from __future__ import annotations

import pytest
from django.db import DEFAULT_DB_ALIAS
from pytest_factoryboy import LazyFixture, register

from tests import factories
from tests.helpers import database

pytest_plugins = ["tests.disclosures.fixtures"]

# Model fixtures as froide has them: `user`, `organization`, `membership`, `jurisdiction`, `disclosure`,
# `transaction`, `entity`, `credit_record`, `application`, `complaint`, each with attribute fixtures to
# override (`organization__name`, `membership__role`, …). A fixture of the same name in a closer conftest.py
# wins.
register(factories.UserFactory)
register(factories.JurisdictionFactory)
register(factories.OrganizationFactory)
register(factories.MembershipFactory)
register(factories.DisclosureFactory)
register(factories.TransactionFactory)
register(factories.EntityFactory)
register(factories.CreditRecordFactory)
register(factories.ApplicationFactory)
register(factories.ComplaintFactory, supervisor=LazyFixture("supervisor_org"))

_SNAPSHOT = pytest.StashKey[database.RuleData]()


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """Replaces pytest-django's: the migrated database with the rule data, copied from the template."""
    from pytest_django.fixtures import _get_databases_for_setup

    from gongkai.workdays.calendar import reset_calendar_cache

    _aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    with django_db_blocker.unblock():
        db = database.create(
            request.config.cache.mkdir("gongkai-db"), serialize=DEFAULT_DB_ALIAS in serialized_aliases
        )
        request.config.stash[_SNAPSHOT] = database.snapshot_rule_data()
    reset_calendar_cache()
    yield
    with django_db_blocker.unblock():
        db.destroy()


@pytest.fixture(scope="session")
def rule_data_snapshot(request, django_db_setup) -> database.RuleData:
    """The rows present right after set-up (the rule data), taken before any test could change them."""
    return request.config.stash[_SNAPSHOT]


def _transactional(request) -> bool:
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        return True
    marker = request.node.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))


@pytest.fixture(autouse=True)
def _rule_data_after_flush(request):
    """Django empties every table after a transactional test; the next one gets the rule data back."""
    if not _transactional(request):
        return
    request.getfixturevalue("transactional_db")
    snapshot = request.getfixturevalue("rule_data_snapshot")
    if not database.has_rule_data(snapshot):
        database.restore_rule_data(snapshot)


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
