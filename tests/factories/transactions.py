from __future__ import annotations

import datetime as dt

import factory

from gongkai.catalog.models import Domain
from gongkai.transactions.codes import compose
from gongkai.transactions.models import Transaction
from tests.factories.orgs import OrganizationFactory, UserFactory


class TransactionFactory(factory.django.DjangoModelFactory):
    """A construction project registered by a Lu'an owner, with a valid unified transaction code."""

    class Meta:
        model = Transaction

    owner = factory.SubFactory(OrganizationFactory, kind="owner")
    registered_by = factory.SelfAttribute("owner")
    jurisdiction = factory.SelfAttribute("owner.jurisdiction")
    region_code = factory.SelfAttribute("jurisdiction.code")
    domain = factory.LazyFunction(lambda: Domain.objects.get(code="construction"))
    operator_uscc = factory.SelfAttribute("owner.uscc")
    registered_on = dt.date(2026, 3, 2)
    code = factory.LazyAttributeSequence(lambda t, n: compose(t.operator_uscc, t.registered_on, n + 1))
    title = factory.Sequence(lambda n: f"测试工程{n}")
    created_by = factory.SubFactory(UserFactory)
