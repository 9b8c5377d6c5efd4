"""Reads of jurisdictions, their rule profiles and their catalogs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from gongkai.catalog.models import Catalog, CatalogItem, CatalogList, Jurisdiction, SourceDocument
from gongkai.catalog.vocabulary import vocabulary
from gongkai.core.deidentify import KIND_LABELS
from gongkai.core.errors import NotFound


@dataclass(frozen=True)
class ProfileValue:
    key: str
    label: str
    value: int | str | list[str] | None
    jurisdiction_code: str  # where the value is set
    jurisdiction_name: str
    inherited: bool
    source: str  # 《title》ref, when the file names one

    @property
    def kinds(self) -> list[str] | None:
        """For a list of personal-data kinds (deid_blocking_kinds …): their Chinese names; else None."""
        if not isinstance(self.value, list):
            return None
        return [KIND_LABELS.get(str(k), str(k)) for k in self.value]


@dataclass(frozen=True)
class EffectiveProfile:
    jurisdiction: Jurisdiction
    values: dict[str, ProfileValue]

    def __getitem__(self, key: str) -> int | str | list[str] | None:
        return self.values[key].value


def get_jurisdiction(code: str) -> Jurisdiction:
    j = Jurisdiction.objects.select_related("parent").filter(code=code).first()
    if j is None:
        raise NotFound(f"没有代码为“{code}”的行政区域")
    return j


def jurisdictions() -> QuerySet[Jurisdiction]:
    return Jurisdiction.objects.select_related("parent").order_by("code")


def jurisdictions_with_catalogs() -> QuerySet[Jurisdiction]:
    """Jurisdictions that have a catalog of their own, below the national level (the seeds and new counties)."""
    return jurisdictions().filter(catalogs__isnull=False).exclude(level="national").distinct()


def effective_profile(jurisdiction: Jurisdiction) -> EffectiveProfile:
    """Each profile key's value from the nearest jurisdiction that sets it, with where it came from."""
    chain = [jurisdiction, *jurisdiction.ancestors()]
    docs = {
        (d.jurisdiction_id, d.key): d
        for d in SourceDocument.objects.filter(jurisdiction__in=[j.pk for j in chain])
    }
    values = {}
    for key, label in vocabulary().profile_keys.items():
        for j in chain:
            if key in j.profile:
                src = j.profile_sources.get(key)
                doc = docs.get((j.pk, src["doc"])) if src else None
                source = f"《{doc.title}》{src['ref']}" if doc else ""
                values[key] = ProfileValue(
                    key, label, j.profile[key], j.code, j.name, j is not jurisdiction, source
                )
                break
        else:
            values[key] = ProfileValue(key, label, None, "", "", True, "")
    return EffectiveProfile(jurisdiction, values)


def current_catalog(jurisdiction: Jurisdiction, on: dt.date | None = None) -> Catalog | None:
    """The catalog version in force on a date (today by default)."""
    on = on or timezone.localdate()
    return (
        Catalog.objects.filter(jurisdiction=jurisdiction, effective_from__lte=on)
        .exclude(effective_to__lte=on)
        .order_by("-effective_from")
        .first()
    )


def catalog_lists(catalog: Catalog) -> list[CatalogList]:
    """The catalog's tables with their items, ready to render (a fixed number of queries)."""
    items = CatalogItem.objects.select_related("domain", "stage", "source").order_by("position")
    return list(catalog.lists.prefetch_related(Prefetch("items", queryset=items)).order_by("position"))


def inherited_items(catalog: Catalog) -> list[CatalogItem]:
    """Items of the extended catalog (recursively) that this catalog does not override by key."""
    own = set(catalog.items.values_list("key", flat=True))
    result: list[CatalogItem] = []
    seen = {catalog.jurisdiction_id}
    parent = catalog.extends
    while parent is not None and parent.pk not in seen:
        seen.add(parent.pk)
        base = current_catalog(parent)
        if base is None:
            break
        for item in base.items.select_related("domain", "stage", "source", "catalog__jurisdiction").order_by(
            "catalog_list__position", "position"
        ):
            if item.key not in own:
                own.add(item.key)
                result.append(item)
        parent = base.extends
    return result


def effective_items(jurisdiction: Jurisdiction, on: dt.date | None = None) -> list[CatalogItem]:
    """Everything a jurisdiction's bodies must disclose: its own items and the ones it inherits."""
    catalog = current_catalog(jurisdiction, on)
    if catalog is None:
        for ancestor in jurisdiction.ancestors():
            catalog = current_catalog(ancestor, on)
            if catalog is not None:
                break
    if catalog is None:
        return []
    own = list(
        catalog.items.select_related("domain", "stage", "source").order_by(
            "catalog_list__position", "position"
        )
    )
    return own + inherited_items(catalog)


def describe_deadline(deadline: dict, profile: EffectiveProfile) -> str:
    """The time limit of an item in words, with the number of days resolved from the profile."""
    rule = deadline.get("rule")
    if rule == "proactive":
        base = f"信息形成或变更之日起{profile['proactive_days']}个工作日内"
    elif rule == "licence_penalty":
        base = f"行政许可、行政处罚决定作出之日起{profile['licence_penalty_days']}个工作日内"
    elif rule == "workdays":
        base = f"{deadline.get('days')}个工作日内"
    elif rule == "calendar_days":
        base = f"{deadline.get('days')}日内"
    else:
        base = ""
    text = deadline.get("text")
    if not text:
        return base
    # The document's own words first; the resolved limit only where they do not already state it.
    days = {"proactive": profile["proactive_days"], "licence_penalty": profile["licence_penalty_days"]}.get(
        rule, deadline.get("days")
    )
    if days is not None and str(days) in text:
        return text
    return f"{text}（{base}）" if base else text


_item_ids_cache: dict[tuple, frozenset[int]] = {}


def effective_item_ids(jurisdiction: Jurisdiction, on: dt.date | None = None) -> frozenset[int]:
    """Ids of `effective_items()`, cached per process until a catalog is loaded (a new catalog has a new id)."""
    on = on or timezone.localdate()
    latest = Catalog.objects.order_by("-pk").values_list("pk", flat=True).first()
    key = (jurisdiction.pk, on, latest)
    if key not in _item_ids_cache:
        if len(_item_ids_cache) > 1000:
            _item_ids_cache.clear()
        _item_ids_cache[key] = frozenset(i.pk for i in effective_items(jurisdiction, on))
    return _item_ids_cache[key]


def descendant_ids(*roots: int) -> list[int]:
    """The given jurisdictions (by pk) and every jurisdiction below them, roots first."""
    ids, frontier = list(roots), list(roots)
    while frontier:
        frontier = [pk for pk in Jurisdiction.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
                    if pk not in ids]  # fmt: skip
        ids += frontier
    return ids


def descendant_codes(jurisdiction: Jurisdiction) -> list[str]:
    """The codes of every jurisdiction below `jurisdiction` (not its own)."""
    below = descendant_ids(jurisdiction.pk)[1:]
    return list(Jurisdiction.objects.filter(pk__in=below).values_list("code", flat=True))
