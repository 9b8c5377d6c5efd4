"""What /healthz and /readyz answer.

Liveness says only that the process answers (no database, nothing that can block): a load balancer or
supervisor restarts a process that fails it. Readiness says whether this instance can serve: the database
answers, the task queue is being worked (the oldest ready task waits no longer than
settings.READY_MAX_TASK_AGE seconds, no task is stuck RUNNING past the reaper's timeout) and the search index
exists and keeps up with the outbox (search/health.py). Each check reports its figures either way.
"""

from __future__ import annotations

import datetime as dt
import time

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from gongkai.ops.reaper import stale_tasks
from gongkai.search.health import check_index

DEFAULT_MAX_TASK_AGE = 900


def task_backlog(*, now: dt.datetime | None = None) -> dict:
    """Ready tasks (count, and how long the oldest has been due), running ones, stuck ones, failed ones."""
    now = now or timezone.now()
    ready = DBTaskResult.objects.ready()
    # A task without a delay is due since it was enqueued; a delayed one since its run_after.
    undelayed = ready.filter(run_after=get_date_max()).aggregate(m=Min("enqueued_at"))["m"]
    delayed = ready.exclude(run_after=get_date_max()).aggregate(m=Min("run_after"))["m"]
    due = min((d for d in (undelayed, delayed) if d is not None), default=None)
    return {
        "ready": ready.count(),
        "oldest_ready_age": (now - due).total_seconds() if due is not None else None,
        "running": DBTaskResult.objects.running().count(),
        "stale_running": stale_tasks(now=now).count(),
        "failed": DBTaskResult.objects.failed().count(),
    }


def max_task_age() -> float:
    return float(getattr(settings, "READY_MAX_TASK_AGE", DEFAULT_MAX_TASK_AGE))


def readiness() -> tuple[bool, dict]:
    """(ready, the checks with their figures)."""
    started = time.perf_counter()
    checks: dict[str, dict] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = {"ok": True, "vendor": connection.vendor}
    except DatabaseError as exc:
        checks["database"] = {"ok": False, "error": type(exc).__name__}
        return False, {"checks": checks, "took_ms": round((time.perf_counter() - started) * 1000, 1)}
    try:
        backlog = task_backlog()
        age = backlog["oldest_ready_age"]
        ok = (age is None or age <= max_task_age()) and not backlog["stale_running"]
        checks["tasks"] = {"ok": ok, **backlog, "max_ready_age": max_task_age()}
    except DatabaseError as exc:
        checks["tasks"] = {"ok": False, "error": type(exc).__name__}
    try:
        checks["search"] = check_index().as_dict()
    except DatabaseError as exc:
        checks["search"] = {"ok": False, "error": type(exc).__name__}
    ready = all(c["ok"] for c in checks.values())
    return ready, {"checks": checks, "took_ms": round((time.perf_counter() - started) * 1000, 1)}
