"""Open Contracting Data Standard (OCDS 1.1) over the API: release packages (paged, by jurisdiction), one release,
the record of an ocid, and Gongkai's extension (the mapping and its reasons: docs/ocds.md)."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Path, Query, Router, Schema

from gongkai.catalog import selectors as catalog_selectors
from gongkai.core.errors import NotFound
from gongkai.exchange.schemas import ErrorOut
from gongkai.ocds import packages
from gongkai.ocds.mapping import ocds_dir

router = Router(tags=["开放合同数据"])

EXTENSION_FILES = ("extension.json", "release-schema.json")


class PublisherOut(Schema):
    name: str
    uri: str | None = None


class PackageMeta(Schema):
    uri: str
    version: str = Field(description="OCDS 版本（1.1）")
    extensions: list[str] = Field(description="所用扩展的 extension.json 地址")
    publishedDate: str  # noqa: N815 - OCDS field names
    publisher: PublisherOut
    license: str
    publicationPolicy: str = Field(description="数据发布说明页面")  # noqa: N815


class LinksOut(Schema):
    next: str | None = Field(None, description="下一页地址；最后一页没有")


class ReleasePackageOut(PackageMeta):
    releases: list[dict[str, Any]] = Field(
        description="OCDS 1.1 发布（release），格式见 OCDS 发布模式及本平台扩展"
    )
    links: LinksOut | None = None


class RecordPackageOut(PackageMeta):
    packages: list[str]
    records: list[dict[str, Any]] = Field(
        description="OCDS 1.1 记录：releases、compiledRelease、versionedRelease"
    )


def _absolute(request: HttpRequest, path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


@router.get(
    "/ocds/releases",
    response={200: ReleasePackageOut, 404: ErrorOut, 422: ErrorOut},
    summary="交易项目的 OCDS 发布包（分页）",
    description=(
        "公开交易项目的 OCDS 1.1 发布包：每个交易项目为一个合同过程（ocid = 前缀 + 统一交易标识码），其各环节已发布信息的"
        "每一版为一条发布，撤回的信息为一条撤销发布。按交易项目登记顺序分页，每页 limit 个交易项目及其全部发布；"
        "links.next 为下一页。jurisdiction 筛选某行政区域及其下级。"
    ),
    url_name="ocds_releases",
)
def list_releases(
    request: HttpRequest,
    jurisdiction: str | None = Query(None, pattern=r"^\d{6}$", description="行政区划代码（含下级）"),  # noqa: B008
    cursor: str | None = Query(None, max_length=64, pattern=r"^[A-Za-z0-9_-]+$", description="翻页标记"),  # noqa: B008
    limit: int = Query(20, ge=1, le=packages.MAX_PAGE, description="每页交易项目数"),  # noqa: B008
):
    j = catalog_selectors.get_jurisdiction(jurisdiction) if jurisdiction else None
    page = packages.releases_page(jurisdiction=j, cursor=cursor, limit=limit)
    package = packages.release_package(
        page.releases, uri=_absolute(request, request.get_full_path()), jurisdiction=j
    )
    if page.next_cursor:
        query = request.GET.copy()
        query["cursor"] = page.next_cursor
        package["links"] = {"next": _absolute(request, f"{request.path}?{query.urlencode()}")}
    return package


@router.get(
    "/ocds/releases/{release_id}",
    response={200: ReleasePackageOut, 404: ErrorOut, 422: ErrorOut},
    summary="一条 OCDS 发布（发布包）",
    url_name="ocds_release",
)
def get_release(
    request: HttpRequest,
    release_id: str = Path(..., max_length=40, pattern=r"^d\d{1,12}-(v\d{1,6}|withdrawn)$"),  # noqa: B008
):
    t, release = packages.find_release(release_id)
    return packages.release_package(
        [release], uri=_absolute(request, request.path), jurisdiction=t.jurisdiction
    )


@router.get(
    "/ocds/records/{ocid}",
    response={200: RecordPackageOut, 404: ErrorOut, 422: ErrorOut},
    summary="一个交易项目的 OCDS 记录（记录包）",
    description="记录含该合同过程的全部发布、合并后的 compiledRelease（后发布的值优先，null 删除字段，对象数组按 id 合并）和逐字段版本的 versionedRelease。",
    url_name="ocds_record",
)
def get_record(
    request: HttpRequest,
    ocid: str = Path(..., max_length=80, pattern=r"^[A-Za-z0-9-]+$"),  # noqa: B008
):
    t = packages.transaction_for(ocid)
    record = packages.record_of(t)
    return packages.record_package(
        [record], uri=_absolute(request, request.path), jurisdiction=t.jurisdiction
    )


@router.get(
    "/ocds/extension/{name}",
    response={200: dict[str, Any], 404: ErrorOut, 422: ErrorOut},
    summary="本平台的 OCDS 扩展（extension.json、release-schema.json）",
    url_name="ocds_extension",
)
def get_extension(request: HttpRequest, name: str = Path(..., max_length=40)):  # noqa: B008
    if name not in EXTENSION_FILES:
        raise NotFound("没有这个扩展文件")
    data = json.loads((ocds_dir() / "extension" / name).read_text(encoding="utf-8"))
    if name == "extension.json":
        policy = _absolute(request, reverse("portal:ocds-policy"))
        data["documentationUrl"] = {"en": policy, "zh": policy}
    return data
