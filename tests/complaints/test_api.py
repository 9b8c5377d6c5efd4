"""POST /api/complaints and GET /api/complaints/track: the same services, checks and rate limit as the portal."""

from __future__ import annotations

import datetime as dt

from gongkai.complaints import services
from gongkai.complaints.models import Complaint
from tests.helpers.complaints import SHANGHAI, complaint_data


def post(client, org, **overrides):
    return client.post("/api/complaints", {"organization_id": org.pk, **complaint_data(**overrides)},
                       content_type="application/json")  # fmt: skip


def test_submit_answers_registration_number_tracking_code_and_due(
    client, centre, supervisor_org, time_machine, mailoutbox, django_capture_on_commit_callbacks
):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=SHANGHAI))
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, centre)
    assert response.status_code == 201
    body = response.json()
    assert body["registration_no"] == f"JB-{supervisor_org.pk}-2026-00001"
    assert len(body["tracking_code"]) == 19
    assert body["due"] == "2026-03-23"
    assert body["supervisor"] == supervisor_org.name
    assert Complaint.objects.get().tracking_hash != body["tracking_code"]
    assert len(mailoutbox) == 1


def test_track_shows_status_steps_and_finding_only(client, centre, supervisor_org, supervisor, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=SHANGHAI))
    code = post(client, centre, anonymous=True).json()["tracking_code"]
    complaint = Complaint.objects.get()
    services.accept(actor=supervisor, complaint=complaint, note="内部：核实")
    services.decide(
        actor=supervisor, complaint=complaint, finding="not_upheld", finding_text="已按时公开，举报不属实。"
    )
    response = client.get("/api/complaints/track", {"code": code.lower()})
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "decided"
    assert body["state_label"] == "已认定"
    assert [s["kind"] for s in body["steps"]] == ["received", "accepted", "decided"]
    assert body["result"]["finding"] == "not_upheld"
    assert body["result"]["finding_label"] == "不属实"
    text = response.content.decode()
    assert "内部：核实" not in text
    assert supervisor.username not in text
    assert "complainant" not in text


def test_invalid_input_answers_problems_and_saves_nothing(client, centre, supervisor_org):
    response = post(client, centre, category="bribery", description="", complainant_name="")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_complaint"
    assert {p["field"] for p in body["details"]["problems"]} == {
        "category",
        "description",
        "complainant_name",
    }
    assert post(client, centre, organization_id=999999).status_code == 404
    assert (
        client.post(
            "/api/complaints", {"organization_id": centre.pk}, content_type="application/json"
        ).status_code
        == 422
    )
    assert not Complaint.objects.exists()


def test_wrong_code_is_404(client, centre, supervisor_org):
    post(client, centre)
    response = client.get("/api/complaints/track", {"code": "AAAA-BBBB-CCCC-DDDD"})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_rate_limited_with_429(client, centre, supervisor_org, settings):
    for i in range(settings.RATE_LIMITS["complaints"]["address"]["count"]):
        assert post(client, centre, email=f"c{i}@example.com", phone="").status_code == 201
    response = post(client, centre, email="new@example.com", phone="")
    assert response.status_code == 429
    assert response.json()["code"] == "rate_limited"
    assert "提交过于频繁" in response.json()["message"]
    assert int(response["Retry-After"]) > 0
