"""Reconsideration and litigation against replies; e-mails to the applicant; reminders to handlers, at most once
per application, kind and day, with the scheduled closing of uncorrected and unpaid applications."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from gongkai.applications import services
from gongkai.applications.models import Application, Reminder
from gongkai.core.errors import DomainError
from tests.helpers.applications import in_person, person

D = dt.date


@pytest.fixture
def replied(luan_org, handler):
    app = in_person(luan_org, handler, D(2026, 3, 2))
    return services.reply(actor=handler, application=app, reply_type="withheld", ground="state_secret",
                          text="属于国家秘密", replied_on=D(2026, 3, 9), today=D(2026, 3, 9))  # fmt: skip


def test_remedies_are_recorded_and_decided(client, luan_org, handler, replied):
    open_app = in_person(luan_org, handler, D(2026, 3, 2), info_description="未办结的")
    with pytest.raises(DomainError, match="已答复"):
        services.record_remedy(actor=handler, application=open_app, kind="reconsideration", body="六安市人民政府",
                               filed_on=D(2026, 3, 20), today=D(2026, 3, 20))  # fmt: skip
    with pytest.raises(DomainError, match="先登记行政复议"):
        services.record_remedy(actor=handler, application=replied, kind="litigation_after", body="金安区人民法院",
                               filed_on=D(2026, 3, 20), today=D(2026, 3, 20))  # fmt: skip
    r = services.record_remedy(actor=handler, application=replied, kind="reconsideration", body="六安市人民政府",
                               case_no="六政复〔2026〕1号", filed_on=D(2026, 3, 20), today=D(2026, 3, 20))  # fmt: skip
    assert r.result == "pending"
    with pytest.raises(DomainError, match="审结日期"):
        services.decide_remedy(actor=handler, remedy=r, result="upheld", decided_on=None, today=D(2026, 5, 6))
    r = services.decide_remedy(
        actor=handler, remedy=r, result="upheld", decided_on=D(2026, 5, 6), today=D(2026, 5, 6)
    )
    assert (r.result, r.decided_on) == ("upheld", D(2026, 5, 6))
    client.force_login(handler)
    url = f"/staff/applications/{replied.pk}/"
    client.post(
        url + "remedy/", {"kind": "litigation_after", "body": "金安区人民法院", "filed_on": "2026-05-20"}
    )
    lawsuit = replied.remedies.get(kind="litigation_after")
    client.post(
        url + "remedy_decide/", {"remedy": lawsuit.pk, "result": "corrected", "decided_on": "2026-06-01"}
    )
    lawsuit.refresh_from_db()
    assert lawsuit.result == "corrected"
    page = client.get(url).content.decode()
    assert "行政诉讼（复议后起诉）" in page
    assert "结果纠正" in page
    assert "六政复〔2026〕1号" in page


def test_other_organizations_handlers_cannot_record_remedies(handlers, replied):
    with pytest.raises(DomainError):
        services.record_remedy(actor=handlers["national"], application=replied, kind="reconsideration", body="x",
                               filed_on=D(2026, 3, 20), today=D(2026, 3, 20))  # fmt: skip


def test_applicant_is_emailed_at_each_step(
    luan_org, handler, head, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        app = in_person(luan_org, handler, D(2026, 3, 2))
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["zhangsan@example.com"]
    assert app.registration_no in mailoutbox[0].subject
    assert "收到申请" in mailoutbox[0].subject
    assert "2026年3月23日" in mailoutbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        services.extend(actor=handler, application=app, approved_by=head, days=5, reason="需要检索档案",
                        approved_on=D(2026, 3, 3), notice_sent_on=D(2026, 3, 3), today=D(2026, 3, 3))  # fmt: skip
        services.issue_fee_notice(actor=handler, application=app, method="per_page", pages=31, reason="页数过多",
                                  notice_sent_on=D(2026, 3, 4), today=D(2026, 3, 4))  # fmt: skip
        services.record_fee_payment(
            actor=handler, application=app, paid_on=D(2026, 3, 5), today=D(2026, 3, 5)
        )
        services.reply(actor=handler, application=app, reply_type="disclosed", text="见附件",
                       replied_on=D(2026, 3, 6), today=D(2026, 3, 6))  # fmt: skip
    subjects = [m.subject for m in mailoutbox]
    assert ["收到申请" in subjects[0], "延期答复" in subjects[1], "收费通知" in subjects[2], "答复" in subjects[3]] == [
        True, True, True, True,
    ]  # fmt: skip
    assert "10元" in mailoutbox[2].body or "10.00元" in mailoutbox[2].body
    assert "予以公开" in mailoutbox[3].body


def test_correction_request_is_emailed(luan_org, handler, mailoutbox, django_capture_on_commit_callbacks):
    app = in_person(luan_org, handler, D(2026, 3, 2))
    with django_capture_on_commit_callbacks(execute=True):
        services.request_correction(actor=handler, application=app, sent_on=D(2026, 3, 2), due_on=D(2026, 3, 16),
                                    items="请写明文号", today=D(2026, 3, 2))  # fmt: skip
    assert len(mailoutbox) == 1
    assert "请写明文号" in mailoutbox[0].body


def test_no_address_no_mail(luan_org, handler, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.register_offline(actor=handler, organization=luan_org, channel="in_person",
                                  data=person(email="", delivery_way="pickup"), submitted_on=D(2026, 3, 2),
                                  today=D(2026, 3, 2))  # fmt: skip
    assert mailoutbox == []


def test_reminders_are_sent_once_a_day_and_close_what_is_due(luan_org, handler, mailoutbox):
    handler.email = "handler@example.gov.cn"
    handler.save()
    late = in_person(luan_org, handler, D(2026, 2, 2), info_description="早")  # due 2026-02-28
    soon = in_person(luan_org, handler, D(2026, 3, 2), info_description="近")  # due 2026-03-23
    in_person(luan_org, handler, D(2026, 3, 16), info_description="远")  # due 2026-04-07
    uncorrected = in_person(luan_org, handler, D(2026, 3, 2), info_description="待补正")
    services.request_correction(actor=handler, application=uncorrected, sent_on=D(2026, 3, 2),
                                due_on=D(2026, 3, 9), items="请写明文号", today=D(2026, 3, 2))  # fmt: skip
    mailoutbox.clear()
    counts = services.send_reminders(today=D(2026, 3, 18), within=3)
    assert (counts["overdue"], counts["due_soon"], counts["closed_uncorrected"]) == (1, 1, 1)
    assert sorted(m.subject.split()[0].split("】")[1] for m in mailoutbox) == sorted(
        [late.registration_no, soon.registration_no]
    )
    assert all(m.to == ["handler@example.gov.cn"] for m in mailoutbox)
    assert services.send_reminders(today=D(2026, 3, 18), within=3)["overdue"] == 0  # idempotent
    call_command("applications", "remind", "--within", "3")  # the command, on the real today: no error
    assert Reminder.objects.filter(application=late, sent_on=D(2026, 3, 18)).count() == 1
    services.send_reminders(today=D(2026, 3, 19), within=3)  # a new day: a new reminder
    assert Reminder.objects.filter(application=late).count() >= 2
    closed = Application.objects.get(pk=uncorrected.pk)
    assert (closed.state, closed.reply_type, closed.reply_ground) == ("closed", "other", "uncorrected")


def test_reminder_idempotence_one_email(luan_org, handler, mailoutbox):
    handler.email = "handler@example.gov.cn"
    handler.save()
    in_person(luan_org, handler, D(2026, 2, 2))
    mailoutbox.clear()
    services.send_reminders(today=D(2026, 3, 18))
    services.send_reminders(today=D(2026, 3, 18))
    assert len(mailoutbox) == 1


def test_reminder_task_runs(luan_org, handler, mailoutbox):
    from gongkai.applications.tasks import remind_handlers_task

    result = remind_handlers_task.enqueue(3)
    assert set(result.return_value) >= {"due_soon", "overdue", "closed_uncorrected", "closed_unpaid"}
