"""Every write to an application: submitting online, registering one received otherwise, confirming receipt,
the correction request, consultations, the extension, the reply and closing uncorrected applications. Each
service checks permission and state, writes in one transaction, recomputes the due date and logs to the
audit log (never the applicant's personal data)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.applications import permissions as perms
from gongkai.applications.choices import (
    GROUNDS_BY_TYPE,
    Channel,
    ConsultationKind,
    ConsultationOutcome,
    ReplyGround,
    ReplyType,
    State,
)
from gongkai.applications.deadlines import compute_deadline, profile_days
from gongkai.applications.models import (
    Application,
    Consultation,
    CorrectionRequest,
    Extension,
    RegistrationSerial,
)
from gongkai.applications.rules import (
    clean_applicant,
    format_registration_no,
    new_tracking_code,
    normalize_text,
    tracking_hash,
)
from gongkai.applications.workflow import check_transition
from gongkai.core.audit import log_action
from gongkai.core.errors import DomainError, require
from gongkai.orgs.models import Organization
from gongkai.workdays.calendar import get_calendar


def _log(actor, action: str, app: Application, **data: Any) -> None:
    log_action(actor=actor, action=action, obj=app, organization_id=app.organization_id,
               data={"registration_no": app.registration_no, **data})  # fmt: skip


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("organization", "jurisdiction")
        .get(pk=application.pk)
    )


def _fresh(pk: int) -> Application:
    return (
        Application.objects.select_related("organization", "jurisdiction", "correction", "extension")
        .prefetch_related("consultations")
        .get(pk=pk)
    )


def _settle(app: Application, today: dt.date, state: str | None = None) -> Application:
    """Store the new state and the recomputed due date; returns the application re-read with its relations."""
    fresh = _fresh(app.pk)
    if state is not None:
        fresh.state = state
    deadline = compute_deadline(fresh, today)
    fresh.due_on, fresh.due_provisional = deadline.due, deadline.provisional
    fresh.save(update_fields=["state", "due_on", "due_provisional", "updated_at"])
    return fresh


def _running_state(app: Application) -> str:
    """The state while the reply period runs: consulting, extended, or plainly being handled."""
    if app.consultations.filter(answered_on__isnull=True).exists():
        return State.IN_CONSULTATION
    if Extension.objects.filter(application=app).exists():
        return State.EXTENDED
    return State.RECEIVED


def _next_registration_no(organization: Organization, year: int) -> str:
    serial, _ = RegistrationSerial.objects.select_for_update().get_or_create(
        organization=organization, year=year
    )
    serial.last += 1
    serial.save(update_fields=["last"])
    return format_registration_no(organization.pk, year, serial.last)


def _find_repeat(organization: Organization, fields: dict) -> Application | None:
    """An earlier application by the same applicant for the same information at the same body (第三十六条(六))."""
    earlier = Application.objects.filter(organization=organization, id_number=fields["id_number"]).order_by(
        "-pk"
    )
    doc_no = normalize_text(fields["info_doc_no"])
    description = normalize_text(fields["info_description"])
    for candidate in earlier.only("pk", "info_doc_no", "info_description"):
        if doc_no and normalize_text(candidate.info_doc_no) == doc_no:
            return candidate
        if normalize_text(candidate.info_description) == description:
            return candidate
    return None


def _create(*, actor, organization: Organization, data: dict, channel: str, submitted_at: dt.datetime,
            receipt_date: dt.date | None, signed_on=None, confirmed_on=None) -> tuple[Application, str]:  # fmt: skip
    if not organization.active:
        raise DomainError(f"{organization.name}已撤销，不能受理申请", code="organization_inactive")
    fields = clean_applicant(data)
    code = new_tracking_code()
    app = Application.objects.create(
        registration_no=_next_registration_no(organization, timezone.localtime(submitted_at).year),
        tracking_hash=tracking_hash(code),
        organization=organization,
        jurisdiction=organization.jurisdiction,
        channel=channel,
        submitted_at=submitted_at,
        signed_on=signed_on,
        confirmed_on=confirmed_on,
        receipt_date=receipt_date,
        state=State.RECEIVED if receipt_date else State.PENDING,
        registered_by=actor,
        handler=actor,
        possible_repeat_of=_find_repeat(organization, fields),
        **fields,
    )
    return app, code


@transaction.atomic
def submit_online(
    *, organization: Organization, data: dict, now: dt.datetime | None = None
) -> tuple[Application, str]:
    """An application made on the portal or through the API, without an account. Returns the application and
    its tracking code, which is not stored and cannot be shown again. The receipt date is set when the
    organization confirms it (第三十一条(三))."""
    now = now or timezone.now()
    app, code = _create(actor=None, organization=organization, data=data, channel=Channel.ONLINE,
                        submitted_at=now, receipt_date=None)  # fmt: skip
    _log(
        None, "application.submitted", app, channel=app.channel, possible_repeat_of=app.possible_repeat_of_id
    )
    return _settle(app, timezone.localtime(now).date()), code


@transaction.atomic
def register_offline(
    *,
    actor,
    organization: Organization,
    channel: str,
    data: dict,
    submitted_on: dt.date,
    signed_on: dt.date | None = None,
    confirmed_on: dt.date | None = None,
    today: dt.date | None = None,
) -> tuple[Application, str]:
    """An application received in person, by post, by ordinary letter or by fax, registered by a handler.

    The receipt date follows 第三十一条: in person, the day submitted; by post, the day signed for; by ordinary
    letter or fax, the day both sides confirm (the application waits for it when `confirmed_on` is not given).
    """
    require(perms.can_handle(actor, organization))
    today = _today(today)
    if channel not in Channel.values or channel == Channel.ONLINE:
        raise DomainError("请选择当面提交、邮寄、平常信函或传真", code="invalid_channel")
    if submitted_on > today:
        raise DomainError("提交日期不能晚于今天", code="invalid_date")
    receipt_date = None
    if channel == Channel.IN_PERSON:
        receipt_date = submitted_on
    elif channel == Channel.POST:
        if signed_on is None:
            raise DomainError("邮寄的申请须填写签收日期（签收之日为收到申请之日）", code="signed_on_required")
        receipt_date = signed_on
    elif confirmed_on is not None:
        receipt_date = confirmed_on
    for label, day in (("签收日期", signed_on), ("确认日期", confirmed_on)):
        if day is not None and not submitted_on <= day <= today:
            raise DomainError(f"{label}应在提交日期和今天之间", code="invalid_date")
    submitted_at = timezone.make_aware(dt.datetime.combine(submitted_on, dt.time(9)))
    app, code = _create(actor=actor, organization=organization, data=data, channel=channel,
                        submitted_at=submitted_at, receipt_date=receipt_date,
                        signed_on=signed_on if channel == Channel.POST else None,
                        confirmed_on=receipt_date if channel not in (Channel.IN_PERSON, Channel.POST) else None)  # fmt: skip
    _log(actor, "application.registered", app, channel=channel, receipt_date=receipt_date,
         possible_repeat_of=app.possible_repeat_of_id)  # fmt: skip
    return _settle(app, today), code


@transaction.atomic
def confirm_receipt(
    *, actor, application: Application, confirmed_on: dt.date, today: dt.date | None = None
) -> Application:
    """Both sides confirmed an online, ordinary-letter or fax application: that day is the receipt date."""
    app = _locked(application)
    require(perms.can_handle(actor, app.organization))
    today = _today(today)
    check_transition(app.state, State.RECEIVED, "确认收到")
    submitted = timezone.localtime(app.submitted_at).date()
    if not submitted <= confirmed_on <= today:
        raise DomainError("确认日期应在提交日期和今天之间", code="invalid_date")
    app.confirmed_on = app.receipt_date = confirmed_on
    if app.handler_id is None:
        app.handler = actor
    app.save(update_fields=["confirmed_on", "receipt_date", "handler", "updated_at"])
    _log(actor, "application.receipt_confirmed", app, confirmed_on=confirmed_on)
    return _settle(app, today, State.RECEIVED)


@transaction.atomic
def request_correction(
    *, actor, application: Application, sent_on: dt.date, due_on: dt.date, items: str,
    today: dt.date | None = None,
) -> CorrectionRequest:  # fmt: skip
    """Ask the applicant, once and within the profile's working days of receipt, to correct the application
    (第三十条). The reply period stops and restarts on the day the corrected application arrives."""
    app = _locked(application)
    require(perms.can_handle(actor, app.organization))
    today = _today(today)
    check_transition(app.state, State.CORRECTION_REQUESTED, "告知补正")
    if CorrectionRequest.objects.filter(application=app).exists():
        raise DomainError("补正只能一次性告知", code="correction_once")
    if not items.strip():
        raise DomainError("请写明需要补正的事项", code="correction_items_required")
    _r, _e, correction_days, _c = profile_days(app)
    latest = get_calendar().add_workdays(app.receipt_date, correction_days).due
    if not app.receipt_date <= sent_on <= min(latest, today):
        raise DomainError(
            f"补正应自收到申请之日起{correction_days}个工作日内告知（{app.receipt_date.isoformat()} 至 "
            f"{latest.isoformat()}），且不晚于今天",
            code="correction_too_late",
        )
    if due_on <= sent_on:
        raise DomainError("补正期限应晚于告知日期", code="invalid_date")
    correction = CorrectionRequest.objects.create(
        application=app, sent_on=sent_on, due_on=due_on, items=items.strip(), created_by=actor
    )
    _log(actor, "application.correction_requested", app, sent_on=sent_on, due_on=due_on)
    _settle(app, today, State.CORRECTION_REQUESTED)
    return correction


@transaction.atomic
def record_correction(
    *,
    actor,
    application: Application,
    corrected_on: dt.date,
    correction: str = "",
    today: dt.date | None = None,
) -> Application:
    """The corrected application arrived: the reply period runs again, in full, from that day."""
    app = _locked(application)
    require(perms.can_handle(actor, app.organization))
    today = _today(today)
    check_transition(app.state, State.RECEIVED, "登记补正")
    request = CorrectionRequest.objects.get(application=app)
    if not request.sent_on <= corrected_on <= today:
        raise DomainError("收到补正的日期应在告知补正之日和今天之间", code="invalid_date")
    request.corrected_on, request.correction = corrected_on, correction.strip()
    request.save(update_fields=["corrected_on", "correction"])
    _log(actor, "application.corrected", app, corrected_on=corrected_on, late=corrected_on > request.due_on)
    return _settle(app, today, State.RECEIVED)


@transaction.atomic
def close_uncorrected(*, actor=None, today: dt.date | None = None) -> list[Application]:
    """Close every application whose correction time has run out without a correction, as 逾期不补正.
    Selects everything due, not what became due since an earlier run, so a skipped run misses nothing."""
    today = _today(today)
    due = (
        Application.objects.select_for_update()
        .filter(
            state=State.CORRECTION_REQUESTED,
            correction__corrected_on__isnull=True,
            correction__due_on__lt=today,
        )  # fmt: skip
        .order_by("pk")
    )
    closed = []
    for app in due:
        app.reply_type, app.reply_ground = ReplyType.OTHER, ReplyGround.UNCORRECTED
        app.reply_text = (
            "申请人无正当理由逾期不补正，视为放弃申请，行政机关不再处理（《政府信息公开条例》第三十条）。"
        )
        app.completed_on = today
        app.save(update_fields=["reply_type", "reply_ground", "reply_text", "completed_on", "updated_at"])
        _log(actor, "application.closed_uncorrected", app, completed_on=today)
        closed.append(_settle(app, today, State.CLOSED))
    return closed


@transaction.atomic
def start_consultation(
    *, actor, application: Application, kind: str, party: str, sent_on: dt.date, today: dt.date | None = None
) -> Consultation:
    """Consult a third party (第三十二条) or another body (第三十四条); the time until its answer is not counted."""
    app = _locked(application)
    require(perms.can_handle(actor, app.organization))
    today = _today(today)
    check_transition(app.state, State.IN_CONSULTATION, "征求意见")
    if kind not in ConsultationKind.values:
        raise DomainError("请选择征求第三方或其他机关意见", code="invalid_kind")
    if not party.strip():
        raise DomainError("请填写征求意见的对象", code="party_required")
    deadline = compute_deadline(_fresh(app.pk), today)
    if not deadline.start <= sent_on <= today or (deadline.due and sent_on > deadline.due):
        raise DomainError("征求意见书应在答复期限内、不晚于今天送出", code="invalid_date")
    _r, _e, _corr, consult_days = profile_days(app)
    consultation = Consultation.objects.create(
        application=app, kind=kind, party=party.strip(), sent_on=sent_on,
        due_on=get_calendar().add_workdays(sent_on, consult_days).due, created_by=actor,
    )  # fmt: skip
    _log(actor, "application.consultation_started", app, consultation=consultation.pk, kind=kind,
         sent_on=sent_on, due_on=consultation.due_on)  # fmt: skip
    _settle(app, today, State.IN_CONSULTATION)
    return consultation


@transaction.atomic
def record_consultation_answer(
    *, actor, consultation: Consultation, outcome: str, answered_on: dt.date | None = None, answer: str = "",
    reasons: str = "", today: dt.date | None = None,
) -> Consultation:  # fmt: skip
    """The consulted party's answer, or its silence once its time has run out (then the pause ends on its due
    date; another body's silence counts as consent, 第三十四条)."""
    app = _locked(consultation.application)
    require(perms.can_handle(actor, app.organization))
    today = _today(today)
    c = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if c.answered_on is not None:
        raise DomainError("该征求意见已登记答复", code="consultation_answered")
    if outcome not in ConsultationOutcome.values:
        raise DomainError("请选择同意公开、不同意公开或逾期未提出意见", code="invalid_outcome")
    if outcome == ConsultationOutcome.NO_ANSWER:
        if today <= c.due_on:
            raise DomainError(
                f"提出意见的期限（{c.due_on.isoformat()}）尚未届满", code="consultation_not_due"
            )
        answered_on = c.due_on
        if c.kind == ConsultationKind.OTHER_BODY:
            reasons = reasons or "被征求意见机关逾期未提出意见，视为同意公开（第三十四条）"
    else:
        if answered_on is None or not c.sent_on <= answered_on <= today:
            raise DomainError("答复日期应在送出征求意见书之日和今天之间", code="invalid_date")
        if outcome == ConsultationOutcome.OBJECTION and not reasons.strip():
            raise DomainError("不同意公开的，请记录其理由", code="reasons_required")
    c.answered_on, c.outcome, c.answer, c.reasons = answered_on, outcome, answer.strip(), reasons.strip()
    c.save(update_fields=["answered_on", "outcome", "answer", "reasons"])
    _log(actor, "application.consultation_answered", app, consultation=c.pk, outcome=outcome,
         answered_on=answered_on)  # fmt: skip
    target = _running_state(app)
    check_transition(app.state, target, "结束征求意见")
    _settle(app, today, target)
    return c


