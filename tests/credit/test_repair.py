"""Credit repair (信用修复): applied for after the minimum period, decided by a second person; approval ends
publicity early, and the record, the application and the decision stay in history."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.core.audit import history_for
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.credit import selectors, services
from gongkai.credit.choices import BlacklistState, RecordState, RepairState
from tests.helpers.credit import HUAWEI, listed, penalty_data

D = dt.date
EVIDENCE = "已缴清罚款（缴款书编号 3415002026000123），完成整改并提交信用承诺书。"


@pytest.fixture
def penalty(publisher, centre, entity):
    return services.record_credit(actor=publisher, organization=centre, entity=entity, data=penalty_data(),
                                  today=D(2026, 5, 12))  # fmt: skip


def test_repair_ends_a_penalty_publicity_early(both, publisher, reviewer, penalty, entity):
    with pytest.raises(DomainError, match="2026-08-11起方可申请信用修复"):
        services.record_repair_application(
            actor=publisher, target=penalty, applied_on=D(2026, 8, 10), evidence=EVIDENCE
        )
    repair = services.record_repair_application(actor=both, target=penalty, applied_on=D(2026, 8, 11),
                                                evidence=EVIDENCE, commitment=True)  # fmt: skip
    assert (repair.state, repair.applicant, repair.entity) == (
        RepairState.PENDING,
        "华为技术有限公司",
        entity,
    )
    with pytest.raises(DomainError, match="已有待审核"):
        services.record_repair_application(
            actor=publisher, target=penalty, applied_on=D(2026, 8, 12), evidence=EVIDENCE
        )
    assert repair in selectors.repair_queue(reviewer)
    assert repair not in selectors.repair_queue(both)
    with pytest.raises(PermissionDenied, match="双人审核"):
        services.decide_repair(actor=both, repair=repair, approve=True)
    with pytest.raises(PermissionDenied):
        services.decide_repair(actor=publisher, repair=repair, approve=True)

    repair = services.decide_repair(actor=reviewer, repair=repair, approve=True, today=D(2026, 8, 20))
    assert repair.state == RepairState.APPROVED
    assert repair.effect == "2026-08-20起提前停止公示（原公示至2027-05-10）"
    penalty.refresh_from_db()
    assert (penalty.state, penalty.ended_on) == (RecordState.REPAIRED, D(2026, 8, 20))
    assert list(selectors.public_records(entity, D(2026, 8, 21))) == []  # well before 2027-05-10
    history = selectors.entity_history(entity)
    assert history.records == [penalty]
    assert history.repairs == [repair]
    assert [e.action for e in history_for(penalty)] == ["credit.record_created", "credit.record_repaired"]
    assert [e.action for e in history_for(repair)] == ["credit.repair_applied", "credit.repair_approved"]
    with pytest.raises(PermissionDenied, match="已处理"):
        services.decide_repair(actor=reviewer, repair=repair, approve=True)


def test_a_refused_repair_changes_nothing_but_is_kept(publisher, reviewer, penalty, entity):
    repair = services.record_repair_application(
        actor=publisher, target=penalty, applied_on=D(2026, 9, 1), evidence=EVIDENCE
    )
    with pytest.raises(DomainError, match="说明理由"):
        services.decide_repair(actor=reviewer, repair=repair, approve=False)
    repair = services.decide_repair(actor=reviewer, repair=repair, approve=False, comment="罚款尚未缴清")
    assert repair.state == RepairState.REJECTED
    penalty.refresh_from_db()
    assert penalty.state == RecordState.PUBLIC
    assert list(selectors.public_records(entity, D(2026, 9, 2))) == [penalty]
    assert selectors.entity_history(entity).repairs == [repair]


def test_only_dishonesty_information_in_view_is_repaired(publisher, centre, entity, penalty):
    honour = services.record_credit(actor=publisher, organization=centre, entity=entity,
                                    data=penalty_data(kind="honour", severity="", title="全国优秀施工企业"))  # fmt: skip
    with pytest.raises(DomainError, match="只有行政处罚信息和严重失信主体名单"):
        services.record_repair_application(
            actor=publisher, target=honour, applied_on=D(2026, 9, 1), evidence=EVIDENCE
        )
    with pytest.raises(DomainError, match="不在公示期内"):
        services.record_repair_application(
            actor=publisher, target=penalty, applied_on=D(2027, 6, 1), evidence=EVIDENCE
        )
    with pytest.raises(DomainError, match="证明材料"):
        services.record_repair_application(
            actor=publisher, target=penalty, applied_on=D(2026, 9, 1), evidence=""
        )


def test_repair_removes_a_blacklist_entry_after_its_minimum_year(
    publisher, reviewer, supervisor, centre, entity
):
    entry = listed(entity, publisher, reviewer, centre)
    with pytest.raises(DomainError, match="2027-05-11起方可申请"):
        services.record_repair_application(
            actor=publisher, target=entry, applied_on=D(2027, 5, 10), evidence=EVIDENCE
        )
    repair = services.record_repair_application(
        actor=publisher, target=entry, applied_on=D(2027, 5, 11), evidence=EVIDENCE
    )
    repair = services.decide_repair(actor=supervisor, repair=repair, approve=True, today=D(2027, 5, 20))
    entry.refresh_from_db()
    assert (entry.state, entry.removed_on, entry.removal_kind) == (
        BlacklistState.REMOVED,
        D(2027, 5, 20),
        "removed",
    )
    assert entry.removal_reason.startswith("信用修复")
    assert repair.effect == "2027-05-20起移出名单（原有效期至2029-05-10）"
    assert list(selectors.public_blacklist(today=D(2027, 5, 20))) == []
    assert selectors.is_blacklisted(HUAWEI, D(2027, 5, 19)) == entry
    assert selectors.is_blacklisted(HUAWEI, D(2027, 5, 20)) is None
    assert "credit.blacklist_removed" in [e.action for e in history_for(entry)]
