"""A transaction's releases: stage → tag and section, corrections as new releases with amendments, withdrawals as
cancellations, candidates as pending awards, merging in the record, and nothing personal or unpublished."""

from __future__ import annotations

import datetime as dt
import json

from gongkai.disclosures import services as disclosure_services
from gongkai.ocds.packages import record_of
from gongkai.ocds.releases import ocid_for, releases_for_transaction
from gongkai.ocds.validation import errors
from gongkai.transactions import services
from gongkai.transactions.models import Transaction
from gongkai.transactions.selectors import with_details
from tests.disclosures.fixtures import WINNER_USCC, item, required_fields

D = dt.date
WINNER = "安徽建工集团股份有限公司"
OTHER_USCC = "91340100MA2RWKQX3Y"


def fresh(t):
    return with_details(Transaction.objects.filter(pk=t.pk)).get()


def by_id(releases):
    return {r["id"]: r for r in releases}


def full_process(build):
    t = build.transaction()
    owner = {
        "tenderer": build.owner.name,
        "tenderer_uscc": build.owner.uscc,
    }  # the catalog items' 招标人 fields
    tender = build.step(t, "construction.tender_notice", published_on=D(2026, 3, 3),
                        fields={**owner, "bid_deadline": "2026-03-25"})  # fmt: skip
    rows = [
        {"rank": 1, "name": WINNER, "uscc": WINNER_USCC, "bid_price": "980000.00", "duration": "180日历天",
         "evaluation": "综合得分92分", "managers": "张三丰（一级建造师）", "qualification_conditions": "符合"},
        {"rank": 2, "name": "合肥第二建筑有限公司", "uscc": OTHER_USCC, "bid_price": "990000.00", "duration": "180日历天",
         "evaluation": "综合得分90分", "managers": "李四光（一级建造师）", "qualification_conditions": "符合"},
    ]  # fmt: skip
    cands = build.step(t, "construction.candidates", published_on=D(2026, 4, 1),
                       fields={**owner, "candidates": rows, "publicity_from": "2026-04-01", "publicity_to": "2026-04-03"})  # fmt: skip
    award = build.step(t, "construction.award", published_on=D(2026, 4, 10),
                       fields={**owner, "winner": WINNER, "winner_uscc": WINNER_USCC, "bid_price": "980000.00"})  # fmt: skip
    contract = build.step(t, "construction.contract", published_on=D(2026, 4, 20), fields={"price": "980000.00", "employer": build.owner.name, "employer_uscc": build.owner.uscc,
                                  "contractor": WINNER, "contractor_uscc": WINNER_USCC})  # fmt: skip
    return t, {"tender": tender, "candidates": cands, "award": award, "contract": contract}


def test_each_published_step_is_a_release_with_the_stage_tag(build):
    t, steps = full_process(build)
    releases = releases_for_transaction(fresh(t))
    assert [r["tag"] for r in releases] == [["tender"], ["award"], ["award"], ["contract"]]
    assert [r["id"] for r in releases] == [
        f"d{steps[k].pk}-v1" for k in ("tender", "candidates", "award", "contract")
    ]
    assert {r["ocid"] for r in releases} == {ocid_for(t.code)}
    assert all(r["ocid"].endswith(t.code) and r["transactionCode"] == t.code for r in releases)
    assert releases[0]["date"].startswith("2026-03-03T")
    assert releases[0]["tender"]["tenderPeriod"]["endDate"] == "2026-03-25T00:00:00+08:00"
    assert releases[0]["buyer"]["name"] == t.owner.name

    pending = releases[1]["awards"]
    assert [(a["status"], a["candidateRank"], a["value"]["amount"]) for a in pending] == [
        ("pending", 1, 980000), ("pending", 2, 990000)]  # fmt: skip
    assert pending[0]["publicityPeriod"] == {"startDate": "2026-04-01T00:00:00+08:00",
                                             "endDate": "2026-04-03T00:00:00+08:00"}  # fmt: skip
    winner_party = next(p for p in releases[2]["parties"] if p.get("name") == WINNER)
    assert winner_party["identifier"] == {"scheme": "CN-SAIC", "id": WINNER_USCC, "legalName": WINNER}
    assert winner_party["roles"] == ["supplier"]
    assert winner_party["details"]["blacklist"] == {"listed": False, "asOf": "2026-04-10"}

    # the award makes the winning candidate's award active and the other candidate's unsuccessful
    compiled = record_of(fresh(t))["compiledRelease"]
    assert [(a["id"], a["status"]) for a in compiled["awards"]] == [
        (f"d{steps['candidates'].pk}-1", "active"), (f"d{steps['candidates'].pk}-2", "unsuccessful")]  # fmt: skip
    assert compiled["contracts"][0]["awardID"] == f"d{steps['candidates'].pk}-1"
    assert compiled["contracts"][0]["value"] == {"amount": 980000, "currency": "CNY"}
    assert compiled["tag"] == ["compiled"]


