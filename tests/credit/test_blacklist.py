"""The blacklist: listing and removal each reviewed by a second person; validity by date; history kept."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.core.audit import history_for, verify_chain
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.credit import selectors, services
from gongkai.credit.choices import BlacklistState
from gongkai.credit.services import InvalidCreditData
from tests.helpers.credit import DECIDED, HUAWEI, entry_data, listed

D = dt.date


def propose(user, centre, entity, **overrides):
    return services.propose_listing(
        actor=user, organization=centre, entity=entity, data=entry_data(**overrides)
    )


def test_listing_needs_a_second_person(both, publisher, reviewer, centre, entity):
    entry = propose(both, centre, entity)
    assert entry.state == BlacklistState.SUBMITTED
    assert (entry.valid_from, entry.valid_to) == (DECIDED, D(2029, 5, 10))  # 严重: at most 3 years
    assert entry.repair_from == D(2027, 5, 11)  # … and at least 1 year
    assert selectors.public_entries(entity, DECIDED).count() == 0  # not public before review
    assert selectors.is_blacklisted(HUAWEI, DECIDED) is None
    with pytest.raises(PermissionDenied, match="双人审核"):
        services.review_listing(actor=both, entry=entry, approve=True)
    with pytest.raises(PermissionDenied, match="审查员或监督人员"):
        services.review_listing(actor=publisher, entry=entry, approve=True)
    entry = services.review_listing(actor=reviewer, entry=entry, approve=True)
    assert (entry.state, entry.reviewed_by) == (BlacklistState.LISTED, reviewer)
    assert list(selectors.public_entries(entity, DECIDED)) == [entry]
    assert selectors.is_blacklisted(HUAWEI.lower(), DECIDED) == entry
    with pytest.raises(DomainError, match="不能审核列入"):
        services.review_listing(actor=reviewer, entry=entry, approve=True)
    assert [e.action for e in history_for(entry)] == ["credit.blacklist_proposed", "credit.blacklist_listed"]


def test_supervisors_above_review_and_others_do_not(publisher, supervisor, far_reviewer, centre, entity):
    entry = propose(publisher, centre, entity)
    assert entry in selectors.listing_queue(supervisor)
    assert entry not in selectors.listing_queue(far_reviewer)
    assert entry not in selectors.listing_queue(publisher)
    with pytest.raises(PermissionDenied):
        services.review_listing(actor=far_reviewer, entry=entry, approve=True)
    assert services.review_listing(actor=supervisor, entry=entry, approve=True).state == BlacklistState.LISTED


def test_sent_back_with_a_comment_then_corrected_and_resubmitted(publisher, reviewer, centre, entity):
    entry = propose(publisher, centre, entity)
    with pytest.raises(DomainError, match="退回须填写意见"):
        services.review_listing(actor=reviewer, entry=entry, approve=False)
    entry = services.review_listing(actor=reviewer, entry=entry, approve=False, comment="认定依据应写明条款")
    assert entry.state == BlacklistState.DRAFT
    assert entry in selectors.my_sent_back(publisher)
    with pytest.raises(PermissionDenied):
        services.update_draft(actor=reviewer, entry=entry, data=entry_data())
    entry = services.update_draft(actor=publisher, entry=entry,
                                  data=entry_data(legal_basis="《招标投标法实施条例》第六十七条第一款"))  # fmt: skip
    assert entry.state == BlacklistState.SUBMITTED
    entry = services.review_listing(actor=reviewer, entry=entry, approve=True)
    assert entry.legal_basis == "《招标投标法实施条例》第六十七条第一款"


def test_the_rules_table_bounds_validity(publisher, centre, entity):
    with pytest.raises(InvalidCreditData, match="有效期至不能晚于2029-05-10"):
        propose(publisher, centre, entity, valid_to=D(2030, 1, 1))
    with pytest.raises(InvalidCreditData, match="有效期短于最短期限"):
        propose(publisher, centre, entity, valid_to=D(2026, 12, 31))
    with pytest.raises(InvalidCreditData, match="有效期起不能早于认定日期"):
        propose(publisher, centre, entity, valid_from=D(2026, 5, 1))
    with pytest.raises(InvalidCreditData) as exc:
        propose(
            publisher, centre, entity, reason_category="", decided_by_uscc="91110108717809965C", doc_no=""
        )
    fields = {p["field"] for p in exc.value.details["problems"]}
    assert fields == {"reason_category", "decided_by_uscc", "doc_no"}
    # An entry decided before 《信用修复管理办法》 carries the validity of its document.
    old = propose(
        publisher,
        centre,
        entity,
        decided_on=D(2024, 3, 1),
        valid_to=D(2027, 2, 28),
        doc_no="六公管信〔2024〕1号",
    )
    assert (old.valid_to, old.scheme, old.rule_text) == (D(2027, 2, 28), "", "按认定文书确定的有效期")
    with pytest.raises(InvalidCreditData, match="没有适用的公示期限规则"):
        propose(publisher, centre, entity, decided_on=D(2024, 3, 1), doc_no="六公管信〔2024〕2号")
    propose(publisher, centre, entity)
    with pytest.raises(DomainError, match="已依六公管信〔2026〕3号列入或待审核"):
        propose(publisher, centre, entity)


def test_an_entry_leaves_the_public_list_the_day_after_its_validity(publisher, reviewer, centre, entity):
    entry = listed(entity, publisher, reviewer, centre, valid_to=D(2027, 6, 30))
    last, after = D(2027, 6, 30), D(2027, 7, 1)
    assert list(selectors.public_blacklist(today=last)) == [entry]
    assert list(selectors.public_entries(entity, last)) == [entry]
    assert list(selectors.public_blacklist(today=after)) == []  # before any scan
    assert list(selectors.public_entries(entity, after)) == []
    assert selectors.is_blacklisted(HUAWEI, after) is None
    assert selectors.is_blacklisted(HUAWEI, D(2027, 1, 1)) == entry  # at the time of an award in its validity
    assert services.expire_due(today=after) == (0, 1)
    assert services.expire_due(today=after) == (0, 0)
    entry.refresh_from_db()
    assert entry.state == BlacklistState.EXPIRED
    assert selectors.entity_history(entity).entries == [entry]  # still in history
    assert selectors.is_blacklisted(HUAWEI, D(2027, 1, 1)) == entry


def test_entries_shared_between_authorities_only_are_not_public(publisher, reviewer, centre, entity):
    entry = listed(entity, publisher, reviewer, centre, publication_scope="shared")
    assert list(selectors.public_blacklist(today=DECIDED)) == []
    assert selectors.is_blacklisted(HUAWEI, DECIDED) == entry  # but it still bars the entity


def test_removal_needs_a_second_person_and_can_be_refused(both, publisher, reviewer, centre, entity):
    entry = listed(entity, publisher, reviewer, centre)
    with pytest.raises(PermissionDenied):
        services.propose_removal(actor=reviewer, entry=entry, kind="removed", reason="已整改")
    with pytest.raises(DomainError, match="说明理由"):
        services.propose_removal(actor=both, entry=entry, kind="removed", reason=" ")
    entry = services.propose_removal(
        actor=both, entry=entry, kind="removed", reason="已全面履行处罚决定并完成整改"
    )
    assert entry.state == BlacklistState.REMOVAL_SUBMITTED
    assert list(selectors.public_entries(entity, D(2026, 6, 1))) == [entry]  # still public while undecided
    assert entry in selectors.listing_queue(reviewer)
    assert entry not in selectors.listing_queue(both)
    with pytest.raises(PermissionDenied, match="双人审核"):
        services.review_removal(actor=both, entry=entry, approve=True)
    with pytest.raises(DomainError, match="须填写意见"):
        services.review_removal(actor=reviewer, entry=entry, approve=False)
    entry = services.review_removal(actor=reviewer, entry=entry, approve=False, comment="整改材料不全")
    assert (entry.state, entry.removal_kind) == (BlacklistState.LISTED, "")
    entry = services.propose_removal(actor=publisher, entry=entry, kind="removed", reason="补充整改材料")
    entry = services.review_removal(actor=both, entry=entry, approve=True, today=D(2026, 6, 1))
    assert (entry.state, entry.removed_on, entry.removal_reviewed_by) == (
        BlacklistState.REMOVED,
        D(2026, 6, 1),
        both,
    )
    assert list(selectors.public_entries(entity, D(2026, 6, 1))) == []
    assert selectors.is_blacklisted(HUAWEI, D(2026, 5, 31)) == entry  # was on the list until then
    assert selectors.is_blacklisted(HUAWEI, D(2026, 6, 1)) is None
    actions = [e.action for e in history_for(entry)]
    assert actions == ["credit.blacklist_proposed", "credit.blacklist_listed", "credit.blacklist_removal_proposed",
                       "credit.blacklist_removal_refused", "credit.blacklist_removal_proposed",
                       "credit.blacklist_removed"]  # fmt: skip
    assert verify_chain().ok


def test_a_revoked_decision_never_counted_and_is_published_as_revoked(publisher, reviewer, centre, entity):
    entry = listed(entity, publisher, reviewer, centre)
    entry = services.propose_removal(
        actor=publisher, entry=entry, kind="revoked", reason="认定决定经行政复议被撤销"
    )
    entry = services.review_removal(actor=reviewer, entry=entry, approve=True, today=D(2026, 7, 1))
    assert entry.state == BlacklistState.REVOKED
    assert selectors.is_blacklisted(HUAWEI, D(2026, 6, 1)) is None
    assert list(selectors.public_blacklist(today=D(2026, 7, 2))) == []
    assert list(selectors.public_blacklist(today=D(2026, 7, 2), state="revoked")) == [entry]
