"""Transactions over the API: the list with flags, and one transaction's stages, disclosures, parties, prices and
check results — what the public page shows, as data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from gongkai.catalog import selectors as catalog_selectors
from gongkai.exchange.schemas import ErrorOut, Offset
from gongkai.transactions import selectors
from gongkai.transactions.checks import CheckResult
from gongkai.transactions.models import Transaction
from gongkai.transactions.selectors import StageRow, StepView, Timeline

router = Router(tags=["交易项目"])


class CheckOut(Schema):
    code: str = Field(description="检查代码，如 missing_stage、award_over_budget")
    name: str
    status: str = Field(description="failed（未通过）、passed（通过）或 not_applicable（不适用）")
    passed: bool
    severity: str = Field(description="high、medium 或 low")
    message: str
    stages: list[str] = Field(description="涉及的环节代码")
    evidence: dict[str, Any]


class PartyOut(Schema):
    label: str
    name: str
    code: str = Field(description="统一社会信用代码（未公开时为空）")
    price: str | None = None


class DisclosureStepOut(Schema):
    id: int
    title: str
    url: str
    publisher: str
    state: str
    formed_on: dt.date
    published_on: dt.date | None
    corrected: bool
    withdrawn: bool
    prices: list[list[str]] = Field(description="[字段名称, 金额]")
    dates: list[list[str]] = Field(description="[字段名称, 日期]")
    parties: list[PartyOut]
    changes: list[dict[str, str]] = Field(description="与首次发布相比被更正的字段：label、before、after")
    fields: dict[str, Any] = Field(description="现行版本的结构化字段")


class StageOut(Schema):
    code: str
    name: str
    position: int
    required: bool
    in_catalog: bool = Field(description="本地公开目录是否列有此环节的主动公开事项")
    state: str = Field(description="published、pending、overdue、waiting、absent 或 not_in_catalog")
    state_name: str
    due_on: dt.date | None = Field(description="必经环节尚未公开时的期限")
    is_change: bool
    disclosures: list[DisclosureStepOut]
    flags: list[str] = Field(description="涉及本环节的未通过检查代码")


class TransactionOut(Schema):
    code: str = Field(description="33位统一交易标识码")
    title: str
    domain: str
    domain_name: str
    jurisdiction: str
    region_code: str
    project_no: str
    project_code: str
    owner: str
    owner_uscc: str
    agency: str | None
    agency_uscc: str | None
    budget: str | None = Field(description="预算金额、最高限价或底价（元）")
    procedure: str
    registered_on: dt.date
    url: str
    flags: list[str] = Field(description="未通过的检查代码")


class TransactionDetailOut(TransactionOut):
    stages: list[StageOut]
    checks: list[CheckOut]


class TransactionPageOut(Schema):
    items: list[TransactionOut]
    count: int
    limit: int
    offset: int


def _summary(t: Transaction, results: list[CheckResult]) -> dict[str, Any]:
    return {
        "code": t.code,
        "title": t.title,
        "domain": t.domain.code,
        "domain_name": t.domain.name,
        "jurisdiction": t.jurisdiction.code,
        "region_code": t.region_code,
        "project_no": t.project_no,
        "project_code": t.project_code,
        "owner": t.owner.name,
        "owner_uscc": t.owner.uscc,
        "agency": t.agency.name if t.agency_id else None,
        "agency_uscc": t.agency.uscc if t.agency_id else None,
        "budget": str(t.budget) if t.budget is not None else None,
        "procedure": t.procedure,
        "registered_on": t.registered_on,
        "url": reverse("portal:transaction", args=[t.code]),
        "flags": [r.code for r in results if r.flagged],
    }


def _step(view: StepView) -> dict[str, Any]:
    d = view.disclosure
    withdrawn = view.withdrawn
    return {
        "id": d.pk,
        "title": view.fact.title,
        "url": reverse("portal:disclosure", args=[d.pk]),
        "publisher": d.organization.name,
        "state": d.state,
        "formed_on": view.fact.formed_on,
        "published_on": view.fact.published_on,
        "corrected": view.fact.corrected,
        "withdrawn": withdrawn,
        "prices": [] if withdrawn else [list(p) for p in view.prices],
        "dates": [] if withdrawn else [list(p) for p in view.dates],
        "parties": [] if withdrawn else view.parties,
        "changes": [] if withdrawn else view.changes,
        "fields": {} if withdrawn else view.fact.fields,
    }


def _stage(row: StageRow) -> dict[str, Any]:
    return {
        "code": row.stage.code,
        "name": row.stage.name,
        "position": row.stage.position,
        "required": row.required,
        "in_catalog": row.in_catalog,
        "state": row.state,
        "state_name": row.state_name,
        "due_on": row.due_on,
        "is_change": row.is_change,
        "disclosures": [_step(s) for s in row.steps],
        "flags": [f.code for f in row.flags],
    }


def _check(r: CheckResult) -> dict[str, Any]:
    return {
        "code": r.code,
        "name": r.name,
        "status": r.status,
        "passed": r.passed,
        "severity": r.severity,
        "message": r.message,
        "stages": list(r.stages),
        "evidence": r.evidence,
    }


@router.get(
    "/transactions",
    response={200: TransactionPageOut, 404: ErrorOut, 422: ErrorOut},
    summary="交易项目（分页，可只看有风险提示的）",
)
def list_transactions(
    request: HttpRequest,
    domain: str | None = None,
    jurisdiction: str | None = Query(None, description="行政区划代码（含下级）"),  # noqa: B008
    flagged: bool = Query(False, description="只返回有未通过检查的交易项目"),  # noqa: B008
    limit: int = Query(20, ge=1, le=100),  # noqa: B008
    offset: Offset = 0,
):
    j = catalog_selectors.get_jurisdiction(jurisdiction) if jurisdiction else None
    rows = selectors.browse(selectors.public_transactions(), today=timezone.localdate(), domain=domain,
                            jurisdiction=j, flagged=flagged)  # fmt: skip
    page = rows[offset : offset + limit]
    return {
        "items": [_summary(x.transaction, x.results) for x in page],
        "count": len(rows),
        "limit": limit,
        "offset": offset,
    }


@router.get(
    "/transactions/{code}",
    response={200: TransactionDetailOut, 404: ErrorOut, 422: ErrorOut},
    summary="一个交易项目的全流程及检查结果",
)
def get_transaction(request: HttpRequest, code: str):
    t = selectors.get_public(code)
    timeline: Timeline = selectors.timeline(t, timezone.localdate(), public=True)
    data = _summary(t, timeline.results)
    data["stages"] = [_stage(row) for row in timeline.rows]
    data["checks"] = [_check(r) for r in timeline.results]
    return data
