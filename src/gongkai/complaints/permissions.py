"""Who may do what with a complaint. The supervising office it is routed to handles it: only its supervisors
(监督人员, Perm.SUPERVISION_VIEW there) see the complainant and the file. The complained-about organization's
publishers (Perm.DISCLOSURE_DRAFT there) see only the explanation request and the final result, never the
complainant. Predicates return (allowed, reason)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from gongkai.complaints.models import Complaint
from gongkai.core.permissions import Perm
from gongkai.orgs.models import Organization
from gongkai.orgs.roles import has_perm, organizations_with

Verdict = tuple[bool, str]
OK: Verdict = (True, "")
ORGANIZATION_PERM = Perm.DISCLOSURE_DRAFT  # the publishers of the complained-about organization


def can_handle(user, complaint: Complaint) -> Verdict:
    if not has_perm(user, complaint.supervisor, Perm.SUPERVISION_VIEW):
        return False, f"该举报由{complaint.supervisor.name}办理，您不是其监督人员"
    return OK


def can_answer_for(user, complaint: Complaint) -> Verdict:
    """The organization's side: answering an explanation request and reporting its rectification."""
    if not has_perm(user, complaint.organization, ORGANIZATION_PERM):
        return False, f"您不是{complaint.organization.name}的信息发布员"
    return OK


def handled_by(user, qs: QuerySet[Complaint] | None = None) -> QuerySet[Complaint]:
    """Complaints routed to an office where the user is a supervisor (the full file)."""
    qs = Complaint.objects.all() if qs is None else qs
    return qs.filter(supervisor__in=organizations_with(user, Perm.SUPERVISION_VIEW).values("pk"))


def concerning(user, qs: QuerySet[Complaint] | None = None) -> QuerySet[Complaint]:
    """Complaints against the user's organization that it has something to see: an explanation request, or a
    finding. A complaint merely received is not shown to the organization."""
    qs = Complaint.objects.all() if qs is None else qs
    orgs = organizations_with(user, ORGANIZATION_PERM).values("pk")
    return (
        qs.filter(organization__in=orgs)
        .filter(Q(explanations__isnull=False) | Q(decided_on__isnull=False))
        .distinct()
    )


def transfer_targets(complaint: Complaint) -> QuerySet[Organization]:
    return (
        Organization.objects.filter(is_supervisor=True, active=True)
        .exclude(pk=complaint.supervisor_id)
        .select_related("jurisdiction")
        .order_by("jurisdiction__code", "name")
    )
