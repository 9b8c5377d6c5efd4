"""Every write to a complaint: submitting it (portal or API, no account), accepting, transferring, requesting
the organization's explanation and its answer, the finding, the organization's rectification and closing.
Each step checks permission and state, writes in one transaction, adds a version (ComplaintStep, with a
snapshot) and an audit entry — never the complainant's personal data."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from gongkai.catalog.models import CatalogItem
from gongkai.complaints import permissions as perms
from gongkai.complaints.choices import UPHELD_FINDINGS, Finding, State, StepKind
from gongkai.complaints.models import Complaint, ComplaintStep, ExplanationRequest, RegistrationSerial
from gongkai.complaints.routing import handling_due, supervising_office
from gongkai.complaints.rules import (
    clean_complaint,
    format_registration_no,
    rules,
)
from gongkai.complaints.workflow import check_transition
from gongkai.core.audit import log_action
from gongkai.core.errors import DomainError, InvalidFields, require
from gongkai.core.tracking import new_tracking_code, tracking_hash
from gongkai.disclosures.models import Disclosure
from gongkai.orgs.models import Organization
from gongkai.workdays.calendar import get_calendar

SNAPSHOT_FIELDS = (
    "state", "supervisor_id", "due_on", "accepted_on", "finding", "finding_text", "rectification_required",
    "decided_on", "rectification", "rectified_on", "result", "closed_on",
)  # fmt: skip


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def _locked(complaint: Complaint) -> Complaint:
    return (
        Complaint.objects.select_for_update()
        .select_related("organization", "jurisdiction", "supervisor")
        .get(pk=complaint.pk)
    )


def _snapshot(c: Complaint) -> dict[str, Any]:
    values = {f: getattr(c, f) for f in SNAPSHOT_FIELDS}
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}


def _record(c: Complaint, kind: str, actor, on: dt.date, *, public_note: str = "", internal_note: str = "",
            from_supervisor=None, to_supervisor=None, **audit: Any) -> Complaint:  # fmt: skip
    """Save the complaint as a new version, append its step and log it (by the handling office)."""
    c.version += 1
    c.save()
    ComplaintStep.objects.create(
        complaint=c, version=c.version, kind=kind, on=on, actor=actor, public_note=public_note,
        internal_note=internal_note, from_supervisor=from_supervisor, to_supervisor=to_supervisor,
        snapshot=_snapshot(c),
    )  # fmt: skip
    log_action(actor=actor, action=f"complaint.{kind}", obj=c, organization_id=c.supervisor_id,
               data={"registration_no": c.registration_no, "version": c.version, "state": c.state, **audit})  # fmt: skip
    return c


def _check_date(on: dt.date, earliest: dt.date | None, today: dt.date, label: str) -> None:
    if on > today:
        raise DomainError(f"{label}不能晚于今天", code="invalid_date")
    if earliest is not None and on < earliest:
        raise DomainError(f"{label}不能早于{earliest.isoformat()}", code="invalid_date")


def _resolve_subject(ref: str, organization: Organization) -> tuple[Disclosure | None, CatalogItem | None]:
    """A public disclosure (its page address or number) or a catalog item (its key) the complaint concerns;
    anything else stays as the complainant wrote it."""
    if not ref:
        return None, None
    match = re.search(r"/disclosures/(\d+)", ref) or re.fullmatch(r"\s*(\d{1,12})\s*", ref)
    if match:
        disclosure = Disclosure.objects.published().filter(pk=int(match.group(1))).first()
        if disclosure is not None:
            return disclosure, disclosure.catalog_item
    chain = [organization.jurisdiction, *organization.jurisdiction.ancestors()]
    item = (
        CatalogItem.objects.filter(key=ref.strip(), catalog__jurisdiction__in=chain)
        .order_by("-catalog__effective_from")
        .first()
    )
    return None, item


def _next_registration_no(supervisor: Organization, year: int) -> str:
    serial, _ = RegistrationSerial.objects.select_for_update().get_or_create(supervisor=supervisor, year=year)
    serial.last += 1
    serial.save(update_fields=["last"])
    return format_registration_no(supervisor.pk, year, serial.last)


@transaction.atomic
def submit_complaint(
    *, organization: Organization, data: dict, now: dt.datetime | None = None
) -> tuple[Complaint, str]:
    """A complaint made on the portal or through the API, without an account (anonymous allowed). Routed to the
    supervising office; due in working days from the day received. Returns the complaint and its tracking
    code, which is not stored (only its hash) and cannot be shown again. An e-mail acknowledgement is sent
    after commit when an address was given."""
    if not organization.active:
        raise DomainError(f"{organization.name}已撤销，请选择其他单位", code="organization_inactive")
    fields = clean_complaint(data)
    now = now or timezone.now()
    received_on = timezone.localtime(now).date()
    office = supervising_office(organization)
    disclosure, item = _resolve_subject(fields["subject_ref"], organization)
    code = new_tracking_code()
    c = Complaint(
        registration_no=_next_registration_no(office, received_on.year),
        tracking_hash=tracking_hash(code),
        organization=organization,
        jurisdiction=organization.jurisdiction,
        supervisor=office,
        disclosure=disclosure,
        catalog_item=item,
        submitted_at=now,
        received_on=received_on,
        due_on=handling_due(organization.jurisdiction, received_on),
        state=State.RECEIVED,
        version=0,
        **fields,
    )
    _record(c, StepKind.RECEIVED, None, received_on, category=c.category, organization=organization.pk,
            supervisor=office.pk, anonymous=c.anonymous)  # fmt: skip
    if c.email:
        from gongkai.complaints.tasks import send_acknowledgement_task

        pk = c.pk
        transaction.on_commit(lambda: send_acknowledgement_task.enqueue(pk))
    return c, code


def send_acknowledgement(complaint_id: int) -> bool:
    """E-mail the registration number and the due date to the complainant (no tracking code: shown once)."""
    c = Complaint.objects.select_related("organization", "supervisor").filter(pk=complaint_id).first()
    if c is None or not c.email:
        return False
    body = (
        f"{c.complainant_name}：\n\n"
        f"您对{c.organization.name}的举报已收到，登记号 {c.registration_no}，由{c.supervisor.name}办理，"
        f"办理期限至 {c.due_on.isoformat()}。\n"
        "请凭提交时显示的查询码在“举报查询”页面查看办理进度和结果。查询码只显示一次，本邮件不包含查询码。\n\n"
        "本邮件由系统自动发送，请勿回复。"
    )
    send_mail(f"举报已收到（{c.registration_no}）", body, settings.DEFAULT_FROM_EMAIL, [c.email])
    return True


@transaction.atomic
def accept(*, actor, complaint: Complaint, note: str = "", today: dt.date | None = None) -> Complaint:
    """The supervising office accepts the complaint (受理) and the actor becomes its handler."""
    c = _locked(complaint)
    require(perms.can_handle(actor, c))
    check_transition(c.state, State.ACCEPTED, "受理")
    today = _today(today)
    c.state, c.accepted_on, c.handler = State.ACCEPTED, today, actor
    return _record(c, StepKind.ACCEPTED, actor, today, internal_note=note.strip())


@transaction.atomic
def transfer(*, actor, complaint: Complaint, to_supervisor: Organization, reason: str,
             today: dt.date | None = None) -> Complaint:  # fmt: skip
    """Hand the complaint to another supervising office (转办); it waits there for acceptance."""
    c = _locked(complaint)
    require(perms.can_handle(actor, c))
    check_transition(c.state, State.RECEIVED, "转办")
    if not reason.strip():
        raise InvalidFields([("reason", "请填写转办理由")])
    if not (to_supervisor.is_supervisor and to_supervisor.active) or to_supervisor.pk == c.supervisor_id:
        raise InvalidFields([("to_supervisor", "请选择另一个有效的监督机构")])
    today = _today(today)
    previous = c.supervisor
    c.supervisor, c.state, c.handler, c.accepted_on = to_supervisor, State.RECEIVED, None, None
    return _record(c, StepKind.TRANSFERRED, actor, today, public_note=f"转{to_supervisor.name}办理",
                   internal_note=reason.strip(), from_supervisor=previous, to_supervisor=to_supervisor,
                   from_office=previous.pk, to_office=to_supervisor.pk)  # fmt: skip


@transaction.atomic
def request_explanation(*, actor, complaint: Complaint, questions: str,
                        today: dt.date | None = None) -> ExplanationRequest:  # fmt: skip
    """Ask the complained-about organization to explain; its publishers see only these questions."""
    c = _locked(complaint)
    require(perms.can_handle(actor, c))
    check_transition(c.state, State.EXPLANATION_REQUESTED, "要求说明情况")
    if not questions.strip():
        raise InvalidFields([("questions", "请填写需要被举报单位说明的问题")])
    today = _today(today)
    request = ExplanationRequest.objects.create(
        complaint=c, questions=questions.strip(), requested_on=today, requested_by=actor,
        due_on=get_calendar().add_workdays(today, rules().explanation_days).due,
    )  # fmt: skip
    c.state = State.EXPLANATION_REQUESTED
    _record(c, StepKind.EXPLANATION_REQUESTED, actor, today, explanation=request.pk)
    return request


@transaction.atomic
def answer_explanation(*, actor, explanation: ExplanationRequest, answer: str,
                       today: dt.date | None = None) -> ExplanationRequest:  # fmt: skip
    """The organization's publisher answers the explanation request; the complaint returns to its handler."""
    explanation = ExplanationRequest.objects.select_for_update().get(pk=explanation.pk)
    c = _locked(explanation.complaint)
    require(perms.can_answer_for(actor, c))
    if explanation.answered_on is not None:
        raise DomainError("该情况说明已经提交", code="already_answered")
    check_transition(c.state, State.ACCEPTED, "提交情况说明")
    if not answer.strip():
        raise InvalidFields([("answer", "请填写情况说明")])
    today = _today(today)
    explanation.answer, explanation.answered_on, explanation.answered_by = answer.strip(), today, actor
    explanation.save(update_fields=["answer", "answered_on", "answered_by"])
    c.state = State.ACCEPTED
    _record(c, StepKind.EXPLANATION_GIVEN, actor, today, explanation=explanation.pk)
    return explanation


