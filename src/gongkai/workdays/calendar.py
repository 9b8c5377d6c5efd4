"""Chinese working days: weekends, statutory holidays and make-up working days (调休上班).

Counting convention: the day of the event is not counted; the period runs from the next day and a deadline
is the N-th working day after the start date (cn-rules.md §1.1). A date in a year for which no official
schedule is loaded is judged on weekends alone, and every answer that relied on such a date says
`provisional`.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from gongkai.core.errors import DomainError

_MAX_SPAN_DAYS = 366 * 5  # no legal period we compute runs longer; guards against runaway loops


class DateOutOfRange(DomainError):
    """A period that would end after 9999-12-31, the last day a date can hold."""

    code = "date_out_of_range"
    status = 422


@dataclass(frozen=True)
class Pause:
    """An interval during which a period does not run (consultation, waiting for a correction). Inclusive."""

    start: dt.date
    end: dt.date | None  # None: still paused
    reason: str = ""


@dataclass(frozen=True)
class DayAnswer:
    date: dt.date
    workday: bool
    provisional: bool
    name: str = ""  # holiday or make-up day name, when there is one


@dataclass(frozen=True)
class Deadline:
    start: dt.date
    days: int
    due: dt.date | None  # None while an open pause holds the clock
    provisional: bool
    paused: tuple[Pause, ...] = ()
    paused_workdays: int = 0
    steps: tuple[str, ...] = field(default=())


class WorkdayCalendar:
    """An immutable view of the special days of the covered years."""

    def __init__(self, special: dict[dt.date, tuple[bool, str]], years: Iterable[int]) -> None:
        self._special = dict(special)
        self.years = frozenset(years)

    def covers(self, day: dt.date) -> bool:
        return day.year in self.years

    def day(self, day: dt.date) -> DayAnswer:
        if day in self._special:
            workday, name = self._special[day]
            return DayAnswer(day, workday, False, name)
        return DayAnswer(day, day.weekday() < 5, not self.covers(day))

    def is_workday(self, day: dt.date) -> bool:
        return self.day(day).workday

    def add_workdays(self, start: dt.date, days: int) -> Deadline:
        """The date `days` working days after `start` (the start day itself is not counted)."""
        return self.deadline(start, days)

    def workdays_between(self, start: dt.date, end: dt.date) -> tuple[int, bool]:
        """Working days after `start` up to and including `end`; negative when `end` is before `start`."""
        sign = 1
        if end < start:
            start, end, sign = end, start, -1
        count, provisional = 0, False
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            answer = self.day(day)
            provisional |= answer.provisional
            count += answer.workday
        return sign * count, provisional

    def deadline(self, start: dt.date, days: int, pauses: Iterable[Pause] = ()) -> Deadline:
        """The due date of a period of `days` working days after `start`, not counting paused working days."""
        if days < 0:
            raise ValueError("days must not be negative")
        pauses = tuple(sorted(pauses, key=lambda p: p.start))
        for pause in pauses:
            if pause.end is not None and pause.end < pause.start:
                raise ValueError("a pause cannot end before it starts")
        steps = [f"起算日 {start.isoformat()}（当日不计入），期限 {days} 个工作日"]
        provisional = False
        counted = paused_count = 0
        day = start
        while counted < days:
            if day == dt.date.max:
                raise DateOutOfRange(
                    f"自 {start.isoformat()} 起 {days} 个工作日超出可计算的日期范围（至 9999-12-31）"
                )
            day += dt.timedelta(days=1)
            if (day - start).days > _MAX_SPAN_DAYS:
                raise ValueError("period too long to compute")
            answer = self.day(day)
            provisional |= answer.provisional
            pause = next((p for p in pauses if p.start <= day and (p.end is None or day <= p.end)), None)
            if pause is not None:
                if pause.end is None:
                    steps.append(
                        f"{pause.start.isoformat()} 起暂停计算（{pause.reason or '中止'}），尚未恢复"
                    )
                    return Deadline(start, days, None, provisional, pauses, paused_count, tuple(steps))
                paused_count += answer.workday
                continue
            counted += answer.workday
        for pause in pauses:
            if pause.end is not None and pause.start <= day:
                steps.append(
                    f"{pause.start.isoformat()} 至 {pause.end.isoformat()} 暂停计算（{pause.reason or '中止'}）"
                )
        if paused_count:
            steps.append(f"暂停期间 {paused_count} 个工作日不计入")
        steps.append(f"第 {days} 个工作日为 {day.isoformat()}")
        if provisional:
            steps.append("期间含未公布节假日安排的年度，仅按周末推算，结果为暂定")
        return Deadline(start, days, day, provisional, pauses, paused_count, tuple(steps))


_lock = threading.Lock()
_cached: tuple[float, WorkdayCalendar] | None = None
_TTL_SECONDS = 60.0


def get_calendar() -> WorkdayCalendar:
    """The calendar from the database, cached per process for a minute (and reset when a year is loaded)."""
    global _cached
    now = time.monotonic()
    with _lock:
        if _cached is not None and now - _cached[0] < _TTL_SECONDS:
            return _cached[1]
    from gongkai.workdays.models import HolidayYear, SpecialDay

    special = {
        d.date: (d.kind == SpecialDay.Kind.WORKDAY, d.name)
        for d in SpecialDay.objects.only("date", "kind", "name")
    }
    years = set(HolidayYear.objects.values_list("year", flat=True))
    calendar = WorkdayCalendar(special, years)
    with _lock:
        _cached = (now, calendar)
    return calendar


def reset_calendar_cache() -> None:
    global _cached
    with _lock:
        _cached = None
