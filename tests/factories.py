from __future__ import annotations

import random

import factory
from django.contrib.auth import get_user_model

from gongkai.catalog.choices import BodyKind
from gongkai.catalog.models import Jurisdiction
from gongkai.core.codes import org_check_char, uscc_check_char
from gongkai.orgs.models import Membership, Organization, Role


def make_uscc(prefix: str = "91", region: str = "341500", rng: random.Random | None = None) -> str:
    """A valid unified social credit code (GB 32100 and GB 11714 check characters)."""
    rng = rng or random.Random()
    body = "".join(rng.choice("0123456789") for _ in range(8))
    code17 = prefix + region + body + org_check_char(body)
    return code17 + uscc_check_char(code17)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"用户{n}")
    password = factory.django.Password("pw-for-tests")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"测试机构{n}")
    uscc = factory.LazyFunction(lambda: make_uscc("11"))
    kind = BodyKind.DEPARTMENT
    jurisdiction = factory.LazyFunction(lambda: Jurisdiction.objects.get(code="341500"))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.PUBLISHER
