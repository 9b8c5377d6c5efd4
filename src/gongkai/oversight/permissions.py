"""Who may see the monitoring figures and act on inspection findings.

Supervisors are users with the supervisor role in an organization marked `is_supervisor`; they watch that
organization's jurisdiction and its children. An inspected organization's publishers and reviewers record its
rectification; the supervisors who may see the organization accept or reopen it.
"""

from __future__ import annotations

from django.db.models import QuerySet

from gongkai.catalog.models import Jurisdiction
from gongkai.core.permissions import Perm
from gongkai.orgs.models import Organization
from gongkai.orgs.roles import has_perm, organizations_with, supervised_jurisdiction_ids
from gongkai.oversight.choices import UNRECTIFIED_STATES, FindingState
from gongkai.oversight.models import Finding

Verdict = tuple[bool, str]
OK: Verdict = (True, "")


def supervising_organizations(user) -> QuerySet[Organization]:
    return organizations_with(user, Perm.SUPERVISION_VIEW).filter(is_supervisor=True)


def is_supervisor(user) -> bool:
    return supervising_organizations(user).exists()


def can_view_jurisdiction(user, jurisdiction: Jurisdiction) -> bool:
    return jurisdiction.pk in supervised_jurisdiction_ids(user)


def supervised_organizations(user) -> QuerySet[Organization]:
    return Organization.objects.filter(jurisdiction_id__in=supervised_jurisdiction_ids(user))


def can_record_finding(user, organization: Organization) -> Verdict:
    if not can_view_jurisdiction(user, organization.jurisdiction):
        return False, f"您不是{organization.jurisdiction.name}的监督人员"
    return OK


def supervisor_for(user, organization: Organization) -> Organization | None:
    """The user's supervising organization whose jurisdiction covers the organization's (nearest first)."""
    chain = [organization.jurisdiction_id, *(j.pk for j in organization.jurisdiction.ancestors())]
    sup = {o.jurisdiction_id: o for o in supervising_organizations(user)}
    return next((sup[j] for j in chain if j in sup), None)


def _member(user, organization: Organization) -> bool:
    return has_perm(user, organization, Perm.DISCLOSURE_DRAFT) or has_perm(
        user, organization, Perm.DISCLOSURE_REVIEW
    )


def can_rectify(user, finding: Finding) -> Verdict:
    if finding.state not in UNRECTIFIED_STATES:
        return False, "该问题已提交整改或已验收"
    if not _member(user, finding.organization):
        return False, f"您不是{finding.organization.name}的信息发布员或审查员"
    return OK


def can_decide(user, finding: Finding) -> Verdict:
    if finding.state != FindingState.RECTIFIED:
        return False, "只有已提交整改情况的问题可以验收"
    if not can_view_jurisdiction(user, finding.organization.jurisdiction):
        return False, f"您不是{finding.organization.jurisdiction.name}的监督人员"
    return OK


def visible_findings(user, qs: QuerySet[Finding] | None = None) -> QuerySet[Finding]:
    """Findings of the organizations a supervisor watches, and those against the user's own organizations."""
    from django.db.models import Q

    qs = Finding.objects.all() if qs is None else qs
    own = organizations_with(user, Perm.DISCLOSURE_VIEW_INTERNAL)
    return qs.filter(
        Q(organization__jurisdiction_id__in=supervised_jurisdiction_ids(user)) | Q(organization__in=own)
    )
