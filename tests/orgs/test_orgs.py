from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from gongkai.catalog.models import Jurisdiction
from gongkai.core.errors import DomainError
from gongkai.demo.services import load_demo
from gongkai.orgs.models import Membership, Organization, Role
from gongkai.orgs.selectors import organizations_of
from gongkai.orgs.services import create_organization
from tests.factories import MembershipFactory, make_uscc


def test_an_organization_with_a_bad_credit_code_is_refused(db):
    luan = Jurisdiction.objects.get(code="341500")
    with pytest.raises(DomainError, match="校验位不正确"):
        create_organization(
            name="六安市某局", uscc="11341500MB1234567X", kind="department", jurisdiction=luan
        )
    assert not Organization.objects.filter(name="六安市某局").exists()


def test_an_organization_with_a_valid_code_is_created(db):
    luan = Jurisdiction.objects.get(code="341500")
    code = make_uscc("11", "341500")
    org = create_organization(
        name="六安市数据资源管理局", uscc=code.lower(), kind="department", jurisdiction=luan
    )
    assert org.uscc == code


def test_roles_scope_organizations(db):
    m = MembershipFactory(role=Role.REVIEWER)
    MembershipFactory(user=m.user, role=Role.PUBLISHER)
    assert list(organizations_of(m.user, Role.REVIEWER)) == [m.organization]
    assert organizations_of(m.user).count() == 2


def test_demo_data_has_organizations_and_staff_in_each_seed_jurisdiction(db):
    password, accounts = load_demo()
    again = load_demo()  # idempotent
    assert len(again[1]) == len(accounts)
    for code in ["222404", "320902", "341500", "350524", "140100"]:
        assert Organization.objects.filter(jurisdiction__code=code, kind="trading_centre").exists()
        roles = set(
            Membership.objects.filter(organization__jurisdiction__code=code).values_list("role", flat=True)
        )
        assert {"publisher", "reviewer", "handler", "supervisor"} <= roles
    assert get_user_model().objects.get(username="luan-publisher").check_password(password)
