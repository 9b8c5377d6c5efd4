"""Every write to an application: submitting online, registering one received otherwise, confirming receipt,
the correction request (and the applicant's correction with the tracking code), consultations and the decision
after them, the extension, fees, the reply (with the referral, the repeat and the proactive publication), the
remedies against it, closing uncorrected and unpaid applications, reminders and the letter templates. Each
service checks permission and state, writes in one transaction, recomputes the due date and logs to the
audit log (never the applicant's personal data). E-mails go out after the commit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from string import Template
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from gongkai.applications import letters
from gongkai.applications import permissions as perms
from gongkai.applications.choices import (
    GROUNDS_BY_TYPE,
    ApplicantMail,
    Channel,
    ConsultationDecision,
    ConsultationKind,
    ConsultationOutcome,
    FeeMethod,
    FeeOutcome,
    RemedyKind,
    RemedyResult,
    ReminderKind,
    ReplyGround,
    ReplyType,
    State,
)
from gongkai.applications.deadlines import compute_deadline, profile_days
from gongkai.applications.fees import compute_fee, payment_workdays
from gongkai.applications.models import (
    Application,
    Consultation,
    CorrectionRequest,
    Extension,
    FeeNotice,
    LetterTemplate,
    RegistrationSerial,
    Remedy,
    Reminder,
)
from gongkai.applications.rules import (
    clean_applicant,
    format_registration_no,
    normalize_text,
)
from gongkai.applications.workflow import check_transition
from gongkai.core.audit import log_action
from gongkai.core.errors import DomainError, InvalidTransition, require
from gongkai.core.tracking import new_tracking_code, tracking_hash
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
        Application.objects.select_related("organization", "jurisdiction", "correction", "extension", "fee")
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


def _notify(app: Application, kind: str, **context: Any) -> None:
    """E-mail the applicant, after the commit, when they gave an address (the text from the letter templates)."""
    if not app.email:
        return
    text = letters.mail_text(app, kind, **{k: _fmt(v) for k, v in context.items()})
    pk = app.pk

    def send() -> None:
        from gongkai.applications.tasks import send_applicant_mail_task

        send_applicant_mail_task.enqueue(pk, kind, text)

    transaction.on_commit(send)


def _fmt(value: Any) -> str:
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return "" if value is None else str(value)


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
    app = _settle(app, today)
    if app.receipt_date:
        _notify(app, ApplicantMail.RECEIPT, receipt_date=app.receipt_date, due_on=app.due_on)
    return app, code


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
    app = _settle(app, today, State.RECEIVED)
    _notify(app, ApplicantMail.RECEIPT, receipt_date=app.receipt_date, due_on=app.due_on)
    return app


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
    _notify(app, ApplicantMail.CORRECTION, items=correction.items, due_on=due_on)
    return correction


def _correction_request(app: Application, what: str) -> CorrectionRequest:
    # The state machine lets other paused states return to RECEIVED, so the request itself must exist.
    request = CorrectionRequest.objects.select_for_update().filter(application=app).first()
    if request is None:
        raise InvalidTransition(f"该申请没有告知补正，不能{what}")
    return request


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
    request = _correction_request(app, "登记补正")
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
    consult_due = get_calendar().add_workdays(sent_on, consult_days).due
    consultation = Consultation.objects.create(
        application=app, kind=kind, party=party.strip(), sent_on=sent_on, due_on=consult_due, created_by=actor,
        letter_text=letters.consultation_text(app, party=party.strip(), due_on=consult_due, sent_on=sent_on),
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
    app = _settle(app, today, target)
    _notify(app, ApplicantMail.EXTENSION, days=days, due_on=app.due_on, reason=extension.reason)
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


@dataclass(frozen=True)
class Publication:
    """The information to publish proactively with a 予以公开 or 部分公开 reply: a catalog item of the
    organization and the record's content (as a draft of the disclosures app takes it)."""

    item: Any  # gongkai.catalog.models.CatalogItem
    title: str
    body: str
    formed_on: dt.date
    fields: dict | None = None


