"""Credit records: publicity periods from the rules table, leaving public view the day after their last day, and
staying in history; the expiry scan (command and task) is idempotent and catches everything due."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command

from gongkai.core.audit import history_for
from gongkai.core.errors import PermissionDenied
from gongkai.credit import selectors, services, tasks
from gongkai.credit.choices import RecordState
from gongkai.credit.models import CreditRecord
from gongkai.credit.services import InvalidCreditData
from tests.helpers.credit import DECIDED, penalty_data

D = dt.date


def record(publisher, centre, entity, **overrides):
    return services.record_credit(actor=publisher, organization=centre, entity=entity, data=penalty_data(**overrides),
                                  today=D(2026, 5, 12))  # fmt: skip


def public_on(entity, day):
    return list(selectors.public_records(entity, day))


def test_a_general_penalty_is_public_for_one_year_to_the_day(publisher, centre, entity):
    r = record(publisher, centre, entity)
    assert (r.publicity_from, r.publicity_until, r.repair_from) == (DECIDED, D(2027, 5, 10), D(2026, 8, 11))
    assert r.severity_label == "一般"
    assert "《信用修复管理办法》" in r.rule_text
    assert public_on(entity, D(2026, 5, 9)) == []  # not before the decision
    assert public_on(entity, DECIDED) == [r]
    assert public_on(entity, D(2027, 5, 10)) == [r]  # the last day
    assert public_on(entity, D(2027, 5, 11)) == []  # gone the day after, whether or not the scan ran
    r.refresh_from_db()
    assert r.state == RecordState.PUBLIC
    # … and still in history, then marked expired by the scan.
    assert services.expire_due(today=D(2027, 5, 11)) == (1, 0)
    history = selectors.entity_history(entity)
    assert [x.pk for x in history.records] == [r.pk]
    r.refresh_from_db()
    assert r.state == RecordState.EXPIRED
    assert [e.action for e in history_for(r)] == ["credit.record_created", "credit.record_expired"]


def test_serious_penalties_three_years_and_market_regulation_three_months(publisher, centre, entity):
    serious = record(publisher, centre, entity, severity="serious", doc_no="六公管罚〔2026〕13号")
    assert serious.publicity_until == D(2029, 5, 10)
    light = record(publisher, centre, entity, scheme="samr-2021-45", severity="light", publicity_from=D(2026, 5, 20),
                   decided_by_name="六安市市场监督管理局", title="行政处罚决定书（通报批评）")  # fmt: skip
    assert light.publicity_until == D(2026, 8, 20)  # three months from publication
    assert set(public_on(entity, D(2026, 8, 20))) == {serious, light}
    assert public_on(entity, D(2026, 8, 21)) == [serious]


def test_minor_penalties_are_not_disclosed_unless_decided(publisher, centre, entity):
    quiet = record(publisher, centre, entity, severity="minor")
    assert quiet.state == RecordState.NOT_DISCLOSED
    assert public_on(entity, DECIDED) == []
    shown = record(publisher, centre, entity, severity="minor", disclose=True, doc_no="六公管罚〔2026〕14号")
    assert (shown.state, shown.publicity_until) == (RecordState.PUBLIC, D(2026, 8, 10))
    assert public_on(entity, DECIDED) == [shown]


def test_other_kinds_have_no_end_unless_the_document_sets_one(publisher, centre, entity):
    licence = record(publisher, centre, entity, kind="licence", severity="", title="建筑业企业资质证书",
                     content="施工总承包一级", publicity_until=D(2031, 5, 9))  # fmt: skip
    honour = record(
        publisher, centre, entity, kind="honour", severity="", title="全国五一劳动奖状", content="表彰"
    )
    assert honour.publicity_until is None
    assert set(public_on(entity, D(2035, 1, 1))) == {honour}
    assert licence in public_on(entity, D(2031, 5, 9))


def test_the_rules_bound_what_is_recorded(publisher, centre, entity):
    with pytest.raises(InvalidCreditData, match="失信程度应为以下之一"):
        record(publisher, centre, entity, severity="")
    with pytest.raises(InvalidCreditData, match="不能晚于规则规定的2027-05-10"):
        record(publisher, centre, entity, publicity_until=D(2027, 6, 1))
    with pytest.raises(InvalidCreditData, match="早于最短公示期"):
        record(publisher, centre, entity, publicity_until=D(2026, 6, 1))
    with pytest.raises(InvalidCreditData, match="只有行政处罚信息"):
        record(publisher, centre, entity, kind="honour")
    with pytest.raises(InvalidCreditData, match="统一社会信用代码"):
        record(publisher, centre, entity, decided_by_uscc="91350100M000100Y4Z")
    # Before 2019-07 no scheme applies: the deciding document's end date is needed, and then used.
    with pytest.raises(InvalidCreditData, match="没有适用的公示期限规则"):
        record(publisher, centre, entity, decided_on=D(2019, 1, 10))
    old = record(publisher, centre, entity, decided_on=D(2019, 1, 10), publicity_until=D(2022, 1, 10))
    assert old.state == RecordState.EXPIRED  # entered late: already past its period
    assert not CreditRecord.objects.filter(state=RecordState.PUBLIC).exclude(pk=old.pk).exists()


def test_only_publishers_of_the_organization_record(reviewer, other_org, publisher, centre, entity):
    with pytest.raises(PermissionDenied):
        services.record_credit(actor=reviewer, organization=centre, entity=entity, data=penalty_data())
    with pytest.raises(PermissionDenied):
        services.record_credit(actor=publisher, organization=other_org, entity=entity, data=penalty_data())


def test_withdrawal_takes_it_out_of_view_at_once(publisher, centre, entity):
    r = record(publisher, centre, entity)
    services.withdraw_credit_record(actor=publisher, record=r, reason="处罚决定经行政复议被撤销")
    assert public_on(entity, DECIDED) == []
    r.refresh_from_db()
    assert (r.state, r.end_reason) == (RecordState.WITHDRAWN, "处罚决定经行政复议被撤销")


def test_the_scan_selects_everything_due_and_is_idempotent(publisher, centre, entity, time_machine):
    a = record(publisher, centre, entity, severity="minor", disclose=True)  # until 2026-08-10
    b = record(publisher, centre, entity, doc_no="六公管罚〔2026〕15号")  # until 2027-05-10
    # A run on 2026-09-01 was skipped; the next one, a year later, still catches both.
    out = io.StringIO()
    call_command("credit", "expire", "--today", "2027-06-01", stdout=out)
    assert "信用记录 2 条" in out.getvalue()
    assert services.expire_due(today=D(2027, 6, 1)) == (0, 0)
    for r in (a, b):
        r.refresh_from_db()
        assert r.state == RecordState.EXPIRED
    c = record(publisher, centre, entity, severity="minor", disclose=True, doc_no="六公管罚〔2026〕16号")
    time_machine.move_to(dt.datetime(2026, 9, 1, 9, tzinfo=dt.UTC))
    result = tasks.expire_credit_information.enqueue()
    assert result.return_value == {"records": 1, "entries": 0}
    c.refresh_from_db()
    assert c.state == RecordState.EXPIRED
