from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from gongkai.catalog.choices import BodyKind
from gongkai.orgs.models import Membership, Organization, Role
from tests.factories.catalog import jurisdiction
from tests.helpers.codes import make_uscc


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"用户{n}")
    password = factory.django.Password("pw-for-tests")


class OrganizationFactory(factory.django.DjangoModelFactory):
    """A department in Lu'an (六安市) with a valid credit code; `supervisor=True` makes it a supervisor."""

    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"测试机构{n}")
    uscc = factory.LazyFunction(lambda: make_uscc("11"))
    kind = BodyKind.DEPARTMENT
    jurisdiction = factory.LazyFunction(jurisdiction)

    class Params:
        supervisor = factory.Trait(is_supervisor=True, name=factory.Sequence(lambda n: f"测试监督机构{n}"))
        trading_centre = factory.Trait(
            kind=BodyKind.TRADING_CENTRE,
            uscc=factory.LazyFunction(lambda: make_uscc("12")),
            name=factory.Sequence(lambda n: f"测试公共资源交易中心{n}"),
        )


class MembershipFactory(factory.django.DjangoModelFactory):
    """A user with a role in an organization: `MembershipFactory(role=Role.REVIEWER).user` is a reviewer."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.PUBLISHER
