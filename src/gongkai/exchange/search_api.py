"""Search as JSON: the same service and parameters as the search page."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, JsonResponse
from ninja import Field, Query, Router, Schema

from gongkai.exchange.schemas import Day, ErrorOut, Id
from gongkai.search.params import clean_params, search_query
from gongkai.search.services import search

router = Router(tags=["搜索"])


class HitOut(Schema):
    id: int
    title: str
    url: str
    snippet: str = Field(description="HTML 片段：已转义，命中词以 <mark> 标出")
    published_on: dt.date
    organization: str
    jurisdiction: str
    domain: str
    index_no: str
    doc_no: str
    withdrawn: bool


class FacetOut(Schema):
    value: str
    label: str
    count: int


class SearchOut(Schema):
    items: list[HitOut]
    count: int
    facets: dict[str, list[FacetOut]]
    page: int
    per_page: int
    took_ms: float


class SearchParams(Schema):
    q: str = Field("", description="关键词：两个及以上汉字按子串匹配；空格分隔为“且”；引号内为短语")
    jurisdiction: str | None = Field(None, description="行政区划代码（含下级）")
    domain: str | None = None
    item: Id | None = Field(None, description="目录事项编号")
    stage: str | None = None
    organization: Id | None = None
    validity: str | None = Field(None, description="valid / expired / repealed")
    state: str | None = Field(None, description="published / withdrawn")
    date_preset: str | None = Field(None, description="today / 3d / 10d / 1m / 3m")
    date_from: Day | None = None
    date_to: Day | None = None
    sort: str = Field("relevance", description="relevance 或 date")
    page: int = Field(1, ge=1, le=500)
    per_page: int = Field(20, ge=1, le=100)


@router.get(
    "/search",
    response={200: SearchOut, 400: ErrorOut, 422: ErrorOut},
    summary="全文检索（子串匹配、筛选、分类统计）",
)
def search_endpoint(request: HttpRequest, params: Query[SearchParams]):
    raw = {k: v for k, v in params.dict().items() if v not in (None, "")}
    query = search_query(clean_params(raw), facets=True, sort="date" if params.sort == "date" else "relevance",
                         page=params.page, per_page=params.per_page)  # fmt: skip
    result = search(query)
    body = {
        "items": [{name: getattr(h, name) for name in _HIT_FIELDS} for h in result.hits],
        "count": result.count,
        "facets": {k: [f.__dict__ for f in v] for k, v in result.facets.items()},
        "page": result.page,
        "per_page": result.per_page,
        "took_ms": result.took_ms,
    }
    # The body is SearchOut by construction (tests check it against the schema); it is serialised directly
    # because validating a few hundred facet buckets through ninja's attribute getter costs ~2 ms per request.
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


_HIT_FIELDS = tuple(HitOut.model_fields)
