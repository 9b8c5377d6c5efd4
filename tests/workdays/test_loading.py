from __future__ import annotations

import datetime as dt
import io
import textwrap

import pytest
from django.core.management import CommandError, call_command

from gongkai.core.errors import DataFileError
from gongkai.workdays.calendar import get_calendar, reset_calendar_cache
from gongkai.workdays.models import HolidayYear, SpecialDay
from gongkai.workdays.services import load_holiday_file

YEAR_2027 = textwrap.dedent(
    """\
    year: 2027
    source:
      title: 国务院办公厅关于2027年部分节假日安排的通知（测试用）
    holidays:
      - {name: 元旦, from: 2027-01-01, to: 2027-01-03, workdays: []}
      - {name: 国庆节, from: 2027-10-01, to: 2027-10-07, workdays: [2027-09-26, 2027-10-09]}
    """
)


def test_every_year_2018_to_2026_is_loaded_with_its_notice(db):
    years = {y.year: y for y in HolidayYear.objects.all()}
    assert set(range(2018, 2027)) <= set(years)
    assert years[2024].source_doc_no == "国办发明电〔2023〕7号"
    assert years[2025].source_doc_no == "国办发明电〔2024〕12号"
    assert years[2026].source_doc_no == "国办发明电〔2025〕7号"
    assert years[2020].amendments[0]["doc_no"] == "国办发明电〔2020〕1号"


def test_an_administrator_adds_a_year_without_a_release(db, tmp_path):
    path = tmp_path / "2027.yaml"
    path.write_text(YEAR_2027, encoding="utf-8")
    assert get_calendar().day(dt.date(2027, 10, 1)).provisional is True
    call_command("calendar", "load", str(path), stdout=io.StringIO())
    reset_calendar_cache()
    answer = get_calendar().day(dt.date(2027, 10, 1))
    assert (answer.workday, answer.provisional, answer.name) == (False, False, "国庆节")
    assert get_calendar().is_workday(dt.date(2027, 9, 26)) is True


def test_loading_the_same_file_twice_changes_nothing(db, tmp_path):
    path = tmp_path / "2027.yaml"
    path.write_text(YEAR_2027, encoding="utf-8")
    assert load_holiday_file(path).status == "created"
    ids = list(SpecialDay.objects.order_by("id").values_list("id", flat=True))
    assert load_holiday_file(path).status == "unchanged"
    assert list(SpecialDay.objects.order_by("id").values_list("id", flat=True)) == ids


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "year: 2027\nsource: {title: x}\nholidays:\n  - {name: 元旦, from: 2027-01-01, to: [\n",
            5,
            "YAML 语法错误",
        ),
        ("year: 2027\nsource: {title: x}\nholidays:\n  - {name: 元旦, from: 2027-01-01}\n", 4, "缺少字段 to"),
        (
            "year: 2027\nsource: {title: x}\nholidays:\n  - {name: 元旦, from: 2027-01-01, to: 2027-01-01}\n"
            "  - {name: 国庆节, from: 2027-10-01, to: 2027-10-02, workdays: [2027-10-04]}\n",
            5,
            "不是周末",
        ),
        (
            "year: 2027\nsource: {title: x}\nholidays:\n  - {name: 元旦, from: 2027-13-01, to: 2027-01-01}\n",
            4,
            "不是",
        ),
    ],
)
def test_a_bad_holiday_file_names_its_line_and_loads_nothing(db, tmp_path, text, line, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    before = SpecialDay.objects.count()
    with pytest.raises(DataFileError) as info:
        load_holiday_file(path)
    assert any(ln == line and message in msg for ln, msg in info.value.problems), info.value.problems
    assert SpecialDay.objects.count() == before
    with pytest.raises(CommandError, match=f"bad.yaml:{line}:"):
        call_command("calendar", "load", str(path))
