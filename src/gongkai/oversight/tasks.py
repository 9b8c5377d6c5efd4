"""Background work (django-tasks): the daily oversight scan, enqueued by `gongkai oversight scan --enqueue` from
cron (or run directly by `gongkai oversight scan`); idempotent, so running it twice a day sends nothing twice."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from gongkai.oversight import services


@task()
def oversight_scan_task(day: str | None = None) -> dict:
    """Snapshots and reminders for `day` (ISO date; today in Asia/Shanghai by default); skips non-working days."""
    today = dt.date.fromisoformat(day) if day else timezone.localdate()
    r = services.run_scan(today)
    return {
        "day": r.day.isoformat(),
        "skipped": r.skipped,
        "snapshots": r.snapshots,
        "reminders": r.reminders,
    }
