"""Bad input to the API gets the documented `{code, message}` with a Chinese message naming the field, never a 500
nor ninja's `{"detail": …}` (issue 14, '500s on bad input'); every operation documents the statuses it returns."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.exchange.api import api
from gongkai.orgs.models import Role
from tests.applications.conftest import in_person, person
from tests.applications.test_staff_api import token_for
from tests.disclosures.fixtures import member
from tests.factories import OrganizationFactory

D = dt.date


@pytest.fixture
def org(db):
    return OrganizationFactory()


@pytest.fixture
def handler(org):
    return member(org, Role.HANDLER, "handler-edge")


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert body["code"] == code
    assert "detail" not in body
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["message"]), body["message"]
    return body


def test_an_offset_beyond_64_bits_is_a_422_not_a_database_overflow(client, db):
    body = assert_error(client.get("/api/disclosures", {"offset": 2**63}), 422, "invalid_request")
    assert "offset" in body["message"]
    assert client.get("/api/disclosures", {"offset": 2**63 - 1}).status_code == 200


def test_a_period_running_past_9999_is_a_422(client, db):
    body = assert_error(
        client.get("/api/workdays/add", {"start": "9999-12-31", "days": 10}), 422, "date_out_of_range"
    )
    assert "9999-12-31" in body["message"]
    ok = client.get("/api/workdays/add", {"start": "9999-12-20", "days": 2}).json()
    assert ok["due"] == "9999-12-22"


@pytest.mark.parametrize("day", ["0", "1700000000", "2025-01-01T00:00:00", "20250101", "2025-02-30"])
def test_a_date_is_only_yyyy_mm_dd(client, db, day):
    body = assert_error(client.get(f"/api/workdays/{day}"), 422, "invalid_request")
    assert body["message"] == "请求参数有误：day：应为有效日期（YYYY-MM-DD）"


def test_malformed_json_is_a_chinese_error_not_detail(client, db):
    for raw in ("{not json", "\x00", '{"a": "\\u0000"}'):
        body = assert_error(
            client.post("/api/complaints", raw, content_type="application/json"), 400, "invalid_json"
        )
        assert body["message"].startswith("请求体")


def test_a_body_that_is_not_an_object_or_is_missing(client, db):
    body = assert_error(client.post("/api/applications", "[null, null]", content_type="application/json"), 422,
                        "invalid_request")  # fmt: skip
    assert body["message"].startswith("请求参数有误：organization_id：必须提供")
    body = assert_error(client.post("/api/applications", "{}", content_type="application/json"), 422,
                        "invalid_request")  # fmt: skip
    assert body["message"].startswith("请求参数有误：organization_id：必须提供；applicant_kind：必须提供")
    assert body["details"]["problems"][0] == {"field": "organization_id", "message": "必须提供"}
    assert_error(client.post("/api/applications", {"a": "form"}), 400, "invalid_json")  # a form, not JSON


def test_field_errors_are_chinese_and_name_the_field(client, org):
    auth = token_for(org, ["disclosures:write"], "w")
    payload = {"catalog_item": "construction.award", "title": "标题", "formed_on": "not-a-date"}
    body = assert_error(
        client.put("/api/client/disclosures/x-1", payload, content_type="application/json", **auth),
        422,
        "invalid_request",
    )
    assert body["message"] == "请求参数有误：formed_on：应为有效日期（YYYY-MM-DD）"
    assert body["details"]["problems"] == [{"field": "formed_on", "message": "应为有效日期（YYYY-MM-DD）"}]
    body = assert_error(client.get("/api/entities", {"q": "x" * 101}), 422, "invalid_request")
    assert body["message"] == "请求参数有误：q：最多 100 个字符"
    body = assert_error(client.get("/api/blacklist", {"year": 1999}), 422, "invalid_request")
    assert body["message"] == "请求参数有误：year：不能小于 2000"


def test_a_fee_payment_without_a_fee_notice_is_a_409(client, org, handler):
    app = in_person(org, handler, D(2026, 3, 2))
    auth = token_for(org, ["applications:read", "applications:write"], "rw")
    response = client.post(f"/api/client/applications/{app.pk}/fee/payment", {"paid_on": "2026-03-03"},
                           content_type="application/json", **auth)  # fmt: skip
    body = assert_error(response, 409, "invalid_state")
    assert "收费通知" in body["message"]


def test_a_phone_must_look_like_a_phone(client, org):
    data = person(phone="abc", delivery_way="email")
    response = client.post("/api/applications", {"organization_id": org.pk, **data},
                           content_type="application/json")  # fmt: skip
    body = assert_error(response, 400, "invalid_application")
    assert {"field": "phone", "message": "联系电话格式不正确"} in body["details"]["problems"]
    ok = person(phone="(0564) 337-9123")
    response = client.post("/api/applications", {"organization_id": org.pk, **ok},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 201, response.content


def test_nul_in_a_path_or_query_is_refused_at_the_edge(client, db):
    body = assert_error(client.get("/api/entities/%00"), 422, "invalid_request")
    assert "空字符" in body["message"]
    assert_error(client.get("/api/entities", {"q": "a\x00b"}), 422, "invalid_request")


def test_unknown_records_and_tokens_are_documented_json(client, db):
    assert_error(client.get("/api/disclosures/999999"), 404, "not_found")
    assert_error(client.get("/api/client/applications"), 401, "unauthorized")
    assert_error(
        client.get(f"/api/client/applications/{2**64}", HTTP_AUTHORIZATION="Bearer x"), 401, "unauthorized"
    )


def test_every_operation_documents_its_error_statuses(client, db):
    """Each operation that takes parameters or a body documents 422; each behind a token documents 401."""
    schema = api.get_openapi_schema()
    missing = []
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            statuses = {str(s) for s in op["responses"]}
            takes_input = op.get("parameters") or op.get("requestBody")
            if takes_input and "422" not in statuses:
                missing.append(f"{method.upper()} {path}: 422")
            if op.get("security") and "401" not in statuses:
                missing.append(f"{method.upper()} {path}: 401")
            if op.get("requestBody") and "400" not in statuses:
                missing.append(f"{method.upper()} {path}: 400")
    assert not missing, missing


def test_an_entitys_transactions_and_the_transactions_api_have_distinct_schemas(client, db):
    """Two response classes named TransactionOut shared one component: /api/entities/{uscc} answered bodies that
    broke it (transactions[] without `code`)."""
    components = client.get("/api/openapi.json").json()["components"]["schemas"]
    entity_ref = components["EntityDetailOut"]["properties"]["transactions"]["items"]["$ref"]
    entity_item = components[entity_ref.rsplit("/", 1)[-1]]
    assert {"disclosure_id", "role", "publisher"} <= set(entity_item["required"])
    assert "code" not in entity_item["properties"]
    page_ref = components["TransactionPageOut"]["properties"]["items"]["items"]["$ref"]
    assert "code" in components[page_ref.rsplit("/", 1)[-1]]["required"]
