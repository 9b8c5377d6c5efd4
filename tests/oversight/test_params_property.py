"""Property test of the oversight filters (`oversight.params.parse`): any query string gives a period inside the
calendar's range and Chinese messages for what was refused, never an exception."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qsl

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gongkai.catalog.models import Jurisdiction
from gongkai.core.params import FIRST_DAY, LAST_DAY
from gongkai.oversight import params

VALUES = st.one_of(
    st.text(max_size=20), st.dates().map(dt.date.isoformat), st.integers(-(2**70), 2**70).map(str)
)
QUERIES = st.fixed_dictionaries(
    {},
    optional=dict.fromkeys(("jurisdiction", "organization", "domain", "from", "to"), VALUES)
    | {"preset": st.one_of(st.sampled_from(["custom", "this_quarter", "last_quarter", "this_year"]), VALUES)},
)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None)
@given(QUERIES)
@example({"preset": "custom", "from": "0001-01-01", "to": "9999-12-31"})
@example({"preset": "custom", "from": "2025-01-01", "to": "2025-03-31", "organization": "9" * 30})
@example({"organization": "²"})
def test_any_query_gives_a_period_within_the_calendar(query):
    allowed = [Jurisdiction.objects.get(code="341500")]
    f = params.parse(query, allowed=allowed, today=dt.date(2026, 5, 6))
    assert FIRST_DAY <= f.period.start <= f.period.end <= LAST_DAY
    assert f.preset in ("custom", "this_quarter", "last_quarter", "this_year")
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in e) for e in f.errors)
    assert f.jurisdiction in allowed
    if query.get("preset") == "custom" and f.preset != "custom":
        assert any("自定义期间" in e for e in f.errors)
    again = params.parse(dict(parse_qsl(f.query())), allowed=allowed, today=dt.date(2026, 5, 6))
    assert (again.period, again.preset, again.errors) == (
        f.period,
        f.preset,
        [],
    )  # its own links parse cleanly
