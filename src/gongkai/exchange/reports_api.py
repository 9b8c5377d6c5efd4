"""Published annual reports over the API: the narrative sections and tables 二, 三 and 四 as data (rows with
their code, label and cells per column code), exactly as frozen at publication. Drafts are never returned."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema

from gongkai.catalog import selectors as catalog_selectors
from gongkai.exchange.schemas import ErrorOut, Year
from gongkai.reports import selectors
from gongkai.reports.models import ReportVersion
from gongkai.reports.template import get_template

router = Router(tags=["年度报告"])


class ColumnOut(Schema):
    code: str
    label: str
    path: list[str] = Field(description="多级表头，自上而下")


class RowOut(Schema):
    code: str
    label: str
    level: int = Field(description="缩进层级：0 一级项目，1 （一）（二）…，2 1. 2. …")
    cells: dict[str, int | str] | None = Field(description="按栏目代码的数值；标题行为 null")


class TableOut(Schema):
    code: str = Field(
        description="art20_1 / art20_5 / art20_6 / art20_8（表二）、applications（表三）、remedies（表四）"
    )
    section: str
    title: str
    note: str
    columns: list[ColumnOut]
    rows: list[RowOut]


class SectionOut(Schema):
    code: str
    title: str
    text: str = Field(description="正文（一、五、六部分）；表格部分为空")


class SubjectOut(Schema):
    kind: str = Field(description="organization 部门报告、jurisdiction 本级政府汇总报告")
    name: str
    uscc: str
    jurisdiction: str = Field(description="行政区划代码")


class ReportOut(Schema):
    title: str
    year: int
    subject: SubjectOut
    version: int
    published_at: dt.datetime
    correction_reason: str
    sections: list[SectionOut]
    tables: list[TableOut]
    fees_collected: str = Field(description="本年实际收取的信息处理费（元）")
    organizations: list[str] = Field(description="统计范围内的机构（统一社会信用代码）")
    url: str
    docx_url: str
    xlsx_url: str


class ReportSummaryOut(Schema):
    title: str
    year: int
    subject: SubjectOut
    version: int
    published_at: dt.datetime
    url: str
    api_url: str


def _tables(figures: dict) -> list[dict]:
    out = [{**t, "section": "proactive"} for t in figures.get("proactive", [])]
    out.append({**figures["applications"], "section": "applications"})
    out.append({**figures["remedies"], "section": "remedies"})
    return [{k: t.get(k, "") for k in ("code", "section", "title", "note", "columns", "rows")} for t in out]


def _api_url(v: ReportVersion) -> str:
    subject = v.content["subject"]
    if subject["kind"] == "jurisdiction":
        return f"/api/annual-reports/jurisdictions/{subject['jurisdiction']}/{v.report.year}"
    return f"/api/annual-reports/{subject['uscc']}/{v.report.year}"


def report_data(v: ReportVersion) -> dict:
    content, figures = v.content, v.content["figures"]
    titles = {s["code"]: s["title"] for s in get_template().sections}
    return {
        "title": content["title"],
        "year": content["year"],
        "subject": content["subject"],
        "version": v.number,
        "published_at": v.published_at,
        "correction_reason": v.reason,
        "sections": [
            {"code": c, "title": t, "text": content["narrative"].get(c, "")} for c, t in titles.items()
        ],
        "tables": _tables(figures),
        "fees_collected": figures.get("fees_collected", "0.00"),
        "organizations": [o["uscc"] for o in figures.get("organizations", [])],
        "url": reverse("portal:report", args=[v.report_id]),
        "docx_url": reverse("portal:report-export", args=[v.report_id, "docx"]),
        "xlsx_url": reverse("portal:report-export", args=[v.report_id, "xlsx"]),
    }


@router.get(
    "/annual-reports",
    response={200: list[ReportSummaryOut], 422: ErrorOut},
    summary="已发布的政府信息公开工作年度报告",
)
def list_reports(request: HttpRequest, jurisdiction: str = "", year: Year | None = None):
    return [
        {"title": v.content["title"], "year": v.report.year, "subject": v.content["subject"], "version": v.number,
         "published_at": v.published_at, "url": reverse("portal:report", args=[v.report_id]), "api_url": _api_url(v)}
        for v in selectors.public_list(jurisdiction=jurisdiction or None, year=year)
    ]  # fmt: skip


@router.get(
    "/annual-reports/jurisdictions/{code}/{year}",
    response={200: ReportOut, 404: ErrorOut, 422: ErrorOut},
    summary="本级政府汇总年度报告（按行政区划代码）",
)
def jurisdiction_report(request: HttpRequest, code: str, year: Year):
    j = catalog_selectors.get_jurisdiction(code)
    return report_data(selectors.published_for(year=year, jurisdiction=j))


@router.get(
    "/annual-reports/{organization}/{year}",
    response={200: ReportOut, 404: ErrorOut, 422: ErrorOut},
    summary="部门年度报告（机构的统一社会信用代码或编号）",
)
def organization_report(request: HttpRequest, organization: str, year: Year):
    org = selectors.find_organization(organization)
    return report_data(selectors.published_for(year=year, organization=org))
