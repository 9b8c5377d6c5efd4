"""The open-data files over the API: the same list and data dictionary as /data/."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from gongkai.exchange.schemas import ErrorOut
from gongkai.opendata import selectors
from gongkai.opendata.dictionary import columns

router = Router(tags=["开放数据"])


class DataFileOut(Schema):
    scope: str = Field(description="行政区划代码（含下级），或 all")
    period: str = Field(description="YYYY-MM，或 all（完整快照）")
    format: str = Field(description="jsonl、csv 或 xlsx")
    url: str
    rows: int
    size: int = Field(description="字节数")
    sha256: str
    generated_at: dt.datetime


class DataColumnOut(Schema):
    key: str = Field(description="英文列名（JSON 键）")
    name: str = Field(description="中文列名（CSV、.xlsx 表头）")
    type: str
    type_name: str
    source: str = Field(description="来源规则")


@router.get(
    "/data/files", response={200: list[DataFileOut], 422: ErrorOut}, summary="开放数据文件列表（含校验值）"
)
def data_files(request: HttpRequest, scope: str | None = Query(None, max_length=12)):  # noqa: B008
    return [
        {
            "scope": f.scope,
            "period": f.period,
            "format": f.fmt,
            "url": reverse("portal:data-file", args=[f.name]),
            "rows": f.rows,
            "size": f.size,
            "sha256": f.sha256,
            "generated_at": f.generated_at,
        }
        for f in selectors.files(scope)
    ]


@router.get("/data/dictionary", response=list[DataColumnOut], summary="开放数据的数据字典")
def data_dictionary(request: HttpRequest):
    return [
        {"key": c.key, "name": c.zh, "type": c.type, "type_name": c.type_name, "source": c.source}
        for c in columns()
    ]
