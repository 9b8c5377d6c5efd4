"""Fixtures for credit tests: an entity, people in every role around the Lu'an trading centre, and builders for
credit records and blacklist entries (dates after 2026-04-01, when 《信用修复管理办法》 applies)."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.credit import services
from gongkai.orgs.models import Role
from tests.disclosures.fixtures import WINNER_USCC, member
from tests.factories import OrganizationFactory, make_uscc

HUAWEI = WINNER_USCC  # 华为技术有限公司, cn-rules §4.4
DECIDED = dt.date(2026, 5, 10)
AUTHORITY_USCC = "11341702486344515H"  # 宁国市商务局, a real code from cn-rules §4.4


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


def penalty_data(**overrides):
    data = {
        "kind": "penalty",
        "title": "行政处罚决定书（串通投标）",
        "content": "在六安市城区老旧小区改造工程施工招标中与其他投标人串通投标，处中标项目金额千分之五的罚款。",
        "decided_by_name": "六安市公共资源交易监督管理局",
        "decided_by_uscc": AUTHORITY_USCC,
        "decided_on": DECIDED,
        "doc_no": "六公管罚〔2026〕12号",
        "basis": "《中华人民共和国招标投标法》第五十三条",
        "severity": "general",
    }
    data.update(overrides)
    return data


def entry_data(**overrides):
    data = {
        "role": "bidder",
        "reason_category": "collusion",
        "reason": "在六安市城区老旧小区改造工程施工招标中与其他投标人串通投标，情节严重。",
        "legal_basis": "《中华人民共和国招标投标法》第五十三条；《招标投标法实施条例》第六十七条",
        "decided_by_name": "六安市公共资源交易监督管理局",
        "decided_by_uscc": AUTHORITY_USCC,
        "doc_no": "六公管信〔2026〕3号",
        "decided_on": DECIDED,
        "restricted_activities": "三年内禁止参加六安市依法必须进行招标的项目的投标。",
    }
    data.update(overrides)
    return data


def listed(entity, proposer, reviewer, centre, **overrides):
    entry = services.propose_listing(
        actor=proposer, organization=centre, entity=entity, data=entry_data(**overrides)
    )
    return services.review_listing(actor=reviewer, entry=entry, approve=True, comment="事实清楚，依据充分")