@transaction.atomic
def extend(
    *, actor, application: Application, approved_by, days: int, reason: str, approved_on: dt.date,
    notice_sent_on: dt.date, today: dt.date | None = None,
) -> Extension:  # fmt: skip
    """Extend the reply period once, by at most the profile's extension days, with the approval of the head of
    the disclosure office, a reason and a notice to the applicant — all before the period ends (第三十三条)."""
    app = _locked(application)
    require(perms.can_handle(actor, app.organization))
    require(perms.can_approve_extension(approved_by, app))
    today = _today(today)
    if Extension.objects.filter(application=app).exists():
        raise DomainError("答复期限只能延长一次", code="extension_once")
    target = State.IN_CONSULTATION if app.state == State.IN_CONSULTATION else State.EXTENDED
    check_transition(app.state, target, "延期答复")
    _r, max_days, _corr, _c = profile_days(app)
    if not 1 <= days <= max_days:
        raise DomainError(f"延长的期限为 1 至 {max_days} 个工作日", code="extension_too_long")
    if not reason.strip():
        raise DomainError("请写明延期理由", code="reason_required")
    due = compute_deadline(_fresh(app.pk), today).due
    if not approved_on <= notice_sent_on <= today or (due and notice_sent_on > due):
        raise DomainError("应在答复期限届满前批准延期并告知申请人（告知日期不早于批准日期、不晚于今天）",
                          code="invalid_date")  # fmt: skip
    extension = Extension.objects.create(
        application=app, days=days, reason=reason.strip(), approved_by=approved_by, approved_on=approved_on,
        notice_sent_on=notice_sent_on, created_by=actor,
    )  # fmt: skip
    _log(actor, "application.extended", app, days=days, approved_by=approved_by.pk, approved_on=approved_on,
         notice_sent_on=notice_sent_on)  # fmt: skip
    _settle(app, today, target)
    return extension