@transaction.atomic
def decide(*, actor, complaint: Complaint, finding: str, finding_text: str, rectification_required: str = "",
           decided_on: dt.date | None = None, today: dt.date | None = None) -> Complaint:  # fmt: skip
    """The finding: 属实, 部分属实 or 不属实, with its reasons and, when upheld, what must be rectified."""
    c = _locked(complaint)
    require(perms.can_handle(actor, c))
    check_transition(c.state, State.DECIDED, "作出认定")
    if c.decided_on is not None:
        raise DomainError("该举报已作出认定", code="already_decided")
    today = _today(today)
    decided_on = decided_on or today
    problems = []
    if finding not in Finding.values:
        problems.append(("finding", "请选择认定结果"))
    if not finding_text.strip():
        problems.append(("finding_text", "请填写认定意见"))
    if finding in UPHELD_FINDINGS and not rectification_required.strip():
        problems.append(("rectification_required", "举报属实或部分属实的，请填写整改要求"))
    if problems:
        raise InvalidFields(problems)
    _check_date(decided_on, c.received_on, today, "认定日期")
    c.state, c.finding, c.finding_text, c.decided_on = (
        State.DECIDED,
        finding,
        finding_text.strip(),
        decided_on,
    )
    c.rectification_required = rectification_required.strip() if finding in UPHELD_FINDINGS else ""
    return _record(c, StepKind.DECIDED, actor, decided_on, finding=finding)


