from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import factory

from gongkai.disclosures.choices import State
from gongkai.disclosures.models import Disclosure
from gongkai.disclosures.rules import compute_due
from tests.factories.catalog import catalog_item
from tests.factories.orgs import OrganizationFactory, UserFactory

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _published_at(d) -> dt.datetime | None:
    return dt.datetime.combine(d.published_on, dt.time(10), tzinfo=SHANGHAI) if d.published_on else None


class DisclosureFactory(factory.django.DjangoModelFactory):
    """A disclosure row as the workflow leaves it: a draft of Lu'an's award notice, due as the rules say.

    `published_on=…` (or the `published` trait) makes it published; `due_on=…` overrides the computed date.
    """

    class Meta:
        model = Disclosure

    organization = factory.SubFactory(OrganizationFactory)
    jurisdiction = factory.SelfAttribute("organization.jurisdiction")
    catalog_item = factory.LazyFunction(catalog_item)
    title = factory.Sequence(lambda n: f"测试公开信息{n}")
    body = "测试正文。（此件公开发布）"
    formed_on = dt.date(2026, 9, 25)
    due_on = factory.LazyAttribute(lambda d: compute_due(d.catalog_item, d.jurisdiction, d.formed_on).due_on)
    published_on = None
    state = factory.LazyAttribute(lambda d: State.PUBLISHED if d.published_on else State.DRAFT)
    published_at = factory.LazyAttribute(_published_at)
    created_by = factory.SubFactory(UserFactory)

    class Params:
        published = factory.Trait(published_on=factory.SelfAttribute("formed_on"))
