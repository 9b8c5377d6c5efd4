"""The public form and tracking page: the code is shown once; the tracking page shows that application only,
and no page shows applicants' personal data to anyone else."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from gongkai.applications import services
from gongkai.applications.models import Application
from tests.helpers.applications import person

SHANGHAI = ZoneInfo("Asia/Shanghai")


def form_data(org, **overrides):
    return {"organization": org.pk, **person(**overrides)}


def test_choose_jurisdiction_then_its_bodies(client, luan_org, anxi_org):
    assert "六安市" in client.get("/applications/new/").content.decode()
    page = client.get("/applications/new/?jurisdiction=341500").content.decode()
    assert luan_org.name in page
    assert anxi_org.name not in page
    assert client.get("/applications/new/?jurisdiction=999999").status_code == 404


def test_apply_online_and_track_with_the_code(client, luan_org, anxi_org, handler, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=SHANGHAI))
    response = client.post("/applications/new/?jurisdiction=341500", form_data(luan_org))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    page = response.content.decode()
    code = re.search(r'id="tracking-code">([A-Z0-9-]+)<', page).group(1)
    app = Application.objects.get()
    assert app.registration_no in page
    assert app.tracking_hash not in page
    # Someone else's application, at another body.
    services.submit_online(organization=anxi_org, data=person(applicant_name="李四", info_title="别人的申请",
                                                               id_number="11010519491231002X", email="lisi@example.com"))  # fmt: skip
    services.confirm_receipt(actor=handler, application=app, confirmed_on=dt.date(2026, 3, 2))

    track = client.get("/applications/track/", {"code": code})
    body = track.content.decode()
    assert track.status_code == 200
    assert track["Referrer-Policy"] == "same-origin"
    assert app.registration_no in body
    assert "2026-03-23" in body
    assert "别人的申请" not in body
    assert "李四" not in body
    assert "张三" not in body
    assert "341502198001010012" not in body


def test_wrong_code_finds_nothing(client, luan_org):
    services.submit_online(organization=luan_org, data=person())
    response = client.get("/applications/track/", {"code": "AAAA-BBBB-CCCC-DDDD"})
    assert response.status_code == 404
    assert "没有找到申请" in response.content.decode()
    assert client.get("/applications/track/").status_code == 200


def test_invalid_identity_is_shown_on_the_field(client, luan_org):
    response = client.post(
        "/applications/new/?jurisdiction=341500", form_data(luan_org, id_number="341502198001010013")
    )
    assert response.status_code == 200
    assert "校验位" in response.context["form"].errors["id_number"][0]
    assert not Application.objects.exists()


def test_reply_shown_on_tracking_page(client, luan_org, handler):
    app, code = services.register_offline(actor=handler, organization=luan_org, channel="in_person", data=person(),
                                          submitted_on=dt.date(2026, 3, 2), today=dt.date(2026, 3, 2))  # fmt: skip
    services.reply(actor=handler, application=app, reply_type="withheld", ground="process_information",
                   text="所申请信息属于过程性信息。", replied_on=dt.date(2026, 3, 5), today=dt.date(2026, 3, 5))  # fmt: skip
    body = client.get("/applications/track/", {"code": code}).content.decode()
    assert "不予公开" in body
    assert "属于四类过程性信息" in body
    assert "行政复议" in body
