"""Organizations under the national profile (Anxi, 350524: 20 + 20 working days) and under Lu'an's own
(341500: 15 + 15), each with a handler and the head of its disclosure office."""

from __future__ import annotations

import random

import pytest

from gongkai.catalog.models import Jurisdiction
from gongkai.orgs.models import Role
from tests.factories import OrganizationFactory, make_uscc
from tests.helpers.applications import COMPANY_USCC, PERSON_ID, company, in_person, person  # noqa: F401 - kept importable
from tests.helpers.disclosures import member


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
