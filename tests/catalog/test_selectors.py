"""Effective profiles, deadline wording and inherited catalog items."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.catalog.models import CatalogItem
from gongkai.catalog.selectors import (
    current_catalog,
    describe_deadline,
    effective_items,
    effective_profile,
    get_jurisdiction,
    inherited_items,
)


@pytest.fixture
def luan(db):
    return effective_profile(get_jurisdiction("341500"))


@pytest.mark.parametrize(
    ("deadline", "text"),
    [
        ({"rule": "proactive"}, "信息形成或变更之日起7个工作日内"),
        ({"rule": "licence_penalty"}, "行政许可、行政处罚决定作出之日起7个工作日内"),
        ({"rule": "workdays", "days": 2}, "2个工作日内"),
        ({"rule": "calendar_days", "days": 3}, "3日内"),
        ({"rule": "proactive", "text": "及时公开"}, "及时公开（信息形成或变更之日起7个工作日内）"),
        ({"rule": "proactive", "text": "形成之日起7个工作日内公开"}, "形成之日起7个工作日内公开"),
    ],
)
def test_describe_deadline_resolves_days_from_the_profile(luan, deadline, text):
    assert describe_deadline(deadline, luan) == text


def test_profiles_inherit_key_by_key(db):
    tinghu = effective_profile(get_jurisdiction("320902"))
    assert tinghu["proactive_days"] == 20
    assert tinghu["reply_days"] == 20
    assert tinghu.values["reply_days"].jurisdiction_code == "100000"
    anhui_county = effective_profile(get_jurisdiction("341500"))
    assert anhui_county["index_no_pattern"] == "{uscc}/{yyyymm}-{serial:05d}"
    assert effective_profile(get_jurisdiction("140100"))["index_no_pattern"] == "{uscc}/{yyyy}-{serial:05d}"


def test_catalog_in_force_depends_on_the_date(db):
    luan = get_jurisdiction("341500")
    assert current_catalog(luan, dt.date(2018, 11, 13)).version == "2018-11"
    assert current_catalog(luan, dt.date(2018, 11, 12)) is None


def test_a_seed_inherits_national_items_it_does_not_override(db):
    tinghu = get_jurisdiction("320902")
    catalog = current_catalog(tinghu)
    own_keys = set(catalog.items.values_list("key", flat=True))
    inherited = inherited_items(catalog)
    assert inherited, "the national baseline adds items Tinghu's annexes do not list"
    assert all(i.catalog.jurisdiction.code == "100000" for i in inherited)
    assert not own_keys & {i.key for i in inherited}
    everything = effective_items(tinghu)
    assert len(everything) == len(own_keys) + len(inherited)
    national = set(
        CatalogItem.objects.filter(catalog__jurisdiction__code="100000").values_list("key", flat=True)
    )
    assert {i.key for i in everything} >= national
