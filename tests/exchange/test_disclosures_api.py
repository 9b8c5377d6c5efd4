"""Machine clients draft and submit by their own ids with scoped tokens; the public reads published records."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.core.errors import PermissionDenied
from gongkai.disclosures import services
from gongkai.disclosures.models import Disclosure
from gongkai.exchange.tokens import issue_token, revoke_token
from gongkai.orgs.models import Role
from tests.factories import UserFactory
from tests.helpers.disclosures import award_data, member


@pytest.fixture
def admin_user(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def token(admin_user, centre):
    return issue_token(
        actor=admin_user,
        organization=centre,
        name="交易系统",
        scopes=["disclosures:write", "disclosures:read"],
    )[1]


def payload(**overrides):
    data = award_data()
    data["formed_on"] = data["formed_on"].isoformat()
    data["catalog_item"] = "construction.award"
    data.update(overrides)
    return data


def put(client, token, external_id, body):
    return client.put(f"/api/client/disclosures/{external_id}", body, content_type="application/json",
                      headers={"Authorization": f"Bearer {token}"})  # fmt: skip


def test_sending_the_same_record_twice_creates_one(client, token, centre):
    first = put(client, token, "ZB-2026-0001", payload())
    assert first.status_code == 201
    body = first.json()
    assert (body["state"], body["created"], body["due_on"]) == ("draft", True, "2026-10-12")
    # the office landline in the body (to check), the project manager and his certificate (required by law)
    assert body["personal_data_findings"] == 3
    assert [(p["kind"], p["status"], p["status_name"]) for p in body["personal_data"]] == [
        ("landline", "advisory", "请核实"),
        ("name", "lawful", "依法公开"),
        ("certificate", "lawful", "依法公开"),
    ]
    assert body["personal_data"][1]["place"] == "字段“项目主要管理人员”第1行“姓名”"
    assert body["personal_data_message"] == ""
    again = put(client, token, "ZB-2026-0001", payload())
    assert again.status_code == 200
    assert again.json()["created"] is False
    assert Disclosure.objects.filter(organization=centre, external_id="ZB-2026-0001").count() == 1


def test_update_then_submit_then_read_state(client, token):
    put(client, token, "ZB-2026-0002", payload())
    changed = put(
        client,
        token,
        "ZB-2026-0002",
        payload(title="六安市城区2026年老旧小区改造工程（二标段）施工中标结果公告"),
    )
    assert changed.json()["state"] == "draft"
    submitted = client.post(
        "/api/client/disclosures/ZB-2026-0002/submit", headers={"Authorization": f"Bearer {token}"}
    )
    assert submitted.status_code == 200
    assert submitted.json()["state_name"] == "待保密审查"
    state = client.get(
        "/api/client/disclosures/ZB-2026-0002", headers={"Authorization": f"Bearer {token}"}
    ).json()
    assert state["state"] == "submitted"
    locked = put(client, token, "ZB-2026-0002", payload())
    assert locked.status_code == 400
    assert locked.json()["code"] == "not_a_draft"


def test_errors_are_json_with_a_code_and_a_chinese_message(client, token):
    bad = put(client, token, "ZB-2026-0003", payload(fields={**award_data()["fields"], "winner_uscc": "123"}))
    assert bad.status_code == 201  # drafts may be incomplete; the problems are listed
    assert any(p["field"] == "fields.winner_uscc" for p in bad.json()["problems"])
    refused = client.post(
        "/api/client/disclosures/ZB-2026-0003/submit", headers={"Authorization": f"Bearer {token}"}
    )
    assert refused.status_code == 400
    body = refused.json()
    assert body["code"] == "invalid_disclosure"
    assert "统一社会信用代码" in body["message"]
    assert body["details"]["problems"][0]["field"] == "fields.winner_uscc"
    unknown = put(client, token, "ZB-X", payload(catalog_item="fishing.licence"))
    assert (unknown.status_code, unknown.json()["code"]) == (400, "unknown_catalog_item")
    missing = client.get("/api/client/disclosures/none", headers={"Authorization": f"Bearer {token}"})
    assert (missing.status_code, missing.json()["code"]) == (404, "not_found")


def test_tokens_are_required_scoped_and_revocable(client, admin_user, centre):
    assert client.get("/api/client/disclosures/x").json()["code"] == "unauthorized"
    assert (
        client.get("/api/client/disclosures/x", headers={"Authorization": "Bearer gk_bad_token"}).status_code
        == 401
    )
    token, value = issue_token(
        actor=admin_user, organization=centre, name="只读", scopes=["disclosures:read"]
    )
    refused = put(client, value, "RO-1", payload())
    assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")
    revoke_token(actor=admin_user, token=token)
    assert (
        client.get("/api/client/disclosures/x", headers={"Authorization": f"Bearer {value}"}).status_code
        == 401
    )


def test_only_token_managers_issue_tokens(centre, publisher):
    with pytest.raises(PermissionDenied):
        issue_token(actor=publisher, organization=centre, name="x", scopes=["disclosures:read"])


def test_a_token_acts_only_for_its_organization(client, token, other_org, db):
    other_publisher = member(other_org, Role.PUBLISHER, "other-pub")
    services.create_draft(actor=other_publisher, organization=other_org,
                          item=__import__("tests.disclosures.conftest", fromlist=["item"]).item("341500", "procurement.budget"),
                          data={"title": "2026年部门预算", "formed_on": dt.date(2026, 3, 1), "body": "预算如下。"},
                          external_id="SAME-ID")  # fmt: skip
    response = client.get("/api/client/disclosures/SAME-ID", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 404


def test_public_list_and_detail(client, publisher, reviewer, centre, award_item):
    d = services.create_draft(actor=publisher, organization=centre, item=award_item, data=award_data())
    draft_only = services.create_draft(
        actor=publisher, organization=centre, item=award_item, data=award_data(title="草稿不公开")
    )
    d = services.submit(actor=publisher, disclosure=d)
    d = services.review(actor=reviewer, disclosure=d)
    services.mask_personal_data(actor=reviewer, disclosure=d)
    d = services.publish(
        actor=publisher, disclosure=services.approve(actor=reviewer, disclosure=d), today=dt.date(2026, 9, 30)
    )
    body = client.get("/api/disclosures", {"jurisdiction": "341500"}).json()
    assert body["count"] == 1
    [entry] = body["items"]
    assert (entry["id"], entry["title"], entry["index_no"], entry["url"]) == (
        d.pk,
        d.title,
        d.index_no,
        f"/disclosures/{d.pk}/",
    )
    assert entry["metadata"]["publisher"] == centre.name
    assert entry["metadata"]["validity"] == "有效"
    detail = client.get(f"/api/disclosures/{d.pk}").json()
    assert detail["body"].endswith("（此件公开发布）")
    assert detail["fields"]["winner"] == "华为技术有限公司"
    assert client.get(f"/api/disclosures/{draft_only.pk}").status_code == 404


def test_an_upsert_retried_with_its_idempotency_key_gets_the_first_answer(client, token, centre):
    """Without the key a repeated PUT answers 200 "updated"; with it the client sees its first answer (201 created)
    again, and a submit retried after a lost answer is not refused as already submitted."""
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "upsert-1"}
    url = "/api/client/disclosures/ZB-2026-0009"
    first = client.put(url, payload(), content_type="application/json", headers=headers)
    again = client.put(url, payload(), content_type="application/json", headers=headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    other = client.put(url, payload(title="另一个标题"), content_type="application/json", headers=headers)
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_key_reused"
    submit_headers = {**headers, "Idempotency-Key": "submit-1"}
    submitted = client.post(f"{url}/submit", content_type="application/json", headers=submit_headers)
    retried = client.post(f"{url}/submit", content_type="application/json", headers=submit_headers)
    assert submitted.status_code == retried.status_code == 200
    assert retried.json() == submitted.json()
    assert (
        Disclosure.objects.get(organization=centre, external_id="ZB-2026-0009").state
        == submitted.json()["state"]
    )
