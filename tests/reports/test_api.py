"""GET /api/annual-reports/{organization}/{year} and the jurisdiction variant: published reports only."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.orgs.models import Role
from gongkai.reports import services
from tests.factories import OrganizationFactory
from tests.helpers.disclosures import member
from tests.helpers.reports import NARRATIVE, TABLE_3_ROWS


@pytest.mark.django_db
def test_organization_report_by_uscc_and_pk(client, published, centre):
    body = client.get(f"/api/annual-reports/{centre.uscc}/2025").json()
    assert body == client.get(f"/api/annual-reports/{centre.pk}/2025").json()
    assert body["title"] == "六安市公共资源交易中心（测试）2025年政府信息公开工作年度报告"
    assert body["subject"] == {
        "kind": "organization",
        "name": centre.name,
        "uscc": centre.uscc,
        "jurisdiction": "341500",
    }
    assert body["version"] == 1
    assert body["fees_collected"] == "100.00"
    assert [s["code"] for s in body["sections"]] == ["overview", "proactive", "applications", "remedies",
                                                     "improvements", "other_matters"]  # fmt: skip
    assert body["sections"][0]["text"] == NARRATIVE["overview"]
    tables = {t["code"]: t for t in body["tables"]}
    assert set(tables) == {"art20_1", "art20_5", "art20_6", "art20_8", "applications", "remedies"}
    t3 = tables["applications"]
    assert [r["label"] for r in t3["rows"]] == TABLE_3_ROWS
    rows = {r["code"]: r for r in t3["rows"]}
    assert rows["received"]["cells"] == {"natural_person": 5, "business": 3, "research": 3, "nonprofit": 4,
                                         "legal_service": 4, "other_org": 3, "total": 22}  # fmt: skip
    assert rows["results"]["cells"] is None
    assert t3["columns"][1] == {
        "code": "business",
        "label": "商业企业",
        "path": ["法人或其他组织", "商业企业"],
    }
    assert tables["remedies"]["rows"][0]["cells"]["reconsideration.total"] == 2
    assert tables["art20_8"]["rows"][0]["cells"] == {"amount": "0.00"}
    assert body["docx_url"] == f"/reports/{published.pk}/report.docx"


@pytest.mark.django_db
def test_drafts_and_unknown_are_404(client, draft, centre):
    response = client.get(f"/api/annual-reports/{centre.uscc}/2025")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert client.get("/api/annual-reports/999999/2025").status_code == 404
    assert client.get("/api/annual-reports").json() == []


@pytest.mark.django_db
def test_jurisdiction_report_and_list(client, ledger, luan, published):
    gov = OrganizationFactory(name="六安市人民政府办公室（测试）", kind="government", jurisdiction=luan)
    officer = member(gov, Role.PUBLISHER, "gov-api")
    report = services.create_draft(actor=officer, jurisdiction=luan, year=2025, today=dt.date(2026, 3, 1))
    services.edit_narrative(actor=officer, report=report, data=NARRATIVE)
    assert client.get("/api/annual-reports/jurisdictions/341500/2025").status_code == 404
    services.publish(actor=officer, report=report)
    body = client.get("/api/annual-reports/jurisdictions/341500/2025").json()
    assert body["subject"]["kind"] == "jurisdiction"
    assert body["title"] == "六安市人民政府2025年政府信息公开工作年度报告"
    assert len(body["organizations"]) >= 3
    page = client.get(body["url"]).content.decode()
    assert "统计范围（" in page
    assert "六安市财政局（测试）" in page
    listed = client.get("/api/annual-reports?jurisdiction=341500&year=2025").json()
    assert sorted(x["api_url"] for x in listed) == sorted(
        [
            "/api/annual-reports/jurisdictions/341500/2025",
            f"/api/annual-reports/{published.organization.uscc}/2025",
        ]
    )
