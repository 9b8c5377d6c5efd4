"""The change feed for machines that pull (GET /api/changes): every public change once, in commit order, with the
cursor to ask from next time — the way Prozorro's `/tenders?offset=` and Contracts Finder's cursors work."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Query, Router, Schema, Status

from gongkai.catalog import selectors as catalog_selectors
from gongkai.changes import selectors
from gongkai.changes.choices import Kind
from gongkai.changes.models import PublicChange
from gongkai.core.errors import DomainError
from gongkai.exchange.schemas import ErrorOut

router = Router(tags=["变更订阅"])


class ChangeOut(Schema):
    cursor: str = Field(description="本条变更的游标（不透明字符串）；从它之后继续读取")
    kind: str = Field(
        description="对象类别：disclosure、transaction、credit_record、blacklist_entry、annual_report"
    )
    kind_name: str
    change: str = Field(
        description="变更：published、corrected、withdrawn、validity_changed、updated、repaired、expired、listed、removed"
    )
    change_name: str
    id: str = Field(description="对象编号")
    ref: str = Field(description="公开标识：交易项目为统一交易标识码，信用信息与名单为统一社会信用代码")
    title: str
    jurisdiction: str | None = Field(description="行政区划代码")
    occurred_at: dt.datetime
    url: str = Field(description="门户页面")
    api_url: str | None = Field(description="接口地址（如有）")


class ChangesOut(Schema):
    items: list[ChangeOut]
    next: str = Field(description="下一页的游标：作为 since 传回；没有新变更时与 since 相同")
    has_more: bool = Field(description="是否还有更多变更（可立即再取下一页）")


def _links(c: PublicChange) -> tuple[str, str | None]:
    if c.kind == Kind.DISCLOSURE:
        return reverse("portal:disclosure", args=[int(c.object_id)]), f"/api/disclosures/{c.object_id}"
    if c.kind == Kind.TRANSACTION:
        return reverse("portal:transaction", args=[c.ref]), f"/api/transactions/{c.ref}"
    if c.kind == Kind.ANNUAL_REPORT:
        return reverse("portal:report", args=[int(c.object_id)]), None
    if c.kind == Kind.BLACKLIST_ENTRY:
        return reverse("portal:entity", args=[c.ref]), "/api/blacklist"
    return reverse("portal:entity", args=[c.ref]), f"/api/entities/{c.ref}"


def _out(c: PublicChange) -> dict:
    url, api_url = _links(c)
    return {
        "cursor": str(c.id),
        "kind": c.kind,
        "kind_name": c.get_kind_display(),
        "change": c.change,
        "change_name": c.get_change_display(),
        "id": c.object_id,
        "ref": c.ref,
        "title": c.title,
        "jurisdiction": c.jurisdiction.code if c.jurisdiction else None,
        "occurred_at": c.occurred_at,
        "url": url,
        "api_url": api_url,
    }


def parse_cursor(value: str) -> int:
    """A cursor is what `next` or an item's `cursor` said; empty means from the start."""
    value = (value or "").strip()
    if not value:
        return 0
    if not value.isascii() or not value.isdigit() or len(value) > 18:
        raise DomainError("游标无效：请使用接口返回的 next 或 cursor 值", code="invalid_cursor")
    return int(value)


@router.get(
    "/changes",
    response={200: ChangesOut, 304: None, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="变更订阅：自游标之后的全部公开变更",
    description=(
        "按提交顺序列出公开内容的每一次变更（发布、更正、撤回、效力变更、交易项目更新、信用信息与名单的公示和移出、"
        "年度报告发布），每条一次。以上次响应的 next 作为 since 继续读取；稍后提交的变更总排在已读游标之后，不会遗漏。"
        "支持 If-None-Match（ETag）。"
    ),
)
def changes(
    request: HttpRequest,
    response: HttpResponse,
    since: str = Query("", description="游标：上次响应的 next；留空从头读取"),
    limit: int = Query(100, ge=1, le=selectors.MAX_LIMIT, description="每页条数，1–1000"),
    jurisdiction: str | None = Query(None, description="行政区划代码（含下级）"),  # noqa: B008
    kind: list[str] = Query([], description="对象类别，可多选"),  # noqa: B008
):
    cursor = parse_cursor(since)
    unknown = [k for k in kind if k not in Kind.values]
    if unknown:
        raise DomainError(
            f"未知的对象类别：{'、'.join(unknown)}（可选：{'、'.join(Kind.values)}）", code="invalid_kind"
        )
    ids = None
    if jurisdiction:
        j = catalog_selectors.get_jurisdiction(jurisdiction)
        ids = catalog_selectors.descendant_ids(j.pk)
    page = selectors.changes_after(cursor, limit=limit, jurisdiction_ids=ids, kinds=kind or None)
    key = f"{request.get_full_path()}|{page.next_cursor}|{len(page.items)}|{page.has_more}"
    etag = '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=5"
    if etag in request.headers.get("If-None-Match", ""):
        return Status(304, None)
    return {"items": [_out(c) for c in page.items], "next": str(page.next_cursor), "has_more": page.has_more}
