"""Organizations under the national profile (Anxi, 350524: 20 + 20 working days) and under Lu'an's own
(341500: 15 + 15), each with a handler and the head of its disclosure office."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from gongkai.applications import services
from gongkai.catalog.models import Jurisdiction
from gongkai.orgs.models import Role
from tests.disclosures.fixtures import member
from tests.factories import OrganizationFactory, make_uscc

PERSON_ID = "341502198001010012"  # valid GB 11643 check character
COMPANY_USCC = "914403001922038216"


def person(**overrides) -> dict:
    data = {
        "applicant_kind": "natural_person",
        "applicant_name": "张三",
        "id_type": "resident_id",
        "id_number": PERSON_ID,
        "phone": "13800000000",
        "email": "zhangsan@example.com",
        "address": "六安市金安区梅山南路1号",
        "info_title": "2025年老旧小区改造工程招标文件",
        "info_doc_no": "",
        "info_description": "请公开2025年老旧小区改造工程施工招标的招标文件及评标报告",
        "delivery_form": "electronic",
        "delivery_way": "email",
    }
    data.update(overrides)
    return data


def company(**overrides) -> dict:
    data = {
        "applicant_kind": "business",
        "applicant_name": "某某建设有限公司",
        "id_type": "uscc",
        "id_number": COMPANY_USCC,
    }
    data.update(overrides)
    return person(**data)


@pytest.fixture
def anxi_org(db):
    return OrganizationFactory(name="安溪县公共资源交易中心（测试）", kind="trading_centre",
                               jurisdiction=Jurisdiction.objects.get(code="350524"),
                               uscc=make_uscc("12", "350524", random.Random(11)))  # fmt: skip


@pytest.fixture
def luan_org(db):
    return OrganizationFactory(name="六安市公共资源交易中心（申请测试）", kind="trading_centre",
                               jurisdiction=Jurisdiction.objects.get(code="341500"),
                               uscc=make_uscc("12", "341500", random.Random(12)))  # fmt: skip


@pytest.fixture
def orgs(anxi_org, luan_org):
    return {"national": anxi_org, "luan": luan_org}


@pytest.fixture
def handlers(anxi_org, luan_org):
    return {"national": member(anxi_org, Role.HANDLER, "anxi-handler"),
            "luan": member(luan_org, Role.HANDLER, "luan-handler")}  # fmt: skip


@pytest.fixture
def heads(anxi_org, luan_org):
    return {"national": member(anxi_org, Role.REVIEWER, "anxi-head"),
            "luan": member(luan_org, Role.REVIEWER, "luan-head")}  # fmt: skip


@pytest.fixture
def handler(handlers):
    return handlers["luan"]


@pytest.fixture
def head(heads):
    return heads["luan"]


def in_person(org, actor, on: dt.date, **data):
    """An application handed in at the counter on `on` (its receipt date)."""
    app, _code = services.register_offline(actor=actor, organization=org, channel="in_person",
                                           data=person(**data), submitted_on=on, today=on)  # fmt: skip
    return app
