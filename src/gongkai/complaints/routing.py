"""Where a complaint goes (the supervising office of the organization's jurisdiction, else the nearest parent
jurisdiction's) and when it is due (working days of the jurisdiction's profile key `complaint_days`, else the
local default of data/complaints/categories.yaml — not a legal period)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gongkai.catalog.models import Jurisdiction
from gongkai.complaints.rules import PROFILE_KEY, rules
from gongkai.core.errors import DomainError
from gongkai.orgs.models import Organization
from gongkai.workdays.calendar import get_calendar


@dataclass(frozen=True)
class HandlingPeriod:
    days: int
    source: str  # where the number comes from, for the staff page


def supervising_office(organization: Organization) -> Organization:
    """The active supervising office (is_supervisor) of the organization's jurisdiction, else of the nearest
    parent jurisdiction that has one. A complaint against a supervising office never goes to that office itself:
    to another office of its jurisdiction, else up the chain."""
    for jurisdiction in [organization.jurisdiction, *organization.jurisdiction.ancestors()]:
        office = (
            Organization.objects.filter(jurisdiction=jurisdiction, is_supervisor=True, active=True)
            .exclude(pk=organization.pk)
            .order_by("pk")
            .first()
        )
        if office is not None:
            return office
    raise DomainError(
        f"{organization.jurisdiction.name}及其上级均未设置监督机构，暂不能受理举报", code="no_supervisor"
    )


def handling_period(jurisdiction: Jurisdiction) -> HandlingPeriod:
    for j in [jurisdiction, *jurisdiction.ancestors()]:
        value = (j.profile or {}).get(PROFILE_KEY)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return HandlingPeriod(value, f"{j.name}规则配置 {PROFILE_KEY}")
    return HandlingPeriod(rules().default_handling_days, "本平台默认办理期限（非法定期限）")


def handling_due(jurisdiction: Jurisdiction, received_on: dt.date) -> dt.date:
    return get_calendar().add_workdays(received_on, handling_period(jurisdiction).days).due
