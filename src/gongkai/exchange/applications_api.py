"""Applications over the API (public, no token): submit one online and follow it with its tracking code. The
same services and checks as the portal form; the tracking code is answered once and never again."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from gongkai.applications import selectors, services
from gongkai.applications.choices import ApplicantKind, DeliveryForm, DeliveryWay, IdType
from gongkai.applications.presenters import tracking_view
from gongkai.core.errors import NotFound
from gongkai.exchange.schemas import ErrorOut
from gongkai.orgs.models import Organization

router = Router(tags=["依申请公开"])


class ApplicationIn(Schema):
    organization_id: int = Field(description="受理机关的编号")
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
    reply: ReplyOut | None


@router.post(
    "/applications",
    response={201: SubmittedOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="提交政府信息公开申请（无需账号）",
)
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
    "/applications/track", response={200: TrackOut, 404: ErrorOut}, summary="凭查询码查询申请的办理状态和答复"
)
def track(request: HttpRequest, code: str = Query(..., description="提交时给出的查询码")):  # noqa: B008
    return tracking_view(selectors.get_by_tracking_code(code), timezone.localdate())
