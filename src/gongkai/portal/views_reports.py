"""Public pages for annual reports (政府信息公开工作年度报告): the list of published reports by jurisdiction and
organization, a report's six sections with its tables, and its .docx and .xlsx. Drafts are never shown."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.catalog import selectors as catalog_selectors
from gongkai.core.errors import NotFound
from gongkai.portal.params import PageParams
from gongkai.reports import exports, selectors
from gongkai.reports.presenters import sections


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    p = PageParams(request.GET)
    code = p.text("jurisdiction", 20)
    year = p.year()
    versions = selectors.public_list(jurisdiction=code or None, year=year)
    years = sorted({v.report.year for v in selectors.public_list()}, reverse=True)
    groups: dict[str, list] = {}
    for v in versions:
        groups.setdefault(f"{v.report.year}年", []).append(v)
    return render(request, "portal/reports/list.html", {
        "groups": groups, "years": years, "year": year, "code": code,
        "jurisdictions": catalog_selectors.jurisdictions(), "param_notice": p.notice,
    })  # fmt: skip


def _version(pk: int, number: int | None = None):
    try:
        return selectors.public_version(pk, number)
    except NotFound as exc:
        raise Http404(exc.message) from exc


@require_GET
def report_detail(request: HttpRequest, pk: int, number: int | None = None) -> HttpResponse:
    version = _version(pk, number)
    versions = selectors.versions_of(version.report)
    return render(request, "portal/reports/detail.html", {
        "version": version, "content": version.content, "sections": sections(version.content),
        "versions": versions, "latest": versions[0],
    })  # fmt: skip


def download(content: dict, fmt: str) -> HttpResponse:
    try:
        return exports.http_response(content, fmt)
    except NotFound as exc:
        raise Http404(exc.message) from exc


@require_GET
def report_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return download(_version(pk).content, fmt)
