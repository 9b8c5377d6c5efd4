from __future__ import annotations

import datetime as dt

import pytest

from gongkai.catalog.models import Jurisdiction
from gongkai.orgs.models import Role
from tests.factories import OrganizationFactory, make_uscc
from tests.helpers.disclosures import (  # noqa: F401 - names kept importable from here
    SAMPLE,
    WINNER_USCC,
    award_data,
    item,
    member,
    publish_through_services,
    required_fields,
)


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


@pytest.fixture
def publisher(centre):
    return member(centre, Role.PUBLISHER, "pub")


@pytest.fixture
def reviewer(centre):
    return member(centre, Role.REVIEWER, "rev")


@pytest.fixture
def award_item(db):
    return item("341500", "construction.award")


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
