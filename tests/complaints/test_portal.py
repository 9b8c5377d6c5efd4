"""The public complaint form and the tracking page: clear errors and nothing saved on bad input, anonymous
complaints, the honeypot and the rate limit, the e-mail acknowledgement, and a tracking page that shows that
complaint only — no personal data, internal notes or staff names."""

from __future__ import annotations

import datetime as dt
import re

from gongkai.complaints import services
from gongkai.complaints.models import Complaint
from tests.helpers.complaints import DESCRIPTION, at, complaint_data, submit

URL = "/complaints/new/?jurisdiction=341500"


def form(org, **overrides) -> dict:
    data = {"organization": org.pk, **complaint_data(**overrides)}
    data["anonymous"] = "on" if data["anonymous"] else ""
    return data


def tracking_code(response) -> str:
    return re.search(r'id="tracking-code">([A-Z0-9-]+)<', response.content.decode()).group(1)


def test_links_to_the_form_and_the_organization_preselected(client, centre, supervisor_org):
    assert "/complaints/new/" in client.get("/").content.decode()
    org_page = client.get(f"/organizations/{centre.pk}/").content.decode()
    assert f"/complaints/new/?organization={centre.pk}" in org_page
    assert "六安市" in client.get("/complaints/new/").content.decode()
    page = client.get(f"/complaints/new/?organization={centre.pk}").content.decode()
    assert f'<option value="{centre.pk}" selected>' in page
    assert "应公开未公开" in page
    assert "依申请公开答复不当" in page
    assert client.get("/complaints/new/?jurisdiction=999999").status_code == 404


def test_empty_form_gives_chinese_errors_and_saves_nothing(client, centre, supervisor_org):
    response = client.post(URL, {"anonymous": ""})
    page = response.content.decode()
    assert response.status_code == 400
    for message in ("请选择被举报单位", "请选择举报类别", "请填写举报内容"):
        assert message in page
    assert not Complaint.objects.exists()


def test_named_complaint_needs_a_name_and_a_contact(client, centre, supervisor_org):
    page = client.post(URL, form(centre, complainant_name="", phone="", email="")).content.decode()
    assert "请填写姓名或名称，或选择匿名举报" in page
    assert "请至少填写一种联系方式" in page
    page = client.post(URL, form(centre, email="not-an-address", description="太短")).content.decode()
    assert "电子邮箱格式不正确" in page
    assert "举报内容过短" in page
    page = client.post(URL, form(centre, category="bribery")).content.decode()
    assert "请从列表中选择举报类别" in page
    assert not Complaint.objects.exists()


def test_organization_of_another_jurisdiction_is_refused(client, anxi_org, supervisor_org, centre):
    page = client.post(URL, form(anxi_org)).content.decode()
    assert "请从列表中选择被举报单位" in page
    assert not Complaint.objects.exists()


def test_submit_shows_the_code_once_and_mails_an_acknowledgement(
    client, centre, supervisor_org, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form(centre))
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    code = tracking_code(response)
    complaint = Complaint.objects.get()
    assert complaint.tracking_hash not in response.content.decode()
    assert code.replace("-", "") not in complaint.tracking_hash
    assert complaint.complainant_name == "王举报"
    assert complaint.supervisor == supervisor_org
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["wang@example.com"]
    assert complaint.registration_no in mail.subject
    assert complaint.due_on.isoformat() in mail.body
    assert code not in mail.body


def test_anonymous_complaint_keeps_no_identity_and_sends_no_mail(
    client, centre, supervisor_org, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL, form(centre, anonymous=True, complainant_name="不该保存", phone="", email="x@example.com")
        )
    code = tracking_code(response)
    complaint = Complaint.objects.get()
    assert complaint.anonymous
    assert (complaint.complainant_name, complaint.phone, complaint.email) == ("", "", "")
    assert mailoutbox == []
    track = client.get("/complaints/track/", {"code": code})
    assert track.status_code == 200
    assert complaint.registration_no in track.content.decode()


