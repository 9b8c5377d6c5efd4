"""Jurisdictions come from the rule data (data/jurisdictions/); the factory adds test-only areas below."""

from __future__ import annotations

import factory

from gongkai.catalog.choices import Level
from gongkai.catalog.models import CatalogItem, Jurisdiction

LUAN = "341500"


def jurisdiction(code: str = LUAN) -> Jurisdiction:
    """A jurisdiction loaded from data/ (六安市 unless another code is given)."""
    return Jurisdiction.objects.get(code=code)


def catalog_item(code: str = LUAN, key: str = "construction.award") -> CatalogItem:
    """A catalog item loaded from data/ (Lu'an's construction award notice unless told otherwise)."""
    return CatalogItem.objects.select_related("domain", "stage").get(
        catalog__jurisdiction__code=code, key=key
    )


class JurisdictionFactory(factory.django.DjangoModelFactory):
    """A county under Lu'an that no data file has: it inherits Lu'an's rules (an empty profile of its own)."""

    class Meta:
        model = Jurisdiction
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"3415{80 + n % 20}")  # 341580…341599: no data file uses them
    name = factory.Sequence(lambda n: f"测试县{n}")
    level = Level.COUNTY
    parent = factory.LazyFunction(jurisdiction)
