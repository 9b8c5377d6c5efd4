"""Oversight helpers: rows as the workflow leaves them, dated in the period under test
P = 2025-10-13 … 2025-12-30 with `today` 2026-01-15 (see tests/oversight/conftest.py)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from gongkai.disclosures.models import Revision
from tests.factories import ApplicationFactory, DisclosureFactory

D = dt.date


START, END, TODAY = D(2025, 10, 13), D(2025, 12, 30), D(2026, 1, 15)


SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def make_disclosure(org, catalog_item, *, title, formed_on=None, due_on=None, published_on=None, state=None,
                    attribute="proactive", jurisdiction=None, user=None, withdrawn_at=None):  # fmt: skip
    """A disclosure row as the workflow leaves it: due_on computed with the calendar unless given."""
    given = {"due_on": due_on} if due_on else {}
    if state:
        given["state"] = state
    return DisclosureFactory(
        organization=org, jurisdiction=jurisdiction or org.jurisdiction, catalog_item=catalog_item, title=title,
        formed_on=formed_on or (due_on - dt.timedelta(days=10) if due_on else START), published_on=published_on,
        attribute=attribute, withdrawn_at=withdrawn_at, created_by=user or get_user_model().objects.order_by("pk").first(),
        **given,
    )  # fmt: skip


def make_application(org, *, due_on, replied_on=None, state=None):
    given = {"state": state} if state else {}
    return ApplicationFactory(organization=org, due_on=due_on, replied_on=replied_on, **given)


def make_revision(d, number, *, published_at, user, status="published"):
    return Revision.objects.create(disclosure=d, number=number, status=status, content={"title": d.title},
                                   reason="更正错误", proposed_by=user, published_at=published_at)  # fmt: skip
