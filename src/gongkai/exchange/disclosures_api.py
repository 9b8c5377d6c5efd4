"""Disclosures over the API: public reads, and drafting/submitting for machine clients with tokens."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.responses import Status
from ninja.security import HttpBearer

from gongkai.catalog.selectors import effective_items
from gongkai.catalog.vocabulary import vocabulary
from gongkai.core.errors import DomainError, NotFound, PermissionDenied
from gongkai.core.idempotency import idempotent_view
from gongkai.disclosures import selectors, services
from gongkai.disclosures.choices import Validity
from gongkai.disclosures.models import Disclosure
from gongkai.disclosures.rules import check_content, deadline_state
from gongkai.exchange.schemas import IDEMPOTENT, Day, ErrorOut, Id, Offset, errors
from gongkai.exchange.tokens import Scope, authenticate


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        found = authenticate(token)
        if found is not None:
            request.api_token = found
        return found


public = Router(tags=["公开信息"])
clients = Router(tags=["发布接口（需令牌）"], auth=TokenAuth())


class MetadataOut(Schema):
    publisher: str = Field(description="发布机构")
    title: str = Field(description="标题名称")
    doc_no: str = Field(description="文号")
    catalog_item: str = Field(description="组配分类")
    domain: str
    subject: str = Field(description="主题分类")
    genre: str = Field(description="体裁分类")
    index_no: str | None = Field(description="索引号")
    published_on: dt.date | None = Field(description="发布日期")
    info_source: str = Field(description="信息来源")
    keywords: str = Field(description="关键字")
    valid_until: dt.date | None = Field(description="有效期")
    validity: str = Field(description="效力状态：有效、失效、废止")


class DisclosureOut(Schema):
    id: int
    title: str
    index_no: str | None
    url: str
    state: str
    jurisdiction: str
    formed_on: dt.date
    due_on: dt.date | None
    corrected: bool
    withdrawn: bool
    metadata: MetadataOut


class DisclosureDetailOut(DisclosureOut):
    body: str
    fields: dict[str, Any]
    revisions: list[dict[str, Any]]
    withdrawal_reason: str


class PageOut(Schema):
    items: list[DisclosureOut]
    count: int
    limit: int
    offset: int


def _metadata(d: Disclosure, content: dict[str, Any]) -> dict[str, Any]:
    vocab = vocabulary()
    return {
        "publisher": d.organization.name,
        "title": content["title"],
        "doc_no": content.get("doc_no") or "",
        "catalog_item": d.catalog_item.category,
        "domain": d.catalog_item.domain.name,
        "subject": vocab.subjects.get(content.get("subject") or "", ""),
        "genre": vocab.genres.get(content.get("genre") or "", ""),
        "index_no": d.index_no,
        "published_on": d.published_on,
        "info_source": content.get("info_source") or d.organization.name,
        "keywords": content.get("keywords") or "",
        "valid_until": content.get("valid_until") or None,
        "validity": Validity(d.validity).label,
    }


def _public_data(d: Disclosure, revisions=None) -> dict[str, Any]:
    revisions = revisions if revisions is not None else selectors.revisions_of(d)
    content = revisions[0].content if revisions else services.content_of(d)
    return {
        "id": d.pk,
        "title": content["title"],
        "index_no": d.index_no,
        "url": reverse("portal:disclosure", args=[d.pk]),
        "state": d.state,
        "jurisdiction": d.jurisdiction.code,
        "formed_on": d.formed_on,
        "due_on": d.due_on,
        "corrected": len(revisions) > 1,
        "withdrawn": d.state == "withdrawn",
        "metadata": _metadata(d, content),
    }


@public.get("/disclosures", response={200: PageOut, 422: ErrorOut}, summary="已发布的公开信息（分页）")
def list_disclosures(
    request: HttpRequest,
    jurisdiction: str | None = None,
    domain: str | None = None,
    limit: int = Query(20, ge=1, le=100),  # noqa: B008
    offset: Offset = 0,
):
    qs = selectors.public_disclosures()
    if jurisdiction:
        qs = qs.filter(jurisdiction__code=jurisdiction)
    if domain:
        qs = qs.filter(catalog_item__domain__code=domain)
    page = list(qs.prefetch_related("revisions")[offset : offset + limit])
    items = []
    for d in page:
        revisions = sorted(
            (r for r in d.revisions.all() if r.status in ("published", "superseded")), key=lambda r: -r.number
        )
        items.append(_public_data(d, revisions))
    return {"items": items, "count": qs.count(), "limit": limit, "offset": offset}


@public.get(
    "/disclosures/{disclosure_id}",
    response={200: DisclosureDetailOut, **errors(404, 422)},
    summary="一条公开信息",
)
def get_disclosure(request: HttpRequest, disclosure_id: Id):
    d = selectors.get_public(disclosure_id)
    revisions = selectors.revisions_of(d)
    data = _public_data(d, revisions)
    content = revisions[0].content
    withdrawn = d.state == "withdrawn"
    data.update(
        body="" if withdrawn else content["body"],
        fields={} if withdrawn else content.get("fields") or {},
        withdrawal_reason=d.withdrawal_reason,
        revisions=[
            {
                "number": r.number,
                "published_at": r.published_at,
                "reason": r.reason,
                "current": r.status == "published",
            }
            for r in revisions
        ],
    )
    return data


class DraftIn(Schema):
    catalog_item: str = Field(description="目录事项代码（如 construction.award）")
    title: str
    formed_on: Day
    body: str = ""
    doc_no: str = ""
    subject: str = ""
    genre: str = ""
    info_source: str = ""
    keywords: str = ""
    valid_until: Day | None = None
    redacted: bool = False
    attribute: str = "proactive"
    attribute_reason: str = ""
    withheld_ground: str = ""
    risk_flag: bool = False
    fields: dict[str, Any] = {}


class ProblemOut(Schema):
    field: str
    message: str


class PersonalDataOut(Schema):
    kind: str
    label: str = Field(description="个人信息类别，如“居民身份证号码”")
    place: str = Field(description="所在位置：标题、正文或字段")
    status: str = Field(description="blocking：须遮蔽；advisory：请核实；lawful：依法公开")
    status_name: str
    masked: str = Field(description="遮蔽后的写法")
    basis: str = Field(description="依法公开的依据（仅 lawful）")


class DraftStateOut(Schema):
    id: int
    external_id: str
    state: str
    state_name: str
    created: bool = False
    due_on: dt.date | None
    deadline: str
    index_no: str | None
    url: str | None
    problems: list[ProblemOut]
    personal_data_findings: int
    personal_data: list[PersonalDataOut] = []
    personal_data_message: str = Field(
        "", description="有须遮蔽的个人信息时，保密审查和审批会给出的同一提示；没有时为空"
    )


def _require(request: HttpRequest, scope: Scope) -> None:
    if scope not in request.api_token.scopes:
        raise PermissionDenied(f"令牌没有“{scope}”权限")


def _own(request: HttpRequest, external_id: str) -> Disclosure:
    d = Disclosure.objects.filter(
        organization=request.api_token.organization, external_id=external_id
    ).first()
    if d is None:
        raise NotFound(f"没有外部编号为“{external_id}”的信息")
    return d


def _state(d: Disclosure, created: bool = False) -> dict[str, Any]:
    public = d.state in ("published", "withdrawn")
    findings = services.personal_data_findings(d)
    st = deadline_state(d.due_on, d.published_on, timezone.localdate())
    return {
        "id": d.pk,
        "external_id": d.external_id,
        "state": d.state,
        "state_name": d.get_state_display(),
        "created": created,
        "due_on": d.due_on,
        "deadline": st.text if st else "",
        "index_no": d.index_no,
        "url": reverse("portal:disclosure", args=[d.pk]) if public else None,
        "problems": [
            {"field": f, "message": m} for f, m in check_content(d.catalog_item, services.content_of(d))
        ]
        if d.state == "draft"
        else [],
        "personal_data_findings": len(findings),
        "personal_data": [
            {
                "kind": loc.finding.kind,
                "label": loc.finding.label,
                "place": loc.place,
                "status": loc.status,
                "status_name": loc.status_name,
                "masked": loc.finding.masked,
                "basis": loc.basis,
            }
            for loc in findings
        ],
        "personal_data_message": services.personal_data_message(findings, punitive=d.catalog_item.punitive),
    }


@clients.put(
    "/disclosures/{external_id}",
    response={200: DraftStateOut, 201: DraftStateOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="按外部编号创建或更新草稿（幂等）",
    openapi_extra=IDEMPOTENT,
)
@decorate_view(idempotent_view)
def put_draft(request: HttpRequest, external_id: str, payload: DraftIn):
    _require(request, Scope.DISCLOSURES_WRITE)
    token = request.api_token
    item = next(
        (i for i in effective_items(token.organization.jurisdiction) if i.key == payload.catalog_item), None
    )
    if item is None:
        raise DomainError(f"目录事项“{payload.catalog_item}”不在现行目录中", code="unknown_catalog_item")
    data = payload.dict(exclude={"catalog_item"})
    d, created = services.upsert_draft(
        actor=token.user, organization=token.organization, external_id=external_id, item=item, data=data
    )
    return Status(201 if created else 200, _state(d, created))


@clients.post(
    "/disclosures/{external_id}/submit",
    response={200: DraftStateOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="提交保密审查",
    openapi_extra=IDEMPOTENT,
)
@decorate_view(idempotent_view)
def submit_draft(request: HttpRequest, external_id: str):
    _require(request, Scope.DISCLOSURES_WRITE)
    d = services.submit(actor=request.api_token.user, disclosure=_own(request, external_id))
    return _state(d)


@clients.get(
    "/disclosures/{external_id}",
    response={200: DraftStateOut, **errors(401, 403, 404, 422)},
    summary="查询状态",
)
def read_state(request: HttpRequest, external_id: str):
    _require(request, Scope.DISCLOSURES_READ)
    return _state(_own(request, external_id))
