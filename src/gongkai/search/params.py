"""Search parameters as the search page, the JSON API, feeds and subscriptions carry them: parsed from a
query string, stored as JSON.

The names are those of `gongkai.search.services.SearchQuery`. Anything that does not parse is dropped rather
than refused, so a feed or a subscription made from any search page works.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from gongkai.core.params import clean_text, parse_date, parse_int

TEXT_PARAMS = {"q": 200, "jurisdiction": 12, "domain": 40, "stage": 40, "validity": 12, "state": 12,
               "date_preset": 20}  # fmt: skip
INT_PARAMS = ("item", "organization")
DATE_PARAMS = ("date_from", "date_to")
ORDER = ("q", "jurisdiction", "domain", "item", "stage", "organization", "validity", "state", "date_preset",
         "date_from", "date_to")  # fmt: skip


def clean_params(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The known search parameters of `raw` (a QueryDict or a dict), as JSON-ready values; blanks dropped."""
    out: dict[str, Any] = {}
    for name, limit in TEXT_PARAMS.items():
        # Control characters are dropped: they cannot be written into a feed's XML (nor NUL into PostgreSQL).
        value = clean_text(raw.get(name) or "", limit)
        if value:
            out[name] = value
    for name in INT_PARAMS:
        if (number := parse_int(raw.get(name))) is not None:
            out[name] = number
    for name in DATE_PARAMS:
        if (day := parse_date(raw.get(name))) is not None:
            out[name] = day.isoformat()
    return {name: out[name] for name in ORDER if name in out}


def search_query(params: Mapping[str, Any], *, facets: bool = False, **overrides: Any):
    """A `SearchQuery` for stored parameters (dates back to `date`), with `overrides` (sort, page…) applied.
    Feeds and pushes show no facets, so the aggregation is skipped unless asked for."""
    from gongkai.search.services import SearchQuery

    values: dict[str, Any] = dict(clean_params(params))
    for name in DATE_PARAMS:
        if name in values:
            values[name] = dt.date.fromisoformat(values[name])
    values["facets"] = facets
    values.update(overrides)
    return SearchQuery(**values)


def querystring(params: Mapping[str, Any]) -> str:
    return urlencode(clean_params(params))


def describe(params: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The conditions in words, as (label, value), for pages and e-mails."""
    from gongkai.catalog.models import CatalogItem, Domain, Jurisdiction, Stage
    from gongkai.disclosures.choices import State, Validity
    from gongkai.orgs.models import Organization

    p = clean_params(params)
    rows: list[tuple[str, str]] = []
    if "q" in p:
        rows.append(("关键词", p["q"]))
    if "jurisdiction" in p:
        j = Jurisdiction.objects.filter(code=p["jurisdiction"]).first()
        rows.append(("地区", j.name if j else p["jurisdiction"]))
    if "domain" in p:
        d = Domain.objects.filter(code=p["domain"]).first()
        rows.append(("领域", d.name if d else p["domain"]))
    if "item" in p:
        i = CatalogItem.objects.filter(pk=p["item"]).first()
        rows.append(("公开事项", i.category if i else str(p["item"])))
    if "stage" in p:
        s = Stage.objects.filter(code=p["stage"]).first()
        rows.append(("交易环节", s.name if s else p["stage"]))
    if "organization" in p:
        o = Organization.objects.filter(pk=p["organization"]).first()
        rows.append(("发布机构", o.name if o else str(p["organization"])))
    if "validity" in p:
        rows.append(("效力状态", dict(Validity.choices).get(p["validity"], p["validity"])))
    if "state" in p:
        rows.append(("状态", dict(State.choices).get(p["state"], p["state"])))
    if "date_preset" in p:
        rows.append(("发布时间", p["date_preset"]))
    if "date_from" in p or "date_to" in p:
        rows.append(("发布日期", f"{p.get('date_from', '…')} 至 {p.get('date_to', '…')}"))
    return rows


def default_name(params: Mapping[str, Any]) -> str:
    rows = describe(params)
    if not rows:
        return "全部新发布信息"
    return "；".join(f"{label}：{value}" for label, value in rows)[:200]