def test_honeypot_saves_nothing(client, centre, supervisor_org):
    response = client.post(URL, {**form(centre), "website": "http://spam.example"})
    assert response.status_code == 400
    assert "提交未成功" in response.content.decode()
    assert not Complaint.objects.exists()


def test_rate_limit_per_address(client, centre, supervisor_org, settings):
    limit = settings.RATE_LIMITS["complaints"]["address"]["count"]
    bad = client.post(URL, form(centre, description=""))  # errors do not count
    assert bad.status_code == 400
    for i in range(limit):
        assert client.post(URL, form(centre, email=f"c{i}@example.com", phone="")).status_code == 200
    response = client.post(URL, form(centre, email="new@example.com", phone=""))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "提交过于频繁" in response.content.decode()
    assert Complaint.objects.count() == limit
    other_ip = client.post(URL, form(centre, email="new@example.com", phone=""), REMOTE_ADDR="10.0.0.9")
    assert other_ip.status_code == 200


def test_rate_limit_per_complainant(client, centre, supervisor_org, settings):
    limit = settings.RATE_LIMITS["complaints"]["identity"]["count"]
    for i in range(limit):
        assert client.post(URL, form(centre), REMOTE_ADDR=f"10.0.1.{i}").status_code == 200
    same_person = client.post(URL, form(centre, email="WANG@example.com "), REMOTE_ADDR="10.0.2.1")
    assert same_person.status_code == 429
    assert "提交过于频繁" in same_person.content.decode()
    assert Complaint.objects.count() == limit


def test_tracking_shows_that_complaint_only_without_internal_data(
    client, centre, other_org, supervisor_org, supervisor, org_publisher
):
    response = client.post(URL, form(centre))
    code = tracking_code(response)
    mine = Complaint.objects.get()
    other, _ = submit(
        other_org, description="另一份举报：财政局的采购结果没有公开，情况严重。", complainant_name="李别人"
    )
    day = mine.received_on
    services.accept(actor=supervisor, complaint=mine, note="内部意见：先核实网站", today=day)
    request = services.request_explanation(
        actor=supervisor, complaint=mine, questions="请说明未公开的原因", today=day
    )
    services.answer_explanation(
        actor=org_publisher, explanation=request, answer="单位内部说明：系统故障", today=day
    )
    services.decide(actor=supervisor, complaint=mine, finding="upheld", finding_text="经核查，中标结果确未按时公开。",
                    rectification_required="5个工作日内补充公开。", today=day)  # fmt: skip

    track = client.get("/complaints/track/", {"code": code})
    body = track.content.decode()
    assert track.status_code == 200
    assert track["X-Robots-Tag"] == "noindex, nofollow"
    assert mine.registration_no in body
    assert "属实" in body
    assert "经核查，中标结果确未按时公开。" in body
    assert "5个工作日内补充公开。" in body
    assert "受理" in body
    assert "要求被举报单位说明情况" in body
    for hidden in (other.registration_no, "李别人", "另一份举报", "内部意见", "单位内部说明", "请说明未公开的原因",
                   supervisor.username, org_publisher.username, "王举报", "13900000001", "wang@example.com"):  # fmt: skip
        assert hidden not in body, hidden


def test_wrong_code_finds_nothing(client, centre, supervisor_org):
    submit(centre)
    response = client.get("/complaints/track/", {"code": "AAAA-BBBB-CCCC-DDDD"})
    assert response.status_code == 404
    assert "没有找到举报" in response.content.decode()
    assert client.get("/complaints/track/").status_code == 200


def test_subject_link_resolves_a_catalog_item(centre, supervisor_org, award_item):
    complaint, _ = submit(centre, subject_ref="construction.award")
    assert complaint.catalog_item == award_item
    complaint, _ = submit(centre, subject_ref="某某公告")
    assert complaint.catalog_item is None
    assert complaint.disclosure is None
    assert complaint.subject_ref == "某某公告"
    assert complaint.description == DESCRIPTION
    assert complaint.submitted_at == at(dt.date(2026, 3, 2))
