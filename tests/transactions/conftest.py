"""Fixtures for transactions: a project owner in Lu'an with a publisher and a reviewer, a helper that publishes a
disclosure of a catalog item through the whole workflow, and one that builds a transaction step by step."""

from __future__ import annotations

import random

import pytest
from tests.factories import OrganizationFactory, make_uscc
from tests.helpers.disclosures import member
from tests.helpers.transactions import REGISTERED, Builder, publish  # noqa: F401 - kept importable

from gongkai.orgs.models import Role


@pytest.fixture
def owner(luan):
    return OrganizationFactory(name="六安市第一中学（测试）", kind="owner", jurisdiction=luan,
                               uscc=make_uscc("12", "341500", random.Random(11)))  # fmt: skip


@pytest.fixture
def owner_publisher(owner):
    return member(owner, Role.PUBLISHER, "owner-pub")


@pytest.fixture
def owner_reviewer(owner):
    return member(owner, Role.REVIEWER, "owner-rev")


@pytest.fixture
def build(owner, owner_publisher, owner_reviewer):
    return Builder(owner, owner_publisher, owner_reviewer)
