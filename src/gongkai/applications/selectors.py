"""Reads of applications: the staff ledger with its filters, due-soon and overdue lists, one application for
staff, and the applicant's own view by tracking code."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from gongkai.applications import permissions as perms
from gongkai.applications.choices import State
from gongkai.applications.models import Application, Consultation, Remedy
from gongkai.core.errors import NotFound
from gongkai.core.permissions import Perm
from gongkai.core.tracking import tracking_hash
from gongkai.orgs.models import Organization
from gongkai.orgs.selectors import organizations_in

_RELATED = ("organization", "jurisdiction", "handler", "correction", "extension", "fee")


def staff_applications(user) -> QuerySet[Application]:
    return perms.visible_to(user, Application.objects.select_related(*_RELATED))


def get_for_staff(user, pk: int) -> Application:
    app = (
        staff_applications(user)
        .select_related("repeat_of", "possible_repeat_of", "disclosure")
        .prefetch_related("consultations", "remedies")
        .filter(pk=pk)
        .first()
    )
    if app is None:
        raise NotFound("该申请不存在")
    return app


def get_by_tracking_code(code: str) -> Application:
    """The applicant's own application; an unknown code and a wrong one look the same."""
    app = (
        Application.objects.select_related(*_RELATED)
        .prefetch_related("consultations")
        .filter(tracking_hash=tracking_hash(code))
        .first()
        if code
        else None
    )
    if app is None:
        raise NotFound("查询码不正确，没有找到申请")
    return app


def ledger(
    qs: QuerySet[Application],
    *,
    state: str | None = None,
    channel: str | None = None,
    reply_type: str | None = None,
    organization: int | None = None,
    received_from: dt.date | None = None,
    received_to: dt.date | None = None,
    q: str = "",
) -> QuerySet[Application]:
    """The ledger (台账) filtered by state, channel, reply type, organization, receipt dates and a keyword."""
    if state:
        qs = qs.filter(state=state)
    if channel:
        qs = qs.filter(channel=channel)
    if reply_type:
        qs = qs.filter(reply_type=reply_type)
    if organization:
        qs = qs.filter(organization_id=organization)
    if received_from:
        qs = qs.filter(receipt_date__gte=received_from)
    if received_to:
        qs = qs.filter(receipt_date__lte=received_to)
    if q:
        qs = qs.filter(
            Q(registration_no__icontains=q) | Q(applicant_name__icontains=q) | Q(info_title__icontains=q)
            | Q(info_description__icontains=q) | Q(info_doc_no__icontains=q)
        )  # fmt: skip
    return qs


def overdue(qs: QuerySet[Application], today: dt.date) -> QuerySet[Application]:
    return qs.overdue(today).order_by("due_on", "pk")


def due_soon(qs: QuerySet[Application], today: dt.date, until: dt.date) -> QuerySet[Application]:
    return qs.due_within(today, until).order_by("due_on", "pk")


def unconfirmed(qs: QuerySet[Application]) -> QuerySet[Application]:
    return qs.awaiting_confirmation().order_by("submitted_at", "pk")


def correction_expired(qs: QuerySet[Application], today: dt.date) -> QuerySet[Application]:
    """Waiting for a correction whose time has run out (close_uncorrected closes these)."""
    return qs.filter(state=State.CORRECTION_REQUESTED, correction__corrected_on__isnull=True,
                     correction__due_on__lt=today).order_by("correction__due_on")  # fmt: skip


def consultations_expired(qs: QuerySet[Application], today: dt.date) -> QuerySet[Consultation]:
    """Open consultations past their due date: record the silence so the clock runs again."""
    return (
        Consultation.objects.filter(
            application__in=qs.values("pk"), answered_on__isnull=True, due_on__lt=today
        )
        .select_related("application")
        .order_by("due_on")
    )


def organizations_accepting(jurisdiction) -> QuerySet[Organization]:
    """The bodies of a jurisdiction an applicant may choose on the portal."""
    return organizations_in(jurisdiction).filter(active=True).order_by("name")


def extension_approvers(organization: Organization):
    """Active users who may approve an extension at the organization (the disclosure office head)."""
    from django.contrib.auth import get_user_model

    from gongkai.orgs.models import Membership
    from gongkai.orgs.roles import ROLE_PERMISSIONS

    roles = [r for r, granted in ROLE_PERMISSIONS.items() if Perm.APPLICATION_APPROVE_EXTENSION in granted]
    ids = Membership.objects.filter(organization=organization, role__in=roles).values("user_id")
    return get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("username")


def organization_handlers(organization: Organization):
    """Active users who handle applications at the organization."""
    from django.contrib.auth import get_user_model

    from gongkai.orgs.models import Membership
    from gongkai.orgs.roles import ROLE_PERMISSIONS

    roles = [r for r, granted in ROLE_PERMISSIONS.items() if Perm.APPLICATION_HANDLE in granted]
    ids = Membership.objects.filter(organization=organization, role__in=roles).values("user_id")
    return get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("username")


def earlier_applications(app: Application) -> QuerySet[Application]:
    """The same applicant's replied applications at the same body, newest first: what a 重复申请 may refer to."""
    return (
        Application.objects.filter(
            organization=app.organization, id_number=app.id_number, state=State.REPLIED
        )
        .exclude(pk=app.pk)
        .order_by("-replied_on", "-pk")
    )


def publishable_items(app: Application) -> list:
    """Catalog items the application's organization publishes: where a proactive publication may go."""
    from gongkai.catalog.selectors import effective_items

    kind = app.organization.kind
    return [i for i in effective_items(app.jurisdiction) if kind in (i.publishers or [])]


def for_export(qs: QuerySet[Application]) -> QuerySet[Application]:
    return (
        qs.select_related(*_RELATED)
        .prefetch_related("consultations", "remedies")
        .order_by("receipt_date", "registration_no")
    )


def consultation_of(application: Application, pk) -> Consultation:
    """One of the application's consultations (pages and API address them by number)."""
    found = application.consultations.filter(pk=pk).first() if str(pk).isdigit() else None
    if found is None:
        raise NotFound("没有该征求意见记录")
    return found


def remedy_of(application: Application, pk) -> Remedy:
    """One of the reconsiderations or lawsuits against the application's reply."""
    found = application.remedies.filter(pk=pk).first() if str(pk).isdigit() else None
    if found is None:
        raise NotFound("没有该行政复议或行政诉讼记录")
    return found
