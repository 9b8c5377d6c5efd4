"""Turning domain objects into the API's plain data (shared by the JSON API and the feeds)."""

from __future__ import annotations

from django.urls import reverse

from gongkai.catalog.choices import Attribute, Level
from gongkai.catalog.models import CatalogItem, Jurisdiction
from gongkai.catalog.selectors import EffectiveProfile, describe_deadline


def jurisdiction_data(j: Jurisdiction, has_catalog: bool) -> dict:
    return {
        "code": j.code,
        "name": j.name,
        "level": j.level,
        "level_name": Level(j.level).label,
        "parent": j.parent.code if j.parent_id else None,
        "has_catalog": has_catalog,
        "url": reverse("portal:jurisdiction-detail", args=[j.code]),
    }


def profile_data(profile: EffectiveProfile) -> list[dict]:
    return [
        {
            "key": v.key,
            "label": v.label,
            "value": v.value,
            "set_by": v.jurisdiction_code,
            "set_by_name": v.jurisdiction_name,
            "inherited": v.inherited,
            "source": v.source,
        }
        for v in profile.values.values()
    ]


def item_data(item: CatalogItem, profile: EffectiveProfile) -> dict:
    return {
        "key": item.key,
        "domain": item.domain.code,
        "domain_name": item.domain.name,
        "category": item.category,
        "content": item.content,
        "attribute": item.attribute,
        "attribute_name": Attribute(item.attribute).label,
        "withheld_reason": item.withheld_reason,
        "publishers": item.publishers,
        "publisher_text": item.publisher_text,
        "deadline": item.deadline,
        "deadline_text": describe_deadline(item.deadline, profile),
        "channels": item.channels,
        "supervision": item.supervision,
        "stage": item.stage.code if item.stage_id else None,
        "stage_name": item.stage.name if item.stage_id else None,
        "personal_data": item.personal_data,
        "punitive": item.punitive,
        "fields": item.fields,
        "source": str(item.source),
        "source_ref": item.source_ref,
        "from_jurisdiction": item.catalog.jurisdiction.code,
    }
