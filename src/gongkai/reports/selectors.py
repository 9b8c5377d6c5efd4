"""Reads of annual reports: the staff's list with due dates, the public's published versions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import OuterRef, QuerySet, Subquery

from gongkai.catalog.models import Jurisdiction
from gongkai.core.errors import NotFound
from gongkai.orgs.models import Organization
from gongkai.reports import permissions as perms
from gongkai.reports.models import Report, ReportVersion, State
from gongkai.reports.services import due_date


@dataclass(frozen=True)
class StaffRow:
    """One line of the staff list: a subject and year, with its report if one was started."""

    name: str
    year: int
    due_on: dt.date
    report: Report | None
    organization: Organization | None
    jurisdiction: Jurisdiction | None

    @property
    def state_label(self) -> str:
        if self.report is None:
            return "未编制"
        if self.report.state == State.DRAFT and self.report.versions.exists():
            return "更正中"
        return self.report.get_state_display()

    def overdue(self, today: dt.date) -> bool:
        published = self.report is not None and self.report.versions.exists()
        return not published and today > self.due_on


def staff_rows(user, today: dt.date) -> list[StaffRow]:
    """Last year's and this year's reports of every subject the user prepares, newest year first."""
    existing = {(r.organization_id, r.jurisdiction_id, r.year): r for r in perms.visible_to(user)}
    rows = []
    years = sorted({today.year - 1, today.year, *(k[2] for k in existing)}, reverse=True)
    for year in years:
        for org in perms.report_organizations(user).order_by("name"):
            r = existing.get((org.pk, None, year))
            if r or year >= today.year - 1:
                rows.append(StaffRow(org.name, year, due_date(year, consolidated=False), r, org, None))
        for j in perms.report_jurisdictions(user):
            r = existing.get((None, j.pk, year))
            if r or year >= today.year - 1:
                rows.append(
                    StaffRow(f"{j.name}人民政府（汇总）", year, due_date(year, consolidated=True), r, None, j)
                )
    return rows


def get_for_staff(user, pk: int) -> Report:
    report = (
        perms.visible_to(user, Report.objects.select_related("organization", "jurisdiction"))
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise NotFound("该年度报告不存在")
    return report


def versions_of(report: Report) -> list[ReportVersion]:
    return list(report.versions.order_by("-number"))


def published_versions() -> QuerySet[ReportVersion]:
    """The latest published version of every report (what the public reads)."""
    latest = ReportVersion.objects.filter(report=OuterRef("report")).order_by("-number").values("number")[:1]
    return ReportVersion.objects.filter(number=Subquery(latest)).select_related(
        "report__organization__jurisdiction", "report__jurisdiction"
    )


def public_list(*, jurisdiction: str | None = None, year: int | None = None) -> list[ReportVersion]:
    qs = published_versions()
    if year:
        qs = qs.filter(report__year=year)
    versions = list(qs)
    if jurisdiction:
        versions = [v for v in versions if v.content["subject"]["jurisdiction"] == jurisdiction]
    return sorted(versions, key=lambda v: (-v.report.year, v.content["subject"]["jurisdiction"],
                                           v.report.organization_id is not None, v.content["title"]))  # fmt: skip


def public_version(report_pk: int, number: int | None = None) -> ReportVersion:
    """The latest (or a given) published version of a report; drafts are 'not found'."""
    qs = ReportVersion.objects.filter(report_id=report_pk).select_related("report")
    version = qs.filter(number=number).first() if number else qs.order_by("-number").first()
    if version is None:
        raise NotFound("该年度报告不存在或尚未发布")
    return version


def find_organization(key: str) -> Organization:
    """An organization by its unified social credit code or its number."""
    org = Organization.objects.filter(uscc=key.strip().upper()).first()
    if org is None and key.isdigit():
        org = Organization.objects.filter(pk=int(key)).first()
    if org is None:
        raise NotFound("机构不存在")
    return org


def published_for(*, year: int, organization: Organization | None = None,
                  jurisdiction: Jurisdiction | None = None) -> ReportVersion:  # fmt: skip
    report = Report.objects.filter(organization=organization, jurisdiction=jurisdiction, year=year).first()
    if report is None:
        raise NotFound("该年度报告不存在或尚未发布")
    return public_version(report.pk)
