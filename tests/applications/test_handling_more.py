"""The decision after a consultation with the written notice to the third party (第十五条、第三十二条), referral to
the responsible body (第三十六条(五)), repeated applications (第三十六条(六)), and the applicant's correction with
the tracking code."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from gongkai.applications import services
from gongkai.applications.models import Application
from gongkai.core.errors import DomainError
from tests.helpers.applications import in_person, person

D = dt.date


def consulted(org, handler, outcome="objection"):
    app = in_person(org, handler, D(2026, 3, 2))
    c = services.start_consultation(actor=handler, application=app, kind="third_party", party="某某建设有限公司",
                                    sent_on=D(2026, 3, 3), today=D(2026, 3, 3))  # fmt: skip
    services.record_consultation_answer(actor=handler, consultation=c, outcome=outcome, answered_on=D(2026, 3, 6),
                                        reasons="涉及商业秘密", today=D(2026, 3, 6))  # fmt: skip
    return app, c


def test_consultation_letter_is_generated_with_its_deadline(client, luan_org, handler):
    app, c = consulted(luan_org, handler)
    c.refresh_from_db()
    assert "某某建设有限公司：" in c.letter_text
    assert f"{c.due_on.year}年{c.due_on.month}月{c.due_on.day}日前" in c.letter_text
    client.force_login(handler)
    doc = Document(
        io.BytesIO(client.get(f"/staff/applications/{app.pk}/letter/consultation-{c.pk}.docx").content)
    )
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "政府信息公开征求意见书" in text
    assert "第三十二条" in text


def test_disclosing_over_an_objection_needs_reasons_and_the_written_notice(client, luan_org, handler):
    app, c = consulted(luan_org, handler)
    with pytest.raises(DomainError, match="公共利益"):
        services.decide_after_consultation(actor=handler, consultation=c, decision="disclose",
                                           decided_on=D(2026, 3, 9), today=D(2026, 3, 9))  # fmt: skip
    with pytest.raises(DomainError, match="书面告知"):
        services.decide_after_consultation(actor=handler, consultation=c, decision="public_interest",
                                           reasons="涉及重大公共安全", decided_on=D(2026, 3, 9), today=D(2026, 3, 9))  # fmt: skip
    c = services.decide_after_consultation(actor=handler, consultation=c, decision="public_interest",
                                           reasons="中标价格涉及财政资金使用，不公开可能对公共利益造成重大影响",
                                           decided_on=D(2026, 3, 9), notice_sent_on=D(2026, 3, 10),
                                           today=D(2026, 3, 10))  # fmt: skip
    assert c.notice_sent_on == D(2026, 3, 10)
    assert "某某建设有限公司：" in c.notice_text
    assert "第十五条" in c.notice_text
    assert "财政资金使用" in c.notice_text
    client.force_login(handler)
    page = client.get(f"/staff/applications/{app.pk}/").content.decode()
    assert "书面告知第三方" in page
    assert "2026-03-10" in page
    notice = client.get(f"/staff/applications/{app.pk}/letter/notice-{c.pk}/").content.decode()
    assert "政府信息公开决定告知书" in notice
    # the third party's name never reaches the applicant's tracking view
    from gongkai.applications.presenters import tracking_view

    assert "某某建设有限公司" not in str(tracking_view(Application.objects.get(pk=app.pk), D(2026, 3, 10)))


def test_referral_names_the_responsible_body(client, luan_org, handler):
    app = in_person(luan_org, handler, D(2026, 3, 2))
    with pytest.raises(DomainError, match="联系方式"):
        services.reply(actor=handler, application=app, reply_type="unavailable", ground="not_held", text="不掌握",
                       replied_on=D(2026, 3, 3), referred_body="六安市财政局", today=D(2026, 3, 3))  # fmt: skip
    with pytest.raises(DomainError, match="负责公开的机关"):
        services.reply(actor=handler, application=app, reply_type="disclosed", text="公开", replied_on=D(2026, 3, 3),
                       referred_body="六安市财政局", referred_contact="0564-1", today=D(2026, 3, 3))  # fmt: skip
    services.reply(actor=handler, application=app, reply_type="unavailable", ground="not_held",
                   text="该信息由财政部门制作并保存。", replied_on=D(2026, 3, 3), referred_body="六安市财政局",
                   referred_contact="0564-3370000，六安市梅山南路", today=D(2026, 3, 3))  # fmt: skip
    client.force_login(handler)
    text = "\n".join(p.text for p in Document(io.BytesIO(
        client.get(f"/staff/applications/{app.pk}/letter/reply.docx").content)).paragraphs)  # fmt: skip
    assert "负责公开的机关为六安市财政局，联系方式：0564-3370000" in text
    import openpyxl

    ws = openpyxl.load_workbook(io.BytesIO(client.get("/staff/applications/export.xlsx").content)).active
    headers = [c.value for c in ws[1]]
    row = dict(zip(headers, next(ws.iter_rows(min_row=2, values_only=True)), strict=True))
    assert (row["答复类型"], row["答复理由"]) == ("无法提供", "本机关不掌握相关政府信息")
    assert "六安市财政局" in row["办理结果"]


def test_repeat_is_surfaced_and_answered_with_the_earlier_application(client, luan_org, handler):
    first = in_person(luan_org, handler, D(2026, 3, 2))
    services.reply(actor=handler, application=first, reply_type="disclosed", text="已公开", replied_on=D(2026, 3, 3),
                   today=D(2026, 3, 3))  # fmt: skip
    second = in_person(luan_org, handler, D(2026, 3, 9))
    assert second.possible_repeat_of_id == first.pk
    client.force_login(handler)
    page = client.get(f"/staff/applications/{second.pk}/").content.decode()
    assert 'id="possible-repeat"' in page
    assert first.registration_no in page
    assert f'<option value="{first.pk}" selected>' in page  # preselected in the reply form
    with pytest.raises(DomainError, match="此前的申请"):
        services.reply(actor=handler, application=second, reply_type="not_handled", ground="repeat", text="重复",
                       replied_on=D(2026, 3, 9), today=D(2026, 3, 9))  # fmt: skip
    client.post(f"/staff/applications/{second.pk}/reply/",
                {"reply_type": "not_handled", "ground": "repeat", "text": "与此前申请相同", "replied_on": "2026-03-09",
                 "repeat_of": first.pk})  # fmt: skip
    second.refresh_from_db()
    assert (second.state, second.reply_ground, second.repeat_of_id) == ("replied", "repeat", first.pk)
    text = "\n".join(p.text for p in Document(io.BytesIO(
        client.get(f"/staff/applications/{second.pk}/letter/reply.docx").content)).paragraphs)  # fmt: skip
    assert first.registration_no in text
    assert "2026年3月3日依法答复" in text


def test_applicant_corrects_on_the_tracking_page(client, luan_org, handler, time_machine):
    from zoneinfo import ZoneInfo

    time_machine.move_to(dt.datetime(2026, 3, 2, 10, tzinfo=ZoneInfo("Asia/Shanghai")))
    app, code = services.register_offline(actor=handler, organization=luan_org, channel="in_person",
                                          data=person(), submitted_on=D(2026, 3, 2))  # fmt: skip
    services.request_correction(actor=handler, application=app, sent_on=D(2026, 3, 2), due_on=D(2026, 3, 16),
                                items="请写明项目名称")  # fmt: skip
    page = client.get("/applications/track/", {"code": code}).content.decode()
    assert "提交补正" in page
    time_machine.move_to(dt.datetime(2026, 3, 4, 10, tzinfo=ZoneInfo("Asia/Shanghai")))
    assert (
        client.post("/applications/track/correct/", {"code": "AAAA-BBBB", "correction": "x"}).status_code
        == 404
    )
    response = client.post(
        "/applications/track/correct/", {"code": code, "correction": "老旧小区改造一期工程"}
    )
    assert response.status_code == 200
    assert "已提交补正" in response.content.decode()
    app.refresh_from_db()
    assert (app.state, app.correction.corrected_on, app.correction.correction) == (
        "received",
        D(2026, 3, 4),
        "老旧小区改造一期工程",
    )
    assert app.due_on == D(2026, 3, 25)  # 15 working days from the correction
    again = client.post("/applications/track/correct/", {"code": code, "correction": "再次"})
    assert again.status_code == 400


def test_correction_after_its_period_is_refused(luan_org, handler):
    app, code = services.register_offline(actor=handler, organization=luan_org, channel="in_person",
                                          data=person(), submitted_on=D(2026, 3, 2), today=D(2026, 3, 2))  # fmt: skip
    services.request_correction(actor=handler, application=app, sent_on=D(2026, 3, 2), due_on=D(2026, 3, 9),
                                items="请写明项目名称", today=D(2026, 3, 2))  # fmt: skip
    with pytest.raises(DomainError, match="补正期限"):
        services.correct_by_applicant(code=code, correction="迟到的补正", today=D(2026, 3, 10))


def test_correction_over_the_public_api(client, luan_org, handler, time_machine):
    from zoneinfo import ZoneInfo

    time_machine.move_to(dt.datetime(2026, 3, 3, 10, tzinfo=ZoneInfo("Asia/Shanghai")))
    app, code = services.register_offline(actor=handler, organization=luan_org, channel="in_person",
                                          data=person(), submitted_on=D(2026, 3, 2))  # fmt: skip
    services.request_correction(actor=handler, application=app, sent_on=D(2026, 3, 2), due_on=D(2026, 3, 16),
                                items="请写明项目名称")  # fmt: skip
    track = client.get("/api/applications/track", {"code": code}).json()
    assert track["correction"]["can_submit"] is True
    r = client.post("/api/applications/track/correction", {"code": code, "correction": "一期工程"},
                    content_type="application/json")  # fmt: skip
    assert r.status_code == 200
    assert (r.json()["state"], r.json()["correction"]["corrected_on"]) == ("received", "2026-03-03")
    bad = client.post("/api/applications/track/correction", {"code": "ZZZZ-ZZZZ", "correction": "x"},
                      content_type="application/json")  # fmt: skip
    assert bad.status_code == 404
