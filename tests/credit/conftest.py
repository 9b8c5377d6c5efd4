"""Fixtures for credit tests: an entity, people in every role around the Lu'an trading centre, and builders for
credit records and blacklist entries (dates after 2026-04-01, when 《信用修复管理办法》 applies)."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.credit import services
from gongkai.orgs.models import Role
from tests.factories import OrganizationFactory, make_uscc
from tests.helpers.credit import AUTHORITY_USCC, DECIDED, HUAWEI, entry_data, listed, penalty_data  # noqa: F401 - kept importable
from tests.helpers.disclosures import member


@pytest.fixture
def entity(publisher):
    return services.register_entity(
        actor=publisher,
        uscc=HUAWEI,
        name="华为技术有限公司",
        legal_representative="赵明路",
        registered_address="深圳市龙岗区坂田华为总部办公楼",
        registration_authority="深圳市市场监督管理局",
        established_on=dt.date(1987, 9, 15),
    )


@pytest.fixture
def both(centre):
    """Publisher and reviewer of the same organization: may propose and review, never their own."""
    user = member(centre, Role.PUBLISHER, "both")
    member(centre, Role.REVIEWER, "both")
    return user


@pytest.fixture
def supervisor(supervisor_org):
    return member(supervisor_org, Role.SUPERVISOR, "sup")


@pytest.fixture
def far_reviewer(db):
    """A reviewer in another jurisdiction (亭湖区): no say over Lu'an's entries."""
    from gongkai.catalog.models import Jurisdiction

    org = OrganizationFactory(name="盐城市亭湖区公共资源交易中心（测试）", kind="trading_centre",
                              jurisdiction=Jurisdiction.objects.get(code="320902"), is_supervisor=True,
                              uscc=make_uscc("12", "320902", __import__("random").Random(9)))  # fmt: skip
    return member(org, Role.SUPERVISOR, "far")
