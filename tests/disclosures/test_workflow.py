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


def test_unmasked_personal_data_blocks_review_until_masked(publisher, reviewer, centre, award_item):
    d = draft(publisher, centre, award_item, body="中标人项目经理联系电话 13812345678。")
    d = services.submit(actor=publisher, disclosure=d)
    with pytest.raises(DomainError, match="手机号码1处") as refused:
        services.review(actor=reviewer, disclosure=d)
    assert refused.value.code == "personal_data"
    [finding] = [f for f in services.personal_data_findings(d) if f.blocking]
    assert (
        services.mask_personal_data(
            actor=reviewer, disclosure=d, where=finding.where, start=finding.finding.start
        )
        == 1
    )
    d.refresh_from_db()
    assert "138****5678" in d.body
    d = services.review(actor=reviewer, disclosure=d)
    assert services.approve(actor=reviewer, disclosure=d).state == State.APPROVED


def test_review_refuses_an_unmasked_id_number(publisher, reviewer, centre, award_item):
    """Issue 14: 保密审查 passed with an unmasked identity number."""
    d = draft(publisher, centre, award_item, body="经办人身份证号码 11010519491231002X。")
    d = services.submit(actor=publisher, disclosure=d)
    with pytest.raises(DomainError, match="居民身份证号码1处"):
        services.review(actor=reviewer, disclosure=d)
    assert Disclosure.objects.get(pk=d.pk).state == State.SUBMITTED


def item_draft(centre, key: str, title: str, body: str, **fields):
    """A draft of one of Lu'an's items by the centre, made a body of a kind that may publish it; with its
    publisher and reviewer."""
    catalog_item = item("341500", key)
    centre.kind = catalog_item.publishers[0]
    centre.save()
    pub, rev = member(centre, Role.PUBLISHER, f"pub-{key}"), member(centre, Role.REVIEWER, f"rev-{key}")
    data = {"title": title, "formed_on": dt.date(2026, 9, 1), "body": body,
            "fields": {**required_fields(catalog_item), **fields}}  # fmt: skip
    return services.create_draft(actor=pub, organization=centre, item=catalog_item, data=data), pub, rev


def contract_draft(centre, body: str):
    """A draft of Lu'an's contract item, which publishes no personal data by law (no lawful_personal)."""
    return item_draft(centre, "construction.contract", "六安市城区2026年老旧小区改造工程施工合同公开", body)


def test_approval_refuses_a_persons_landline_and_email(centre, luan, db):
    """Issue 14: 审批 passed with an unmasked landline and e-mail although the page said they must be masked. A
    landline or address beside a person's name is that person's (deid_linked_kinds) and blocks; the page says so."""
    d, publisher, reviewer = contract_draft(centre, "合同已签订。")
    d = services.review(actor=reviewer, disclosure=services.submit(actor=publisher, disclosure=d))
    d.body = "承包人联系人：王芳，电话：0564-3371234，邮箱：wangfang@163.com。（此件公开发布）"
    d.save()  # changed after review, as a reviewer's edit would (the approval must check again)
    findings = services.personal_data_findings(d)
    assert {(f.finding.kind, f.status) for f in findings if f.where == "body"} == {
        ("name", "blocking"),
        ("landline", "blocking"),
        ("email", "blocking"),
    }
    with pytest.raises(DomainError, match="固定电话1处、电子邮箱1处"):
        services.approve(actor=reviewer, disclosure=d)
    services.mask_personal_data(actor=reviewer, disclosure=d)
    assert (
        services.approve(actor=reviewer, disclosure=Disclosure.objects.get(pk=d.pk)).state == State.APPROVED
    )


def test_masking_an_id_keeps_the_name_beside_it_a_finding(centre, luan, db):
    """Issue 14: masking an ID number made the name finding next to it disappear."""
    d, publisher, reviewer = contract_draft(centre, "经办人：张三（身份证号码 11010519491231002X）。")
    d = services.submit(actor=publisher, disclosure=d)
    [number] = [f for f in services.personal_data_findings(d) if f.finding.kind == "resident_id"]
    services.mask_personal_data(actor=reviewer, disclosure=d, where="body", start=number.finding.start)
    d.refresh_from_db()
    assert [f.finding.text for f in services.personal_data_findings(d) if f.blocking] == ["张三"]
    with pytest.raises(DomainError, match="自然人姓名1处"):
        services.review(actor=reviewer, disclosure=d)


