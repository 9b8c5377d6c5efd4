from __future__ import annotations

import datetime as dt

from ninja import Schema


class ErrorOut(Schema):
    code: str
    message: str
    details: dict | None = None


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
