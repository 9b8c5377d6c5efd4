from __future__ import annotations

import datetime as dt

import factory

from gongkai.credit.choices import RecordKind
from gongkai.credit.models import CreditRecord, Entity
from tests.factories.orgs import OrganizationFactory, UserFactory
from tests.helpers.codes import make_uscc


class EntityFactory(factory.django.DjangoModelFactory):
    """A market entity (a company) with a valid credit code."""

    class Meta:
        model = Entity
        django_get_or_create = ("uscc",)

    uscc = factory.LazyFunction(lambda: make_uscc("91", "440300"))
    name = factory.Sequence(lambda n: f"测试建设有限公司{n}")


class CreditRecordFactory(factory.django.DjangoModelFactory):
    """An honour record in its publicity period (a penalty needs the publicity rules: use credit.services)."""

    class Meta:
        model = CreditRecord

    entity = factory.SubFactory(EntityFactory)
    organization = factory.SubFactory(OrganizationFactory)
    kind = RecordKind.HONOUR
    title = factory.Sequence(lambda n: f"测试表彰{n}")
    content = "年度守信企业。"
    decided_by_name = "六安市公共资源交易监督管理局"
    decided_on = dt.date(2026, 5, 10)
    publicity_from = factory.SelfAttribute("decided_on")
    created_by = factory.SubFactory(UserFactory)
