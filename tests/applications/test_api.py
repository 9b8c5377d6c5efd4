"""POST /api/applications and GET /api/applications/track: the same services and rules as the portal."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from gongkai.applications import services
from gongkai.applications.models import Application
from tests.helpers.applications import person

D = dt.date
SHANGHAI = ZoneInfo("Asia/Shanghai")


def submit(client, org, **overrides):
    return client.post("/api/applications", {"organization_id": org.pk, **person(**overrides)},
                       content_type="application/json")  # fmt: skip


def test_submit_answers_registration_number_tracking_code_and_due(client, luan_org, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=SHANGHAI))
    response = submit(client, luan_org)
    assert response.status_code == 201
    body = response.json()
    assert body["registration_no"] == f"YSQ-{luan_org.pk}-2026-00001"
    assert len(body["tracking_code"]) == 19
    assert body["state"] == "pending"
    assert body["due"] is None
    assert "双方确认" in body["due_note"]
    assert Application.objects.get().tracking_hash != body["tracking_code"]


def test_submit_refuses_invalid_identity_with_the_field(client, luan_org):
    response = submit(client, luan_org, id_number="341502198001010013")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_application"
    assert response.json()["details"]["problems"][0]["field"] == "id_number"
    assert submit(client, luan_org, organization_id=999999).status_code in (404, 422)
    assert not Application.objects.exists()


def test_track_shows_status_deadline_and_reply(client, luan_org, handler, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=SHANGHAI))
    code = submit(client, luan_org).json()["tracking_code"]
    app = Application.objects.get()
    services.confirm_receipt(actor=handler, application=app, confirmed_on=D(2026, 3, 2), today=D(2026, 3, 2))
    services.start_consultation(actor=handler, application=app, kind="third_party", party="某某建设有限公司",
                                sent_on=D(2026, 3, 3), today=D(2026, 3, 3))  # fmt: skip
    body = client.get("/api/applications/track", {"code": code.lower().replace("-", "")}).json()
    assert body["state"] == "in_consultation"
    assert body["receipt_date"] == "2026-03-02"
    assert body["paused"][0]["start"] == "2026-03-03"
    assert "某某建设" not in str(body)
    assert "张三" not in str(body)
    assert "341502" not in str(body)
    c = app.consultations.get()
    services.record_consultation_answer(actor=handler, consultation=c, outcome="consent", answered_on=D(2026, 3, 4),
                                        today=D(2026, 3, 4))  # fmt: skip
    services.reply(actor=handler, application=app, reply_type="disclosed", text="现予公开，详见附件",
                   replied_on=D(2026, 3, 5), today=D(2026, 3, 5))  # fmt: skip
    time_machine.move_to(dt.datetime(2026, 3, 6, 9, tzinfo=SHANGHAI))
    body = client.get("/api/applications/track", {"code": code}).json()
    assert body["reply"]["type_label"] == "予以公开"
    assert body["reply"]["replied_on"] == "2026-03-05"
    assert body["working_days_left"] is None
    assert body["due"] == "2026-03-25"


def test_unknown_code_is_404(client, luan_org):
    submit(client, luan_org)
    assert client.get("/api/applications/track", {"code": "AAAA-BBBB-CCCC-DDDD"}).status_code == 404
    assert client.get("/api/applications/track", {"code": ""}).status_code in (404, 422)
