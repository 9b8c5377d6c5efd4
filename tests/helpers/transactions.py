"""Transaction helpers: a disclosure of a catalog item published through the whole workflow, and a builder that
registers a transaction and attaches its steps."""

from __future__ import annotations

import datetime as dt

from gongkai.catalog.models import Domain
from gongkai.disclosures import services as disclosure_services
from gongkai.transactions import services
from tests.helpers.disclosures import item, required_fields

REGISTERED = dt.date(2026, 3, 2)


def publish(org, publisher, reviewer, key: str, *, fields=None, formed_on: dt.date, published_on: dt.date,
            code: str = "341500", title: str = ""):  # fmt: skip
    """A published disclosure of catalog item `key`: required fields filled, `fields` on top, through the workflow."""
    catalog_item = item(code, key)
    values = required_fields(catalog_item)
    values.update(fields or {})
    d = disclosure_services.create_draft(
        actor=publisher,
        organization=org,
        item=catalog_item,
        data={"title": title or f"测试项目{catalog_item.category}", "formed_on": formed_on,
              "body": f"测试项目{catalog_item.category}的正文。", "fields": values},
    )  # fmt: skip
    d = disclosure_services.submit(actor=publisher, disclosure=d)
    d = disclosure_services.review(actor=reviewer, disclosure=d)
    d = disclosure_services.approve(actor=reviewer, disclosure=d)
    return disclosure_services.publish(actor=reviewer, disclosure=d, today=published_on)


class Builder:
    """Registers a transaction for the owner and publishes and attaches its steps."""

    def __init__(self, owner, publisher, reviewer):
        self.owner, self.publisher, self.reviewer = owner, publisher, reviewer

    def transaction(self, domain: str = "construction", **kwargs):
        kwargs.setdefault("title", "六安市第一中学教学楼改造工程")
        kwargs.setdefault("today", REGISTERED)
        return services.create_transaction(
            actor=self.publisher, organization=self.owner, domain=Domain.objects.get(code=domain), **kwargs
        )

    def step(self, t, key: str, *, published_on: dt.date, formed_on: dt.date | None = None, fields=None):
        d = publish(self.owner, self.publisher, self.reviewer, key, fields=fields, published_on=published_on,
                    formed_on=formed_on or published_on)  # fmt: skip
        services.attach_disclosure(actor=self.publisher, transaction=t, disclosure=d)
        return d
