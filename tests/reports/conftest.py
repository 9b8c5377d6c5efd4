from __future__ import annotations

import datetime as dt

import pytest

from gongkai.orgs.models import Role
from gongkai.reports import services
from tests.disclosures.fixtures import member
from tests.reports.ledger import build_ledger

NARRATIVE = {
    "overview": "2025年，本中心认真贯彻《政府信息公开条例》，主动公开交易信息。\n依申请公开工作规范有序。",
    "improvements": "信息公开的及时性有待提高，将加强培训。",
    "other_matters": "无其他需要报告的事项。",
}


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
