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


@pytest.fixture
def search_corpus(publisher, reviewer, centre, award_item):
    """Five published records in two domains, indexed."""
    from gongkai.search.services import rebuild

    medical = item("341500", "medical.result")
    records = {
        "procurement": publish_through_services(publisher, reviewer, centre, medical, title="六安市人民医院医用耗材集中采购结果公告",
                                                body="本次集中采购共确定供应商三家，采购金额合计壹佰万元。"),
        "software": publish_through_services(publisher, reviewer, centre, award_item, title="六安市政务云平台软件开发项目中标结果公告",
                                             body="软件开发服务的中标人为华为技术有限公司。", fields=award_data()["fields"]),
        "roads": publish_through_services(publisher, reviewer, centre, award_item, title="金安区农村公路改造工程中标结果公告",
                                          body="道路改造工程，工期180日历天。", fields=award_data()["fields"]),
        "old": publish_through_services(publisher, reviewer, centre, award_item, title="老旧小区改造工程施工中标结果公告",
                                        body="政府采购与招标投标均依法进行。", fields=award_data()["fields"], today=dt.date(2025, 3, 3)),
        "hospital": publish_through_services(publisher, reviewer, centre, medical, title="六安市中医院医用设备采购结果公告",
                                             body="医用设备采购项目已完成。"),
    }  # fmt: skip
    rebuild()
    return records
