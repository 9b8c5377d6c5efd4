"""Each monitoring figure equals a hand count over the world of conftest.py (period P = 2025-10-13 … 2025-12-30,
today 2026-01-15), including records due exactly on the period's ends, the day outside, and deadlines that cross
National Day and the Spring Festival."""

from __future__ import annotations

import datetime as dt

from gongkai.oversight import selectors as s
from tests.helpers.disclosures import item
from tests.helpers.oversight import END, START, TODAY, make_disclosure

D = dt.date


def scope(world, jurisdiction=None, **kwargs):
    return s.Scope.of(jurisdiction or world.luan, kwargs.pop("start", START), kwargs.pop("end", END),
                      kwargs.pop("today", TODAY), **kwargs)  # fmt: skip


def titles(records):
    return sorted(r.title for r in records)


def test_national_day_deadline_is_counted_in_working_days(world):
    # 26 Sept 2025 + 7 working days: 28 Sept (make-up), 29, 30 Sept, 9, 10, 11 (make-up Saturday), 13 Oct.
    assert world.holiday.due_on == D(2025, 10, 13)
    figures = s.values(s.figures(scope(world)))
    assert world.holiday.title in titles(s.on_time(scope(world)))
    assert figures["on_time"] == 2


def test_timeliness_figures_equal_the_hand_count(world):
    sc = scope(world)
    v = s.values(s.figures(sc))
    assert titles(s.due_in_period(sc)) == sorted(
        ["国庆跨节按时", "期末逾期公开", "逾期未发布", "区县逾期未公开", "到期当日公开"]
    )
    assert v["due"] == 5
    assert titles(s.on_time(sc)) == sorted(["国庆跨节按时", "到期当日公开"])
    assert titles(s.late(sc)) == ["期末逾期公开"]
    assert titles(s.overdue(sc)) == sorted(["逾期未发布", "区县逾期未公开"])
    assert (v["on_time"], v["late"], v["overdue"], v["pending"]) == (2, 1, 2, 0)
    assert s.on_time_rate(v) == 2 / 5


def test_period_boundaries_are_inclusive_and_the_day_outside_is_not(world):
    sc = scope(world)
    due = titles(s.due_in_period(sc))
    assert "国庆跨节按时" in due
    assert "期末逾期公开" in due
    assert "期前一天" not in due
    assert "期后一天" not in due
    # Moving the period one day later brings in the one due on 31 December (overdue) and drops the one on START.
    later = scope(world, start=START + dt.timedelta(days=1), end=END + dt.timedelta(days=1))
    assert titles(s.overdue(later)) == sorted(["逾期未发布", "区县逾期未公开", "期后一天"])
    assert "国庆跨节按时" not in titles(s.due_in_period(later))


def test_overdue_depends_on_today(world):
    # On 2025-11-20 the record due that day is not overdue yet; it is pending.
    sc = scope(world, today=D(2025, 11, 20))
    assert "逾期未发布" in titles(s.pending(sc))
    assert titles(s.overdue(sc)) == []
    assert titles(s.overdue(scope(world, today=D(2025, 11, 21)))) == ["逾期未发布"]


def test_figures_as_of_an_earlier_day_see_what_that_day_saw(world):
    # On 2025-12-31 the record due on 30 December (published only on 5 January) was overdue, not yet late.
    sc = scope(world, today=D(2025, 12, 31))
    assert "期末逾期公开" in titles(s.overdue(sc))
    assert titles(s.late(sc)) == []


def test_children_organization_and_domain_filters(world):
    assert s.values(s.figures(scope(world, world.jinan)))["overdue"] == 1
    centre = s.values(s.figures(scope(world, organization=world.centre)))
    assert (centre["due"], centre["on_time"], centre["late"], centre["overdue"]) == (2, 1, 1, 0)
    assert s.values(s.figures(scope(world, domain="procurement")))["due"] == 0
    assert s.values(s.figures(scope(world, domain="construction")))["due"] == 5


def test_copies_applications_corrections_withdrawals_findings(world):
    sc = scope(world)
    v = s.values(s.figures(sc))
    assert list(s.copies_late(sc)) == [world.copy_late]
    assert list(s.copies_missing(sc)) == [world.copy_missing]
    assert list(s.applications_late(sc)) == [world.app_late]
    assert list(s.applications_overdue(sc)) == [world.app_overdue]
    assert list(s.corrections(sc)) == [
        world.correction
    ]  # 00:30 on 13 Oct in Shanghai counts; 31 Dec does not
    assert list(s.withdrawals(sc)) == [world.withdrawn]  # 23:59 on 30 Dec in Shanghai
    assert list(s.findings_overdue(sc)) == [world.finding_overdue]
    assert {k: v[k] for k in ("copies_late", "copies_missing", "applications_late", "applications_overdue",
                              "corrections", "withdrawals", "findings_overdue")} == dict.fromkeys(
        ("copies_late", "copies_missing", "applications_late", "applications_overdue", "corrections", "withdrawals",
         "findings_overdue"), 1)  # fmt: skip


def test_every_figure_equals_its_drill_down(world):
    sc = scope(world)
    for f in s.figures(sc):
        records = f.records()
        assert f.value == (len(records) if isinstance(records, list) else records.count()), f.code
        single = s.figure(sc, f.code)
        assert single.value == f.value, f.code