@transaction.atomic
def record_rectification(*, actor, complaint: Complaint, rectification: str,
                         today: dt.date | None = None) -> Complaint:  # fmt: skip
    """The organization reports what it rectified (整改情况) after an upheld finding."""
    c = _locked(complaint)
    require(perms.can_answer_for(actor, c))
    check_transition(c.state, State.DECIDED, "反馈整改情况")
    if not c.rectification_required:
        raise DomainError("该举报没有整改要求", code="no_rectification_required")
    if not rectification.strip():
        raise InvalidFields([("rectification", "请填写整改情况")])
    today = _today(today)
    c.rectification, c.rectified_on = rectification.strip(), today
    return _record(c, StepKind.RECTIFIED, actor, today)


@transaction.atomic
def close(*, actor, complaint: Complaint, result: str, today: dt.date | None = None) -> Complaint:
    """Close the complaint with the result the complainant will read (办理结果)."""
    c = _locked(complaint)
    require(perms.can_handle(actor, c))
    check_transition(c.state, State.CLOSED, "办结")
    if not result.strip():
        raise InvalidFields([("result", "请填写办理结果")])
    today = _today(today)
    c.state, c.result, c.closed_on = State.CLOSED, result.strip(), today
    return _record(c, StepKind.CLOSED, actor, today)
