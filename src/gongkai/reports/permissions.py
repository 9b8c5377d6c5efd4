"""Who prepares and publishes an annual report: the publishers (信息发布员) and administrators of the
organization; for the consolidated report of a jurisdiction, those of its people's government (an organization
of kind government in that jurisdiction). Predicates return (allowed, reason)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from gongkai.catalog.choices import BodyKind
from gongkai.catalog.models import Jurisdiction
from gongkai.orgs.models import Membership, Organization, Role
from gongkai.reports.models import Report

Verdict = tuple[bool, str]
OK: Verdict = (True, "")
REPORT_ROLES = (Role.PUBLISHER, Role.ADMINISTRATOR)


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def report_organizations(user) -> QuerySet[Organization]:
    """Organizations whose own report the user prepares."""
    if not _active(user):
        return Organization.objects.none()
    ids = Membership.objects.filter(user=user, role__in=REPORT_ROLES).values("organization_id")
    return Organization.objects.filter(pk__in=ids, active=True)


def report_jurisdictions(user) -> QuerySet[Jurisdiction]:
    """Jurisdictions whose consolidated report the user prepares (through a government organization)."""
    gov = report_organizations(user).filter(kind=BodyKind.GOVERNMENT)
    return Jurisdiction.objects.filter(pk__in=gov.values("jurisdiction_id"))


def can_prepare(user, *, organization: Organization | None = None,
                jurisdiction: Jurisdiction | None = None) -> Verdict:  # fmt: skip
    if organization is not None:
        if not report_organizations(user).filter(pk=organization.pk).exists():
            return False, f"您不是{organization.name}的信息发布员或管理员"
        return OK
    if jurisdiction is not None and report_jurisdictions(user).filter(pk=jurisdiction.pk).exists():
        return OK
    name = jurisdiction.name if jurisdiction is not None else ""
    return False, f"只有{name}人民政府的信息发布员或管理员可以编制本级政府年度报告"


def can_manage(user, report: Report) -> Verdict:
    return can_prepare(user, organization=report.organization, jurisdiction=report.jurisdiction)


def visible_to(user, qs=None) -> QuerySet[Report]:
    qs = Report.objects.all() if qs is None else qs
    return qs.filter(
        Q(organization__in=report_organizations(user).values("pk"))
        | Q(jurisdiction__in=report_jurisdictions(user).values("pk"))
    )
