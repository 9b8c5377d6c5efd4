"""Market-entity credit over the API: entity search, one entity with its records, blacklist status and
transactions, and the public blacklist. The same selectors as the portal, so both show the same by date."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from gongkai.catalog import selectors as catalog_selectors
from gongkai.credit import selectors
from gongkai.credit.choices import BlacklistReason
from gongkai.credit.models import BlacklistEntry, CreditRecord, Entity
from gongkai.exchange.schemas import ErrorOut, Offset

credit = Router(tags=["市场主体信用"])


class EntityOut(Schema):
    uscc: str = Field(description="统一社会信用代码")
    name: str
    kind: str = Field(
        description="legal_person 法人、unincorporated 非法人组织、individual_business 个体工商户"
    )
    kind_name: str
    blacklisted: bool = Field(description="今日是否在严重失信主体名单（向社会公开部分）的有效期内")
    url: str


class EntityPageOut(Schema):
    items: list[EntityOut]
    count: int
    limit: int
    offset: int


class FormerNameOut(Schema):
    name: str
    used_until: dt.date | None


class RecordOut(Schema):
    id: int
    kind: str = Field(description="registration、licence、penalty、honour、other（六安办法第五条）")
    kind_name: str
    title: str
    content: str
    decided_by: str = Field(description="作出决定的机关")
    decided_by_uscc: str
    decided_on: dt.date
    doc_no: str
    basis: str
    severity: str = Field(description="失信程度（行政处罚）")
    severity_name: str
    publicity_from: dt.date
    publicity_until: dt.date | None = Field(description="公示截止日期（含当日）；null 为长期")
    rule: str = Field(description="公示期限的依据")


class BlacklistEntryOut(Schema):
    id: int
    list_name: str = Field(description="名单类型")
    entity_name: str = Field(description="主体名称")
    uscc: str = Field(description="统一社会信用代码")
    entity_kind: str = Field(description="主体类别")
    role: str = Field(description="主体角色")
    reason_category: str
    reason_category_name: str = Field(description="列入事由（类别）")
    reason: str = Field(description="列入事由（失信行为）")
    legal_basis: str = Field(description="认定依据")
    decided_by: str = Field(description="认定单位")
    decided_by_uscc: str = Field(description="认定单位统一社会信用代码")
    jurisdiction: str = Field(description="认定单位所在行政区划代码")
    doc_no: str = Field(description="认定文书文号")
    decided_on: dt.date = Field(description="认定日期")
    valid_from: dt.date = Field(description="有效期起")
    valid_to: dt.date = Field(description="有效期至（含当日）")
    restricted_activities: str = Field(description="惩戒措施（限制行为）")
    publication_scope: str = Field(description="公开范围")
    state: str = Field(description="listed 有效期内（removal_submitted: 移出审核中）、revoked 已撤销")
    state_name: str
    revoked_on: dt.date | None
    revocation_reason: str
    entity_url: str


class BlacklistStatusOut(Schema):
    listed: bool = Field(description="今日是否在名单有效期内")
    entries: list[BlacklistEntryOut]


class EntityTransactionOut(Schema):
    disclosure_id: int
    title: str
    url: str
    domain: str
    stage: str
    role: str = Field(description="在该信息中的角色（中标人、中标候选人、供应商……）")
    publisher: str
    published_on: dt.date | None


class EntityDetailOut(EntityOut):
    legal_representative: str
    registered_address: str
    registration_authority: str
    established_on: dt.date | None
    former_names: list[FormerNameOut]
    records: list[RecordOut] = Field(description="公示期内的信用信息")
    blacklist: BlacklistStatusOut
    transactions: list[EntityTransactionOut] = Field(description="记载该主体的已发布信息")


class BlacklistPageOut(Schema):
    items: list[BlacklistEntryOut]
    count: int
    limit: int
    offset: int


def _entity(e: Entity, blacklisted: bool) -> dict:
    return {
        "uscc": e.uscc,
        "name": e.name,
        "kind": e.kind,
        "kind_name": e.get_kind_display(),
        "blacklisted": blacklisted,
        "url": reverse("portal:entity", args=[e.uscc]),
    }


def _record(r: CreditRecord) -> dict:
    return {
        "id": r.pk,
        "kind": r.kind,
        "kind_name": r.get_kind_display(),
        "title": r.title,
        "content": r.content,
        "decided_by": r.decided_by_name,
        "decided_by_uscc": r.decided_by_uscc,
        "decided_on": r.decided_on,
        "doc_no": r.doc_no,
        "basis": r.basis,
        "severity": r.severity,
        "severity_name": r.severity_label,
        "publicity_from": r.publicity_from,
        "publicity_until": r.publicity_until,
        "rule": r.rule_text,
    }


def _entry(e: BlacklistEntry) -> dict:
    revoked = e.state == "revoked"
    return {
        "id": e.pk,
        "list_name": e.list_name,
        "entity_name": e.entity_name,
        "uscc": e.entity.uscc,
        "entity_kind": e.get_entity_kind_display(),
        "role": e.get_role_display(),
        "reason_category": e.reason_category,
        "reason_category_name": e.get_reason_category_display(),
        "reason": e.reason,
        "legal_basis": e.legal_basis,
        "decided_by": e.decided_by_name,
        "decided_by_uscc": e.decided_by_uscc,
        "jurisdiction": e.organization.jurisdiction.code,
        "doc_no": e.doc_no,
        "decided_on": e.decided_on,
        "valid_from": e.valid_from,
        "valid_to": e.valid_to,
        "restricted_activities": e.restricted_activities,
        "publication_scope": e.get_publication_scope_display(),
        "state": e.state,
        "state_name": e.get_state_display(),
        "revoked_on": e.removed_on if revoked else None,
        "revocation_reason": e.removal_reason if revoked else "",
        "entity_url": reverse("portal:entity", args=[e.entity.uscc]),
    }


@credit.get(
    "/entities",
    response={200: EntityPageOut, 422: ErrorOut},
    summary="市场主体查询（名称、曾用名或统一社会信用代码）",
)
def list_entities(
    request: HttpRequest,
    q: str = Query(
        "", max_length=100, description="名称（含曾用名）的一部分，或统一社会信用代码（前几位）；空则列出全部"
    ),  # noqa: B008
    limit: int = Query(20, ge=1, le=100),  # noqa: B008
    offset: Offset = 0,
):
    qs = selectors.search_entities(q)
    items = [_entity(e, e.blacklisted) for e in qs[offset : offset + limit]]
    return {"items": items, "count": qs.count(), "limit": limit, "offset": offset}


@credit.get(
    "/entities/{uscc}",
    response={200: EntityDetailOut, 404: ErrorOut, 422: ErrorOut},
    summary="一个市场主体：登记信息、公示期内的信用信息、严重失信主体名单状态、参与的交易",
)
def get_entity(request: HttpRequest, uscc: str):
    entity = selectors.get_entity(uscc)
    today = timezone.localdate()
    entries = list(selectors.public_entries(entity, today))
    data = _entity(entity, bool(entries))
    data.update(
        legal_representative=entity.legal_representative,
        registered_address=entity.registered_address,
        registration_authority=entity.registration_authority,
        established_on=entity.established_on,
        former_names=[{"name": n.name, "used_until": n.used_until} for n in entity.names.all()],
        records=[_record(r) for r in selectors.public_records(entity, today)],
        blacklist={"listed": bool(entries), "entries": [_entry(e) for e in entries]},
        transactions=[
            {
                "disclosure_id": m.disclosure_id,
                "title": m.disclosure.title,
                "url": reverse("portal:disclosure", args=[m.disclosure_id]),
                "domain": group.domain,
                "stage": group.stage,
                "role": m.role,
                "publisher": m.disclosure.organization.name,
                "published_on": m.disclosure.published_on,
            }
            for group in selectors.public_mentions(entity)
            for m in group.mentions
        ],
    )
    return data


@credit.get(
    "/blacklist",
    response={200: BlacklistPageOut, 404: ErrorOut, 422: ErrorOut},
    summary="严重失信主体名单（默认为今日有效期内的名单；state=revoked 为已撤销的认定）",
)
def list_blacklist(
    request: HttpRequest,
    jurisdiction: str | None = Query(None, description="认定单位所在行政区划代码（含下级）"),  # noqa: B008
    reason: BlacklistReason | None = Query(None, description="列入事由类别"),  # noqa: B008
    year: int | None = Query(None, ge=2000, le=2100, description="认定年度"),  # noqa: B008
    state: str = Query("listed", pattern="^(listed|revoked)$"),  # noqa: B008
    q: str = Query("", max_length=100, description="主体名称的一部分或统一社会信用代码"),  # noqa: B008
    limit: int = Query(20, ge=1, le=100),  # noqa: B008
    offset: Offset = 0,
):
    j = catalog_selectors.get_jurisdiction(jurisdiction) if jurisdiction else None
    qs = selectors.public_blacklist(jurisdiction=j, reason=reason or "", year=year, state=state, q=q)
    return {
        "items": [_entry(e) for e in qs[offset : offset + limit]],
        "count": qs.count(),
        "limit": limit,
        "offset": offset,
    }
