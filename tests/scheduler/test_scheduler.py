"""The scheduler: jobs from data/schedule.yaml run once per slot, on working days when asked, and the file is
checked with line numbers."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from gongkai.core.errors import DataFileError
from gongkai.scheduler.models import ScheduledRun
from gongkai.scheduler.schedule import read_schedule
from gongkai.scheduler.services import run_due
from tests.scheduler import jobs as test_jobs

SH = ZoneInfo("Asia/Shanghai")

SCHEDULE = """\
jobs:
  - name: morning
    task: tests.scheduler.jobs.daily_job
    at: "08:00"
    days: workdays
  - name: often
    task: tests.scheduler.jobs.frequent_job
    every: 10
    days: every_day
"""


@pytest.fixture
def schedule(tmp_path):
    path = tmp_path / "schedule.yaml"
    path.write_text(SCHEDULE, encoding="utf-8")
    test_jobs.CALLS.clear()
    return read_schedule(path)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=SH)


@pytest.mark.django_db
def test_a_daily_job_runs_once_from_its_time_on(schedule):
    assert [s.job.name for s in run_due(at("2026-11-23T07:59"), schedule)] == [
        "often"
    ]  # Monday, before 08:00
    assert test_jobs.CALLS == ["frequent"]
    started = run_due(at("2026-11-23T08:03"), schedule)
    assert [(s.job.name, s.slot) for s in started] == [
        ("morning", "2026-11-23"),
        ("often", "2026-11-23T08:00"),
    ]
    assert run_due(at("2026-11-23T08:09"), schedule) == []  # both slots taken
    assert run_due(at("2026-11-23T17:45"), schedule)[0].job.name == "often"  # a late start still runs today
    assert test_jobs.CALLS == ["frequent", "daily", "frequent", "frequent"]
    assert ScheduledRun.objects.filter(job="morning").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("moment", "runs"),
    [
        ("2026-11-28T09:00", False),  # Saturday
        ("2026-10-01T09:00", False),  # National Day, a Thursday
        ("2026-10-10T09:00", True),  # Saturday, a make-up working day for National Day
        ("2026-09-20T09:00", True),  # Sunday, a make-up working day
        ("2026-10-09T09:00", True),  # Friday after the holiday
    ],
)
def test_workday_jobs_follow_the_holiday_calendar(schedule, moment, runs):
    names = [s.job.name for s in run_due(at(moment), schedule)]
    assert ("morning" in names) is runs
    assert "often" in names  # every_day jobs run regardless


@pytest.mark.django_db
def test_the_command_runs_due_jobs_once(schedule, settings, tmp_path, capsys):
    settings.SCHEDULE_FILE = tmp_path / "schedule.yaml"
    call_command("scheduler", now="2026-11-23T08:30")
    call_command("scheduler", now="2026-11-23T08:31")
    out = capsys.readouterr().out
    assert out.count("已提交 morning [2026-11-23]") == 1
    assert test_jobs.CALLS.count("daily") == 1


def test_the_projects_schedule_loads_and_names_real_tasks():
    jobs = {job.name: job for job in read_schedule()}
    assert {"oversight-scan", "application-reminders", "annual-report-reminders", "credit-expiry"} <= set(
        jobs
    )
    assert jobs["oversight-scan"].days == "workdays"


def test_a_bad_schedule_names_each_problem_with_its_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "jobs:\n"
        "  - name: ok\n    task: tests.scheduler.jobs.daily_job\n    at: '25:00'\n    days: workdays\n"
        "  - name: two\n    task: gongkai.nothing.here\n    every: 10\n    days: sometimes\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as info:
        read_schedule(path)
    problems = {m: ln for ln, m in info.value.problems}
    assert problems["时间“25:00”应为 HH:MM"] == 4
    assert problems["找不到后台任务“gongkai.nothing.here”"] == 7
    assert problems["days 应为 workdays 或 every_day"] == 9
