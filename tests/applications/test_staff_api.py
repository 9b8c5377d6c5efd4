"""The staff API under /api/client/applications: an organization's token (scopes applications:read/write) reads
its ledger and takes the handling steps with the same rules as the back office; supervisors read the ledgers of
the jurisdictions they oversee in the back office, without acting."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from gongkai.applications import services
from gongkai.exchange.tokens import issue_token
from gongkai.orgs.models import Role
from tests.factories import OrganizationFactory, make_uscc
from tests.helpers.applications import in_person
from tests.helpers.disclosures import member

D = dt.date


def token_for(org, scopes, name="t"):
    admin = member(org, Role.ADMINISTRATOR, f"admin-{name}")
    _t, value = issue_token(actor=admin, organization=org, name=name, scopes=scopes)
    return {"HTTP_AUTHORIZATION": f"Bearer {value}"}


@pytest.fixture
def auth(luan_org):
    return token_for(luan_org, ["applications:read", "applications:write"], "rw")


def test_ledger_and_detail(client, luan_org, anxi_org, handlers, auth):
    mine = in_person(luan_org, handlers["luan"], D(2026, 3, 2))
    in_person(anxi_org, handlers["national"], D(2026, 3, 2), applicant_name="李四")
    assert client.get("/api/client/applications").status_code == 401
    body = client.get("/api/client/applications", **auth).json()
    assert body["count"] == 1
    assert body["items"][0]["registration_no"] == mine.registration_no
    detail = client.get(f"/api/client/applications/{mine.pk}", **auth).json()
    assert detail["due_on"] == "2026-03-23"
    assert detail["deadline_steps"]
    theirs = client.get("/api/client/applications", {"q": "李四"}, **auth).json()
    assert theirs["count"] == 0


def test_handling_over_the_api(client, luan_org, handler, head, auth, time_machine):
    from zoneinfo import ZoneInfo

    time_machine.move_to(dt.datetime(2026, 3, 6, 10, tzinfo=ZoneInfo("Asia/Shanghai")))
    app = in_person(luan_org, handler, D(2026, 3, 2))
    url = f"/api/client/applications/{app.pk}"
    post = lambda path, data: client.post(url + path, data, content_type="application/json", **auth)  # noqa: E731
    r = post("/correction-request", {"sent_on": "2026-03-02", "due_on": "2026-03-16", "items": "写明文号"})
    assert r.status_code == 200
    assert r.json()["state"] == "correction_requested"
    assert post("/correction-request", {"sent_on": "2026-03-02", "due_on": "2026-03-16", "items": "x"}).json()[
        "code"] == "invalid_state"  # fmt: skip
    assert (
        post("/correction", {"corrected_on": "2026-03-03", "correction": "六政〔2025〕1号"}).json()["state"]
        == "received"
    )
    r = post("/consultations", {"kind": "third_party", "party": "某某建设有限公司", "sent_on": "2026-03-04"})
    cid = r.json()["consultations"][0]["id"]
    r = post(f"/consultations/{cid}/answer", {"outcome": "consent", "answered_on": "2026-03-05"})
    assert r.json()["state"] == "received"
    r = post("/extension", {"approved_by": head.username, "days": 10, "reason": "需要区分处理", "approved_on": "2026-03-06",
                            "notice_sent_on": "2026-03-06"})  # fmt: skip
    assert r.json()["extension"]["days"] == 10
    r = post("/reply", {"reply_type": "partial", "text": "部分公开", "replied_on": "2026-03-06"})
    assert r.status_code == 200
    assert (r.json()["state"], r.json()["reply_type"]) == ("replied", "partial")
    assert (
        post("/reply", {"reply_type": "partial", "text": "again", "replied_on": "2026-03-06"}).status_code
        == 409
    )


def test_read_only_token_cannot_write(client, luan_org, handler):
    auth = token_for(luan_org, ["applications:read"], "ro")
    app = in_person(luan_org, handler, D(2026, 3, 2))
    assert client.get(f"/api/client/applications/{app.pk}", **auth).status_code == 200
    r = client.post(f"/api/client/applications/{app.pk}/reply", {"reply_type": "disclosed", "text": "x",
                    "replied_on": "2026-03-02"}, content_type="application/json", **auth)  # fmt: skip
    assert r.status_code == 403


def test_disclosure_token_cannot_read_applications(client, luan_org, handler):
    auth = token_for(luan_org, ["disclosures:read"], "d")
    in_person(luan_org, handler, D(2026, 3, 2))
    assert client.get("/api/client/applications", **auth).status_code == 403


@pytest.fixture
def supervisor(luan_org):
    bureau = OrganizationFactory(name="六安市公共资源交易监督管理局（申请测试）", kind="department",
                                 jurisdiction=luan_org.jurisdiction, is_supervisor=True,
                                 uscc=make_uscc("11", "341500", random.Random(21)))  # fmt: skip
    return member(bureau, Role.SUPERVISOR, "luan-supervisor")


def test_supervisor_reads_the_ledger_without_acting(client, luan_org, anxi_org, handlers, supervisor):
    mine = in_person(luan_org, handlers["luan"], D(2026, 3, 2))
    other = in_person(anxi_org, handlers["national"], D(2026, 3, 2), applicant_name="李四")
    client.force_login(supervisor)
    page = client.get("/staff/applications/").content.decode()
    assert mine.registration_no in page
    assert other.registration_no not in page
    detail = client.get(f"/staff/applications/{mine.pk}/").content.decode()
    assert "只读" in detail
    assert "告知补正</summary>" not in detail
    client.post(f"/staff/applications/{mine.pk}/reply/", {"reply_type": "disclosed", "text": "x",
                                                         "replied_on": "2026-03-02"})  # fmt: skip
    mine.refresh_from_db()
    assert mine.state == "received"
    assert client.get("/staff/applications/export.csv").content.decode("utf-8-sig").count("YSQ-") == 1
    by_org = client.get("/staff/applications/", {"organization": luan_org.pk}).content.decode()
    assert mine.registration_no in by_org
    assert f'<option value="{anxi_org.pk}"' not in by_org  # only the organizations they may read are offered
    assert client.get(f"/staff/applications/{other.pk}/").status_code == 404


def test_supervisor_of_a_parent_jurisdiction_sees_below(client, luan_org, handlers):
    from gongkai.catalog.models import Jurisdiction

    province = Jurisdiction.objects.get(code="340000")
    bureau = OrganizationFactory(name="安徽省公共资源交易监督管理局（测试）", kind="department", jurisdiction=province,
                                 is_supervisor=True, uscc=make_uscc("11", "340000", random.Random(22)))  # fmt: skip
    user = member(bureau, Role.SUPERVISOR, "ah-supervisor")
    mine = in_person(luan_org, handlers["luan"], D(2026, 3, 2))
    services.reply(actor=handlers["luan"], application=mine, reply_type="disclosed", text="x",
                   replied_on=D(2026, 3, 3), today=D(2026, 3, 3))  # fmt: skip
    client.force_login(user)
    assert mine.registration_no in client.get("/staff/applications/").content.decode()


def test_consultation_decision_fee_and_remedies_over_the_api(client, luan_org, handler, auth, time_machine):
    from zoneinfo import ZoneInfo

    time_machine.move_to(dt.datetime(2026, 4, 30, 10, tzinfo=ZoneInfo("Asia/Shanghai")))
    app = in_person(luan_org, handler, D(2026, 3, 2))
    url = f"/api/client/applications/{app.pk}"
    post = lambda path, data: client.post(url + path, data, content_type="application/json", **auth)  # noqa: E731
    cid = post("/consultations", {"kind": "third_party", "party": "某某公司", "sent_on": "2026-03-03"}).json()[
        "consultations"][0]["id"]  # fmt: skip
    post(
        f"/consultations/{cid}/answer",
        {"outcome": "objection", "answered_on": "2026-03-05", "reasons": "商业秘密"},
    )
    r = post(f"/consultations/{cid}/decision", {"decision": "public_interest", "decided_on": "2026-03-06"})
    assert r.status_code == 400  # disclosing over an objection needs the reasons and the notice
    r = post(f"/consultations/{cid}/decision", {"decision": "public_interest", "decided_on": "2026-03-06",
                                                "reasons": "涉及财政资金使用", "notice_sent_on": "2026-03-06"})  # fmt: skip
    assert r.status_code == 200, r.json()
    assert r.json()["consultations"][0]["decision"] == "public_interest"

    r = post(
        "/fee",
        {
            "method": "per_page",
            "pages": 120,
            "reason": "页数明显超过合理范围",
            "notice_sent_on": "2026-03-09",
        },
    )
    assert r.status_code == 200, r.json()
    assert (r.json()["state"], r.json()["fee"]["amount"]) == ("awaiting_fee", "1100.00")  # 70x10 + 20x20 元
    assert post("/fee", {"method": "per_page", "pages": 40, "reason": "x", "notice_sent_on": "2026-03-09"}).json()[
        "code"] in ("invalid_state", "fee_once")  # fmt: skip
    assert post("/fee/payment", {"paid_on": "2026-03-12"}).json()["state"] == "received"
    post("/reply", {"reply_type": "partial", "text": "部分公开", "replied_on": "2026-03-20"})

    r = post("/remedies", {"kind": "reconsideration", "body": "六安市人民政府", "filed_on": "2026-04-01"})
    assert r.status_code == 200, r.json()
    rid = r.json()["remedies"][0]["id"]
    assert r.json()["remedies"][0]["result"] == "pending"
    r = post(f"/remedies/{rid}/result", {"result": "upheld", "decided_on": "2026-04-28"})
    assert r.json()["remedies"][0]["result"] == "upheld"
    assert post("/remedies/999999/result", {"result": "upheld"}).status_code == 404
