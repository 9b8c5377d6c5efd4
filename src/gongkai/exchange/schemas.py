from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from ninja import Schema
from pydantic import BeforeValidator, Field

from gongkai.core.params import MAX_ID

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: Any) -> Any:
    # pydantic's lax mode reads "0" or 1700000000 as a Unix time (1970-01-01 …) and "2025-01-01T00:00" as a date;
    # the API documents YYYY-MM-DD and nothing else.
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError("应为有效日期（YYYY-MM-DD）")
    return value


Day = Annotated[dt.date, BeforeValidator(_iso_date)]
"""A date given by a client: only YYYY-MM-DD, checked before pydantic parses it."""

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
"""A record's number given by a client."""
Offset = Annotated[int, Field(ge=0, le=MAX_ID)]
Year = Annotated[int, Field(ge=1900, le=2100)]


class ErrorOut(Schema):
    code: str
    message: str
    details: dict | None = None


def errors(*statuses: int) -> dict[int, type[ErrorOut]]:
    """Response-map entries for error statuses: `response={200: X, **errors(404, 422)}`."""
    return dict.fromkeys(statuses, ErrorOut)


class JurisdictionOut(Schema):
    code: str
    name: str
    level: str
    level_name: str
    parent: str | None
    has_catalog: bool
    url: str


class ProfileValueOut(Schema):
    key: str
    label: str
    value: int | str | list[str] | None
    set_by: str  # code of the jurisdiction whose file sets the value
    set_by_name: str
    inherited: bool
    source: str


class JurisdictionDetailOut(JurisdictionOut):
    ancestors: list[str]
    children: list[str]
    ipv6: bool
    profile: list[ProfileValueOut]


class FieldOut(Schema):
    key: str
    label: str
    type: str
    required: bool = False
    personal: bool = False
    options: list[str] | None = None
    columns: list[FieldOut] | None = None


class CatalogItemOut(Schema):
    key: str
    domain: str
    domain_name: str
    category: str
    content: str
    attribute: str
    attribute_name: str
    withheld_reason: str
    publishers: list[str]
    publisher_text: str
    deadline: dict
    deadline_text: str
    channels: list[str]
    supervision: str
    stage: str | None
    stage_name: str | None
    personal_data: bool
    punitive: bool
    fields: list[FieldOut]
    source: str
    source_ref: str
    from_jurisdiction: str


class CatalogListOut(Schema):
    title: str
    items: list[CatalogItemOut]


class CatalogOut(Schema):
    jurisdiction: str
    version: str
    effective_from: dt.date
    effective_to: dt.date | None
    extends: str | None
    lists: list[CatalogListOut]
    inherited: list[CatalogItemOut]


class WorkdayAddOut(Schema):
    start: dt.date
    days: int
    due: dt.date
    provisional: bool


class WorkdayOut(Schema):
    date: dt.date
    workday: bool
    provisional: bool
    name: str = ""


# Write operations that accept an Idempotency-Key (core/idempotency.py): the header in the OpenAPI schema.
# Use with `openapi_extra=IDEMPOTENT` and `@decorate_view(idempotent_view)`; the response map adds 409 and 422.
IDEMPOTENT = {
    "parameters": [
        {
            "in": "header",
            "name": "Idempotency-Key",
            "required": False,
            "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[\\x21-\\x7e]+$"},
            "description": "幂等键（如 UUID）：因未收到答复而重试时使用同一个键和同样的请求体，"
            "将得到第一次的答复（状态码和内容相同，附 Idempotent-Replayed: true），不会重复办理；"
            "同一个键用于不同的请求体时答复 422。保存 24 小时。",
        }
    ]
}