def check_reply(reply_type: str, ground: str) -> None:
    """Refuse a reply type and ground that the annual report's table does not have."""
    if reply_type not in GROUNDS_BY_TYPE:
        raise DomainError("请选择答复类型", code="invalid_reply_type")
    grounds = GROUNDS_BY_TYPE[reply_type]
    label = ReplyType(reply_type).label
    if not grounds and ground:
        raise DomainError(f"“{label}”不需要选择理由", code="invalid_reply_ground")
    if grounds and ground not in grounds:
        raise DomainError(f"“{label}”须选择以下理由之一：" + "、".join(g.label for g in grounds),
                          code="invalid_reply_ground")  # fmt: skip


@transaction.atomic
def reply(
    *, actor, application: Application, reply_type: str, ground: str = "", text: str, replied_on: dt.date,
    today: dt.date | None = None,
) -> Application:  # fmt: skip
    """The reply, coded as the annual report counts it; it concludes the application."""
    app = _locked(application)
    require(perms.can_handle(actor, app.organization))
    today = _today(today)
    check_transition(app.state, State.REPLIED, "答复（尚有未结束的征求意见时请先登记其答复）")
    check_reply(reply_type, ground)
    if ground == ReplyGround.UNCORRECTED:
        raise DomainError("逾期不补正由系统在补正期限届满后办结", code="invalid_reply_ground")
    if ground == ReplyGround.UNPAID:
        raise DomainError("没有收费通知，不能以逾期未缴费办结", code="invalid_reply_ground")
    if not text.strip():
        raise DomainError("请填写答复内容", code="reply_text_required")
    start = compute_deadline(_fresh(app.pk), today).start
    if not start <= replied_on <= today:
        raise DomainError("答复日期应在起算日和今天之间", code="invalid_date")
    app.reply_type, app.reply_ground, app.reply_text = reply_type, ground, text.strip()
    app.replied_on = app.completed_on = replied_on
    app.save(
        update_fields=["reply_type", "reply_ground", "reply_text", "replied_on", "completed_on", "updated_at"]
    )
    _log(actor, "application.replied", app, reply_type=reply_type, ground=ground, replied_on=replied_on)
    return _settle(app, today, State.REPLIED)
