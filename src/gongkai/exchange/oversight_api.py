"""Monitoring figures over the API: `GET /api/oversight/summary`.

Public on purpose: how many records each body published on time, late or not at all is itself information mature
portals publish (季度监测 results are 通报ed, Hunchun 七（三）, Tinghu 四（四）), and the figures carry no personal
data. Only counts and per-organization rows are answered — never the records behind them (the drill-down, with
drafts and applications, stays in the back office), and not the inspection figures, which are internal until the
supervisor publishes its notice.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from gongkai.catalog import selectors as catalog_selectors
from gongkai.core.errors import InvalidFields
from gongkai.exchange.schemas import Day, ErrorOut
from gongkai.oversight import selectors as sel

router = Router(tags=["监督监测"])


class FigureOut(Schema):
    code: str = Field(description="指标代码，如 on_time、late、overdue、missing_stages、copies_missing")
    label: str
    value: int
    group: str = Field(
        description="类别：timeliness、completeness、copies、applications、correctness、complaints"
    )
    note: str = ""


class OrganizationRowOut(Schema):
    name: str
    uscc: str
    jurisdiction: str = Field(description="机构所在行政区划代码")
    figures: dict[str, int]
    on_time_rate: float | None = Field(description="按时公开率（%），本期无应公开信息时为 null")


class SummaryOut(Schema):
    jurisdiction: str
    jurisdiction_name: str
    start: dt.date
    end: dt.date
    as_of: dt.date
    figures: list[FigureOut]
    on_time_rate: float | None
    organizations: list[OrganizationRowOut] = Field(description="各机构的指标，按时公开率由低到高")


def _pct(rate: float | None) -> float | None:
    return None if rate is None else round(rate * 100, 1)


@router.get(
    "/oversight/summary",
    response={200: SummaryOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="公开时效等监测指标（含下级行政区域，按机构列出；不含具体记录）",
)
def summary(
    request: HttpRequest,
    jurisdiction: str = Query(..., description="行政区划代码（含下级）"),  # noqa: B008
    start: Day | None = Query(None, alias="from", description="期间起始日（含），默认本季度第一天"),  # noqa: B008
    end: Day | None = Query(None, alias="to", description="期间结束日（含），默认本季度最后一天"),  # noqa: B008
    domain: str | None = Query(None, description="公开领域代码"),  # noqa: B008
):
    j = catalog_selectors.get_jurisdiction(jurisdiction)
    today = timezone.localdate()
    default = sel.quarter_of(today)
    start, end = start or default.start, end or default.end
    if end < start:
        raise InvalidFields([("to", "结束日期不能早于起始日期")])
    if (end - start).days > 366 * 5:
        raise InvalidFields([("from", "期间不能超过五年")])
    scope = sel.Scope.of(j, start, end, today, domain=domain)
    figures = [f for f in sel.figures(scope) if f.public]
    rows = sel.organization_rows(scope)
    return {
        "jurisdiction": j.code,
        "jurisdiction_name": j.name,
        "start": start,
        "end": end,
        "as_of": today,
        "figures": [
            {"code": f.code, "label": f.label, "value": f.value, "group": f.group, "note": f.note}
            for f in figures
        ],  # fmt: skip
        "on_time_rate": _pct(sel.on_time_rate(sel.values(figures))),
        "organizations": [
            {
                "name": r.organization.name,
                "uscc": r.organization.uscc,
                "jurisdiction": r.organization.jurisdiction.code,
                "figures": {k: v for k, v in r.values.items() if k != "findings_overdue"},
                "on_time_rate": _pct(r.rate),
            }
            for r in rows
        ],  # fmt: skip
    }
