"""Routing to the supervising office (own jurisdiction, else the nearest parent's) and the handling period."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.complaints.models import Complaint
from gongkai.core.errors import DomainError
from gongkai.workdays.calendar import get_calendar
from tests.factories import OrganizationFactory
from tests.helpers.complaints import submit


def test_routed_to_the_supervising_office_of_the_jurisdiction(centre, supervisor_org, quanzhou_office):
    complaint, code = submit(centre)
    assert complaint.supervisor == supervisor_org
    assert complaint.jurisdiction.code == "341500"
    assert complaint.registration_no == f"JB-{supervisor_org.pk}-2026-00001"
    assert complaint.tracking_hash != code
    assert len(complaint.tracking_hash) == 64
    assert submit(centre)[0].registration_no.endswith("-00002")


def test_parent_jurisdiction_fallback_takes_the_nearest(anxi_org, quanzhou_office, fujian_office):
    complaint, _ = submit(anxi_org)
    assert complaint.supervisor == quanzhou_office


def test_no_supervising_office_anywhere_up_the_chain(anxi_org):
    with pytest.raises(DomainError) as exc:
        submit(anxi_org)
    assert exc.value.code == "no_supervisor"
    assert not Complaint.objects.exists()


def test_due_in_default_working_days_or_the_profile(centre, supervisor_org, luan):
    complaint, _ = submit(centre, dt.date(2026, 9, 25))
    assert complaint.received_on == dt.date(2026, 9, 25)
    # 15 working days (local default) across the National Day holiday.
    assert complaint.due_on == get_calendar().add_workdays(dt.date(2026, 9, 25), 15).due
    assert complaint.due_on == dt.date(2026, 10, 22)  # 9-28..30, 10-8..10 (Sat make-up), 12..16, 19..22

    luan.profile = {**luan.profile, "complaint_days": 5}
    luan.save(update_fields=["profile"])
    complaint, _ = submit(centre, dt.date(2026, 3, 2))
    assert complaint.due_on == dt.date(2026, 3, 9)


def test_a_complaint_against_the_office_itself_goes_up(supervisor_org, luan):
    anhui_office = OrganizationFactory(
        name="安徽省政务公开办（举报测试）", jurisdiction=luan.parent, is_supervisor=True
    )
    complaint, _ = submit(supervisor_org)
    assert complaint.supervisor == anhui_office
