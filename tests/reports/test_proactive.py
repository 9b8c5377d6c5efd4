"""Table 二 from published disclosures, sorted by the mapping in data/reports/template.yaml."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from gongkai.core.audit import log_action
from gongkai.reports.figures import proactive_tables
from tests.factories import DisclosureFactory
from tests.helpers.disclosures import item


def disclosure(
    org, user, key, formed, *, state="published", doc_no="", genre="", validity="valid", published_on=None
):
    return DisclosureFactory(
        organization=org, catalog_item=item("341500", key), title=f"{key} {formed}", doc_no=doc_no, genre=genre,
        formed_on=formed, state=state, validity=validity, published_on=published_on or formed, created_by=user,
    )  # fmt: skip


def cells(tables, group, row):
    t = next(t for t in tables if t.code == group)
    return t.row(row).cells


@pytest.mark.django_db
def test_table_2_counts(other_org, publisher):
    d = lambda *a, **k: disclosure(other_org, publisher, *a, **k)  # noqa: E731
    d("credit.penalty", dt.date(2025, 3, 1))
    d("credit.construction_penalties", dt.date(2025, 12, 31))
    d("credit.penalty", dt.date(2024, 12, 30))  # decided last year
    d("credit.penalty", dt.date(2025, 4, 1), state="draft")  # not published
    d("credit.penalty", dt.date(2025, 4, 2), state="withdrawn")  # withdrawn
    d("credit.licence", dt.date(2025, 5, 1))
    d("housing.allocation_policy", dt.date(2025, 2, 1), genre="measure", doc_no="六安市人民政府令第5号")
    d("housing.allocation_policy", dt.date(2025, 2, 2), genre="measure", doc_no="六政办〔2025〕3号")
    old = d("housing.allocation_policy", dt.date(2023, 6, 1), validity="repealed")
    with time_machine.travel(dt.datetime(2025, 8, 1, 10, tzinfo=dt.UTC)):
        log_action(actor=publisher, action="disclosure.validity_changed", obj=old,
                   data={"before": "valid", "after": "repealed", "reason": "被新办法替代"})  # fmt: skip

    t = proactive_tables([other_org.pk], 2025)
    assert cells(t, "art20_6", "penalties") == {"decisions": 2}
    assert cells(t, "art20_6", "enforcement") == {"decisions": 0}
    assert cells(t, "art20_5", "licensing") == {"decisions": 1}
    assert cells(t, "art20_1", "rules") == {"issued": 1, "repealed": 0, "in_force": 1}  # the order (令)
    assert cells(t, "art20_1", "normative") == {"issued": 1, "repealed": 1, "in_force": 1}
    assert cells(t, "art20_8", "fees") == {"amount": "0.00"}
    t24 = proactive_tables([other_org.pk], 2024)
    assert cells(t24, "art20_6", "penalties") == {"decisions": 1}
    assert cells(t24, "art20_1", "normative") == {"issued": 0, "repealed": 0, "in_force": 0}
