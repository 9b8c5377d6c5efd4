"""Filters (jurisdiction with its children, domain, item, stage, organization, validity, state, dates),
facet counts, sorting and paging."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from gongkai.disclosures.choices import State
from gongkai.disclosures.models import Disclosure
from gongkai.search import services
from gongkai.search.services import InvalidQuery, SearchQuery
from tests.helpers.search import TODAY, all_ids, scan


def ids(q: str = "", *, today=None, **filters) -> set[int]:
    found = all_ids(q, today=today, **filters)
    assert len(found) == len(set(found))
    return set(found)


JURISDICTION_SUBTREES = {
    "350000": {"350000", "350500", "350524"},  # Fujian: Quanzhou and its county Anxi
    "350500": {"350500", "350524"},
    "350524": {"350524"},
    "222400": {"222404"},  # Yanbian prefecture: Hunchun
    "220000": {"222404"},  # Jilin: a grandchild only
    "100000": {"341500", "222404", "320902", "350524", "350500", "140100"},
    "341500": {"341500"},
}


@pytest.mark.parametrize(("code", "codes"), list(JURISDICTION_SUBTREES.items()))
def test_a_jurisdiction_includes_its_children_and_grandchildren(corpus, code, codes):
    expected = {r.id for r in corpus if r.jurisdiction in codes}
    assert expected
    assert ids(jurisdiction=code) == expected
    assert ids("软件", jurisdiction=code) == expected & scan(corpus, ["软件"])


def test_each_filter_narrows_to_exactly_its_records(corpus):
    r0 = corpus[0]
    cases = [
        ({"domain": "construction"}, lambda r: r.domain == "construction"),
        ({"item": r0.item_id}, lambda r: r.item_id == r0.item_id),
        ({"stage": "award"}, lambda r: r.stage == "award"),
        ({"organization": r0.organization_id}, lambda r: r.organization_id == r0.organization_id),
        ({"validity": "repealed"}, lambda r: r.validity == "repealed"),
        ({"validity": "expired"}, lambda r: r.validity == "expired"),
        ({"state": "withdrawn"}, lambda r: r.state == State.WITHDRAWN),
        ({"state": "published"}, lambda r: r.state == State.PUBLISHED),
        (
            {"domain": "procurement", "validity": "valid"},
            lambda r: r.domain == "procurement" and r.validity == "valid",
        ),
    ]
    for filters, keep in cases:
        expected = {r.id for r in corpus if keep(r)}
        assert expected, filters
        assert ids(**filters) == expected, filters
        assert ids("中标", **filters) == expected & scan(corpus, ["中标"]), filters


@pytest.mark.parametrize(
    ("preset", "first_day"),
    [
        ("today", TODAY),
        ("3d", dt.date(2026, 9, 28)),
        ("10d", dt.date(2026, 9, 21)),
        ("1m", dt.date(2026, 8, 31)),
        ("3m", dt.date(2026, 7, 1)),
    ],
)
def test_date_presets_end_today(corpus, preset, first_day):
    expected = {r.id for r in corpus if first_day <= r.published_on <= TODAY}
    outside = {r.id for r in corpus if r.published_on == first_day - dt.timedelta(days=1)}
    assert expected
    assert outside
    assert ids(date_preset=preset, today=TODAY) == expected
    assert ids("中标", date_preset=preset, today=TODAY) == expected & scan(corpus, ["中标"])
    assert services.search(SearchQuery(date_preset=preset), today=TODAY).count == len(expected)
    # the same preset a day later moves with `today`
    later = services.search(SearchQuery(date_preset=preset), today=TODAY + dt.timedelta(days=1))
    assert later.count == len({r.id for r in corpus if first_day + dt.timedelta(days=1) <= r.published_on})


def test_a_custom_date_range_is_inclusive(corpus):
    start, end = dt.date(2026, 9, 20), dt.date(2026, 9, 29)
    expected = {r.id for r in corpus if start <= r.published_on <= end}
    assert any(r.published_on == start for r in corpus)
    assert any(r.published_on == end for r in corpus)
    assert ids(date_from=start, date_to=end) == expected
    assert ids(date_from=end) == {r.id for r in corpus if r.published_on >= end}
    assert ids(date_to=start) == {r.id for r in corpus if r.published_on <= start}


def test_bad_filter_values_are_refused(corpus):
    for bad in (
        {"date_preset": "2y"},
        {"validity": "maybe"},
        {"state": "draft"},
        {"sort": "title"},
        {"q": "软件" * 101},
        {"jurisdiction": '341500" OR validity:"valid'},
        {"domain": "政府采购"},
        {"organization": "1 OR 2"},
        {"q": " ".join("abcdefghijk")},
    ):
        with pytest.raises(InvalidQuery):
            services.search(SearchQuery(**bad))


def test_facets_count_the_query_under_the_filters(corpus):
    result = services.search(SearchQuery(q="软件", state="published"))
    found = scan(corpus, ["软件"])
    matching = [r for r in corpus if r.id in found and r.state == State.PUBLISHED]
    assert result.count == len(matching)

    def counted(name):
        return {f.value: f.count for f in result.facets[name]}

    assert counted("domain") == Counter(r.domain for r in matching)
    assert counted("jurisdiction") == Counter(r.jurisdiction for r in matching)
    assert counted("organization") == Counter(str(r.organization_id) for r in matching)
    assert counted("validity") == Counter(r.validity for r in matching)
    assert counted("stage") == Counter(r.stage for r in matching if r.stage)
    assert counted("year") == Counter(str(r.published_on.year) for r in matching)
    labels = {f.value: f.label for f in result.facets["jurisdiction"]}
    assert labels["341500"] == "六安市"
    assert {f.label for f in result.facets["validity"]} <= {"有效", "失效", "废止"}
    assert [f.count for f in result.facets["organization"]] == sorted(
        (f.count for f in result.facets["organization"]), reverse=True
    )


def test_facets_count_the_results_under_every_filter_by_default(corpus):
    result = services.search(SearchQuery(q="中标", domain="construction", validity="valid"))
    found = scan(corpus, ["中标"])
    both = [r for r in corpus if r.id in found and r.domain == "construction" and r.validity == "valid"]
    assert {f.value: f.count for f in result.facets["domain"]} == {"construction": len(both)}
    assert {f.value: f.count for f in result.facets["validity"]} == {"valid": len(both)}
    assert {f.value: f.count for f in result.facets["stage"]} == Counter(r.stage for r in both if r.stage)


def test_a_facet_can_be_counted_without_its_own_filter(corpus, settings):
    settings.SEARCH_FACETS_EXCLUDE_OWN_FILTER = True
    result = services.search(SearchQuery(q="中标", domain="construction", validity="valid"))
    found = scan(corpus, ["中标"])
    matching = [r for r in corpus if r.id in found]
    both = [r for r in matching if r.domain == "construction" and r.validity == "valid"]
    assert result.count == len(both)
    # domain: all domains under the validity filter; validity: all validities under the domain filter
    assert {f.value: f.count for f in result.facets["domain"]} == Counter(
        r.domain for r in matching if r.validity == "valid"
    )
    assert {f.value: f.count for f in result.facets["validity"]} == Counter(
        r.validity for r in matching if r.domain == "construction"
    )
    # the others under both filters
    assert {f.value: f.count for f in result.facets["organization"]} == Counter(
        str(r.organization_id) for r in both
    )
    assert services.search(SearchQuery(q="中标", facets=False)).facets == {}


def test_sorting_by_date_is_newest_first(corpus):
    result = services.search(SearchQuery(q="软件", sort="date", per_page=50))
    found = scan(corpus, ["软件"])
    expected = sorted((r for r in corpus if r.id in found), key=lambda r: r.published_at, reverse=True)
    assert [h.id for h in result.hits] == [r.id for r in expected[:50]]
    assert [h.published_on for h in result.hits] == [r.published_on for r in expected[:50]]
    # an empty query lists everything by date, whatever the sort asked for
    listing = services.search(SearchQuery(per_page=10))
    newest = sorted(corpus, key=lambda r: r.published_at, reverse=True)[:10]
    assert [h.id for h in listing.hits] == [r.id for r in newest]


def test_relevance_puts_title_matches_before_body_matches(corpus):
    result = services.search(SearchQuery(q="X200", per_page=100))
    in_title = {r.id for r in corpus if "X200" in r.title}
    assert in_title
    assert len(in_title) < result.count
    top = [h.id for h in result.hits[: len(in_title)]]
    assert set(top) == in_title
    assert [h.score for h in result.hits] == sorted((h.score for h in result.hits), reverse=True)


def test_pages_partition_the_results(corpus):
    whole = [h.id for h in services.search(SearchQuery(q="有限公司", sort="date", per_page=100)).hits]
    paged = []
    for page in range(1, 13):
        paged += [
            h.id for h in services.search(SearchQuery(q="有限公司", sort="date", per_page=9, page=page)).hits
        ]
    assert paged[: len(whole)] == whole
    deep = services.search(SearchQuery(q="有限公司", page=10_000, per_page=20))
    assert deep.hits == []
    assert deep.count == len(services.substring_scan("有限公司"))


def test_a_hit_carries_what_a_result_list_shows(corpus, django_assert_num_queries):
    record = next(r for r in corpus if r.state == State.WITHDRAWN)
    services.search(SearchQuery(q=record.index_no))  # warm up
    with django_assert_num_queries(0):
        result = services.search(SearchQuery(q=record.index_no))
    hit = result.hits[0]
    assert hit.id == record.id
    assert hit.title == record.title
    assert hit.url == f"/disclosures/{record.id}/"
    assert hit.published_on == record.published_on
    assert hit.organization == record.organization
    assert hit.jurisdiction == record.jurisdiction_name
    assert hit.domain == record.domain_name
    assert (hit.index_no, hit.doc_no) == (record.index_no, record.doc_no)
    assert hit.withdrawn is True
    assert result.took_ms > 0


def test_facet_counts_follow_each_commit(corpus):
    record = next(r for r in corpus if r.validity == "valid" and r.state == State.PUBLISHED)

    def valid_count():
        facets = services.search(SearchQuery(q="公司")).facets
        return {f.value: f.count for f in facets["validity"]}["valid"]

    before = valid_count()
    assert valid_count() == before  # the second time from the cache
    Disclosure.objects.filter(pk=record.id).update(validity="repealed")
    services.index_disclosures([record.id])
    assert valid_count() == before - 1
