"""Lu'an (341500) with its supervising office; Anxi (350524) without one, so its complaints go to Quanzhou's
(350500), the nearest parent with one (Fujian 350000 also has one, further up)."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

import pytest

from gongkai.catalog.models import Jurisdiction
from gongkai.complaints import services
from gongkai.orgs.models import Role
from tests.disclosures.fixtures import member
from tests.factories import OrganizationFactory, make_uscc

SHANGHAI = ZoneInfo("Asia/Shanghai")
DESCRIPTION = "2026年3月的老旧小区改造工程中标结果至今没有在网站上公开，已超过规定时限。"


def complaint_data(**overrides) -> dict:
    data = {
        "category": "not_disclosed",
        "subject_ref": "",
        "description": DESCRIPTION,
        "anonymous": False,
        "complainant_name": "王举报",
        "phone": "13900000001",
        "email": "wang@example.com",
    }
    data.update(overrides)
    return data


def at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(10), tzinfo=SHANGHAI)


def submit(org, day: dt.date = dt.date(2026, 3, 2), **overrides):
    return services.submit_complaint(organization=org, data=complaint_data(**overrides), now=at(day))


@pytest.fixture
def supervisor(supervisor_org):
    return member(supervisor_org, Role.SUPERVISOR, "jiandu-zhang")


@pytest.fixture
def org_publisher(centre):
    return member(centre, Role.PUBLISHER, "centre-pub")


@pytest.fixture
def anxi_org(db):
    return OrganizationFactory(name="安溪县公共资源交易中心（举报测试）", kind="trading_centre",
                               jurisdiction=Jurisdiction.objects.get(code="350524"),
                               uscc=make_uscc("12", "350524", random.Random(21)))  # fmt: skip


@pytest.fixture
def quanzhou_office(db):
    return OrganizationFactory(name="泉州市政务公开办（举报测试）", jurisdiction=Jurisdiction.objects.get(code="350500"),
                               is_supervisor=True, uscc=make_uscc("11", "350500", random.Random(22)))  # fmt: skip


@pytest.fixture
def fujian_office(db):
    return OrganizationFactory(name="福建省政务公开办（举报测试）", jurisdiction=Jurisdiction.objects.get(code="350000"),
                               is_supervisor=True, uscc=make_uscc("11", "350000", random.Random(23)))  # fmt: skip


@pytest.fixture
def quanzhou_supervisor(quanzhou_office):
    return member(quanzhou_office, Role.SUPERVISOR, "qz-sup")
