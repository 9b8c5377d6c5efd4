"""The JSON API (django-ninja); OpenAPI at /api/docs. Endpoints are thin: they call selectors and services."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import NinjaAPI, Query
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.renderers import JSONRenderer

from gongkai.catalog import selectors as catalog_selectors
from gongkai.core.errors import DomainError, NotFound
from gongkai.exchange.applications_api import router as applications_router
from gongkai.exchange.applications_api import staff as applications_staff_router
from gongkai.exchange.changes_api import router as changes_router
from gongkai.exchange.complaints_api import router as complaints_router
from gongkai.exchange.credit_api import credit as credit_router
from gongkai.exchange.disclosures_api import clients as client_router
from gongkai.exchange.disclosures_api import public as public_router
from gongkai.exchange.ocds_api import router as ocds_router
from gongkai.exchange.oversight_api import router as oversight_router
from gongkai.exchange.presenters import item_data, jurisdiction_data, profile_data
from gongkai.exchange.reports_api import router as reports_router
from gongkai.exchange.schemas import (
    CatalogOut,
    ErrorOut,
    JurisdictionDetailOut,
    JurisdictionOut,
    ProfileValueOut,
    WorkdayAddOut,
    WorkdayOut,
)
from gongkai.exchange.search_api import router as search_router
from gongkai.exchange.transactions_api import router as transactions_router
from gongkai.workdays.calendar import get_calendar


class ChineseJSONRenderer(JSONRenderer):
    """JSON with Chinese characters as they are (not \\u escapes): smaller and readable."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=ChineseJSONRenderer(),
    title="公开 Gongkai API",
    version="1",
    description="公共资源配置领域政府信息公开平台的开放接口：行政区域、规则配置、公开目录、工作日计算等。错误以 JSON 返回 {code, message}。",
    urls_namespace="api",
)


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, exc: DomainError):
    body = {"code": exc.code, "message": exc.message}
    if exc.details:
        body["details"] = exc.details
    return api.create_response(request, body, status=exc.status)


@api.exception_handler(AuthenticationError)
def auth_error(request: HttpRequest, exc: AuthenticationError):
    return api.create_response(
        request,
        {"code": "unauthorized", "message": "缺少或无效的接口令牌（Authorization: Bearer …）"},
        status=401,
    )


@api.exception_handler(NinjaValidationError)
def validation_error(request: HttpRequest, exc: NinjaValidationError):
    parts = []
    for err in exc.errors:
        loc = ".".join(str(x) for x in err.get("loc", []) if x not in ("query", "path", "body"))
        parts.append(f"{loc}：{err.get('msg', '')}")
    return api.create_response(
        request, {"code": "invalid_request", "message": "请求参数有误：" + "；".join(parts)}, status=422
    )


@api.get("/jurisdictions", response=list[JurisdictionOut], tags=["目录"], summary="行政区域列表")
def list_jurisdictions(request: HttpRequest):
    with_catalog = set(
        catalog_selectors.jurisdictions().filter(catalogs__isnull=False).values_list("code", flat=True)
    )
    return [jurisdiction_data(j, j.code in with_catalog) for j in catalog_selectors.jurisdictions()]


@api.get(
    "/jurisdictions/{code}",
    response={200: JurisdictionDetailOut, 404: ErrorOut},
    tags=["目录"],
    summary="行政区域及其规则配置",
)
def get_jurisdiction(request: HttpRequest, code: str):
    j = catalog_selectors.get_jurisdiction(code)
    data = jurisdiction_data(j, catalog_selectors.current_catalog(j) is not None)
    data["ancestors"] = [a.code for a in j.ancestors()]
    data["children"] = list(j.children.values_list("code", flat=True))
    data["ipv6"] = j.ipv6
    data["profile"] = profile_data(catalog_selectors.effective_profile(j))
    return data


@api.get(
    "/jurisdictions/{code}/profile",
    response={200: list[ProfileValueOut], 404: ErrorOut},
    tags=["目录"],
    summary="规则配置（含继承自上级的值及其依据）",
)
def get_profile(request: HttpRequest, code: str):
    return profile_data(catalog_selectors.effective_profile(catalog_selectors.get_jurisdiction(code)))


@api.get(
    "/jurisdictions/{code}/catalog",
    response={200: CatalogOut, 404: ErrorOut},
    tags=["目录"],
    summary="现行公开目录（本级事项及继承的上级事项）",
)
def get_catalog(request: HttpRequest, code: str, on: dt.date | None = None):
    j = catalog_selectors.get_jurisdiction(code)
    catalog = catalog_selectors.current_catalog(j, on)
    if catalog is None:
        raise NotFound(f"{j.name}没有{'该日' if on else '现行'}有效的公开目录")
    profile = catalog_selectors.effective_profile(j)
    return {
        "jurisdiction": j.code,
        "version": catalog.version,
        "effective_from": catalog.effective_from,
        "effective_to": catalog.effective_to,
        "extends": catalog.extends.code if catalog.extends_id else None,
        "lists": [
            {"title": lst.title, "items": [item_data(i, profile) for i in lst.items.all()]}
            for lst in catalog_selectors.catalog_lists(catalog)
        ],
        "inherited": [item_data(i, profile) for i in catalog_selectors.inherited_items(catalog)],
    }


@api.get(
    "/workdays/add",
    response={200: WorkdayAddOut, 422: ErrorOut},
    tags=["工作日"],
    summary="N 个工作日后的日期",
)
def workdays_add(
    request: HttpRequest,
    start: dt.date,
    days: int = Query(..., ge=0, le=365, description="工作日数（起算当日不计入）"),  # noqa: B008
):
    result = get_calendar().add_workdays(start, days)
    return {"start": start, "days": days, "due": result.due, "provisional": result.provisional}


@api.get(
    "/workdays/{day}", response={200: WorkdayOut, 422: ErrorOut}, tags=["工作日"], summary="某日是否为工作日"
)
def workday(request: HttpRequest, day: dt.date):
    answer = get_calendar().day(day)
    return {
        "date": answer.date,
        "workday": answer.workday,
        "provisional": answer.provisional,
        "name": answer.name,
    }


api.add_router("/", public_router)
api.add_router("/client", client_router)
api.add_router("/", credit_router)
api.add_router("/", transactions_router)
api.add_router("/", search_router)
api.add_router("/", applications_router)
api.add_router("/client", applications_staff_router)
api.add_router("/", complaints_router)
api.add_router("/", reports_router)
api.add_router("/", oversight_router)
api.add_router("/", ocds_router)
api.add_router("/", changes_router)
