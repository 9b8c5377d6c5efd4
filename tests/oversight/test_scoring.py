"""The scoring scheme (data/oversight/scoring.yaml) with hand-computed breakdowns."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.core.errors import DataFileError
from gongkai.oversight import scoring
from gongkai.oversight import selectors as s
from tests.helpers.oversight import END, START, TODAY


def test_scheme_file_loads_and_cites_the_seeds():
    scheme = scoring.scheme()
    assert scheme.total_points == 100
    assert [c.code for c in scheme.components] == ["timeliness", "completeness", "correctness", "applications",
                                                   "complaints"]  # fmt: skip
    assert any("第四十一条" in b["ref"] for b in scheme.basis)
    assert scheme.grade(Decimal("64")) == "合格"


def test_breakdown_of_a_known_set_of_figures(db):
    # 8 of 10 judged records on time: 40 × 0.8 = 32, minus 1 late copy (1) and 1 missing copy (2) → 29.
    # Completeness 25 − 3 items × 1 − 1 transaction × 2 = 20. Correctness 10 − 2 × 1 − 1 × 2 = 6.
    # Applications 15 − 2 × 3 − 0 = 9. Complaints 10 − 3 × 5 = 0 (never below zero). Penalty 1 × 5.
    raw = {"due": 11, "on_time": 8, "late": 1, "overdue": 1, "copies_late": 1, "copies_missing": 1,
           "missing_items": 3, "missing_stages": 1, "corrections": 2, "withdrawals": 1, "applications_late": 2,
           "applications_overdue": 0, "complaints_upheld": 3, "findings_unrectified": 1}  # fmt: skip
    from gongkai.orgs.models import Organization

    result = scoring.score(Organization(name="某单位"), s.quarter(2025, 4), TODAY, raw=raw)
    points = {c.code: c.points for c in result.components}
    assert points == {"timeliness": Decimal("29.00"), "completeness": Decimal("20.00"), "correctness": Decimal("6.00"),
                      "applications": Decimal("9.00"), "complaints": Decimal("0.00")}  # fmt: skip
    timeliness = result.components[0]
    assert timeliness.base == Decimal("32.00")
    assert timeliness.raw["rate"] == 80.0
    assert [(d.figure, d.count, d.points) for d in timeliness.deductions] == [
        ("copies_late", 1, Decimal("1")), ("copies_missing", 1, Decimal("2"))]  # fmt: skip
    assert [(p.figure, p.points) for p in result.penalties] == [("findings_unrectified", Decimal("5"))]
    assert result.total == Decimal("59.00")  # 29 + 20 + 6 + 9 + 0 − 5
    assert result.grade == "不合格"


def test_score_of_an_organization_from_the_world(world):
    # The trading centre in P: due 2 (on time 1, late 1) → 40 × ½ = 20, − late copy 1, − missing copy 2 → 17.
    # Missing items: the Lu'an construction tender notice and candidates publicity (construction was active; the
    # centre published only awards) → 25 − 2 = 23. One correction, one withdrawal → 10 − 1 − 2 = 7. One late reply →
    # 15 − 3 = 12. No complaint upheld → 10. One finding overdue and not rectified → − 5. Total 64.
    period = s.Period(START, END, "P")
    result = scoring.score(world.centre, period, TODAY)
    assert {c.code: c.points for c in result.components} == {
        "timeliness": Decimal("17.00"), "completeness": Decimal("23.00"), "correctness": Decimal("7.00"),
        "applications": Decimal("12.00"), "complaints": Decimal("10.00")}  # fmt: skip
    assert result.total == Decimal("64.00")
    assert result.grade == "合格"


def test_a_bad_scheme_names_the_line(tmp_path):
    bad = tmp_path / "scoring.yaml"
    bad.write_text("components:\n  timeliness:\n    points: 40\n    deductions:\n      - {figure: nope, per: 1}\n",
                   encoding="utf-8")  # fmt: skip
    with pytest.raises(DataFileError) as exc:
        scoring.read_scheme(bad)
    assert ":5:" in exc.value.render()


def test_upheld_complaints_are_figures_and_deduct_points(world):
    import datetime as dt

    from tests.factories import ComplaintFactory

    def complaint(n, received_on, finding="", decided_on=None):
        return ComplaintFactory(
            registration_no=f"JB-{n}", organization=world.centre, supervisor=world.supervisor_org,
            category="timeliness", received_on=received_on, finding=finding, decided_on=decided_on,
        )  # fmt: skip

    complaint(1, START, "upheld", END)  # received and upheld on the period's ends
    complaint(2, END, "not_upheld", END)
    complaint(3, START - dt.timedelta(days=1), "partly_upheld", END + dt.timedelta(days=1))  # both outside
    v = s.values(s.figures(s.Scope.of(world.luan, START, END, TODAY)))
    assert (v["complaints_received"], v["complaints_upheld"]) == (2, 1)
    from gongkai.complaints.selectors import complaint_counts

    counts = complaint_counts([world.centre.pk], START, END)[world.centre.pk]  # the complaints app agrees
    assert (counts.received, counts.upheld) == (2, 1)
    assert [c.registration_no for c in s.complaints_upheld(s.Scope.of(world.luan, START, END, TODAY))] == [
        "JB-1"
    ]
    result = scoring.score(world.centre, s.Period(START, END, "P"), TODAY)
    assert {c.code: c.points for c in result.components}["complaints"] == Decimal("5.00")  # 10 − 1 × 5
    assert result.total == Decimal("59.00")  # 64 − 5