@transaction.atomic
def reply(
    *, actor, application: Application, reply_type: str, ground: str = "", text: str, replied_on: dt.date,
    referred_body: str = "", referred_contact: str = "", repeat_of: Application | None = None,
    publication: Publication | None = None, today: dt.date | None = None,
) -> Application:  # fmt: skip
    """The reply, coded as the annual report counts it; it concludes the application.

    无法提供 / 本机关不掌握 may name the body responsible and its contact (第三十六条(五)); 不予处理 / 重复申请 must
    name the earlier application, already answered, of the same applicant at this body (第三十六条(六)).
    With `publication`, a 予以公开 or 部分公开 reply also publishes the information proactively (see
    `publish_with_reply`); the note on what became of it is in `reply.publication_note` of the returned object."""
    app = _locked(application)
    require(perms.can_handle(actor, app.organization))
    today = _today(today)
    check_transition(app.state, State.REPLIED, "答复（尚有未结束的征求意见或待缴费时请先登记）")
    check_reply(reply_type, ground)
    if ground == ReplyGround.UNCORRECTED:
        raise DomainError("逾期不补正由系统在补正期限届满后办结", code="invalid_reply_ground")
    if ground == ReplyGround.UNPAID:
        raise DomainError("逾期未缴费由系统在收费通知的缴费期限届满后办结", code="invalid_reply_ground")
    if not text.strip():
        raise DomainError("请填写答复内容", code="reply_text_required")
    start = compute_deadline(_fresh(app.pk), today).start
    if not start <= replied_on <= today:
        raise DomainError("答复日期应在起算日和今天之间", code="invalid_date")
    referred_body, referred_contact = referred_body.strip(), referred_contact.strip()
    if referred_body and not (reply_type == ReplyType.UNAVAILABLE and ground == ReplyGround.NOT_HELD):
        raise DomainError(
            "只有“无法提供：本机关不掌握相关政府信息”的答复告知负责公开的机关", code="invalid_referral"
        )
    if referred_body and not referred_contact:
        raise DomainError("告知负责公开的机关时，请一并告知其联系方式（第三十六条第（五）项）",
                          code="referral_contact_required")  # fmt: skip
    if ground == ReplyGround.REPEAT:
        if repeat_of is None:
            raise DomainError("重复申请须注明此前的申请", code="repeat_of_required")
        repeat_of = Application.objects.get(pk=repeat_of.pk)  # as it is now, not as the caller last saw it
        if (repeat_of.pk == app.pk or repeat_of.organization_id != app.organization_id
                or repeat_of.id_number != app.id_number or repeat_of.state != State.REPLIED):  # fmt: skip
            raise DomainError(
                "所注明的此前申请应为同一申请人向本机关提出、且已答复的申请", code="invalid_repeat_of"
            )
    elif repeat_of is not None:
        raise DomainError("只有“不予处理：重复申请”的答复注明此前的申请", code="invalid_repeat_of")
    if publication is not None and reply_type not in (ReplyType.DISCLOSED, ReplyType.PARTIAL):
        raise DomainError("只有予以公开或部分公开的答复可以同时主动公开", code="invalid_publication")
    app.reply_type, app.reply_ground, app.reply_text = reply_type, ground, text.strip()
    app.replied_on = app.completed_on = replied_on
    app.referred_body, app.referred_contact, app.repeat_of = referred_body, referred_contact, repeat_of
    app.save(update_fields=["reply_type", "reply_ground", "reply_text", "replied_on", "completed_on",
                            "referred_body", "referred_contact", "repeat_of", "updated_at"])  # fmt: skip
    _log(actor, "application.replied", app, reply_type=reply_type, ground=ground, replied_on=replied_on,
         referred_body=referred_body, repeat_of=repeat_of.registration_no if repeat_of else "")  # fmt: skip
    done = _settle(app, today, State.REPLIED)
    note = ""
    if publication is not None:
        done, note = publish_with_reply(actor=actor, application=done, publication=publication, today=today)
    _notify(done, ApplicantMail.REPLY, replied_on=replied_on, reply_type=done.get_reply_type_display())
    done.publication_note = note
    return done


