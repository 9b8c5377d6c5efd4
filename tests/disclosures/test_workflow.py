"""The disclosure workflow: each transition, each refusal, format rules, masking, corrections, withdrawal."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from gongkai.core.audit import history_for, verify_chain
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.disclosures import services
from gongkai.disclosures.choices import RevisionStatus, State
from gongkai.disclosures.models import Disclosure, SupervisorCopy
from gongkai.orgs.models import Role
from tests.helpers.disclosures import (
    TODAY,
    award_data,
    draft,
    item,
    member,
    published,
    required_fields,
    to_approved,
)


def test_the_whole_way_from_draft_to_published(publisher, reviewer, centre, award_item):
    d = draft(publisher, centre, award_item)
    assert d.state == State.DRAFT
    assert d.due_on == dt.date(2026, 10, 12)  # 7 working days (Lu'an) after 09-25 across National Day
    d = services.submit(actor=publisher, disclosure=d)
    assert d.state == State.SUBMITTED
    assert d.body.endswith("（此件公开发布）")
    d = services.review(actor=reviewer, disclosure=d)
    assert d.state == State.REVIEWED
    services.mask_personal_data(actor=reviewer, disclosure=d)
    d = services.approve(actor=reviewer, disclosure=d)
    assert d.state == State.APPROVED
    d = services.publish(actor=publisher, disclosure=d, today=TODAY)
    assert d.state == State.PUBLISHED
    assert d.published_on == TODAY
    assert re.fullmatch(rf"{centre.uscc}/202609-00001", d.index_no)  # Anhui pattern {uscc}/{yyyymm}-{serial}
    assert d.current_revision.number == 1
    actions = [e.action for e in history_for(d)]
    assert actions == ["disclosure.created", "disclosure.submitted", "disclosure.reviewed", "disclosure.masked",
                       "disclosure.approved", "disclosure.published"]  # fmt: skip
    assert verify_chain().ok


def test_index_numbers_count_per_organization_and_period(publisher, reviewer, centre, award_item):
    first = published(publisher, reviewer, centre, award_item)
    second = published(publisher, reviewer, centre, award_item, title="另一条中标结果公告")
    assert first.index_no.endswith("/202609-00001")
    assert second.index_no.endswith("/202609-00002")


def test_a_redacted_body_ends_with_the_redaction_mark(publisher, centre, award_item):
    d = services.submit(
        actor=publisher,
        disclosure=draft(publisher, centre, award_item, redacted=True, body="正文（此件公开发布）"),
    )
    assert d.body.endswith("（本文有删减）")
    assert "此件公开发布" not in d.body


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "标题名称必须填写"),
        ({"title": "关于六安市城区老旧小区改造工程……"}, "title", "不得简化或删减"),
        ({"body": "（此件公开发布）"}, "body", "正文必须填写"),
        ({"attribute": "withheld"}, "attribute_reason", "须说明理由"),
        ({"attribute": "on_request", "attribute_reason": "涉及商业秘密"}, "withheld_ground", "请选择"),
        (
            {"fields": {**award_data()["fields"], "winner_uscc": "91350100M000100Y4Z"}},
            "fields.winner_uscc",
            "不允许的字符",
        ),
        (
            {"fields": {k: v for k, v in award_data()["fields"].items() if k != "bid_price"}},
            "fields.bid_price",
            "必须填写",
        ),
        ({"fields": {**award_data()["fields"], "bid_price": "十万元"}}, "fields.bid_price", "应为数字"),
        ({"fields": {**award_data()["fields"], "colour": "红"}}, "fields.colour", "没有字段"),
        (
            {"fields": {**award_data()["fields"], "managers": [{"name": "王建国"}]}},
            "fields.managers",
            "第1行“岗位”必须填写",
        ),
    ],
)
def test_format_rules_refuse_submission_with_clear_messages(
    publisher, centre, award_item, overrides, field, message
):
    if overrides.get("title") == "":
        with pytest.raises(DomainError, match="标题名称必须填写"):
            draft(publisher, centre, award_item, **overrides)
        return
    d = draft(publisher, centre, award_item, **overrides)
    with pytest.raises(services.InvalidDisclosure) as info:
        services.submit(actor=publisher, disclosure=d)
    assert any(f == field and message in m for f, m in info.value.problems), info.value.problems
    assert Disclosure.objects.get(pk=d.pk).state == State.DRAFT


def test_an_attachment_alone_is_not_the_full_text(publisher, centre, award_item):
    d = draft(publisher, centre, award_item, body="")
    services.add_attachment(actor=publisher, disclosure=d, name="中标结果.pdf", content=b"%PDF-1.4 test")
    with pytest.raises(services.InvalidDisclosure, match="不得只以附件方式公开"):
        services.submit(actor=publisher, disclosure=d)


def test_attachments_are_limited_by_type(publisher, centre, award_item):
    d = draft(publisher, centre, award_item)
    with pytest.raises(DomainError, match="不支持的附件类型“.exe”"):
        services.add_attachment(actor=publisher, disclosure=d, name="setup.exe", content=b"MZ")
    with pytest.raises(DomainError, match="附件为空"):
        services.add_attachment(actor=publisher, disclosure=d, name="a.pdf", content=b"")


def test_nobody_approves_their_own_draft(publisher, reviewer, centre, award_item):
    both = member(centre, Role.REVIEWER, "pub")  # the publisher is also a reviewer in the same organization
    d = services.submit(actor=publisher, disclosure=draft(publisher, centre, award_item))
    with pytest.raises(PermissionDenied, match="双人审核"):
        services.review(actor=both, disclosure=d)
    d = services.review(actor=reviewer, disclosure=d)
    with pytest.raises(PermissionDenied, match="双人审核"):
        services.approve(actor=both, disclosure=d)


def test_sent_back_with_comments_returns_to_draft(publisher, reviewer, centre, award_item):
    d = services.submit(actor=publisher, disclosure=draft(publisher, centre, award_item))
    with pytest.raises(DomainError, match="退回须填写意见"):
        services.send_back(actor=reviewer, disclosure=d, comment=" ")
    d = services.send_back(actor=reviewer, disclosure=d, comment="请补充中标价格的大写")
    assert (d.state, d.review_comment) == (State.DRAFT, "请补充中标价格的大写")
    assert not d.body.endswith("（此件公开发布）")
    d = services.update_draft(
        actor=publisher, disclosure=d, data={"body": d.body + "中标价：壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元整。"}
    )
    assert services.submit(actor=publisher, disclosure=d).state == State.SUBMITTED


def test_a_risk_flag_needs_a_recorded_decision(publisher, reviewer, centre, award_item):
    d = services.submit(actor=publisher, disclosure=draft(publisher, centre, award_item, risk_flag=True))
    with pytest.raises(DomainError, match="风险评估结论"):
        services.review(actor=reviewer, disclosure=d)
    d = services.review(actor=reviewer, disclosure=d, risk_decision="经与市维稳办会商，可以公开")
    assert d.risk_decided_by == reviewer
    assert d.state == State.REVIEWED


def test_unmasked_personal_data_blocks_approval_until_masked(publisher, reviewer, centre, award_item):
    d = draft(publisher, centre, award_item, body="中标人项目经理联系电话 13812345678。")
    d = services.review(actor=reviewer, disclosure=services.submit(actor=publisher, disclosure=d))
    with pytest.raises(DomainError, match="手机号码"):
        services.approve(actor=reviewer, disclosure=d)
    [finding] = services.personal_data_findings(d)
    assert (
        services.mask_personal_data(
            actor=reviewer, disclosure=d, where=finding.where, start=finding.finding.start
        )
        == 1
    )
    d.refresh_from_db()
    assert "138****5678" in d.body
    assert services.approve(actor=reviewer, disclosure=d).state == State.APPROVED


def test_a_punitive_notice_may_keep_personal_data_when_the_reviewer_confirms(centre, luan, db):
    penalty = item("341500", "credit.construction_penalties")
    dept = centre  # the item's publishers decide; use an organization of an allowed kind
    dept.kind = penalty.publishers[0]
    dept.save()
    pub, rev = member(dept, Role.PUBLISHER, "p2"), member(dept, Role.REVIEWER, "r2")
    data = {"title": "关于对某建筑公司项目经理的行政处罚决定", "formed_on": dt.date(2026, 9, 1),
            "body": "当事人身份证号码 11010519491231002X，因串通投标被处罚。"}  # fmt: skip
    data["fields"] = required_fields(penalty)
    d = services.create_draft(actor=pub, organization=dept, item=penalty, data=data)
    d = services.review(actor=rev, disclosure=services.submit(actor=pub, disclosure=d))
    assert penalty.punitive
    with pytest.raises(DomainError, match="审查员确认"):
        services.approve(actor=rev, disclosure=d)
    d = services.approve(actor=rev, disclosure=d, confirm_personal_data=True)
    d = services.publish(actor=pub, disclosure=d, today=TODAY)
    assert "11010519491231002X" in d.current_revision.content["body"]


def test_published_content_is_never_edited_in_place(publisher, reviewer, centre, award_item):
    d = published(publisher, reviewer, centre, award_item)
    with pytest.raises(PermissionDenied, match="更正程序"):
        services.update_draft(actor=publisher, disclosure=d, data={"title": "改过的标题"})
    with pytest.raises(DomainError, match="更正程序"):
        services.mask_personal_data(actor=reviewer, disclosure=d)


def test_a_correction_is_a_new_revision_decided_by_someone_else(publisher, reviewer, centre, award_item):
    d = published(publisher, reviewer, centre, award_item)
    with pytest.raises(DomainError, match="更正须说明理由"):
        services.propose_correction(actor=publisher, disclosure=d, data={}, reason="")
    rev = services.propose_correction(actor=publisher, disclosure=d, data={"fields": {**award_data()["fields"], "duration": "150日历天"}},
                                      reason="工期录入错误")  # fmt: skip
    assert rev.status == RevisionStatus.PROPOSED
    with pytest.raises(DomainError, match="已有待审核的更正"):
        services.propose_correction(actor=publisher, disclosure=d, data={}, reason="again")
    both = member(centre, Role.REVIEWER, "pub")
    with pytest.raises(PermissionDenied, match="双人审核"):
        services.decide_correction(actor=both, revision=rev, approve=True)
    services.decide_correction(actor=reviewer, revision=rev, approve=True)
    d.refresh_from_db()
    assert d.current_revision.number == 2
    assert d.current_revision.content["fields"]["duration"] == "150日历天"
    assert d.revisions.get(number=1).status == RevisionStatus.SUPERSEDED
    assert d.revisions.get(number=1).content["fields"]["duration"] == "180日历天"
    assert d.index_no == d.current_revision.content["index_no"]


def test_a_rejected_correction_changes_nothing(publisher, reviewer, centre, award_item):
    d = published(publisher, reviewer, centre, award_item)
    rev = services.propose_correction(
        actor=publisher, disclosure=d, data={"title": "错误的更正"}, reason="试一试"
    )
    services.decide_correction(actor=reviewer, revision=rev, approve=False)
    d.refresh_from_db()
    assert d.current_revision.number == 1
    assert d.title == award_data()["title"]


def test_withdrawal_needs_a_reason_and_keeps_a_notice(publisher, reviewer, centre, award_item):
    d = published(publisher, reviewer, centre, award_item)
    with pytest.raises(PermissionDenied):
        services.withdraw(actor=publisher, disclosure=d, reason="x")  # publishers do not withdraw
    with pytest.raises(DomainError, match="撤回须说明理由"):
        services.withdraw(actor=reviewer, disclosure=d, reason="")
    d = services.withdraw(actor=reviewer, disclosure=d, reason="招标人撤销招标")
    assert d.state == State.WITHDRAWN
    assert Disclosure.objects.published().filter(pk=d.pk).exists()


def test_validity_changes_are_recorded(publisher, reviewer, centre, award_item):
    d = published(publisher, reviewer, centre, award_item)
    with pytest.raises(DomainError, match="须说明理由"):
        services.change_validity(actor=reviewer, disclosure=d, validity="repealed", reason="")
    d = services.change_validity(actor=reviewer, disclosure=d, validity="repealed", reason="被新文件替代")
    assert d.get_validity_display() == "废止"
    assert history_for(d).last().data == {"before": "valid", "after": "repealed", "reason": "被新文件替代"}


def test_transaction_information_is_copied_to_the_supervision_bureau_within_two_working_days(
    publisher, reviewer, centre, supervisor_org, db
):
    contract = item("341500", "construction.contract")
    centre.kind = "owner"
    centre.save()
    fields = required_fields(contract)
    d = services.create_draft(actor=publisher, organization=centre, item=contract,
                              data={"title": "施工合同公开", "formed_on": dt.date(2026, 9, 29), "body": "合同主要条款如下。", "fields": fields})  # fmt: skip
    d = services.publish(actor=publisher, disclosure=to_approved(d, publisher, reviewer), today=TODAY)
    copy = SupervisorCopy.objects.get(disclosure=d)
    assert copy.supervisor == supervisor_org
    assert copy.due_on == dt.date(
        2026, 10, 8
    )  # 2 working days after the contract (09-29), across National Day
    services.mark_copied(actor=publisher, disclosure=d, sent_on=dt.date(2026, 10, 8))
    copy.refresh_from_db()
    assert copy.state == "sent"


def test_no_copy_duty_where_the_profile_sets_none(publisher, reviewer, centre, award_item):
    d = published(publisher, reviewer, centre, award_item)  # an award is not contract/performance/change
    assert not SupervisorCopy.objects.filter(disclosure=d).exists()


def test_the_api_upsert_is_idempotent(publisher, centre, award_item):
    d1, created1 = services.upsert_draft(
        actor=publisher, organization=centre, external_id="ZB-2026-001", item=award_item, data=award_data()
    )
    d2, created2 = services.upsert_draft(
        actor=publisher, organization=centre, external_id="ZB-2026-001", item=award_item, data=award_data()
    )
    assert (created1, created2) == (True, False)
    assert d1.pk == d2.pk
    assert Disclosure.objects.filter(external_id="ZB-2026-001").count() == 1
    assert [e.action for e in history_for(d1)] == [
        "disclosure.created"
    ]  # the second, identical send changed nothing


def test_an_item_outside_the_catalog_or_kind_is_refused(publisher, centre, luan):
    land_plan = item("341500", "land.supply_plan")  # published by the land department, not a trading centre
    with pytest.raises(PermissionDenied, match="应由"):
        services.create_draft(actor=publisher, organization=centre, item=land_plan, data=award_data())


def test_deactivated_people_and_organizations_lose_their_powers(publisher, centre, award_item):
    publisher.is_active = False
    publisher.save()
    with pytest.raises(PermissionDenied):
        draft(publisher, centre, award_item)
    publisher.is_active = True
    publisher.save()
    centre.active = False
    centre.save()
    with pytest.raises(PermissionDenied):
        draft(publisher, centre, award_item)


def test_only_publishers_and_reviewers_link_records(publisher, reviewer, centre, award_item):
    handler = member(centre, Role.HANDLER, "handler")
    a = draft(publisher, centre, award_item)
    b = draft(publisher, centre, award_item, title="相关的另一条信息")
    with pytest.raises(PermissionDenied, match="发布员或审查员"):
        services.link(actor=handler, source=a, target=b, kind="related")
    assert services.link(actor=publisher, source=a, target=b, kind="related").kind == "related"


def test_office_landlines_are_shown_but_do_not_block_approval(publisher, reviewer, centre, award_item):
    d = draft(
        publisher, centre, award_item, body="招标人：六安市城市建设投资有限公司，联系电话：0564-3371234。"
    )
    d = services.review(actor=reviewer, disclosure=services.submit(actor=publisher, disclosure=d))
    [finding] = services.personal_data_findings(d)
    assert finding.finding.kind == "landline"
    assert not finding.blocking
    assert services.approve(actor=reviewer, disclosure=d).state == State.APPROVED


def test_a_correction_may_name_only_the_fields_it_changes(publisher, reviewer, centre, award_item):
    d = published(publisher, reviewer, centre, award_item)
    rev = services.propose_correction(
        actor=publisher, disclosure=d, data={"fields": {"duration": "150日历天"}}, reason="工期有误"
    )
    assert rev.content["fields"]["duration"] == "150日历天"
    assert rev.content["fields"]["winner"] == "华为技术有限公司"
