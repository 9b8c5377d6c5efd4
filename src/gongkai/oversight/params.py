"""The dashboard's and the API's filters, read from a query string into a `Scope` (shared by the staff pages, the
.xlsx export and the JSON API, so the same parameters mean the same records everywhere)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from gongkai.catalog.models import Domain, Jurisdiction
from gongkai.catalog.selectors import descendant_ids
from gongkai.core.params import parse_date, parse_int
from gongkai.orgs.models import Organization
from gongkai.oversight import selectors as sel


@dataclass
class Filters:
    jurisdiction: Jurisdiction
    organization: Organization | None
    domain: str
    preset: str
    period: sel.Period
    today: dt.date
    errors: list[str]

    @property
    def scope(self) -> sel.Scope:
        return sel.Scope.of(self.jurisdiction, self.period.start, self.period.end, self.today,
                            organization=self.organization, domain=self.domain)  # fmt: skip

    def query(self, **override) -> str:
        q = {"jurisdiction": self.jurisdiction.code, "preset": self.preset}
        if self.organization is not None:
            q["organization"] = str(self.organization.pk)
        if self.domain:
            q["domain"] = self.domain
        if self.preset == "custom":
            q["from"], q["to"] = self.period.start.isoformat(), self.period.end.isoformat()
        q.update({k: v for k, v in override.items() if v is not None})
        return urlencode(q)


def parse(params, *, allowed: list[Jurisdiction], today: dt.date) -> Filters:
    """Filters from a query string; anything not allowed or malformed falls back to the default, with a message."""
    errors: list[str] = []
    by_code = {j.code: j for j in allowed}
    code = params.get("jurisdiction") or ""
    jurisdiction = by_code.get(code) or allowed[0]
    if code and code not in by_code:
        errors.append("无权查看该行政区域，已显示本辖区")
    organization = None
    org_id = params.get("organization") or ""
    if org_id:
        organization = Organization.objects.filter(
            pk=parse_int(org_id) or 0, jurisdiction_id__in=descendant_ids(jurisdiction.pk)
        ).first()
        if organization is None:
            errors.append("所选机构不在该行政区域内，已显示全部机构")
    domain = params.get("domain") or ""
    if domain and not Domain.objects.filter(code=domain).exists():
        errors.append("没有该公开领域，已显示全部领域")
        domain = ""
    preset = params.get("preset") or ""
    # Both ends between 1900 and 2099 (parse_date): a period's quarters and years never run past 9999-12-31.
    start, end = parse_date(params.get("from")), parse_date(params.get("to"))
    if not preset:
        preset = "custom" if (start and end) else "this_quarter"
    if preset not in sel.PRESETS:
        preset = "this_quarter"
    if preset == "custom" and not (start and end and start <= end):
        errors.append(
            "自定义期间的起止日期无效（YYYY-MM-DD，1900 至 2099 年间，起始不晚于结束），已显示本季度"
        )
        preset = "this_quarter"
    period = sel.preset_period(preset, today, start, end)
    return Filters(jurisdiction, organization, domain, preset, period, today, errors)
