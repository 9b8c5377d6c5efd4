"""The working-day calendar against the official State Council notices (cn-rules.md §5.1)."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.workdays.calendar import Pause, WorkdayCalendar

D = dt.date.fromisoformat

# Every holiday period and make-up working day of the notices for 2024 (国办发明电〔2023〕7号),
# 2025 (国办发明电〔2024〕12号) and 2026 (国办发明电〔2025〕7号), typed in from the notices, not from our data.
OFFICIAL = {
    2024: [
        ("元旦", "2024-01-01", "2024-01-01", []),
        ("春节", "2024-02-10", "2024-02-17", ["2024-02-04", "2024-02-18"]),
        ("清明节", "2024-04-04", "2024-04-06", ["2024-04-07"]),
        ("劳动节", "2024-05-01", "2024-05-05", ["2024-04-28", "2024-05-11"]),
        ("端午节", "2024-06-10", "2024-06-10", []),
        ("中秋节", "2024-09-15", "2024-09-17", ["2024-09-14"]),
        ("国庆节", "2024-10-01", "2024-10-07", ["2024-09-29", "2024-10-12"]),
    ],
    2025: [
        ("元旦", "2025-01-01", "2025-01-01", []),
        ("春节", "2025-01-28", "2025-02-04", ["2025-01-26", "2025-02-08"]),
        ("清明节", "2025-04-04", "2025-04-06", []),
        ("劳动节", "2025-05-01", "2025-05-05", ["2025-04-27"]),
        ("端午节", "2025-05-31", "2025-06-02", []),
        ("国庆节、中秋节", "2025-10-01", "2025-10-08", ["2025-09-28", "2025-10-11"]),
    ],
    2026: [
        ("元旦", "2026-01-01", "2026-01-03", ["2026-01-04"]),
        ("春节", "2026-02-15", "2026-02-23", ["2026-02-14", "2026-02-28"]),
        ("清明节", "2026-04-04", "2026-04-06", []),
        ("劳动节", "2026-05-01", "2026-05-05", ["2026-05-09"]),
        ("端午节", "2026-06-19", "2026-06-21", []),
        ("中秋节", "2026-09-25", "2026-09-27", []),
        ("国庆节", "2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"]),
    ],
}
HOLIDAY_CASES = [
    pytest.param(year, name, start, end, id=f"{year}-{name}")
    for year, rows in OFFICIAL.items()
    for name, start, end, _ in rows
]
MAKEUP_CASES = [
    pytest.param(day, id=f"{year}-{name}-{day}")
    for year, rows in OFFICIAL.items()
    for name, _, _, days in rows
    for day in days
]


@pytest.mark.parametrize(("year", "name", "start", "end"), HOLIDAY_CASES)
def test_every_day_of_an_official_holiday_is_off(calendar, year, name, start, end):
    day = D(start)
    while day <= D(end):
        answer = calendar.day(day)
        assert not answer.workday, f"{day} ({name}) should be a day off"
        assert not answer.provisional
        day += dt.timedelta(days=1)


@pytest.mark.parametrize("day", MAKEUP_CASES)
def test_every_official_makeup_day_is_a_working_day(calendar, day):
    answer = calendar.day(D(day))
    assert D(day).weekday() >= 5, "make-up days are weekend days"
    assert answer.workday
    assert not answer.provisional


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_no_other_weekday_is_off_and_no_other_weekend_is_worked(calendar, year):
    off = {
        D(start) + dt.timedelta(days=i)
        for _n, start, end, _w in OFFICIAL[year]
        for i in range((D(end) - D(start)).days + 1)
    }
    worked = {D(d) for *_rest, days in OFFICIAL[year] for d in days}
    day = dt.date(year, 1, 1)
    while day.year == year:
        expected = day in worked or (day.weekday() < 5 and day not in off)
        assert calendar.is_workday(day) is expected, day
        day += dt.timedelta(days=1)


def test_shipped_years_agree_with_chinesecalendar_on_every_day_2018_to_2026(calendar):
    """Cross-check of our own table against PyPI `chinesecalendar` (which ends in 2026)."""
    chinese_calendar = pytest.importorskip("chinese_calendar")
    day, mismatches = dt.date(2018, 1, 1), []
    while day.year <= 2026:
        if calendar.is_workday(day) != chinese_calendar.is_workday(day):
            mismatches.append(day)
        day += dt.timedelta(days=1)
    assert mismatches == []


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        ("2025-09-26", 20, "2025-10-30"),  # across National Day 2025 (8 days off, 2 make-up days)
        ("2025-09-26", 40, "2025-11-27"),  # the same with a 20-day extension
        ("2026-02-06", 20, "2026-03-12"),  # across the 2026 Spring Festival (9 days off)
        ("2024-09-27", 7, "2024-10-12"),  # lands on a Saturday make-up working day
        ("2024-02-08", 7, "2024-02-23"),  # Spring Festival 2024: the 18th (Sunday) is worked
        ("2026-09-30", 1, "2026-10-08"),  # the day after the start is a holiday
        ("2026-10-09", 1, "2026-10-10"),  # the next working day is a Saturday
        ("2025-01-24", 3, "2025-02-05"),  # 2025-01-26 (Sunday) worked, then 除夕 to 初七 off
        ("2024-06-03", 0, "2024-06-03"),
    ],
)
def test_add_workdays(calendar, start, days, due):
    result = calendar.add_workdays(D(start), days)
    assert result.due == D(due)
    assert result.provisional is False


def test_the_start_day_is_not_counted(calendar):
    # Monday 2024-06-03 + 1 working day is Tuesday, not Monday itself
    assert calendar.add_workdays(D("2024-06-03"), 1).due == D("2024-06-04")


def test_workdays_between(calendar):
    assert calendar.workdays_between(D("2025-09-26"), D("2025-10-30")) == (20, False)
    assert calendar.workdays_between(D("2025-10-30"), D("2025-09-26")) == (-20, False)
    assert calendar.workdays_between(D("2026-02-13"), D("2026-02-24")) == (2, False)  # 14th and 24th


def test_a_pause_for_consultation_moves_the_deadline_across_spring_festival(calendar):
    # 20 working days from 2026-02-06 is 2026-03-12; a third-party consultation from 02-24 to 03-02 (6 working
    # days, the make-up Saturday 02-28 among them) pauses the clock, so the period ends 6 working days later.
    result = calendar.deadline(
        D("2026-02-06"), 20, [Pause(D("2026-02-24"), D("2026-03-02"), "征求第三方意见")]
    )
    assert result.paused_workdays == 6
    assert result.due == D("2026-03-20")
    assert any("征求第三方意见" in step for step in result.steps)


def test_an_open_pause_holds_the_deadline(calendar):
    result = calendar.deadline(D("2025-09-26"), 20, [Pause(D("2025-10-09"), None, "补正")])
    assert result.due is None
    assert "尚未恢复" in result.steps[-1]


def test_two_pauses_across_national_day(calendar):
    pauses = [
        Pause(D("2025-09-29"), D("2025-09-30"), "征求意见"),
        Pause(D("2025-10-13"), D("2025-10-14"), "征求意见"),
    ]
    result = calendar.deadline(D("2025-09-26"), 20, pauses)
    assert result.paused_workdays == 4
    assert result.due == calendar.add_workdays(D("2025-10-30"), 4).due == D("2025-11-05")


def test_a_year_without_a_schedule_is_weekends_only_and_provisional(calendar):
    answer = calendar.day(D("2027-10-01"))  # a Friday: National Day in reality, but 2027 is not published
    assert answer.workday is True
    assert answer.provisional is True
    result = calendar.add_workdays(D("2026-12-28"), 5)
    assert result.due == D("2027-01-04")
    assert result.provisional is True
    assert calendar.add_workdays(D("2026-12-01"), 5).provisional is False


def test_invalid_arguments():
    cal = WorkdayCalendar({}, [])
    with pytest.raises(ValueError, match="negative"):
        cal.deadline(D("2024-01-01"), -1)
    with pytest.raises(ValueError, match="pause"):
        cal.deadline(D("2024-01-01"), 3, [Pause(D("2024-01-05"), D("2024-01-02"))])
