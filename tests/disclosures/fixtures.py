from __future__ import annotations

import datetime as dt

import pytest

from gongkai.catalog.models import CatalogItem, Jurisdiction
from gongkai.orgs.models import Role
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory, make_uscc

WINNER_USCC = "914403001922038216"


def item(code: str, key: str) -> CatalogItem:
    return CatalogItem.objects.select_related("domain", "stage").get(
        catalog__jurisdiction__code=code, key=key
    )


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
            "tenderer_uscc": make_uscc("91", "341500", __import__("random").Random(7)),
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


@pytest.fixture
def luan(db):
    return Jurisdiction.objects.get(code="341500")


@pytest.fixture
def centre(luan):
    return OrganizationFactory(name="六安市公共资源交易中心（测试）", kind="trading_centre", jurisdiction=luan,
                               uscc=make_uscc("12", "341500", __import__("random").Random(1)))  # fmt: skip


@pytest.fixture
def other_org(luan):
    return OrganizationFactory(name="六安市财政局（测试）", kind="department", jurisdiction=luan,
                               uscc=make_uscc("11", "341500", __import__("random").Random(2)))  # fmt: skip


@pytest.fixture
def supervisor_org(luan):
    return OrganizationFactory(name="六安市公共资源交易监督管理局（测试）", kind="department", jurisdiction=luan,
                               is_supervisor=True, uscc=make_uscc("11", "341500", __import__("random").Random(3)))  # fmt: skip


def member(org, role, username):
    return MembershipFactory(user=UserFactory(username=username), organization=org, role=role).user


@pytest.fixture
def publisher(centre):
    return member(centre, Role.PUBLISHER, "pub")


@pytest.fixture
def reviewer(centre):
    return member(centre, Role.REVIEWER, "rev")


@pytest.fixture
def award_item(db):
    return item("341500", "construction.award")


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
