"""Complaints (举报) over the API (public, no token): make one and follow it with its tracking code. The same
services, checks and rate limit as the portal form; the tracking code is answered once and never again."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.responses import Status

from gongkai.complaints import selectors, services
from gongkai.complaints.presenters import tracking_view
from gongkai.complaints.rules import COMPLAINANT_IDENTITY_FIELDS, rules
from gongkai.core import ratelimit
from gongkai.core.errors import NotFound
from gongkai.core.idempotency import idempotent_view
from gongkai.exchange.schemas import IDEMPOTENT, MAX_ID, ErrorOut
from gongkai.orgs.models import Organization

router = Router(tags=["举报"])


class ComplaintIn(Schema):
    organization_id: int = Field(ge=1, le=MAX_ID, description="被举报单位的编号")
    category: str = Field(
        description="举报类别：" + "、".join(f"{c.code}（{c.name}）" for c in rules().categories)
    )
    subject_ref: str = Field(
        "", max_length=300, description="涉及的公开信息（网址或编号）或目录事项代码，选填"
    )
    description: str = Field(max_length=5000, description="举报内容：未依法履行公开义务的事实")
    anonymous: bool = Field(False, description="匿名举报：不填写姓名和联系方式，不发送邮件")
    complainant_name: str = Field("", max_length=120)
    phone: str = Field("", max_length=40)
    email: str = Field("", max_length=254, description="填写后发送受理回执邮件")


class ComplaintSubmittedOut(Schema):
    registration_no: str
    tracking_code: str = Field(description="查询码：只在此次答复中给出，请妥善保存")
    due: dt.date = Field(description="办理期限")
    supervisor: str = Field(description="承办的监督机构")


class StepOut(Schema):
    on: dt.date
    kind: str
    label: str


class ResultOut(Schema):
    finding: str
    finding_label: str
    finding_text: str
    decided_on: dt.date
    rectification_required: str
    rectification: str
    rectified_on: dt.date | None
    result: str
    closed_on: dt.date | None


class ComplaintTrackOut(Schema):
    registration_no: str
    organization: str
    supervisor: str
    category: str
    category_label: str
    received_on: dt.date
    due_on: dt.date
    state: str
    state_label: str
    overdue: bool
    steps: list[StepOut] = Field(description="办理经过（日期和环节，不含内部意见和工作人员）")
    result: ResultOut | None


@router.post(
    "/complaints",
    response={
        201: ComplaintSubmittedOut,
        400: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ErrorOut,
        429: ErrorOut,
    },  # fmt: skip
    summary="举报未依法履行公开义务（无需账号，可匿名；按地址和联系方式限流，429 附 Retry-After）",
    openapi_extra=IDEMPOTENT,
)
@decorate_view(idempotent_view)
def submit(request: HttpRequest, payload: ComplaintIn):
    organization = (
        Organization.objects.select_related("jurisdiction")
        .filter(pk=payload.organization_id, active=True)
        .first()
    )
    if organization is None:
        raise NotFound("没有该单位")
    data = payload.dict()
    data.pop("organization_id")
    with ratelimit.limited("complaints", request, data, COMPLAINANT_IDENTITY_FIELDS):
        complaint, code = services.submit_complaint(organization=organization, data=data)
    return Status(
        201,
        {
            "registration_no": complaint.registration_no,
            "tracking_code": code,
            "due": complaint.due_on,
            "supervisor": complaint.supervisor.name,
        },
    )


@router.get(
    "/complaints/track",
    response={200: ComplaintTrackOut, 404: ErrorOut, 422: ErrorOut},
    summary="凭查询码查询举报的办理状态和结果",
)
def track(request: HttpRequest, code: str = Query(..., description="提交时给出的查询码")):  # noqa: B008
    return tracking_view(selectors.get_by_tracking_code(code), timezone.localdate())
