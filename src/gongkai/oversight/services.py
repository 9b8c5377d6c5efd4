"""Writes of the oversight app: inspection findings and their rectification, and the daily scan (snapshots of the
figures and e-mail reminders to publishers). Every write checks its predicate, runs in one transaction and is
audited."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from gongkai.catalog.models import Jurisdiction
from gongkai.core.audit import log_action
from gongkai.core.errors import InvalidFields, require
from gongkai.disclosures.models import Disclosure
from gongkai.orgs.models import Membership, Organization, Role
from gongkai.oversight import permissions as perms
from gongkai.oversight import selectors as sel
from gongkai.oversight.choices import FindingState, ReminderKind
from gongkai.oversight.models import Finding, Reminder, Snapshot
from gongkai.workdays.calendar import get_calendar

logger = logging.getLogger(__name__)
DUE_SOON_WORKDAYS = 3  # reminders this many working days before the due date: a service choice, not a rule


def _log(actor, action: str, f: Finding, **data) -> None:
    log_action(actor=actor, action=action, obj=f, organization_id=f.organization_id, data=data)


@transaction.atomic
def record_finding(*, actor, organization: Organization, inspected_on: dt.date, finding: str, requirement: str,
                   rectify_days: int | None = None, rectify_by: dt.date | None = None) -> Finding:  # fmt: skip
    """Record an inspection finding; the rectification deadline is a date, or working days after the inspection."""
    require(perms.can_record_finding(actor, organization))
    problems = []
    if not finding.strip():
        problems.append(("finding", "请填写发现的问题"))
    if not requirement.strip():
        problems.append(("requirement", "请填写整改要求"))
    if rectify_by is None and not rectify_days:
        problems.append(("rectify_by", "请填写整改期限（日期或工作日数）"))
    if rectify_by is not None and rectify_by < inspected_on:
        problems.append(("rectify_by", "整改期限不能早于检查日期"))
    if problems:
        raise InvalidFields(problems)
    if rectify_by is None:
        rectify_by = get_calendar().add_workdays(inspected_on, int(rectify_days)).due
    f = Finding.objects.create(
        organization=organization, supervisor=perms.supervisor_for(actor, organization),
        inspected_on=inspected_on, finding=finding.strip(), requirement=requirement.strip(),
        rectify_days=rectify_days or None, rectify_by=rectify_by, recorded_by=actor,
    )  # fmt: skip
    _log(actor, "oversight.finding_recorded", f, rectify_by=rectify_by.isoformat())
    return f


@transaction.atomic
def record_rectification(*, actor, finding: Finding, rectification: str, rectified_on: dt.date) -> Finding:
    """The inspected organization reports what it did; the supervisor then accepts or reopens."""
    f = Finding.objects.select_for_update().get(pk=finding.pk)
    require(perms.can_rectify(actor, f))
    if not rectification.strip():
        raise InvalidFields([("rectification", "请填写整改情况")])
    f.rectification, f.rectified_on, f.state = rectification.strip(), rectified_on, FindingState.RECTIFIED
    f.save(update_fields=["rectification", "rectified_on", "state", "updated_at"])
    _log(actor, "oversight.finding_rectified", f, rectified_on=rectified_on.isoformat())
    return f


@transaction.atomic
def decide_rectification(*, actor, finding: Finding, accept: bool, comment: str = "", today: dt.date,
                         rectify_by: dt.date | None = None) -> Finding:  # fmt: skip
    """Accept the rectification, or reopen the finding (optionally with a new deadline) with a comment."""
    f = Finding.objects.select_for_update().get(pk=finding.pk)
    require(perms.can_decide(actor, f))
    if not accept and not comment.strip():
        raise InvalidFields([("comment", "退回重新整改时请说明理由")])
    f.decision_comment = comment.strip()
    if accept:
        f.state, f.accepted_on = FindingState.ACCEPTED, today
    else:
        f.state = FindingState.REOPENED
        if rectify_by is not None:
            f.rectify_by = rectify_by
    f.save(update_fields=["state", "accepted_on", "decision_comment", "rectify_by", "updated_at"])
    _log(
        actor,
        "oversight.finding_accepted" if accept else "oversight.finding_reopened",
        f,
        comment=f.decision_comment,
    )
    return f


# --- the daily scan --------------------------------------------------------------------------------------------


@dataclass
class ScanResult:
    day: dt.date
    skipped: bool = False
    snapshots: int = 0
    reminders: int = 0


def _scan_jurisdictions() -> list[Jurisdiction]:
    """Jurisdictions that have a supervising organization (their figures are watched)."""
    ids = Organization.objects.filter(is_supervisor=True, active=True).values("jurisdiction_id")
    return list(Jurisdiction.objects.filter(pk__in=ids).order_by("code"))


def snapshot(jurisdiction: Jurisdiction, today: dt.date) -> Snapshot:
    """Store today's figures of the current quarter for a jurisdiction with its children (replacing today's)."""
    period = sel.quarter_of(today)
    scope = sel.Scope.of(jurisdiction, period.start, period.end, today)
    figures = sel.values(sel.figures(scope))
    snap, _ = Snapshot.objects.update_or_create(
        jurisdiction=jurisdiction, day=today,
        defaults={"period_start": period.start, "period_end": period.end, "figures": figures},
    )  # fmt: skip
    return snap


def _recipients(organization_id: int) -> list[str]:
    rows = Membership.objects.filter(
        organization_id=organization_id, role=Role.PUBLISHER, user__is_active=True
    ).exclude(user__email="")
    return sorted(set(rows.values_list("user__email", flat=True)))


def _remind(d: Disclosure, kind: str, today: dt.date) -> bool:
    """Send one reminder about a record unless one of that kind went out today (the row is the lock)."""
    recipients = _recipients(d.organization_id)
    if not recipients:
        return False
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(disclosure=d, kind=kind, day=today, recipients=recipients)
    except IntegrityError:
        return False
    subject = ("【逾期提醒】" if kind == ReminderKind.OVERDUE else "【到期提醒】") + d.title
    body = (
        f"{d.organization.name}：\n\n“{d.title}”的公开期限为 {d.due_on:%Y-%m-%d}，"
        + ("已逾期，尚未公开。" if kind == ReminderKind.OVERDUE else "即将到期，尚未公开。")
        + "\n请登录工作台处理。\n"
    )

    def deliver() -> None:
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        except Exception:  # noqa: BLE001 - a mail server down must not stop the scan; the next run retries
            logger.warning(
                "reminder %s not sent; it will be retried by the next scan", reminder.pk, exc_info=True
            )
            Reminder.objects.filter(pk=reminder.pk).delete()

    transaction.on_commit(deliver)
    return True


def send_reminders(today: dt.date) -> int:
    """Due-soon (within DUE_SOON_WORKDAYS working days) and overdue reminders for every unpublished record.

    Selects everything due or overdue, not what changed since the last run, so a skipped day loses nothing."""
    until = get_calendar().add_workdays(today, DUE_SOON_WORKDAYS).due
    sent = 0
    qs = Disclosure.objects.select_related("organization").filter(attribute=sel.PROACTIVE)
    for d in qs.overdue(today).order_by("due_on", "pk"):
        sent += _remind(d, ReminderKind.OVERDUE, today)
    for d in qs.due_within(today, until).order_by("due_on", "pk"):
        sent += _remind(d, ReminderKind.DUE_SOON, today)
    return sent


def run_scan(today: dt.date, *, force: bool = False) -> ScanResult:
    """The working-day scan: snapshots of each supervised jurisdiction's figures, then reminders. Idempotent; on a
    non-working day (per the holiday calendar) it does nothing unless forced."""
    if not force and not get_calendar().is_workday(today):
        return ScanResult(today, skipped=True)
    result = ScanResult(today)
    for j in _scan_jurisdictions():
        with transaction.atomic():
            snapshot(j, today)
        result.snapshots += 1
    result.reminders = send_reminders(today)
    logger.info("oversight scan %s: %s snapshots, %s reminders", today, result.snapshots, result.reminders)
    return result
