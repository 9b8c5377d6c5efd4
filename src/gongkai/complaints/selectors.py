"""Reads of complaints: counts for oversight, the supervisors' queue, the organization's view and tracking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Case, Count, QuerySet, Value, When

from gongkai.complaints import permissions as perms
from gongkai.complaints.choices import OPEN_STATES, UPHELD_FINDINGS
from gongkai.complaints.models import Complaint, ExplanationRequest
from gongkai.complaints.rules import rules
from gongkai.core.errors import NotFound
from gongkai.core.tracking import tracking_hash
from gongkai.orgs.models import Organization
from gongkai.orgs.roles import organizations_with
from gongkai.workdays.calendar import get_calendar


@dataclass(frozen=True)
class ComplaintCounts:
    received: int = 0  # complaints received (received_on) in the period
    upheld: int = 0  # complaints found 属实 or 部分属实, decided (decided_on) in the period


def complaint_counts(
    organization_ids: Iterable[int], start: dt.date, end: dt.date
) -> dict[int, ComplaintCounts]:
    """Per complained-about organization: complaints received in [start, end] (inclusive, by received date)
    and complaints upheld (finding 属实 or 部分属实) decided in [start, end] (inclusive, by decision date).

    Organizations with neither are OMITTED from the result: use ``.get(org_id, ComplaintCounts())``."""
    ids = list(organization_ids)
    if not ids:
        return {}
    received = dict(
        Complaint.objects.filter(organization_id__in=ids, received_on__gte=start, received_on__lte=end)
        .values("organization_id")
        .annotate(n=Count("pk"))
        .values_list("organization_id", "n")
    )
    upheld = dict(
        Complaint.objects.filter(
            organization_id__in=ids,
            finding__in=list(UPHELD_FINDINGS),
            decided_on__gte=start,
            decided_on__lte=end,
        )
        .values("organization_id")
        .annotate(n=Count("pk"))
        .values_list("organization_id", "n")
    )
    return {
        org_id: ComplaintCounts(received=received.get(org_id, 0), upheld=upheld.get(org_id, 0))
        for org_id in sorted(set(received) | set(upheld))
    }


_RELATED = ("organization", "jurisdiction", "supervisor", "handler", "disclosure", "catalog_item")


def handler_queue(
    user, *, state: str = "", mark: str = "", today: dt.date | None = None
) -> QuerySet[Complaint]:
    """The supervisors' queue: complaints routed to their offices, open ones first by due date."""
    qs = perms.handled_by(user, Complaint.objects.select_related(*_RELATED))
    if state == "open":
        qs = qs.open()
    elif state:
        qs = qs.filter(state=state)
    if mark and today is not None:
        if mark == "overdue":
            qs = qs.overdue(today)
        elif mark == "due_soon":
            qs = qs.due_within(today, due_soon_until(today))
    return qs.order_by(
        Case(When(state__in=list(OPEN_STATES), then=Value(0)), default=Value(1)), "due_on", "pk"
    )


def get_for_handler(user, pk: int) -> Complaint:
    c = (
        perms.handled_by(user, Complaint.objects.select_related(*_RELATED))
        .prefetch_related("steps__actor", "steps__to_supervisor", "explanations")
        .filter(pk=pk)
        .first()
    )
    if c is None:
        raise NotFound("该举报不存在")
    return c


def organization_queue(user) -> QuerySet[Complaint]:
    """Complaints against the user's organization with an explanation request or a finding."""
    return perms.concerning(user, Complaint.objects.select_related("organization")).order_by(
        "-received_on", "-pk"
    )


def get_for_organization(user, pk: int) -> Complaint:
    c = organization_queue(user).prefetch_related("explanations").filter(pk=pk).first()
    if c is None:
        raise NotFound("该举报不存在")
    return c


def get_by_tracking_code(code: str) -> Complaint:
    """The complainant's own complaint; an unknown code and a wrong one look the same."""
    c = (
        Complaint.objects.select_related("organization", "supervisor")
        .prefetch_related("steps__to_supervisor")
        .filter(tracking_hash=tracking_hash(code))
        .first()
        if code and code.strip()
        else None
    )
    if c is None:
        raise NotFound("查询码不正确，没有找到举报")
    return c


def due_soon_until(today: dt.date) -> dt.date:
    return get_calendar().add_workdays(today, rules().due_soon_workdays).due


def due_mark(complaint: Complaint, today: dt.date) -> str:
    """'overdue', 'due_soon' or '' for an open complaint (closed ones have none)."""
    if not complaint.is_open:
        return ""
    if complaint.due_on < today:
        return "overdue"
    if complaint.due_on <= due_soon_until(today):
        return "due_soon"
    return ""


def complainable_organizations(jurisdiction) -> QuerySet[Organization]:
    """The organizations of a jurisdiction a complaint may be made against on the portal."""
    return Organization.objects.filter(jurisdiction=jurisdiction, active=True).order_by("name")


def open_explanations(user) -> QuerySet[ExplanationRequest]:
    """Explanation requests waiting for the user's organization to answer."""
    return (
        ExplanationRequest.objects.filter(
            answered_on__isnull=True,
            complaint__organization__in=organizations_with(user, perms.ORGANIZATION_PERM).values("pk"),
        )
        .select_related("complaint__organization")
        .order_by("due_on", "pk")
    )
