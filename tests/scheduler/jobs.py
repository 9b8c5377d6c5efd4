"""Tasks for the scheduler tests: each call is recorded, so a test can count runs."""

from __future__ import annotations

from django_tasks import task

CALLS: list[str] = []


@task()
def daily_job() -> str:
    CALLS.append("daily")
    return "daily"


@task()
def frequent_job() -> str:
    CALLS.append("frequent")
    return "frequent"
