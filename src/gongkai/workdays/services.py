"""Loading official holiday schedules (data/holidays/YYYY.yaml) into the calendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import line_of, read_yaml
from gongkai.workdays.calendar import reset_calendar_cache
from gongkai.workdays.models import HolidayYear, SpecialDay


@dataclass(frozen=True)
class HolidayLoadResult:
    year: int
    status: str  # "created" | "updated" | "unchanged"
    holidays: int
    workdays: int


def _as_date(value, problems, line, what) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append((line, f"{what}“{value}”不是 YYYY-MM-DD 格式的日期"))
        return None


def parse_holiday_file(path: str | Path) -> tuple[dict, list[tuple[dt.date, str, str]], str]:
    """Validate a holiday file; returns (source, [(date, kind, name)], sha256) or raises DataFileError."""
    doc = read_yaml(path)
    data, problems = doc.data, []
    if not isinstance(data, dict):
        raise DataFileError(doc.path, [(1, "文件内容应为一个映射（year、source、holidays）")])
    year = data.get("year")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        problems.append((line_of(data, "year"), "year 应为四位年份"))
        year = None
    source = data.get("source")
    if not isinstance(source, dict) or not source.get("title"):
        problems.append((line_of(data, "source"), "缺少 source.title（依据的国务院办公厅通知名称）"))
        source = {}
    entries = data.get("holidays")
    days: dict[dt.date, tuple[str, str, int | None]] = {}
    if not isinstance(entries, list) or not entries:
        problems.append((line_of(data, "holidays"), "缺少 holidays 列表"))
        entries = []
    for i, entry in enumerate(entries):
        line = line_of(entries, i)
        if not isinstance(entry, dict):
            problems.append((line, "每个节日应为映射（name、from、to、workdays）"))
            continue
        for key in ("name", "from", "to"):
            if key not in entry:
                problems.append((line, f"节日缺少字段 {key}"))
        if any(k not in entry for k in ("name", "from", "to")):
            continue
        name = str(entry["name"])
        start = _as_date(entry["from"], problems, line, "开始日期")
        end = _as_date(entry["to"], problems, line, "结束日期")
        if start and end:
            if end < start:
                problems.append((line, f"{name}的结束日期早于开始日期"))
            elif (end - start).days > 15:
                problems.append((line, f"{name}放假超过16天，请核对"))
            else:
                day = start
                while day <= end:
                    if day in days:
                        problems.append((line, f"{day} 重复出现"))
                    days[day] = ("holiday", name, line)
                    day += dt.timedelta(days=1)
        for raw in entry.get("workdays") or []:
            day = _as_date(raw, problems, line, "调休上班日")
            if day is None:
                continue
            if day.weekday() < 5:
                problems.append((line, f"调休上班日 {day} 不是周末，无需列出"))
            if day in days:
                problems.append((line, f"{day} 重复出现"))
            days[day] = ("workday", name, line)
    if year:
        for day, (_kind, _name, line) in days.items():
            if abs(day.year - year) > 1 or (day.year != year and day.month not in (1, 12)):
                problems.append((line, f"{day} 不属于 {year} 年的节假日安排"))
    if problems:
        raise DataFileError(doc.path, problems)
    source = {
        "year": year,
        "title": str(source.get("title", "")),
        "doc_no": str(source.get("doc_no", "") or ""),
        "issued_on": _as_date(source["issued_on"], [], None, "") if source.get("issued_on") else None,
        "url": str(source.get("url", "") or ""),
        "amendments": [
            {k: (v.isoformat() if isinstance(v, dt.date) else str(v)) for k, v in a.items()}
            for a in (data.get("amendments") or [])
        ],
    }
    return source, sorted((d, k, n) for d, (k, n, _l) in days.items()), doc.sha256


@transaction.atomic
def load_holiday_file(path: str | Path) -> HolidayLoadResult:
    """Load (or replace) one year's schedule. Loading the same file again changes nothing."""
    source, days, sha = parse_holiday_file(path)
    year = source["year"]
    existing = HolidayYear.objects.filter(year=year).first()
    n_h = sum(k == "holiday" for _d, k, _n in days)
    n_w = len(days) - n_h
    if existing and existing.file_sha256 == sha:
        return HolidayLoadResult(year, "unchanged", n_h, n_w)
    status = "updated" if existing else "created"
    if existing:
        existing.delete()
    # A day may sit in another year's file (元旦 of year N starting on 30 December of N-1): it is replaced.
    SpecialDay.objects.filter(date__in=[d for d, _k, _n in days]).delete()
    schedule = HolidayYear.objects.create(
        year=year,
        source_title=source["title"],
        source_doc_no=source["doc_no"],
        source_issued_on=source["issued_on"],
        source_url=source["url"],
        amendments=source["amendments"],
        file_sha256=sha,
    )
    SpecialDay.objects.bulk_create(SpecialDay(schedule=schedule, date=d, kind=k, name=n) for d, k, n in days)
    transaction.on_commit(reset_calendar_cache)
    return HolidayLoadResult(year, status, n_h, n_w)


def load_holiday_dir(directory: str | Path) -> list[HolidayLoadResult]:
    return [load_holiday_file(p) for p in sorted(Path(directory).glob("*.yaml"))]
