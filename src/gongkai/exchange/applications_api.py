"""Applications over the API. Public, no token: submit one online, follow it and send the correction with its
tracking code (the same services and checks as the portal; the code is answered once and never again). Staff,
with an API token of the organization (scopes applications:read / applications:write; the token acts as its
handler): the ledger, one application, and the handling steps with the same rules as the back office."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.responses import Status

from gongkai.applications import selectors, services
from gongkai.applications.choices import ApplicantKind, DeliveryForm, DeliveryWay, IdType, ReplyType
from gongkai.applications.models import Application
from gongkai.applications.presenters import masked_id_number, tracking_view
from gongkai.applications.rules import APPLICANT_IDENTITY_FIELDS
from gongkai.core import ratelimit
from gongkai.core.errors import NotFound, PermissionDenied
from gongkai.core.idempotency import idempotent_view
from gongkai.exchange.disclosures_api import TokenAuth
from gongkai.exchange.schemas import IDEMPOTENT, MAX_ID, Day, Id, Offset, errors
from gongkai.exchange.tokens import Scope
from gongkai.orgs.models import Organization

router = Router(tags=["依申请公开"])


class ApplicationIn(Schema):
    organization_id: int = Field(ge=1, le=MAX_ID, description="受理机关的编号")
    applicant_kind: str = Field(
        description="申请人类型：" + "、".join(f"{v}（{n}）" for v, n in ApplicantKind.choices)
    )
    applicant_name: str = Field(max_length=120)
    id_type: str = Field(description="证件类型：" + "、".join(f"{v}（{n}）" for v, n in IdType.choices))
    id_number: str = Field(
        max_length=40, description="身份证件号码，法人或其他组织为统一社会信用代码（校验位）"
    )
    contact_person: str = Field("", max_length=60)
    phone: str = Field("", max_length=40)
    email: str = Field("", max_length=254)
    address: str = Field("", max_length=200)
    postcode: str = Field("", max_length=10)
    info_title: str = Field("", max_length=200, description="所需信息的名称")
    info_doc_no: str = Field("", max_length=100, description="文号")
    info_description: str = Field(description="所需信息的内容描述")
    delivery_form: str = Field(
        description="提供形式：" + "、".join(f"{v}（{n}）" for v, n in DeliveryForm.choices)
    )
    delivery_way: str = Field(
        description="获取方式：" + "、".join(f"{v}（{n}）" for v, n in DeliveryWay.choices)
    )


class SubmittedOut(Schema):
    registration_no: str
    tracking_code: str = Field(description="查询码：只在此次答复中给出，请妥善保存")
    state: str
    due: dt.date | None = Field(description="答复期限；网上申请在双方确认收到之日起算，确认前为 null")
    due_note: str


class PauseOut(Schema):
    start: dt.date
    end: dt.date | None
    reason: str


class CorrectionOut(Schema):
    sent_on: dt.date
    due_on: dt.date
    items: str
    corrected_on: dt.date | None
    can_submit: bool = Field(description="可否凭查询码提交补正（待补正且未过补正期限）")


class FeeOut(Schema):
    method: str
    amount: Decimal
    basis: str = Field(description="计算过程")
    notice_sent_on: dt.date
    pay_by: dt.date
    paid_on: dt.date | None
    outcome: str


class ExtensionOut(Schema):
    days: int
    reason: str
    notice_sent_on: dt.date


class ReplyOut(Schema):
    type: str
    type_label: str
    ground: str
    ground_label: str
    text: str
    replied_on: dt.date | None
    completed_on: dt.date | None
    referred_body: str = Field(description="负责公开的机关（本机关不掌握时）")
    referred_contact: str
    remedy: str = Field(description="救济途径")


class TrackOut(Schema):
    registration_no: str
    organization: str
    channel: str
    state: str
    state_label: str
    submitted_on: dt.date
    receipt_date: dt.date | None
    info_title: str
    due: dt.date | None
    due_provisional: bool
    working_days_left: int | None = Field(description="剩余工作日（逾期为负数；已办结或未起算时为 null）")
    paused: list[PauseOut]
    steps: list[str] = Field(description="答复期限的推算过程")
    correction: CorrectionOut | None
    extension: ExtensionOut | None
    fee: FeeOut | None
    reply: ReplyOut | None


@router.post(
    "/applications",
    response={201: SubmittedOut, **errors(400, 404, 409, 422, 429)},
    summary="提交政府信息公开申请（无需账号；按地址和申请人限流，429 附 Retry-After）",
    openapi_extra=IDEMPOTENT,
)
@decorate_view(idempotent_view)
def submit(request: HttpRequest, payload: ApplicationIn):
    organization = (
        Organization.objects.select_related("jurisdiction")
        .filter(pk=payload.organization_id, active=True)
        .first()
    )
    if organization is None:
        raise NotFound("没有该受理机关")
    data = payload.dict()
    data.pop("organization_id")
    with ratelimit.limited("applications", request, data, APPLICANT_IDENTITY_FIELDS):
        app, code = services.submit_online(organization=organization, data=data)
    return Status(
        201,
        {
            "registration_no": app.registration_no,
            "tracking_code": code,
            "state": app.state,
            "due": app.due_on,
            "due_note": "" if app.due_on else "网上申请以双方确认之日为收到申请之日，答复期限自该日起算",
        },
    )


@router.get(
    "/applications/track",
    response={200: TrackOut, **errors(404, 422)},
    summary="凭查询码查询申请的办理状态和答复",
)
def track(request: HttpRequest, code: str = Query(..., description="提交时给出的查询码")):  # noqa: B008
    return tracking_view(selectors.get_by_tracking_code(code), timezone.localdate())


class CorrectionIn(Schema):
    code: str = Field(description="提交时给出的查询码")
    correction: str = Field(max_length=5000, description="补正内容")


@router.post(
    "/applications/track/correction",
    response={200: TrackOut, **errors(400, 404, 409, 422)},
    summary="凭查询码提交补正（收到补正之日答复期限重新起算）",
)
def correct(request: HttpRequest, payload: CorrectionIn):
    services.correct_by_applicant(code=payload.code, correction=payload.correction)
    return tracking_view(selectors.get_by_tracking_code(payload.code), timezone.localdate())


# --- staff: the ledger and the handling steps, with an API token (scopes applications:read / :write) --------

staff = Router(tags=["依申请公开办理（需令牌）"], auth=TokenAuth())


class ConsultationOut(Schema):
    id: int
    kind: str
    party: str
    sent_on: dt.date
    due_on: dt.date
    answered_on: dt.date | None
    outcome: str
    reasons: str
    decision: str
    notice_sent_on: dt.date | None


class StaffApplicationOut(Schema):
    id: int
    registration_no: str
    organization: str
    state: str
    state_label: str
    channel: str
    applicant_kind: str
    applicant_name: str
    id_type: str
    id_number: str = Field(
        description="证件号码：自然人的已遮盖（如 110105********002X）；完整号码用 POST …/id-number 查看并记入审计日志"
    )
    info_title: str
    info_doc_no: str
    info_description: str
    submitted_at: dt.datetime
    receipt_date: dt.date | None
    due_on: dt.date | None
    handler: str | None
    possible_repeat_of: str | None = Field(description="疑似重复申请：此前申请的登记号")
    reply_type: str
    reply_ground: str
    reply_text: str
    replied_on: dt.date | None
    completed_on: dt.date | None
    referred_body: str
    referred_contact: str
    repeat_of: str | None


class RemedyOut(Schema):
    id: int
    kind: str
    body: str
    case_no: str
    filed_on: dt.date
    result: str
    decided_on: dt.date | None


class StaffDetailOut(StaffApplicationOut):
    deadline_steps: list[str] = Field(description="答复期限的推算过程")
    correction: CorrectionOut | None
    extension: ExtensionOut | None
    fee: FeeOut | None
    consultations: list[ConsultationOut]
    remedies: list[RemedyOut]


class LedgerOut(Schema):
    count: int
    items: list[StaffApplicationOut]


class ConfirmIn(Schema):
    confirmed_on: Day


class CorrectionRequestIn(Schema):
    sent_on: Day
    due_on: Day
    items: str


class CorrectionRecordIn(Schema):
    corrected_on: Day
    correction: str = ""


class ConsultIn(Schema):
    kind: str = Field(description="third_party（第三方）或 other_body（其他机关）")
    party: str
    sent_on: Day


class AnswerIn(Schema):
    outcome: str = Field(description="consent、objection 或 no_answer")
    answered_on: Day | None = None
    answer: str = ""
    reasons: str = ""


class ExtendIn(Schema):
    approved_by: str = Field(description="批准人（政府信息公开工作机构负责人）的用户名")
    days: int
    reason: str
    approved_on: Day
    notice_sent_on: Day


class ReplyIn(Schema):
    reply_type: str = Field(description="答复类型：" + "、".join(f"{v}（{n}）" for v, n in ReplyType.choices))
    ground: str = Field("", description="理由（按年报表三的行）")
    text: str
    replied_on: Day
    referred_body: str = ""
    referred_contact: str = ""
    repeat_of: str = Field("", description="重复申请时，此前申请的登记号")


def _need(request: HttpRequest, scope: Scope) -> None:
    if scope not in request.api_token.scopes:
        raise PermissionDenied(f"令牌没有“{scope}”权限")


def _scoped(request: HttpRequest):
    return selectors.staff_applications(request.api_token.user).filter(
        organization=request.api_token.organization
    )


def _get(request: HttpRequest, pk: Id) -> Application:
    app = _scoped(request).prefetch_related("consultations").filter(pk=pk).first()
    if app is None:
        raise NotFound("该申请不存在")
    return app


def _summary(a: Application) -> dict:
    return {
        "id": a.pk, "registration_no": a.registration_no, "organization": a.organization.name, "state": a.state,
        "state_label": a.get_state_display(), "channel": a.channel, "applicant_kind": a.applicant_kind,
        "applicant_name": a.applicant_name, "id_type": a.id_type, "id_number": masked_id_number(a),
        "info_title": a.info_title, "info_doc_no": a.info_doc_no,
        "info_description": a.info_description, "submitted_at": a.submitted_at, "receipt_date": a.receipt_date,
        "due_on": a.due_on, "handler": a.handler.username if a.handler_id else None,
        "possible_repeat_of": a.possible_repeat_of.registration_no if a.possible_repeat_of_id else None,
        "reply_type": a.reply_type, "reply_ground": a.reply_ground, "reply_text": a.reply_text,
        "replied_on": a.replied_on, "completed_on": a.completed_on, "referred_body": a.referred_body,
        "referred_contact": a.referred_contact,
        "repeat_of": a.repeat_of.registration_no if a.repeat_of_id else None,
    }  # fmt: skip


def _detail(request: HttpRequest, pk: Id) -> dict:
    a = _get(request, pk)
    view = tracking_view(a, timezone.localdate())
    return {
        **_summary(a),
        "deadline_steps": view["steps"],
        "correction": view["correction"],
        "extension": view["extension"],
        "fee": view["fee"],
        "consultations": [
            {
                "id": c.pk,
                "kind": c.kind,
                "party": c.party,
                "sent_on": c.sent_on,
                "due_on": c.due_on,
                "answered_on": c.answered_on,
                "outcome": c.outcome,
                "reasons": c.reasons,
                "decision": c.decision,
                "notice_sent_on": c.notice_sent_on,
            }
            for c in a.consultations.all()
        ],  # fmt: skip
        "remedies": list(
            a.remedies.values("id", "kind", "body", "case_no", "filed_on", "result", "decided_on")
        ),
    }


@staff.get("/applications", response={200: LedgerOut, **errors(401, 403, 422)}, summary="依申请公开台账")
def staff_ledger(
    request: HttpRequest,
    state: str = "",
    channel: str = "",
    reply_type: str = "",
    received_from: Day | None = None,
    received_to: Day | None = None,
    q: str = "",
    limit: int = Query(50, ge=1, le=500),  # noqa: B008
    offset: Offset = 0,
):
    _need(request, Scope.APPLICATIONS_READ)
    qs = selectors.ledger(_scoped(request), state=state, channel=channel, reply_type=reply_type,
                          received_from=received_from, received_to=received_to, q=q)  # fmt: skip
    qs = qs.select_related("possible_repeat_of", "repeat_of")
    return {"count": qs.count(), "items": [_summary(a) for a in qs[offset : offset + limit]]}


@staff.get("/applications/{pk}", response={200: StaffDetailOut, **errors(401, 403, 404, 422)},
           summary="一件申请（含答复期限推算）")  # fmt: skip
def staff_get(request: HttpRequest, pk: Id):
    _need(request, Scope.APPLICATIONS_READ)
    return _detail(request, pk)


class IdNumberOut(Schema):
    id_type: str
    id_number: str = Field(description="完整证件号码")


@staff.post(
    "/applications/{pk}/id-number",
    response={200: IdNumberOut, **errors(401, 403, 404, 422)},
    summary="查看申请人的完整证件号码（办理人；每次查看记入审计日志）",
)
def staff_id_number(request: HttpRequest, response: HttpResponse, pk: Id):
    _need(request, Scope.APPLICATIONS_READ)
    response["Cache-Control"] = "private, no-store"
    app = _get(request, pk)
    return {
        "id_type": app.id_type,
        "id_number": services.reveal_id_number(actor=request.auth.user, application=app),
    }


WRITE = {200: StaffDetailOut, **errors(400, 401, 403, 404, 409, 422)}


def staff_write(path: str, summary: str):
    """A staff handling step: POST under /api/client, the WRITE response map, Idempotency-Key documented and
    honoured (a retry with the same key gets the first answer)."""
    route = staff.post(path, response=WRITE, summary=summary, openapi_extra=IDEMPOTENT)

    def decorate(view):
        return route(decorate_view(idempotent_view)(view))

    return decorate


def _write(request: HttpRequest, pk: Id) -> Application:
    _need(request, Scope.APPLICATIONS_WRITE)
    return _get(request, pk)


@staff_write("/applications/{pk}/confirm", "确认收到（网上、平常信函、传真）")
def staff_confirm(request: HttpRequest, pk: Id, payload: ConfirmIn):
    services.confirm_receipt(actor=request.auth.user, application=_write(request, pk),
                             confirmed_on=payload.confirmed_on)  # fmt: skip
    return _detail(request, pk)


@staff_write("/applications/{pk}/correction-request", "告知补正")
def staff_request_correction(request: HttpRequest, pk: Id, payload: CorrectionRequestIn):
    services.request_correction(actor=request.auth.user, application=_write(request, pk), **payload.dict())
    return _detail(request, pk)


@staff_write("/applications/{pk}/correction", "登记收到补正")
def staff_record_correction(request: HttpRequest, pk: Id, payload: CorrectionRecordIn):
    services.record_correction(actor=request.auth.user, application=_write(request, pk), **payload.dict())
    return _detail(request, pk)


@staff_write("/applications/{pk}/consultations", "征求第三方或其他机关意见")
def staff_consult(request: HttpRequest, pk: Id, payload: ConsultIn):
    services.start_consultation(actor=request.auth.user, application=_write(request, pk), **payload.dict())
    return _detail(request, pk)


@staff_write("/applications/{pk}/consultations/{cid}/answer", "登记被征求意见方的意见")
def staff_answer(request: HttpRequest, pk: Id, cid: Id, payload: AnswerIn):
    consultation = selectors.consultation_of(_write(request, pk), cid)
    services.record_consultation_answer(actor=request.auth.user, consultation=consultation, **payload.dict())
    return _detail(request, pk)


@staff_write("/applications/{pk}/extension", "延期答复（经负责人批准）")
def staff_extend(request: HttpRequest, pk: Id, payload: ExtendIn):
    app = _write(request, pk)
    data = payload.dict()
    approver = (
        selectors.extension_approvers(app.organization).filter(username=data.pop("approved_by")).first()
    )
    if approver is None:
        raise NotFound("批准人不是该机构的政府信息公开工作机构负责人")
    services.extend(actor=request.auth.user, application=app, approved_by=approver, **data)
    return _detail(request, pk)


@staff_write("/applications/{pk}/reply", "答复（按年报表三编码）")
def staff_reply(request: HttpRequest, pk: Id, payload: ReplyIn):
    app = _write(request, pk)
    data = payload.dict()
    earlier_no = data.pop("repeat_of")
    earlier = None
    if earlier_no:
        earlier = selectors.earlier_applications(app).filter(registration_no=earlier_no).first()
        if earlier is None:
            raise NotFound("没有该申请人此前已答复的该登记号申请")
    services.reply(actor=request.auth.user, application=app, repeat_of=earlier, **data)
    return _detail(request, pk)


class DecisionIn(Schema):
    decision: str = Field(
        description="withhold（采纳意见不予公开）、disclose（予以公开）或 public_interest（因公共利益决定公开）"
    )
    reasons: str = ""
    decided_on: Day
    notice_sent_on: Day | None = Field(None, description="因公共利益决定公开时，书面告知第三方的日期")


class FeeIn(Schema):
    method: str = Field(description="per_piece（按件）或 per_page（按量）")
    pages: int | None = Field(None, description="按量计收时的页数")
    reason: str = Field(description="申请数量、频次明显超过合理范围的情况")
    notice_sent_on: Day


class FeePaidIn(Schema):
    paid_on: Day
    waived: bool = Field(False, description="减免（不计入实际收取的信息处理费）")


class RemedyIn(Schema):
    kind: str = Field(
        description="reconsideration（行政复议）、litigation_direct（未经复议直接起诉）或 litigation_after（复议后起诉）"
    )
    body: str = Field(description="复议机关或受理法院")
    filed_on: Day
    case_no: str = ""
    summary: str = ""


class RemedyResultIn(Schema):
    result: str = Field(description="upheld（维持）、corrected（纠正）、other（其他）或 pending（尚未审结）")
    decided_on: Day | None = None
    summary: str = ""


@staff_write("/applications/{pk}/consultations/{cid}/decision", "征求意见后的决定")
def staff_decide(request: HttpRequest, pk: Id, cid: Id, payload: DecisionIn):
    consultation = selectors.consultation_of(_write(request, pk), cid)
    services.decide_after_consultation(actor=request.auth.user, consultation=consultation, **payload.dict())
    return _detail(request, pk)


@staff_write("/applications/{pk}/fee", "发出信息处理费收费通知（国办函〔2020〕109号）")
def staff_fee(request: HttpRequest, pk: Id, payload: FeeIn):
    services.issue_fee_notice(actor=request.auth.user, application=_write(request, pk), **payload.dict())
    return _detail(request, pk)


@staff_write("/applications/{pk}/fee/payment", "登记缴费或减免")
def staff_fee_paid(request: HttpRequest, pk: Id, payload: FeePaidIn):
    services.record_fee_payment(actor=request.auth.user, application=_write(request, pk), **payload.dict())
    return _detail(request, pk)


@staff_write("/applications/{pk}/remedies", "登记行政复议或行政诉讼")
def staff_remedy(request: HttpRequest, pk: Id, payload: RemedyIn):
    services.record_remedy(actor=request.auth.user, application=_write(request, pk), **payload.dict())
    return _detail(request, pk)


@staff_write("/applications/{pk}/remedies/{rid}/result", "登记行政复议、行政诉讼结果")
def staff_remedy_result(request: HttpRequest, pk: Id, rid: Id, payload: RemedyResultIn):
    remedy = selectors.remedy_of(_write(request, pk), rid)
    services.decide_remedy(actor=request.auth.user, remedy=remedy, **payload.dict())
    return _detail(request, pk)
