from __future__ import annotations

import datetime as dt

import pytest

from gongkai.orgs.models import Role
from gongkai.reports import services
from tests.helpers.disclosures import member
from tests.helpers.reports import NARRATIVE, build_ledger


@pytest.fixture
def author(centre):
    return member(centre, Role.PUBLISHER, "report-author")


@pytest.fixture
def ledger(centre, other_org, author):
    return build_ledger(centre, other_org, author)


@pytest.fixture
def draft(ledger, centre, author):
    report = services.create_draft(actor=author, organization=centre, year=2025, today=dt.date(2026, 1, 10))
    return services.edit_narrative(actor=author, report=report, data=NARRATIVE)


@pytest.fixture
def published(draft, author):
    services.publish(actor=author, report=draft)
    draft.refresh_from_db()
    return draft