@transaction.atomic
def publish_with_reply(
    *, actor, application: Application, publication: Publication, today: dt.date | None = None
) -> tuple[Application, str]:
    """Publish proactively the information given in a 予以公开 or 部分公开 reply, through the disclosures app and
    its rules: a draft of the organization for the chosen catalog item, submitted for review; each further step
    (review, approval, publication) is taken only where the actor may take it — with four eyes that is never all
    of them, so the usual result is a record waiting for the reviewer. Returns the application and a note."""
    from gongkai.disclosures import permissions as dperms
    from gongkai.disclosures import services as dservices
    from gongkai.disclosures.choices import State as DState

    app = _locked(application)
    require(perms.can_handle(actor, app.organization))
    today = _today(today)
    if app.reply_type not in (ReplyType.DISCLOSED, ReplyType.PARTIAL):
        raise DomainError("只有予以公开或部分公开的答复可以同时主动公开", code="invalid_publication")
    if app.disclosure_id:
        raise DomainError("该申请所涉信息已生成主动公开记录", code="already_published")
    data = {"title": publication.title, "body": publication.body, "formed_on": publication.formed_on}
    if publication.fields is not None:
        data["fields"] = publication.fields
    d = dservices.create_draft(actor=actor, organization=app.organization, item=publication.item, data=data)
    app.disclosure = d
    app.save(update_fields=["disclosure", "updated_at"])
    try:
        d = dservices.submit(actor=actor, disclosure=d)
    except DomainError as exc:
        note = f"已生成主动公开草稿，但尚不能提交审查（{exc.message}），请在信息发布中补全后提交"
    else:
        note = "已生成主动公开记录并提交保密审查；经审查、审批后发布（双人审核，您不能审查自己起草的信息）"
        if dperms.can_review(actor, d)[0]:
            d = dservices.review(actor=actor, disclosure=d)
            if dperms.can_approve(actor, d)[0]:
                d = dservices.approve(actor=actor, disclosure=d)
        if d.state == DState.APPROVED and dperms.can_publish(actor, d)[0]:
            d = dservices.publish(actor=actor, disclosure=d, today=today)
            note = f"已同时主动公开（索引号 {d.index_no}）"
    _log(actor, "application.publication_created", app, disclosure=d.pk, state=d.state)
    return _fresh(app.pk), note


# --- the applicant's correction ---------------------------------------------------------------------------


@transaction.atomic
def correct_by_applicant(*, code: str, correction: str, today: dt.date | None = None) -> Application:
    """The applicant sends the correction on the tracking page with their code; the day it arrives restarts the
    reply period (第三十条). After the correction period it is refused: the application is treated as abandoned."""
    from gongkai.applications.selectors import get_by_tracking_code

    app = _locked(get_by_tracking_code(code))
    today = _today(today)
    check_transition(app.state, State.RECEIVED, "提交补正")
    request = _correction_request(app, "提交补正")
    if today > request.due_on:
        raise DomainError(f"补正期限（{request.due_on.isoformat()}）已过，逾期不补正的视为放弃申请",
                          code="correction_expired")  # fmt: skip
    if not correction.strip():
        raise DomainError("请填写补正内容", code="correction_required")
    request.corrected_on, request.correction = today, correction.strip()
    request.save(update_fields=["corrected_on", "correction"])
    log_action(actor=None, actor_name="申请人", action="application.corrected_online", obj=app,
               organization_id=app.organization_id,
               data={"registration_no": app.registration_no, "corrected_on": today})  # fmt: skip
    return _settle(app, today, State.RECEIVED)


# --- consultation decision -------------------------------------------------------------------------------


@transaction.atomic
def decide_after_consultation(
    *, actor, consultation: Consultation, decision: str, reasons: str = "", decided_on: dt.date,
    notice_sent_on: dt.date | None = None, today: dt.date | None = None,
) -> Consultation:  # fmt: skip
    """Record what the body decided once the consulted party answered (or let its time pass): follow an
    objection, or disclose. Disclosing over a third party's objection because withholding would gravely harm the
    public interest (第十五条) needs the reasons and the written notice to the third party, whose text is
    generated from the template and recorded with its date (第三十二条)."""
    app = _locked(consultation.application)
    require(perms.can_handle(actor, app.organization))
    today = _today(today)
    c = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if c.answered_on is None:
        raise DomainError("请先登记被征求意见方的意见（或其逾期未提出意见）", code="consultation_open")
    if c.decision:
        raise DomainError("已登记该征求意见后的决定", code="decision_recorded")
    if decision not in ConsultationDecision.values:
        raise DomainError("请选择决定", code="invalid_decision")
    if not c.answered_on <= decided_on <= today:
        raise DomainError("决定日期应在收到意见之日和今天之间", code="invalid_date")
    objection = c.outcome == ConsultationOutcome.OBJECTION
    if decision == ConsultationDecision.DISCLOSE and objection:
        raise DomainError(
            "第三方不同意公开：采纳其意见，或因公共利益决定公开（第十五条）", code="invalid_decision"
        )
    if decision == ConsultationDecision.PUBLIC_INTEREST:
        if not objection:
            raise DomainError("第三方未表示反对，直接选择“予以公开”", code="invalid_decision")
        if not reasons.strip():
            raise DomainError("因公共利益决定公开的，须写明理由", code="reasons_required")
        if notice_sent_on is None or not decided_on <= notice_sent_on <= today:
            raise DomainError(
                "须登记书面告知第三方的日期（不早于决定日期、不晚于今天）", code="notice_required"
            )
        c.notice_sent_on = notice_sent_on
        c.notice_text = letters.third_party_notice_text(app, c, reasons=reasons.strip(), on=notice_sent_on)
    c.decision, c.decision_reasons, c.decided_on = decision, reasons.strip(), decided_on
    c.save(update_fields=["decision", "decision_reasons", "decided_on", "notice_sent_on", "notice_text"])
    _log(actor, "application.consultation_decided", app, consultation=c.pk, decision=decision,
         decided_on=decided_on, notice_sent_on=c.notice_sent_on)  # fmt: skip
    return c


