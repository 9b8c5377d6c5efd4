"""Running the schedule: each job's due slot is claimed once in the database, then its task is enqueued."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from gongkai.scheduler.models import ScheduledRun
from gongkai.scheduler.schedule import Job, read_schedule
from gongkai.workdays.calendar import get_calendar

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Started:
    job: Job
    slot: str
    run: ScheduledRun


def due_jobs(jobs: list[Job], now: dt.datetime) -> list[tuple[Job, str]]:
    """The jobs due at local time `now` with their slots (before claiming: others may have run them already)."""
    out = []
    for job in jobs:
        slot = job.slot(now)
        if slot is None:
            continue
        if job.days == "workdays" and not get_calendar().is_workday(now.date()):
            continue
        out.append((job, slot))
    return out


def run_due(now: dt.datetime | None = None, jobs: list[Job] | None = None) -> list[Started]:
    """Enqueue every job due at `now` (default: the current Asia/Shanghai time) whose slot no one has claimed.

    A daily job whose time has passed runs on the first look of the day, so a scheduler started late (or
    restarted) still runs it; a slot already claimed, by this or another scheduler, is skipped."""
    now = timezone.localtime(now) if now is not None else timezone.localtime()
    jobs = read_schedule() if jobs is None else jobs
    started = []
    for job, slot in due_jobs(jobs, now):
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.name, slot=slot)
        except IntegrityError:
            continue
        try:
            result = import_string(job.task).enqueue()
            run.task_result_id = str(getattr(result, "id", ""))
        except Exception as exc:  # the slot stays claimed; the error is kept for the operator
            logger.exception("scheduled job %s (%s) could not be enqueued", job.name, slot)
            run.error = f"{type(exc).__name__}: {exc}"
        run.save(update_fields=["task_result_id", "error"])
        started.append(Started(job, slot, run))
    return started


def last_runs(jobs: list[Job]) -> dict[str, ScheduledRun | None]:
    return {job.name: ScheduledRun.objects.filter(job=job.name).first() for job in jobs}
