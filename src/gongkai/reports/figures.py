"""The computed part of an annual report: table 二 from published disclosures (mapped by the template),
tables 三 and 四 and the fees from the application ledger (applications.statistics). Never typed in."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from functools import reduce
from operator import or_

from django.db.models import Q

from gongkai.applications import statistics
from gongkai.catalog.models import Jurisdiction
from gongkai.catalog.selectors import descendant_ids
from gongkai.core.models import AuditEntry
from gongkai.disclosures.choices import State as DisclosureState
from gongkai.disclosures.choices import Validity
from gongkai.disclosures.models import Disclosure
from gongkai.orgs.models import Organization
from gongkai.reports.template import Template, get_template, relabel


def organizations_for(*, organization: Organization | None = None, jurisdiction: Jurisdiction | None = None):
    """The organizations a report covers: one, or every organization of the jurisdiction and its children."""
    if organization is not None:
        return Organization.objects.filter(pk=organization.pk)
    return Organization.objects.filter(jurisdiction_id__in=descendant_ids(jurisdiction.pk)).order_by(
        "jurisdiction__code", "name"
    )


def _glob(pattern: str) -> str:
    return "^" + ".*".join(re.escape(part) for part in str(pattern).split("*")) + "$"


def _alternative(alt: dict) -> Q:
    q = Q()
    if "items" in alt:
        items = alt["items"] or []
        q &= reduce(or_, (Q(catalog_item__key__regex=_glob(p)) for p in items), Q(pk__in=[]))
    if "genres" in alt:
        q &= Q(genre__in=alt["genres"] or [])
    if "subjects" in alt:
        q &= Q(subject__in=alt["subjects"] or [])
    if "doc_no" in alt:
        q &= Q(doc_no__regex=str(alt["doc_no"]))
    return q


def _match(row: dict) -> Q:
    alts = row.get("match") or []
    if not alts:
        return Q(pk__in=[])
    return reduce(or_, (_alternative(a) for a in alts))


def _amount(values: dict, field: str) -> Decimal:
    try:
        return Decimal(str((values or {}).get(field) or 0))
    except InvalidOperation:
        return Decimal(0)


def proactive_tables(
    org_ids: list[int], year: int, template: Template | None = None
) -> list[statistics.StatTable]:
    """Table 二, one StatTable per 第二十条 group."""
    template = template or get_template()
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    published = Disclosure.objects.filter(organization_id__in=org_ids, state=DisclosureState.PUBLISHED)
    repealed_ids = [
        int(pk)
        for pk in AuditEntry.objects.filter(
            action="disclosure.validity_changed", object_type="disclosures.disclosure",
            data__after=Validity.REPEALED, created_at__year=year,
        ).values_list("object_id", flat=True)
    ]  # fmt: skip
    tables = []
    for group in template.proactive:
        rows, earlier = [], Q(pk__in=[])
        for spec in group["rows"]:
            q = _match(spec)
            mine = published.filter(q).exclude(earlier)
            earlier |= q
            formed = mine.filter(formed_on__gte=start, formed_on__lte=end)
            cells: dict[str, int | str] = {}
            for col in group["columns"]:
                code = col["code"]
                if code in ("issued", "decisions"):
                    cells[code] = formed.count()
                elif code == "repealed":
                    cells[code] = mine.filter(pk__in=repealed_ids, validity=Validity.REPEALED).count()
                elif code == "in_force":
                    cells[code] = mine.filter(published_on__lte=end, validity=Validity.VALID).count()
                elif code == "amount":
                    field = spec.get("amount_field", "amount")
                    yuan = sum(
                        (_amount(f, field) for f in formed.values_list("fields", flat=True)), Decimal(0)
                    )
                    cells[code] = str((yuan / Decimal(10000)).quantize(Decimal("0.01")))
            rows.append(statistics.Row(spec["code"], spec["label"], 0, cells))
        tables.append(
            statistics.StatTable(
                code=group["code"],
                title=group["title"],
                columns=[statistics.Column(c["code"], (c["label"],)) for c in group["columns"]],
                rows=rows,
                scope={"year": year},
            )
        )
    return tables


def compute(*, organization: Organization | None = None, jurisdiction: Jurisdiction | None = None,
            year: int) -> dict:  # fmt: skip
    """Every computed figure of the report, as JSON-ready data (what a published version freezes)."""
    template = get_template()
    orgs = list(organizations_for(organization=organization, jurisdiction=jurisdiction))
    ids = [o.pk for o in orgs]
    applications = relabel(statistics.application_table(ids, year), template.table("applications"))
    remedies = relabel(statistics.remedy_table(ids, year), template.table("remedies"))
    return {
        "template": template.data["template"],
        "year": year,
        "organizations": [{"pk": o.pk, "name": o.name, "uscc": o.uscc} for o in orgs],
        "proactive": [t.to_dict() for t in proactive_tables(ids, year, template)],
        "applications": applications.to_dict(),
        "remedies": remedies.to_dict(),
        "fees_collected": str(statistics.fees_collected(ids, year)),
    }


def problems_of(figures: dict, previous: dict | None = None) -> list[str]:
    """The template's rules over a set of figures (and last year's, for the carried-over check)."""
    if not figures:
        return ["尚未统计数据"]
    apps = statistics.StatTable.from_dict(figures["applications"])
    prev = statistics.StatTable.from_dict(previous["applications"]) if previous else None
    out = statistics.problems(apps, prev)
    out += statistics.remedy_problems(statistics.StatTable.from_dict(figures["remedies"]))
    return out