# --- fees ------------------------------------------------------------------------------------------------


def monthly_ordinal(app: Application) -> int:
    """This application's place among the applicant's applications to the body in its natural month (按件)."""
    local = timezone.localtime(app.submitted_at)
    month_start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return (
        Application.objects.filter(
            organization=app.organization, id_number=app.id_number, submitted_at__gte=month_start
        )
        .filter(
            models.Q(submitted_at__lt=app.submitted_at)
            | models.Q(submitted_at=app.submitted_at, pk__lte=app.pk)
        )
        .count()
    )


@transaction.atomic
def issue_fee_notice(
    *, actor, application: Application, method: str, reason: str, notice_sent_on: dt.date,
    pages: int | None = None, today: dt.date | None = None,
) -> FeeNotice:  # fmt: skip
    """A fee notice where the volume clearly exceeds a reasonable range (第四十二条): per piece, counted from the
    applicant's applications in the month, or per page; progressive; one method only. The reply period is
    suspended from the notice to the payment, which is due within the configured working days."""
    app = _locked(application)
    require(perms.can_handle(actor, app.organization))
    today = _today(today)
    check_transition(app.state, State.AWAITING_FEE, "发出收费通知")
    if FeeNotice.objects.filter(application=app).exists():
        raise DomainError("该申请已发出收费通知", code="fee_once")
    if not reason.strip():
        raise DomainError("请写明申请数量、频次明显超过合理范围的情况", code="reason_required")
    if method == FeeMethod.PER_PIECE:
        quantity = monthly_ordinal(app)
    elif method == FeeMethod.PER_PAGE:
        if not pages:
            raise DomainError("按量计收须填写页数", code="pages_required")
        quantity = pages
    else:
        raise DomainError("请选择按件计收或按量计收（二者只能选其一）", code="invalid_fee_method")
    fee = compute_fee(method, quantity)
    if fee.amount <= 0:
        raise DomainError(f"未超过免费范围，不收费。{fee.basis}", code="fee_free")
    due = compute_deadline(_fresh(app.pk), today).due
    if not compute_deadline(_fresh(app.pk), today).start <= notice_sent_on <= today or (
        due and notice_sent_on > due
    ):
        raise DomainError("收费通知应在答复期限内、不晚于今天发出", code="invalid_date")
    notice = FeeNotice.objects.create(
        application=app, method=method, quantity=quantity, amount=fee.amount, basis=fee.basis,
        reason=reason.strip(), notice_sent_on=notice_sent_on,
        pay_by=get_calendar().add_workdays(notice_sent_on, payment_workdays()).due, created_by=actor,
    )  # fmt: skip
    _log(actor, "application.fee_notice", app, method=method, quantity=quantity, amount=str(fee.amount),
         pay_by=notice.pay_by)  # fmt: skip
    _settle(app, today, State.AWAITING_FEE)
    _notify(app, ApplicantMail.FEE, amount=fee.amount, basis=fee.basis, pay_by=notice.pay_by)
    return notice


