"""Handling in the back office: only supervisors of the office a complaint is routed to see and handle it; the
complained-about organization sees the explanation request and the result, never the complainant. Every step
is versioned and audited without personal data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.complaints import services
from gongkai.complaints.models import Complaint
from gongkai.core.audit import history_for
from gongkai.core.errors import PermissionDenied
from gongkai.orgs.models import Role
from tests.helpers.complaints import DESCRIPTION, SHANGHAI, submit
from tests.helpers.disclosures import member

DAY = dt.date(2026, 3, 2)


@pytest.fixture
def complaint(centre, supervisor_org):
    return submit(centre, DAY)[0]


def test_supervisor_sees_the_queue_and_handles_a_complaint(client, complaint, supervisor, org_publisher):
    client.force_login(supervisor)
    queue = client.get("/staff/complaints/")
    assert queue.status_code == 200
    body = queue.content.decode()
    assert complaint.registration_no in body
    assert "应公开未公开" in body
    detail = client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "王举报" in detail
    assert DESCRIPTION in detail

    assert client.post(f"/staff/complaints/{complaint.pk}/accept/", {"note": "先核实"}).status_code == 302
    client.post(f"/staff/complaints/{complaint.pk}/request_explanation/", {"questions": "请说明为何未公开"})
    complaint.refresh_from_db()
    assert complaint.state == "explanation_requested"
    response = client.post(
        f"/staff/complaints/{complaint.pk}/decide/", {"finding": "upheld", "finding_text": "属实。"}
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.state == "explanation_requested"  # upheld needs rectification requirements
    client.post(f"/staff/complaints/{complaint.pk}/decide/",
                {"finding": "upheld", "finding_text": "属实。", "rectification_required": "立即补充公开"})  # fmt: skip
    client.post(f"/staff/complaints/{complaint.pk}/close/", {"result": "已责令整改并补充公开。"})
    complaint.refresh_from_db()
    assert (complaint.state, complaint.finding, complaint.closed_on is not None) == ("closed", "upheld", True)
    assert [s.kind for s in complaint.steps.all()] == [
        "received", "accepted", "explanation_requested", "decided", "closed"]  # fmt: skip
    assert [s.version for s in complaint.steps.all()] == [1, 2, 3, 4, 5]
    assert complaint.steps.get(kind="decided").snapshot["finding"] == "upheld"
    entries = list(history_for(complaint))
    assert {e.action for e in entries} >= {"complaint.received", "complaint.accepted", "complaint.decided",
                                           "complaint.closed", "complaint.explanation_requested"}  # fmt: skip
    for e in entries:
        assert "王举报" not in str(e.data)
        assert "wang@example.com" not in str(e.data)


def test_due_soon_and_overdue_marks(client, centre, supervisor_org, supervisor, time_machine):
    late = submit(centre, dt.date(2026, 2, 2))[0]
    time_machine.move_to(dt.datetime(2026, 3, 5, 10, tzinfo=SHANGHAI))
    soon = submit(centre, dt.date(2026, 2, 10))[0]  # due 2026-03-09 with the Spring Festival break
    client.force_login(supervisor)
    body = client.get("/staff/complaints/").content.decode()
    assert soon.due_on == dt.date(2026, 3, 9)
    assert late.due_on == dt.date(2026, 2, 28)
    assert '<span class="check-failed">已逾期</span>' in body
    assert '<span class="tag">即将到期</span>' in body
    overdue = client.get("/staff/complaints/", {"mark": "overdue"}).content.decode()
    assert late.registration_no in overdue
    assert soon.registration_no not in overdue
    due_soon = client.get("/staff/complaints/", {"mark": "due_soon"}).content.decode()
    assert soon.registration_no in due_soon
    assert late.registration_no not in due_soon


def test_another_jurisdictions_supervisor_gets_404(client, complaint, quanzhou_supervisor):
    client.force_login(quanzhou_supervisor)
    assert complaint.registration_no not in client.get("/staff/complaints/").content.decode()
    assert client.get(f"/staff/complaints/{complaint.pk}/").status_code == 404
    assert client.post(f"/staff/complaints/{complaint.pk}/accept/", {}).status_code == 404
    assert client.get(f"/staff/complaints/org/{complaint.pk}/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.accept(actor=quanzhou_supervisor, complaint=complaint)
    assert Complaint.objects.get(pk=complaint.pk).state == "received"


def test_other_roles_of_the_office_and_anonymous_users_cannot_handle(client, complaint, supervisor_org):
    publisher_of_office = member(supervisor_org, Role.PUBLISHER, "office-pub")
    client.force_login(publisher_of_office)
    assert client.get(f"/staff/complaints/{complaint.pk}/").status_code == 404
    client.logout()
    assert client.get(f"/staff/complaints/{complaint.pk}/").status_code == 302  # to the login page


def test_organization_never_sees_the_complainant(client, complaint, supervisor, org_publisher):
    client.force_login(org_publisher)
    assert client.get(f"/staff/complaints/{complaint.pk}/").status_code == 404
    assert client.get(f"/staff/complaints/org/{complaint.pk}/").status_code == 404  # nothing asked yet
    assert complaint.registration_no not in client.get("/staff/complaints/").content.decode()

    services.accept(actor=supervisor, complaint=complaint, today=DAY)
    services.request_explanation(
        actor=supervisor, complaint=complaint, questions="请说明为何未公开", today=DAY
    )
    page = client.get(f"/staff/complaints/org/{complaint.pk}/").content.decode()
    assert "请说明为何未公开" in page
    for secret in ("王举报", "13900000001", "wang@example.com", DESCRIPTION, supervisor.username):
        assert secret not in page
    assert complaint.registration_no in client.get("/staff/complaints/").content.decode()

    client.post(f"/staff/complaints/org/{complaint.pk}/answer/",
                {"explanation": complaint.explanations.get().pk, "answer": "系统故障，已补发"})  # fmt: skip
    explanation = complaint.explanations.get()
    assert explanation.answer == "系统故障，已补发"
    assert explanation.answered_by == org_publisher
    assert Complaint.objects.get(pk=complaint.pk).state == "accepted"

    services.decide(actor=supervisor, complaint=complaint, finding="partly_upheld", finding_text="部分属实。",
                    rectification_required="补充公开中标结果", today=DAY)  # fmt: skip
    client.post(f"/staff/complaints/org/{complaint.pk}/rectify/", {"rectification": "已于3月3日补充公开"})
    page = client.get(f"/staff/complaints/org/{complaint.pk}/").content.decode()
    assert "部分属实" in page
    assert "补充公开中标结果" in page
    assert "已于3月3日补充公开" in page
    assert "王举报" not in page
    with pytest.raises(PermissionDenied):
        services.close(actor=org_publisher, complaint=complaint, result="自行办结")


def test_transfer_moves_the_complaint_to_the_other_office(client, complaint, supervisor, quanzhou_supervisor,
                                                          quanzhou_office):  # fmt: skip
    client.force_login(supervisor)
    response = client.post(f"/staff/complaints/{complaint.pk}/transfer/",
                           {"to_supervisor": quanzhou_office.pk, "reason": "属泉州管辖"})  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == "/staff/complaints/"
    assert client.get(f"/staff/complaints/{complaint.pk}/").status_code == 404
    client.force_login(quanzhou_supervisor)
    assert client.get(f"/staff/complaints/{complaint.pk}/").status_code == 200
    step = Complaint.objects.get(pk=complaint.pk).steps.get(kind="transferred")
    assert step.from_supervisor_id == complaint.supervisor_id
    assert step.to_supervisor == quanzhou_office


def test_invalid_steps_are_refused_with_a_message(client, complaint, supervisor):
    client.force_login(supervisor)
    response = client.post(f"/staff/complaints/{complaint.pk}/close/", {"result": "办结"}, follow=True)
    assert "不能办结" in response.content.decode()
    response = client.post(f"/staff/complaints/{complaint.pk}/nonsense/", {})
    assert response.status_code == 404
    assert Complaint.objects.get(pk=complaint.pk).state == "received"


def test_queue_queries_do_not_grow_with_the_number_of_complaints(
    client, centre, supervisor, django_assert_num_queries
):
    submit(centre, DAY)
    client.force_login(supervisor)
    client.get("/staff/complaints/")  # warm the session and the calendar cache
    with CaptureQueriesContext(connection) as one:
        client.get("/staff/complaints/")
    for _ in range(4):
        submit(centre, DAY)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get("/staff/complaints/")
    assert response.content.decode().count("JB-") == 5
