"""Property tests of the public query-parameter parsers (the portal's list filters, the search and feed
parameters): any query string gives clean values or ignored filters, and the feeds stay well-formed XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.http import QueryDict
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gongkai.core.params import MAX_ID
from gongkai.portal.params import YEARS, PageParams
from gongkai.search.params import ORDER, clean_params, querystring

NAMES = st.sampled_from([*ORDER, "year", "page", "sort", "x"])
VALUES = st.one_of(st.text(max_size=30), st.integers(-(2**70), 2**70).map(str), st.dates().map(str))
QUERIES = st.dictionaries(NAMES, VALUES, max_size=8)


@given(QUERIES)
@example({"year": "99999999999", "organization": "9223372036854775808", "item": "²"})
def test_page_params_read_any_query(query):
    p = PageParams(query)
    year, organization = p.year(), p.integer("organization", "发布机构")
    assert year is None or YEARS[0] <= year <= YEARS[1]
    assert organization is None or 1 <= organization <= MAX_ID
    assert "\x00" not in p.text("q")
    bad = [
        label
        for label, name in (("年度", "year"), ("发布机构", "organization"))
        if query.get(name, "").strip()
    ]
    assert set(p.ignored) <= set(bad)
    assert bool(p.notice) == bool(p.ignored)


@given(QUERIES)
@example({"date_from": "9999-12-31", "q": "\x00\x01招标", "item": str(2**64)})
def test_search_and_feed_parameters_are_clean_and_stable(query):
    params = clean_params(query)
    assert list(params) == [name for name in ORDER if name in params]
    assert all(1 <= params[n] <= MAX_ID for n in ("item", "organization") if n in params)
    texts = "".join(value for value in params.values() if isinstance(value, str))
    assert all(ord(ch) >= 32 or ch in "\t\n\r" for ch in texts)  # what XML 1.0 can hold
    assert clean_params(params) == params
    assert clean_params(QueryDict(querystring(params))) == params


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=30), st.sampled_from(["/feeds/search.rss", "/feeds/search.atom"]))
@example("\x01\x0b\x1f招标", "/feeds/search.rss")
@example("\ufffe", "/feeds/search.atom")
def test_a_feed_of_any_query_is_well_formed_xml_or_a_400(q, path):
    from django.test import Client

    response = Client().get(path, {"q": q})
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        ET.fromstring(response.content)  # noqa: S314 - our own feed, made by the code under test
    else:
        assert "\x00" in q