@transaction.atomic
def record_fee_payment(
    *, actor, application: Application, paid_on: dt.date, waived: bool = False, today: dt.date | None = None
) -> FeeNotice:
    """The fee was paid (or waived) on `paid_on`: the reply period runs again from the next day."""
    app = _locked(application)
    require(perms.can_handle(actor, app.organization))
    today = _today(today)
    fee = FeeNotice.objects.select_for_update().filter(application=app).first()
    if fee is None:
        raise InvalidTransition("该申请没有发出收费通知，不能登记缴费")
    target = State.EXTENDED if Extension.objects.filter(application=app).exists() else State.RECEIVED
    check_transition(app.state, target, "登记缴费")
    if not fee.notice_sent_on <= paid_on <= min(today, fee.pay_by):
        raise DomainError(f"缴费日期应在收费通知之日和缴费期限（{fee.pay_by.isoformat()}）之间，且不晚于今天",
                          code="invalid_date")  # fmt: skip
    if waived:
        fee.waived_on, fee.outcome = paid_on, FeeOutcome.WAIVED
    else:
        fee.paid_on, fee.outcome = paid_on, FeeOutcome.PAID
    fee.save(update_fields=["paid_on", "waived_on", "outcome"])
    _log(actor, "application.fee_paid", app, paid_on=paid_on, outcome=fee.outcome)
    _settle(app, today, target)
    return fee


@transaction.atomic
def close_unpaid(*, actor=None, today: dt.date | None = None) -> list[Application]:
    """Close every application whose fee was not paid by the due date, as 其他处理 / 逾期未缴费. Selects everything
    past due, whatever an earlier run did."""
    today = _today(today)
    due = (
        Application.objects.select_for_update()
        .filter(state=State.AWAITING_FEE, fee__outcome=FeeOutcome.PENDING, fee__pay_by__lt=today)
        .order_by("pk")
    )
    closed = []
    for app in due:
        FeeNotice.objects.filter(application=app).update(outcome=FeeOutcome.UNPAID)
        app.reply_type, app.reply_ground = ReplyType.OTHER, ReplyGround.UNPAID
        app.reply_text = "申请人逾期未按收费通知要求缴纳费用，视为放弃申请，行政机关不再处理。"
        app.completed_on = today
        app.save(update_fields=["reply_type", "reply_ground", "reply_text", "completed_on", "updated_at"])
        _log(actor, "application.closed_unpaid", app, completed_on=today)
        closed.append(_settle(app, today, State.CLOSED))
    return closed


# --- remedies --------------------------------------------------------------------------------------------


@transaction.atomic
def record_remedy(
    *, actor, application: Application, kind: str, body: str, filed_on: dt.date, case_no: str = "",
    summary: str = "", today: dt.date | None = None,
) -> Remedy:  # fmt: skip
    """An administrative reconsideration or lawsuit against a concluded application (table 四)."""
    app = _locked(application)
    require(perms.can_handle(actor, app.organization))
    today = _today(today)
    if app.state not in (State.REPLIED, State.CLOSED) or app.completed_on is None:
        raise DomainError("只能对已答复或已办结的申请登记行政复议、行政诉讼", code="not_concluded")
    if kind not in RemedyKind.values:
        raise DomainError("请选择行政复议或行政诉讼", code="invalid_kind")
    if not body.strip():
        raise DomainError("请填写复议机关或受理法院", code="body_required")
    if not app.completed_on <= filed_on <= today:
        raise DomainError("受理日期应在办结之日和今天之间", code="invalid_date")
    if (
        kind == RemedyKind.LITIGATION_AFTER
        and not app.remedies.filter(kind=RemedyKind.RECONSIDERATION).exists()
    ):
        raise DomainError("复议后起诉的，请先登记行政复议", code="reconsideration_required")
    remedy = Remedy.objects.create(application=app, kind=kind, body=body.strip(), filed_on=filed_on,
                                   case_no=case_no.strip(), summary=summary.strip(), created_by=actor)  # fmt: skip
    _log(actor, "application.remedy_recorded", app, remedy=remedy.pk, kind=kind, filed_on=filed_on)
    return remedy


@transaction.atomic
def decide_remedy(
    *, actor, remedy: Remedy, result: str, decided_on: dt.date | None, summary: str = "",
    today: dt.date | None = None,
) -> Remedy:  # fmt: skip
    """The result of a reconsideration or lawsuit: upheld, corrected, other, or still pending."""
    r = Remedy.objects.select_for_update().select_related("application__organization").get(pk=remedy.pk)
    require(perms.can_handle(actor, r.application.organization))
    today = _today(today)
    if result not in RemedyResult.values:
        raise DomainError("请选择结果", code="invalid_result")
    if result == RemedyResult.PENDING:
        decided_on = None
    elif decided_on is None or not r.filed_on <= decided_on <= today:
        raise DomainError("审结日期应在受理日期和今天之间", code="invalid_date")
    r.result, r.decided_on = result, decided_on
    if summary.strip():
        r.summary = summary.strip()
    r.save(update_fields=["result", "decided_on", "summary"])
    _log(
        actor, "application.remedy_decided", r.application, remedy=r.pk, result=result, decided_on=decided_on
    )
    return r


