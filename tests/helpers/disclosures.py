"""Disclosure helpers: the catalog items of the rule data, valid field values, and records taken through the
workflow the way the back office does it (two people, four eyes)."""

from __future__ import annotations

import datetime as dt
import random

from gongkai.catalog.models import CatalogItem
from gongkai.disclosures import services
from tests.factories import MembershipFactory, UserFactory
from tests.factories.catalog import catalog_item
from tests.helpers.codes import make_uscc

WINNER_USCC = "914403001922038216"


def item(code: str, key: str) -> CatalogItem:
    return catalog_item(code, key)


def award_data(**overrides):
    data = {
        "title": "六安市城区2026年老旧小区改造工程施工中标结果公告",
        "doc_no": "",
        "formed_on": dt.date(2026, 9, 25),
        "subject": "urban_rural",
        "genre": "notice",
        "body": "根据评标委员会的评审结果，确定中标人如下。招标人联系电话：0564-3371234。",
        "fields": {
            "project_name": "六安市城区2026年老旧小区改造工程施工",
            "tenderer": "六安市城市建设投资有限公司",
            "tenderer_uscc": make_uscc("91", "341500", random.Random(7)),
            "winner": "华为技术有限公司",
            "winner_uscc": WINNER_USCC,
            "bid_price": "12345678.00",
            "duration": "180日历天",
            "managers": [
                {
                    "name": "王建国",
                    "role": "项目经理",
                    "certificate": "一级建造师",
                    "certificate_no": "皖134060812345",
                }
            ],
        },
    }
    data.update(overrides)
    return data


def member(org, role, username):
    return MembershipFactory(user=UserFactory(username=username), organization=org, role=role).user


SAMPLE = {"text": "示例", "textarea": "示例内容", "integer": 1, "decimal": "1.5", "money": "100.00", "percent": "5",
          "date": "2026-09-20", "uscc": WINNER_USCC, "url": "https://example.gov.cn/", "boolean": True}  # fmt: skip


def required_fields(catalog_item) -> dict:
    """Valid values for every required structured field of a catalog item."""
    values = {}
    for spec in catalog_item.fields:
        if not spec.get("required"):
            continue
        if spec["type"] == "table":
            values[spec["key"]] = [{c["key"]: SAMPLE.get(c["type"], "示例") for c in spec.get("columns", [])}]
        elif spec["type"] == "choice":
            values[spec["key"]] = spec["options"][0]
        else:
            values[spec["key"]] = SAMPLE[spec["type"]]
    return values


def publish_through_services(
    publisher, reviewer, organization, catalog_item, *, title, body, today=None, fields=None
):
    """A record taken from draft to published by two people, the way the back office does it."""
    from gongkai.disclosures import services

    data = {"title": title, "body": body, "formed_on": dt.date(2026, 9, 25),
            "fields": fields if fields is not None else required_fields(catalog_item)}  # fmt: skip
    d = services.create_draft(actor=publisher, organization=organization, item=catalog_item, data=data)
    d = services.review(actor=reviewer, disclosure=services.submit(actor=publisher, disclosure=d))
    services.mask_personal_data(actor=reviewer, disclosure=d)
    d = services.approve(actor=reviewer, disclosure=d)
    return services.publish(actor=publisher, disclosure=d, today=today or dt.date(2026, 9, 30))


TODAY = dt.date(2026, 9, 30)


def draft(publisher, centre, award_item, **overrides):
    return services.create_draft(
        actor=publisher, organization=centre, item=award_item, data=award_data(**overrides)
    )


def to_approved(d, publisher, reviewer):
    d = services.submit(actor=publisher, disclosure=d)
    d = services.review(actor=reviewer, disclosure=d, comment="无涉密内容")
    services.mask_personal_data(actor=reviewer, disclosure=d)
    return services.approve(actor=reviewer, disclosure=d)


def published(publisher, reviewer, centre, award_item, **overrides):
    d = to_approved(draft(publisher, centre, award_item, **overrides), publisher, reviewer)
    return services.publish(actor=publisher, disclosure=d, today=TODAY)
