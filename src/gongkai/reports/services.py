"""Writes of annual reports: draft, refresh the figures, edit the narrative, publish (frozen, audit-logged),
reopen for a correction, and the due-date reminders."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from gongkai.catalog.choices import BodyKind
from gongkai.catalog.models import Jurisdiction
from gongkai.core.audit import log_action
from gongkai.core.deidentify import scan
from gongkai.core.errors import DomainError, InvalidFields, require
from gongkai.orgs.models import Membership, Organization
from gongkai.reports import permissions as perms
from gongkai.reports.figures import compute, problems_of
from gongkai.reports.models import Reminder, Report, ReportVersion, State
from gongkai.reports.template import NARRATIVE_FIELDS, get_template

logger = logging.getLogger(__name__)
MAX_NARRATIVE = 20000
# Personal data that must not reach the public report; office telephone numbers and e-mail addresses may.
PERSONAL_KINDS = frozenset({"resident_id", "mobile", "bank_card"})


def _log(actor, action: str, report: Report, **data) -> None:
    log_action(actor=actor, action=action, obj=report, organization_id=report.organization_id,
               data={"year": report.year, "jurisdiction": report.jurisdiction_id, **data})  # fmt: skip


def _locked(report: Report) -> Report:
    return (
        Report.objects.select_for_update(of=("self",))
        .select_related("organization", "jurisdiction")
        .get(pk=report.pk)
    )


def _check_year(year: int, today: dt.date) -> None:
    if not 2008 <= int(year) <= today.year:
        raise DomainError(f"年度 {year} 无效：年度报告只能针对已开始的年度编制", code="invalid_year")


@transaction.atomic
def create_draft(*, actor, year: int, organization: Organization | None = None,
                 jurisdiction: Jurisdiction | None = None, today: dt.date | None = None) -> Report:  # fmt: skip
    """The report of the organization (or the consolidated one of the jurisdiction) for a year: the existing
    one if there is one, else a new draft with the figures computed now."""
    if (organization is None) == (jurisdiction is None):
        raise DomainError("年度报告须指定机构或行政区域之一", code="invalid_subject")
    require(perms.can_prepare(actor, organization=organization, jurisdiction=jurisdiction))
    _check_year(year, today or timezone.localdate())
    existing = Report.objects.filter(organization=organization, jurisdiction=jurisdiction, year=year).first()
    if existing is not None:
        return existing
    report = Report.objects.create(
        organization=organization, jurisdiction=jurisdiction, year=year, created_by=actor,
        figures=compute(organization=organization, jurisdiction=jurisdiction, year=year),
        computed_at=timezone.now(),
    )  # fmt: skip
    _log(actor, "report.created", report)
    return report


def _require_draft(report: Report) -> None:
    if report.state != State.DRAFT:
        raise DomainError("已发布的年度报告不能修改；如需更正，请先启动更正", code="report_published")


@transaction.atomic
def refresh(*, actor, report: Report) -> Report:
    """Recompute the figures of a draft from the ledger and the published disclosures."""
    require(perms.can_manage(actor, report))
    report = _locked(report)
    _require_draft(report)
    report.figures = compute(
        organization=report.organization, jurisdiction=report.jurisdiction, year=report.year
    )
    report.computed_at = timezone.now()
    report.save(update_fields=["figures", "computed_at", "updated_at"])
    return report


@transaction.atomic
def edit_narrative(*, actor, report: Report, data: dict) -> Report:
    """Sections 一, 五 and 六 (the parts that are written, not computed)."""
    require(perms.can_manage(actor, report))
    report = _locked(report)
    _require_draft(report)
    problems = []
    for name in NARRATIVE_FIELDS:
        if name in data:
            value = str(data[name] or "").replace("\r\n", "\n").strip()
            if len(value) > MAX_NARRATIVE:
                problems.append((name, f"内容不能超过 {MAX_NARRATIVE} 字"))
            setattr(report, name, value)
    if problems:
        raise InvalidFields(problems)
    report.save(update_fields=[*NARRATIVE_FIELDS, "updated_at"])
    _log(actor, "report.edited", report, fields=[n for n in NARRATIVE_FIELDS if n in data])
    return report


def previous_figures(report: Report) -> dict | None:
    """Last year's figures for the same subject: its latest published version, else its draft's figures."""
    prev = Report.objects.filter(
        organization_id=report.organization_id, jurisdiction_id=report.jurisdiction_id, year=report.year - 1
    ).first()
    if prev is None:
        return None
    version = prev.versions.order_by("-number").first()
    if version is not None:
        return version.content.get("figures")
    return prev.figures or None


def validate(report: Report, today: dt.date | None = None) -> list[str]:
    """Every rule the report must meet before publication, as Chinese messages (empty when it may publish)."""
    out = []
    if (today or timezone.localdate()).year <= report.year:
        out.append(f"{report.year}年尚未结束：年度报告在次年编制发布")
    template = get_template()
    titles = {s["code"]: s["title"] for s in template.sections}
    for name in ("overview", "improvements"):
        if not getattr(report, name).strip():
            out.append(f"“{titles[name]}”尚未填写")
    for name in NARRATIVE_FIELDS:
        found = [f for f in scan(getattr(report, name)) if f.kind in PERSONAL_KINDS]
        if found:
            kinds = "、".join(sorted({f.label for f in found}))
            out.append(f"“{titles[name]}”含有个人信息（{kinds}），请删除后再发布")
    out += problems_of(report.figures, previous_figures(report))
    return out


def snapshot(report: Report) -> dict:
    """What a version freezes: the title, the narrative, the figures and the due date."""
    template = get_template()
    return {
        "title": template.title(report.subject_name, report.year),
        "subject": {
            "kind": "jurisdiction" if report.is_consolidated else "organization",
            "name": report.subject_name,
            "organization": report.organization_id,
            "uscc": report.organization.uscc if report.organization_id else "",
            "jurisdiction": report.jurisdiction.code
            if report.jurisdiction_id
            else report.organization.jurisdiction.code,
        },
        "year": report.year,
        "narrative": {name: getattr(report, name) for name in NARRATIVE_FIELDS},
        "figures": report.figures,
        "computed_at": report.computed_at.isoformat() if report.computed_at else None,
    }


@transaction.atomic
def publish(*, actor, report: Report, reason: str = "") -> ReportVersion:
    """Recompute, validate and freeze: refused with the problems when a rule fails."""
    require(perms.can_manage(actor, report))
    report = _locked(report)
    _require_draft(report)
    report.figures = compute(
        organization=report.organization, jurisdiction=report.jurisdiction, year=report.year
    )
    report.computed_at = timezone.now()
    problems = validate(report)
    if problems:
        raise DomainError("年度报告未通过校验，不能发布：" + "；".join(problems), code="report_invalid",
                          details={"problems": problems})  # fmt: skip
    number = (report.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    if number > 1 and not reason.strip():
        raise InvalidFields([("reason", "更正后重新发布须说明更正理由")])
    now = timezone.now()
    version = ReportVersion.objects.create(report=report, number=number, content=snapshot(report),
                                           reason=reason.strip(), published_at=now, published_by=actor)  # fmt: skip
    report.state, report.published_at = State.PUBLISHED, now
    report.save(update_fields=["state", "published_at", "figures", "computed_at", "updated_at"])
    _log(actor, "report.published", report, version=number, reason=reason.strip())
    return version


@transaction.atomic
def reopen(*, actor, report: Report, reason: str) -> Report:
    """Start a correction: the report becomes a draft again; the public keeps reading the last version."""
    require(perms.can_manage(actor, report))
    report = _locked(report)
    if report.state != State.PUBLISHED:
        raise DomainError("只有已发布的年度报告可以更正", code="report_not_published")
    if not reason.strip():
        raise InvalidFields([("reason", "请说明更正理由")])
    report.state = State.DRAFT
    report.save(update_fields=["state", "updated_at"])
    _log(actor, "report.reopened", report, reason=reason.strip())
    return report


# ------------------------------------------------------------------------------------------------- due dates


def due_date(year: int, *, consolidated: bool) -> dt.date:
    due = get_template().due["jurisdiction" if consolidated else "organization"]
    return dt.date(year + 1, int(due["month"]), int(due["day"]))


def reporting_organizations():
    """Organizations that publish a report of their own (kinds listed in the template's due.organization)."""
    kinds = get_template().due["organization"].get("kinds") or [k.value for k in BodyKind]
    return Organization.objects.filter(active=True, kind__in=kinds).select_related("jurisdiction")


def reporting_jurisdictions():
    """Jurisdictions with a people's government on the platform: they publish a consolidated report."""
    gov = Organization.objects.filter(active=True, kind=BodyKind.GOVERNMENT)
    return Jurisdiction.objects.filter(pk__in=gov.values("jurisdiction_id"))


def _recipients(orgs) -> list[str]:
    emails = (
        Membership.objects.filter(organization__in=orgs, role__in=perms.REPORT_ROLES, user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    return sorted(set(emails))


def _published(year: int, **subject) -> bool:
    return ReportVersion.objects.filter(
        report__year=year, **{f"report__{k}": v for k, v in subject.items()}
    ).exists()


def send_reminders(today: dt.date | None = None) -> list[Reminder]:
    """E-mail the publishers and administrators of each organization (and of each people's government, for
    the consolidated report) whose report for last year is due within the template's days or overdue and not
    yet published. Each reminder (due soon, overdue) goes once per subject and year."""
    today = today or timezone.localdate()
    year = today.year - 1
    window = int(get_template().due.get("remind_days", 15))
    subjects = [(f"org:{o.pk}", o.name, {"organization": o}, [o], False) for o in reporting_organizations()]
    for j in reporting_jurisdictions():
        govs = list(Organization.objects.filter(active=True, kind=BodyKind.GOVERNMENT, jurisdiction=j))
        subjects.append((f"jur:{j.pk}", f"{j.name}人民政府", {"jurisdiction": j}, govs, True))
    sent = []
    for key, name, subject, orgs, consolidated in subjects:
        due = due_date(year, consolidated=consolidated)
        if today > due:
            kind = "overdue"
        elif (due - today).days <= window:
            kind = "due_soon"
        else:
            continue
        if (
            _published(year, **subject)
            or Reminder.objects.filter(subject_key=key, year=year, kind=kind).exists()
        ):
            continue
        recipients = _recipients(orgs)
        what = "本级政府政府信息公开工作年度报告（汇总）" if consolidated else "政府信息公开工作年度报告"
        if kind == "overdue":
            subject_line = f"【逾期】{name}{year}年{what}尚未发布"
            body = f"{name}{year}年{what}应于{due.year}年{due.month}月{due.day}日前发布，目前尚未发布，请尽快完成并发布。"
        else:
            subject_line = f"{name}{year}年{what}将于{due.month}月{due.day}日到期"
            body = f"{name}{year}年{what}应于{due.year}年{due.month}月{due.day}日前发布，请在工作台“年度报告”中完成编制并发布。"
        with transaction.atomic():
            reminder = Reminder.objects.create(subject_key=key, year=year, kind=kind, sent_on=today,
                                               recipients=len(recipients))  # fmt: skip
            if recipients:
                send_mail(subject_line, body, settings.DEFAULT_FROM_EMAIL, recipients)
            log_action(action="report.reminded", organization_id=orgs[0].pk if orgs else None,
                       data={"subject": key, "year": year, "kind": kind, "recipients": len(recipients)})  # fmt: skip
        sent.append(reminder)
    return sent
