"""Property tests of the working-day calculator's inputs: any date and any number of days the form and the API
accept give a due date or the documented out-of-range error, never an exception of Python's."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gongkai.workdays.calendar import DateOutOfRange, WorkdayCalendar

CALENDAR = WorkdayCalendar(
    {dt.date(2026, 10, 1): (False, "国庆节"), dt.date(2026, 9, 27): (True, "国庆节调休")}, [2026]
)


@given(st.dates(), st.integers(0, 365))
@example(dt.date.max, 10)
@example(dt.date.max, 0)
@example(dt.date(9999, 12, 20), 10)
@example(dt.date.min, 365)
def test_a_deadline_is_a_later_working_day_or_out_of_range(start, days):
    if (dt.date.max - start).days < days * 7 // 5 + 14:  # near the end of the calendar: may run past it
        try:
            result = CALENDAR.add_workdays(start, days)
        except DateOutOfRange as exc:
            error = exc
        else:
            error = None
        if error is not None:
            assert (error.status, "9999-12-31" in error.message) == (422, True)
            return
    else:
        result = CALENDAR.add_workdays(start, days)
    assert result.due >= start
    assert result.due == start or CALENDAR.is_workday(result.due)
    if days:
        assert CALENDAR.workdays_between(start, result.due)[0] == days


@given(st.dates())
def test_any_date_has_an_answer(day):
    answer = CALENDAR.day(day)
    assert answer.workday == (day.weekday() < 5) or day in (dt.date(2026, 10, 1), dt.date(2026, 9, 27))


@pytest.mark.django_db
@settings(max_examples=40, deadline=None)
@given(start=st.one_of(st.text(max_size=20), st.dates().map(dt.date.isoformat)),
       days=st.one_of(st.text(max_size=12), st.integers(-10, 10**20).map(str)))  # fmt: skip
def test_the_calculator_page_and_api_answer_any_input(start, days):
    from django.test import Client

    client = Client()
    page = client.get("/workdays/", {"start": start, "days": days})
    assert page.status_code in (200, 400)
    api = client.get("/api/workdays/add", {"start": start, "days": days})
    assert api.status_code in (200, 422)
    assert set(api.json()) >= ({"due"} if api.status_code == 200 else {"code", "message"})
