"""The search page: full-text with filters, facets, snippets, sorting and pagination, over the search service."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.catalog.models import Domain
from gongkai.catalog.selectors import jurisdictions_with_catalogs
from gongkai.core.errors import DomainError
from gongkai.core.params import parse_int
from gongkai.disclosures.choices import Validity
from gongkai.search.params import clean_params, describe, querystring, search_query
from gongkai.search.queries import DATE_PRESETS
from gongkai.search.services import search

FACET_TITLES = {"domain": "领域", "jurisdiction": "地区", "organization": "发布机构", "stage": "交易环节",
                "validity": "效力状态", "year": "发布年份"}  # fmt: skip
FACET_PARAM = {"domain": "domain", "jurisdiction": "jurisdiction", "organization": "organization",
               "stage": "stage", "validity": "validity"}  # fmt: skip


def _page_number(value: str | None) -> int:
    return parse_int(value, high=500) or 1


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    params = clean_params(request.GET)
    sort = "date" if request.GET.get("sort") == "date" else "relevance"
    page = _page_number(request.GET.get("page"))
    result, error = None, ""
    if params or request.GET.get("sort"):
        try:
            result = search(search_query(params, facets=True, sort=sort, page=page, per_page=20))
        except DomainError as exc:
            error = exc.message
    base = querystring(params)
    facets = []
    if result:
        for name, values in result.facets.items():
            if not values:
                continue
            param = FACET_PARAM.get(name)
            entries = []
            for v in values[:12]:
                link = None
                if param:
                    narrowed = {**params, param: v.value}
                    link = querystring(narrowed)
                entries.append(
                    {"label": v.label, "count": v.count, "link": link, "active": params.get(param) == v.value}
                )
            facets.append({"name": name, "title": FACET_TITLES.get(name, name), "values": entries})
    pages = None
    if result and result.count:
        last = min((result.count + result.per_page - 1) // result.per_page, 500)
        pages = {"number": result.page, "last": last, "prev": result.page - 1 if result.page > 1 else None,
                 "next": result.page + 1 if result.page < last else None}  # fmt: skip
    context = {
        "params": params,
        "sort": sort,
        "result": result,
        "error": error,
        "facets": facets,
        "pages": pages,
        "base": base,
        "conditions": describe(params),
        "domains": Domain.objects.order_by("position"),
        "jurisdictions": jurisdictions_with_catalogs(),
        "presets": DATE_PRESETS,
        "validities": Validity.choices,
    }
    return render(request, "portal/search.html", context)