def test_a_candidate_notices_project_manager_is_lawful_content(publisher, reviewer, centre, award_item):
    """项目负责人 names and certificates in an award or candidate notice are published by law (the item's
    lawful_personal): shown as 依法公开 with the basis, never blocking; "mask all" leaves them."""
    body = "中标人：安徽某建设有限公司，项目负责人：袁胜刚，注册编号：皖1342012201234567。"
    d = draft(publisher, centre, award_item, body=body)
    lawful = [f for f in services.personal_data_findings(d) if f.where == "body"]
    assert [(f.finding.kind, f.status) for f in lawful] == [("name", "lawful"), ("certificate", "lawful")]
    assert "第六条" in lawful[0].basis
    services.mask_personal_data(actor=publisher, disclosure=d)
    d.refresh_from_db()
    assert "袁胜刚" in d.body
    d = services.review(actor=reviewer, disclosure=services.submit(actor=publisher, disclosure=d))
    assert d.state == State.REVIEWED


def test_a_private_person_in_an_allocation_list_is_masked(centre, luan, db):
    """The same name in a housing allocation list (a `personal` field of an item without lawful_personal) blocks."""
    allocation = item("341500", "housing.allocation_result")
    table = next(f for f in allocation.fields if f["type"] == "table")
    person = next(c for c in table["columns"] if c.get("personal"))
    row = {**required_fields(allocation)[table["key"]][0], person["key"]: "张伟"}
    d, pub, rev = item_draft(centre, allocation.key, "2026年第一批公共租赁住房分配结果公示",
                             "经审核，下列家庭取得公共租赁住房，现予公示。", **{table["key"]: [row]})  # fmt: skip
    d = services.submit(actor=pub, disclosure=d)
    [name] = services.personal_data_findings(d)
    assert (name.finding.text, name.status, name.finding.masked) == ("张伟", "blocking", "张某")
    with pytest.raises(DomainError, match="自然人姓名1处"):
        services.review(actor=rev, disclosure=d)
    services.mask_personal_data(actor=rev, disclosure=d)
    d.refresh_from_db()
    assert d.fields[table["key"]][0][person["key"]] == "张某"
    assert services.review(actor=rev, disclosure=d).state == State.REVIEWED


def test_a_punitive_notice_may_keep_personal_data_when_the_reviewer_confirms(centre, luan, db):
    penalty = item("341500", "credit.construction_penalties")
    d, pub, rev = item_draft(centre, penalty.key, "关于对某建筑公司项目经理的行政处罚决定",
                             "当事人身份证号码 11010519491231002X，因串通投标被处罚。")  # fmt: skip
    d = services.submit(actor=pub, disclosure=d)
    assert penalty.punitive
    with pytest.raises(DomainError, match="审查员勾选确认"):
        services.review(actor=rev, disclosure=d)
    d = services.review(actor=rev, disclosure=d, confirm_personal_data=True)
    with pytest.raises(DomainError, match="审查员勾选确认"):
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
    [finding] = [f for f in services.personal_data_findings(d) if f.where == "body"]
    assert finding.finding.kind == "landline"
    assert finding.status == "advisory"
    assert services.approve(actor=reviewer, disclosure=d).state == State.APPROVED


def test_a_correction_may_name_only_the_fields_it_changes(publisher, reviewer, centre, award_item):
    d = published(publisher, reviewer, centre, award_item)
    rev = services.propose_correction(
        actor=publisher, disclosure=d, data={"fields": {"duration": "150日历天"}}, reason="工期有误"
    )
    assert rev.content["fields"]["duration"] == "150日历天"
    assert rev.content["fields"]["winner"] == "华为技术有限公司"


def test_a_companys_legal_representative_is_lawful_with_the_fields_basis(centre, luan, db):
    penalty = item("341500", "credit.penalty")
    d, _pub, _rev = item_draft(
        centre, penalty.key, "六安市公共资源交易监督管理局行政处罚决定书", "经查，某公司串通投标。",
        legal_representative="丁志军",
    )  # fmt: skip
    [name] = services.personal_data_findings(d)
    assert (name.finding.text, name.status) == ("丁志军", "lawful")
    assert "企业信息公示暂行条例" in name.basis
