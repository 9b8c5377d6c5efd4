"""Tables 三 and 四 and the fees, each figure against a hand count over tests/reports/ledger.py."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.applications import statistics as st
from tests.helpers.disclosures import member
from tests.helpers.reports import build_ledger, rotated_codes

COLS = ["natural_person", "business", "research", "nonprofit", "legal_service", "other_org", "total"]


def cells(*values):
    return dict(zip(COLS, values, strict=True))


@pytest.fixture
def ledger(centre, other_org):
    return build_ledger(centre, other_org, member(centre, "handler", "stat-handler"))


@pytest.mark.django_db
def test_2025_figures_are_the_hand_counts(ledger, centre):
    t = st.application_table([centre.pk], 2025)
    # 一: N1 (natural), 19 rotated (natural 4, the others 3 each), N_dec (nonprofit), N_open (legal service)
    assert t.row("received").cells == cells(5, 3, 3, 4, 4, 3, 22)
    # 二: P1 (received 2024-12-28, replied 2025-01-06) and P2 (still open); P3 was concluded on 2024-12-31
    assert t.row("carried_over").cells == cells(1, 0, 1, 0, 0, 0, 2)
    # (七): P1, N1 and the 19 rotated ones; N_dec was replied in January 2026
    assert t.row("handled_total").cells == cells(6, 3, 3, 3, 3, 3, 21)
    # 四: P2, N_dec, N_open
    assert t.row("carried_forward").cells == cells(0, 0, 1, 1, 1, 0, 3)
    assert t.row("disclosed").cells == cells(1, 0, 0, 0, 0, 0, 1)
    assert t.row("partial").cells == cells(1, 0, 0, 0, 0, 0, 1)
    assert t.row("withheld.state_secret").cells == cells(1, 0, 0, 0, 0, 0, 1)
    assert t.row("withheld.prohibited_by_law").cells == cells(0, 1, 0, 0, 0, 0, 1)
    assert t.row("other.other").cells == cells(1, 0, 0, 0, 0, 0, 1)  # the 19th: 18 % 6 == 0
    for code in ["disclosed", "partial", *rotated_codes()]:
        assert t.row(code).total() == 2, code  # one application, counted in its column and in 总计
    assert t.row("results").cells is None
    assert t.row("withheld").cells is None
    assert st.problems(t) == []


@pytest.mark.django_db
def test_year_boundaries(ledger, centre):
    t24 = st.application_table([centre.pk], 2024)
    assert t24.row("received").cells == cells(1, 1, 1, 0, 0, 0, 3)  # P1, P3, P2
    assert t24.row("carried_over").cells["total"] == 0
    assert t24.row("disclosed").cells == cells(0, 1, 0, 0, 0, 0, 1)  # P3
    assert t24.row("carried_forward").cells == cells(1, 0, 1, 0, 0, 0, 2)  # P1, P2
    t25 = st.application_table([centre.pk], 2025)
    t26 = st.application_table([centre.pk], 2026)
    assert t26.row("received").cells == cells(0, 1, 0, 0, 0, 0, 1)  # Y26
    assert t26.row("carried_over").cells == cells(0, 0, 1, 1, 1, 0, 3)  # P2, N_dec, N_open
    assert t26.row("withheld.state_secret").cells == cells(0, 0, 0, 1, 0, 0, 1)  # N_dec
    assert t26.row("carried_forward").cells == cells(0, 1, 1, 0, 1, 0, 3)  # P2, N_open, Y26
    assert st.problems(t25, previous=t24) == []
    assert st.problems(t26, previous=t25) == []


@pytest.mark.django_db
def test_several_organizations_add_up(ledger, centre, other_org):
    both = st.application_table([centre.pk, other_org.pk], 2025)
    assert both.row("received").cells["natural_person"] == 6  # 5 + "elsewhere"
    assert both.row("disclosed").cells["total"] == 2
    assert st.problems(both) == []


@pytest.mark.django_db
def test_broken_figures_are_reported(ledger, centre):
    t = st.application_table([centre.pk], 2025)
    t.row("received").cells["natural_person"] += 1
    found = st.problems(t)
    assert any(
        "本年新收政府信息公开申请数量" in p and "不等于自然人与法人或其他组织各列之和" in p for p in found
    )
    assert any(p.startswith("“自然人”列：本年新收 6 加上年结转 1 为 7，不等于办理结果总计 6") for p in found)

    t = st.application_table([centre.pk], 2025)
    t.row("withheld.state_secret").cells["natural_person"] = 0
    t.row("withheld.state_secret").cells["total"] = 0
    assert "“自然人”列：（七）总计 6 不等于各项办理结果之和 5" in st.problems(t)

    t24, t25 = st.application_table([centre.pk], 2024), st.application_table([centre.pk], 2025)
    t24.row("carried_forward").cells["research"] = 0
    t24.row("carried_forward").cells["total"] = 1
    assert "“科研机构”列：本年上年结转 1 不等于2024年报告的结转下年度继续办理 0" in st.problems(
        t25, previous=t24
    )


@pytest.mark.django_db
def test_unclassified_reply_breaks_the_total(centre, other_org):
    from tests.helpers.reports import app

    app(centre, "business", dt.date(2025, 2, 2), dt.date(2025, 3, 3), "withheld")  # no ground
    assert any(
        "（七）总计 1 不等于各项办理结果之和 0" in p
        for p in st.problems(st.application_table([centre.pk], 2025))
    )


@pytest.mark.django_db
def test_remedy_table(ledger, centre):
    t = st.remedy_table([centre.pk], 2025)
    assert len(t.columns) == 15
    c = t.row("cases").cells
    assert (c["reconsideration.upheld"], c["reconsideration.pending"], c["reconsideration.total"]) == (
        1,
        1,
        2,
    )
    assert (c["litigation_direct.other"], c["litigation_direct.total"]) == (1, 1)
    assert (c["litigation_after.pending"], c["litigation_after.total"]) == (1, 1)  # the 2024 case not counted
    assert sum(c.values()) == 8
    assert st.remedy_problems(t) == []
    assert sum(st.remedy_table([centre.pk], 2026).row("cases").cells.values()) == 0
    c["litigation_after.total"] = 3
    assert st.remedy_problems(t) == [
        "行政诉讼（复议后起诉）：总计 3 不等于结果维持、结果纠正、其他结果、尚未审结之和 1"
    ]
    assert [col.path for col in t.columns[:6]] == [
        ("行政复议", "结果维持"), ("行政复议", "结果纠正"), ("行政复议", "其他结果"), ("行政复议", "尚未审结"),
        ("行政复议", "总计"), ("行政诉讼", "未经复议直接起诉", "结果维持"),
    ]  # fmt: skip


@pytest.mark.django_db
def test_fees_collected(ledger, centre, other_org):
    assert st.fees_collected([centre.pk], 2025) == Decimal("100.00")
    assert st.fees_collected([centre.pk], 2026) == Decimal("200.00")
    assert st.fees_collected([centre.pk, other_org.pk], 2025) == Decimal("500.00")


def test_round_trip_keeps_the_table(db):
    t = st.application_table([], 2025)
    assert st.StatTable.from_dict(t.to_dict()).to_dict() == t.to_dict()


def test_labels_are_the_templates(db):
    from tests.helpers.reports import TABLE_3_COLUMNS, TABLE_3_ROWS

    t = st.application_table([], 2025)
    assert [r.label for r in t.rows] == TABLE_3_ROWS
    assert [c.label for c in t.columns] == TABLE_3_COLUMNS
    assert [r.level for r in t.rows][:7] == [0, 0, 0, 1, 1, 1, 2]