# --- letter templates ------------------------------------------------------------------------------------


@transaction.atomic
def save_letter_template(*, actor, organization: Organization, key: str, text: str) -> LetterTemplate:
    """An organization's own text for one template; each save raises the version and keeps the old text in the
    audit log. Saving the default text again is allowed (it is how an organization returns to it)."""
    require(perms.can_edit_letters(actor, organization))
    if key not in letters.KEY_LABELS:
        raise DomainError("没有该模板", code="invalid_template")
    text = text.strip()
    if not text:
        raise DomainError("模板文本不能为空", code="text_required")
    template = Template(text)
    if not template.is_valid():
        raise DomainError("占位符写法有误：应写作 ${名称}", code="invalid_placeholder")
    known = set(letters.PLACEHOLDERS)
    unknown = sorted(set(template.get_identifiers()) - known)
    if unknown:
        raise DomainError(
            "未知的占位符：" + "、".join("${" + u + "}" for u in unknown), code="invalid_placeholder"
        )
    current = LetterTemplate.objects.select_for_update().filter(organization=organization, key=key).first()
    old = current.text if current else letters.defaults()[key]
    if current is None:
        current = LetterTemplate.objects.create(
            organization=organization, key=key, text=text, updated_by=actor
        )
    elif current.text != text:
        current.text, current.version, current.updated_by = text, current.version + 1, actor
        current.save(update_fields=["text", "version", "updated_by", "updated_at"])
    log_action(actor=actor, action="application.letter_template_saved", obj=current,
               organization_id=organization.pk,
               data={"key": key, "version": current.version, "old_text": old, "new_text": text})  # fmt: skip
    return current


# --- reminders -------------------------------------------------------------------------------------------


def _handler_emails(app: Application) -> list[str]:
    if app.handler_id and app.handler.is_active and app.handler.email:
        return [app.handler.email]
    from gongkai.applications.selectors import organization_handlers

    return [u.email for u in organization_handlers(app.organization) if u.email]


def send_reminders(*, today: dt.date | None = None, within: int = 3) -> dict[str, int]:
    """E-mail the handlers of every open application due within `within` working days or overdue, at most once
    per application, kind and day (a Reminder row records each), then close uncorrected and unpaid applications.
    Safe to run as often as wished: a second run on the same day sends nothing."""
    from django.core.mail import send_mail

    today = _today(today)
    until = get_calendar().add_workdays(today, within).due
    sent = {ReminderKind.DUE_SOON.value: 0, ReminderKind.OVERDUE.value: 0}
    base = Application.objects.select_related("organization", "handler")
    for kind, qs in ((ReminderKind.OVERDUE, base.overdue(today)),
                     (ReminderKind.DUE_SOON, base.due_within(today, until))):  # fmt: skip
        for app in qs.order_by("due_on", "pk"):
            recipients = _handler_emails(app)
            if not recipients:
                continue
            with transaction.atomic():
                _reminder, created = Reminder.objects.get_or_create(
                    application=app, kind=kind, sent_on=today, defaults={"recipients": len(recipients)}
                )
            if not created:
                continue
            state = "已逾期" if kind == ReminderKind.OVERDUE else "即将到期"
            send_mail(
                f"【依申请公开】{app.registration_no} {state}（答复期限 {app.due_on.isoformat()}）",
                f"{app.organization.name}的政府信息公开申请 {app.registration_no}（{app.info_title or '—'}）"
                f"{state}，答复期限为 {app.due_on.isoformat()}，当前状态：{app.get_state_display()}。请及时办理。",
                None, recipients,
            )  # fmt: skip
            sent[kind.value] += 1
    closed_uncorrected = len(close_uncorrected(today=today))
    closed_unpaid = len(close_unpaid(today=today))
    return {**sent, "closed_uncorrected": closed_uncorrected, "closed_unpaid": closed_unpaid}


@transaction.atomic
def reveal_id_number(*, actor, application: Application) -> str:
    """The applicant's full identity number, for a handler of the application's organization who needs it (to
    check identity or address a letter); pages and the API show it masked otherwise. Each look is written to the
    audit log: who, which application, when."""
    require(perms.can_handle(actor, application.organization))
    _log(actor, "application.id_number_revealed", application, id_type=application.id_type)
    return application.id_number