def test_a_correction_is_a_new_release_with_an_amendment(build):
    t, steps = full_process(build)
    d = steps["contract"]
    rev = disclosure_services.propose_correction(actor=build.publisher, disclosure=d,
                                                 data={"fields": {**d.fields, "price": "1010000.00"}},
                                                 reason="签订补充协议，调整合同价款")  # fmt: skip
    disclosure_services.decide_correction(actor=build.reviewer, revision=rev, approve=True)
    releases = by_id(releases_for_transaction(fresh(t)))
    first, second = releases[f"d{d.pk}-v1"], releases[f"d{d.pk}-v2"]
    assert second["tag"] == ["contractAmendment"]
    assert first["contracts"][0]["value"]["amount"] == 980000
    assert second["contracts"][0]["value"]["amount"] == 1010000
    (amendment,) = second["contracts"][0]["amendments"]
    assert amendment["amendsReleaseID"] == first["id"]
    assert amendment["releaseID"] == second["id"]
    assert amendment["rationale"] == "签订补充协议，调整合同价款"
    assert "合同价格" in amendment["description"] or "价" in amendment["description"]
    assert second["contracts"][0]["documents"][0]["revision"] == 2

    record = record_of(fresh(t))
    assert record["compiledRelease"]["contracts"][0]["value"]["amount"] == 1010000
    history = record["versionedRelease"]["contracts"][0]["value"]["amount"]
    assert [(v["value"], v["releaseID"]) for v in history] == [(980000, first["id"]), (1010000, second["id"])]


def test_a_withdrawal_is_a_cancellation_and_its_content_is_gone(build):
    t, steps = full_process(build)
    award = steps["award"]
    disclosure_services.withdraw(
        actor=build.reviewer, disclosure=award, reason="中标结果公告内容有误，撤回后重新发布"
    )
    releases = by_id(releases_for_transaction(fresh(t)))
    assert f"d{award.pk}-v1" not in releases  # the withdrawn content is not exported any more …
    cancel = releases[f"d{award.pk}-withdrawn"]  # … but its withdrawal is, never a silent disappearance
    assert cancel["tag"] == ["awardCancellation"]
    assert [a["status"] for a in cancel["awards"]] == ["cancelled"]
    assert (
        cancel["awards"][0]["documents"][0]["withdrawal"]["rationale"]
        == "中标结果公告内容有误，撤回后重新发布"
    )
    assert "value" not in cancel["awards"][0]
    compiled = record_of(fresh(t))["compiledRelease"]
    assert compiled["awards"][0]["status"] == "cancelled"

    tender = steps["tender"]
    disclosure_services.withdraw(actor=build.reviewer, disclosure=tender, reason="招标公告撤回")
    releases = by_id(releases_for_transaction(fresh(t)))
    cancel = releases[f"d{tender.pk}-withdrawn"]
    assert cancel["tag"] == ["tenderCancellation"]
    assert cancel["tender"]["status"] == "cancelled"
    assert "tenderPeriod" not in record_of(fresh(t))["compiledRelease"]["tender"]
    assert errors(cancel, "release-schema.json", extended=True) == []


def test_personal_and_masked_data_never_appear(build):
    t, steps = full_process(build)
    # a phone number written in a notice's title is masked by the reviewer in 保密审查
    catalog_item = item("341500", "construction.performance")
    d = disclosure_services.create_draft(
        actor=build.publisher, organization=build.owner, item=catalog_item,
        data={"title": "合同履约情况公告（联系人电话13905641234）", "formed_on": D(2026, 3, 28),
              "body": "资格审查结果如下。", "fields": required_fields(catalog_item)},
    )  # fmt: skip
    d = disclosure_services.submit(actor=build.publisher, disclosure=d)
    assert (
        disclosure_services.mask_personal_data(actor=build.reviewer, disclosure=d) >= 1
    )  # before 保密审查 passes
    d = disclosure_services.review(actor=build.reviewer, disclosure=d)
    d = disclosure_services.approve(actor=build.reviewer, disclosure=d)
    d = disclosure_services.publish(actor=build.reviewer, disclosure=d, today=D(2026, 3, 30))
    services.attach_disclosure(actor=build.publisher, transaction=t, disclosure=d)

    text = json.dumps(record_of(fresh(t)), ensure_ascii=False)
    assert "139****1234" in text  # what the public page shows …
    assert "13905641234" not in text  # … never what was masked
    assert "张三丰" not in text  # candidates' project managers are personal fields of the catalog item
    assert "李四光" not in text
    assert WINNER in text


def test_drafts_and_other_records_stay_out(build):
    t, steps = full_process(build)
    draft = disclosure_services.create_draft(
        actor=build.publisher, organization=build.owner, item=item("341500", "construction.performance"),
        data={"title": "合同履约情况（草稿）", "formed_on": D(2026, 6, 1), "body": "草稿。",
              "fields": required_fields(item("341500", "construction.performance"))},
    )  # fmt: skip
    ids = {r["id"] for r in releases_for_transaction(fresh(t))}
    assert len(ids) == 4
    assert not any(i.startswith(f"d{draft.pk}-") for i in ids)
