"""Background work (django-tasks): the annual-report due-date reminders (idempotent: one per report and kind)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from gongkai.reports import services


@task()
def remind_reports_task(day: str | None = None) -> dict[str, int]:
    """E-mail publishers and administrators of reports due within the reminder window or overdue."""
    sent = services.send_reminders(dt.date.fromisoformat(day) if day else None)
    return {"sent": len(sent), "overdue": sum(1 for r in sent if r.kind == "overdue")}