def test_spring_festival_decides_on_time_or_late(world):
    award = world.award
    # 2026: Spring Festival 15–23 February off, 14 and 28 February worked. Formed Thursday 12 February: working days
    # 13, 14 (make-up Saturday), 24, 25, 26, 27, 28 (make-up Saturday) February → due 28 February.
    on_time = make_disclosure(
        world.centre, award, title="春节按时", formed_on=D(2026, 2, 12), published_on=D(2026, 2, 28)
    )
    late = make_disclosure(
        world.centre, award, title="春节逾期", formed_on=D(2026, 2, 12), published_on=D(2026, 3, 2)
    )
    assert on_time.due_on == late.due_on == D(2026, 2, 28)
    sc = s.Scope.of(world.luan, D(2026, 1, 1), D(2026, 3, 31), D(2026, 4, 1))
    assert titles(s.on_time(sc)) == ["春节按时"]
    assert titles(s.late(sc)) == ["春节逾期"]


def test_missing_items_are_the_expected_items_without_any_disclosure(world):
    # The construction domain was active in the period (disclosures formed in it), so every proactive staged
    # construction item that a Lu'an trading centre must publish is expected; the centre published the award item.
    sc = scope(world, organization=world.centre, domain="construction")
    missing = s.missing_items(sc)
    keys = {m.item.key for m in missing}
    assert "construction.award" not in keys
    for m in missing:
        assert m.item.stage is not None
        assert m.item.attribute == "proactive"
        assert "trading_centre" in m.item.publishers
    # Once the centre publishes a tender notice formed in the period, that item is no longer missing.
    notice = item("341500", "construction.tender_notice")
    assert "construction.tender_notice" in keys
    make_disclosure(
        world.centre, notice, title="招标公告", formed_on=D(2025, 11, 3), published_on=D(2025, 11, 4)
    )
    after = s.missing_items(sc)
    assert {m.item.key for m in after} == keys - {"construction.tender_notice"}
    assert s.figure(sc, "missing_items").value == len(keys) - 1
    # A quarter without any activity in the domain expects nothing.
    quiet = s.Scope.of(world.luan, D(2025, 4, 1), D(2025, 6, 30), TODAY, organization=world.centre,
                       domain="construction")  # fmt: skip
    assert s.missing_items(quiet) == []


def _publish_step(owner, pub, rev, t, key, published_on, fields):
    from gongkai.disclosures import services as ds
    from gongkai.transactions import services as ts
    from tests.helpers.disclosures import required_fields

    catalog_item = item("341500", key)
    values = {**required_fields(catalog_item), **fields}
    d = ds.create_draft(actor=pub, organization=owner, item=catalog_item, data={
        "title": f"测试{catalog_item.category}", "formed_on": published_on, "body": f"测试{catalog_item.category}正文。",
        "fields": values})  # fmt: skip
    d = ds.approve(actor=rev, disclosure=ds.review(actor=rev, disclosure=ds.submit(actor=pub, disclosure=d)))
    d = ds.publish(actor=rev, disclosure=d, today=published_on)
    ts.attach_disclosure(actor=pub, transaction=t, disclosure=d)


def test_missing_stages_are_transactions_with_an_overdue_required_stage_due_in_the_period(luan):
    import random

    from gongkai.catalog.models import Domain
    from gongkai.orgs.models import Role
    from gongkai.transactions import services as ts
    from tests.factories import OrganizationFactory, make_uscc
    from tests.helpers.disclosures import WINNER_USCC, member

    owner = OrganizationFactory(name="六安市第二中学（测试）", kind="owner", jurisdiction=luan,
                                uscc=make_uscc("12", "341500", random.Random(31)))  # fmt: skip
    pub, rev = member(owner, Role.PUBLISHER, "o-pub"), member(owner, Role.REVIEWER, "o-rev")
    construction = Domain.objects.get(code="construction")

    def register(title):
        return ts.create_transaction(actor=pub, organization=owner, domain=construction, title=title,
                                     today=D(2026, 3, 2))  # fmt: skip

    t = register("六安市第二中学教学楼改造工程")
    _publish_step(
        owner, pub, rev, t, "construction.tender_notice", D(2026, 3, 3), {"bid_deadline": "2026-03-25"}
    )
    rows = [{"rank": 1, "name": "安徽建工集团股份有限公司", "uscc": WINNER_USCC, "bid_price": "980000.00",
             "duration": "180日历天", "evaluation": "综合得分92分", "managers": "项目经理（一级建造师）",
             "qualification_conditions": "符合"}]  # fmt: skip
    _publish_step(owner, pub, rev, t, "construction.candidates", D(2026, 4, 1),
                  {"candidates": rows, "publicity_from": "2026-04-01", "publicity_to": "2026-04-03"})  # fmt: skip
    # The award is due 2026-05-13: 7 working days after the candidates' publicity, plus 30 days' allowance.
    q2 = s.Scope.of(luan, D(2026, 4, 1), D(2026, 6, 30), D(2026, 6, 30))
    found = s.missing_stages(q2)
    assert [r.transaction for r in found] == [t]
    assert [r["stage"] for r in found[0].stages] == ["award"]
    assert found[0].stages[0]["due_on"] == "2026-05-13"
    assert s.figure(q2, "missing_stages").value == 1
    # Not yet overdue on its due date; and no due date of it falls in the first quarter.
    assert s.missing_stages(s.Scope.of(luan, D(2026, 4, 1), D(2026, 6, 30), D(2026, 5, 13))) == []
    assert s.missing_stages(s.Scope.of(luan, D(2026, 1, 1), D(2026, 3, 31), D(2026, 6, 30))) == []


def test_organization_rows_add_up_to_the_figures(world):
    sc = scope(world)
    rows = s.organization_rows(sc)
    v = s.values(s.figures(sc))
    for code in ("due", "on_time", "late", "overdue", "copies_late", "copies_missing", "applications_late",
                 "applications_overdue", "corrections", "withdrawals"):  # fmt: skip
        assert sum(r.values[code] for r in rows) == v[code], code
    assert world.outside_org not in [r.organization for r in rows]
