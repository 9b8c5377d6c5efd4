"""The JSON API: jurisdictions, profiles, catalogs, the working-day calculator, errors, OpenAPI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def test_workdays_add_answers_as_specified(client, db):
    response = client.get("/api/workdays/add", {"start": "2025-09-26", "days": 20})
    assert response.status_code == 200
    assert response.json() == {"start": "2025-09-26", "days": 20, "due": "2025-10-30", "provisional": False}


def test_workdays_add_in_an_unpublished_year_is_provisional(client, db):
    body = client.get("/api/workdays/add", {"start": "2026-12-28", "days": 5}).json()
    assert body == {"start": "2026-12-28", "days": 5, "due": "2027-01-04", "provisional": True}


@pytest.mark.parametrize(
    ("day", "workday", "provisional"),
    [
        ("2024-10-12", True, False),
        ("2026-02-17", False, False),
        ("2026-02-28", True, False),
        ("2027-03-01", True, True),
    ],
)
def test_workday_of_a_date(client, db, day, workday, provisional):
    body = client.get(f"/api/workdays/{day}").json()
    assert (body["date"], body["workday"], body["provisional"]) == (day, workday, provisional)


@pytest.mark.parametrize(
    "params",
    [{"start": "2025-02-30", "days": 3}, {"start": "2025-01-01", "days": -1}, {"start": "2025-01-01"}],
)
def test_bad_calculator_input_is_a_json_error_in_chinese(client, db, params):
    response = client.get("/api/workdays/add", params)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_request"
    assert body["message"].startswith("请求参数有误")


def test_jurisdictions(client, db):
    body = client.get("/api/jurisdictions").json()
    by_code = {j["code"]: j for j in body}
    assert by_code["341500"]["name"] == "六安市"
    assert by_code["341500"]["parent"] == "340000"
    assert by_code["341500"]["has_catalog"] is True
    assert by_code["340000"]["has_catalog"] is False


def test_profile_shows_values_and_where_they_come_from(client, db):
    body = client.get("/api/jurisdictions/341500").json()
    profile = {p["key"]: p for p in body["profile"]}
    assert profile["proactive_days"]["value"] == 7
    assert profile["proactive_days"]["inherited"] is False
    assert "第二十九条" in profile["proactive_days"]["source"]
    assert (profile["reply_days"]["value"], profile["reply_extension_days"]["value"]) == (15, 15)
    assert profile["supervisor_copy_days"]["value"] == 2
    assert profile["index_no_pattern"]["value"] == "{uscc}/{yyyymm}-{serial:05d}"
    assert body["ancestors"] == ["340000", "100000"]
    anxi = {p["key"]: p for p in client.get("/api/jurisdictions/350524/profile").json()}
    assert (anxi["reply_days"]["value"], anxi["reply_days"]["set_by"], anxi["reply_days"]["inherited"]) == (
        20,
        "100000",
        True,
    )
    assert anxi["supervisor_copy_days"]["value"] is None


def test_catalog_api_has_tinghu_tables(client, db):
    body = client.get("/api/jurisdictions/320902/catalog").json()
    assert [len(lst["items"]) for lst in body["lists"][:2]] == [24, 18]
    first = body["lists"][0]["items"][0]
    assert first["source_ref"] == "附件1 第1行"
    assert first["attribute_name"] == "主动公开"
    assert "个工作日内" in first["deadline_text"]
    assert body["extends"] == "100000"


def test_unknown_jurisdiction_is_a_json_404(client, db):
    response = client.get("/api/jurisdictions/999999/catalog")
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "没有代码为“999999”的行政区域"}


def test_openapi_docs_are_served(client, db):
    assert client.get("/api/docs").status_code == 200
    schema = client.get("/api/openapi.json").json()
    assert "/api/workdays/add" in schema["paths"]


def test_committed_openapi_schema_matches_the_code(client, db):
    """docs/openapi.json is the published contract: regenerate it with `make openapi` when the API changes."""
    committed = json.loads(Path("docs/openapi.json").read_text(encoding="utf-8"))
    assert client.get("/api/openapi.json").json() == committed
