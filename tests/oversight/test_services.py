"""Inspection findings (record, rectify, accept or reopen) and the daily scan (snapshots, reminders once a day)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command

from gongkai.core.errors import InvalidFields, PermissionDenied
from gongkai.orgs.models import Role
from gongkai.oversight import services
from gongkai.oversight.models import Finding, Reminder, Snapshot
from tests.helpers.disclosures import member
from tests.helpers.oversight import make_disclosure

D = dt.date


def test_finding_deadline_in_working_days_crosses_national_day(world):
    # Inspected Friday 26 Sept 2025, 5 working days: 28 Sept (make-up Sunday), 29, 30 Sept, 9, 10 Oct.
    f = services.record_finding(actor=world.supervisor, organization=world.centre, inspected_on=D(2025, 9, 26),
                                finding="中标结果未按时公开", requirement="补充公开并说明原因", rectify_days=5)  # fmt: skip
    assert f.rectify_by == D(2025, 10, 10)
    assert f.supervisor == world.supervisor_org


def test_rectify_accept_and_reopen(world, publisher):
    f = services.record_finding(actor=world.supervisor, organization=world.centre, inspected_on=D(2025, 10, 20),
                                finding="问题", requirement="要求", rectify_by=D(2025, 11, 20))  # fmt: skip
    with pytest.raises(PermissionDenied):  # the supervisor does not rectify for the organization
        services.record_rectification(
            actor=world.supervisor, finding=f, rectification="已整改", rectified_on=D(2025, 11, 1)
        )
    with pytest.raises(PermissionDenied):  # nothing to accept yet
        services.decide_rectification(actor=world.supervisor, finding=f, accept=True, today=D(2025, 11, 2))
    f = services.record_rectification(
        actor=publisher, finding=f, rectification="已补充公开", rectified_on=D(2025, 11, 1)
    )
    assert f.state == "rectified"
    with pytest.raises(PermissionDenied):  # the organization does not accept its own rectification
        services.decide_rectification(actor=publisher, finding=f, accept=True, today=D(2025, 11, 2))
    with pytest.raises(InvalidFields):
        services.decide_rectification(actor=world.supervisor, finding=f, accept=False, today=D(2025, 11, 2))
    f = services.decide_rectification(actor=world.supervisor, finding=f, accept=False, comment="未说明原因",
                                      today=D(2025, 11, 2), rectify_by=D(2025, 11, 30))  # fmt: skip
    assert (f.state, f.rectify_by) == ("reopened", D(2025, 11, 30))
    assert f in Finding.objects.overdue(D(2025, 12, 1))
    f = services.record_rectification(
        actor=publisher, finding=f, rectification="已说明", rectified_on=D(2025, 11, 25)
    )
    f = services.decide_rectification(actor=world.supervisor, finding=f, accept=True, today=D(2025, 11, 26))
    assert (f.state, f.accepted_on) == ("accepted", D(2025, 11, 26))
    assert f not in Finding.objects.overdue(D(2025, 12, 1))


def test_a_supervisor_elsewhere_cannot_record_a_finding(world):
    from tests.factories import OrganizationFactory

    tinghu_sup = OrganizationFactory(name="亭湖区政务公开办（测试）", jurisdiction=world.outside_org.jurisdiction,
                                     is_supervisor=True)  # fmt: skip
    user = member(tinghu_sup, Role.SUPERVISOR, "th-sup")
    with pytest.raises(PermissionDenied):
        services.record_finding(actor=user, organization=world.centre, inspected_on=D(2025, 10, 20), finding="x",
                                requirement="y", rectify_by=D(2025, 11, 1))  # fmt: skip
    # A Lu'an supervisor reaches the child county's organizations.
    services.record_finding(actor=world.supervisor, organization=world.county_org, inspected_on=D(2025, 10, 20),
                            finding="x", requirement="y", rectify_by=D(2025, 11, 1))  # fmt: skip


@pytest.fixture
def mailing_publisher(world, publisher):
    publisher.email = "pub@example.gov.cn"
    publisher.save()
    return publisher


def test_scan_sends_each_reminder_once_a_day_and_skips_holidays(world, mailing_publisher, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Due 2026-01-16 (Friday), unpublished: on Wednesday 14 January it is due soon.
    soon = make_disclosure(world.centre, world.award, title="即将到期", due_on=D(2026, 1, 16))
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        r = services.run_scan(D(2026, 1, 14))
    assert not r.skipped
    assert r.snapshots == 1
    kinds = set(Reminder.objects.filter(day=D(2026, 1, 14)).values_list("disclosure__title", "kind"))
    # The centre's overdue record (due 31 Dec) and the one due on the 16th; other organizations have no e-mail.
    assert kinds == {("期后一天", "overdue"), ("即将到期", "due_soon")}
    assert len(mail.outbox) == 2
    assert mail.outbox[0].to == ["pub@example.gov.cn"]
    with TestCase.captureOnCommitCallbacks(execute=True):
        again = services.run_scan(D(2026, 1, 14))
    assert again.reminders == 0
    assert len(mail.outbox) == 2
    assert Snapshot.objects.filter(jurisdiction=world.luan, day=D(2026, 1, 14)).count() == 1
    snap = Snapshot.objects.get(jurisdiction=world.luan, day=D(2026, 1, 14))
    assert snap.period_start == D(2026, 1, 1)
    assert "overdue" in snap.figures
    # Spring Festival day: nothing happens; the next working day reminds again (a new day).
    assert services.run_scan(D(2026, 2, 17)).skipped
    assert services.run_scan(D(2026, 1, 15)).reminders == 2
    assert soon.pk in Reminder.objects.filter(day=D(2026, 1, 15)).values_list("disclosure_id", flat=True)


def test_scan_command(world):
    out = io.StringIO()
    call_command("oversight", "scan", "--date", "2026-02-17", stdout=out)
    assert "不是工作日" in out.getvalue()
    out = io.StringIO()
    call_command("oversight", "scan", "--date", "2026-01-14", stdout=out)
    assert "快照 1 个" in out.getvalue()


def test_a_reminder_that_cannot_be_sent_is_retried_by_the_next_run(
    world, mailing_publisher, monkeypatch, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    def down(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(services, "send_mail", down)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(D(2026, 1, 14)) == 1  # the centre's overdue record (due 31 Dec)
    assert not Reminder.objects.exists()
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(D(2026, 1, 14)) == 1
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_scan_task_runs_in_the_background_backend(world):
    from gongkai.oversight.tasks import oversight_scan_task

    result = oversight_scan_task.enqueue("2026-01-14")
    assert result.return_value == {"day": "2026-01-14", "skipped": False, "snapshots": 1, "reminders": 0}
    assert oversight_scan_task.enqueue("2026-02-17").return_value["skipped"] is True
