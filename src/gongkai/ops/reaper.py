"""Reaping tasks whose worker died.

django-tasks-db marks a task RUNNING when a worker claims it and only the same worker ever finishes it: a worker
killed mid-task (kill -9, out of memory, power loss) leaves it RUNNING for ever. A task running longer than
settings.TASK_RUNNING_TIMEOUT seconds is taken as lost: it goes back to the queue while it has been claimed
fewer than settings.TASK_MAX_ATTEMPTS times (every claim appends the worker to `worker_ids`), otherwise it is
marked failed and the administrators are alerted. Tasks are idempotent (docs/style.md), so running one again
after a partial run is safe. Each change is a conditional update on (status, started_at), so a worker that
finishes the task at the same moment wins and nothing is reaped twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from gongkai.core.audit import log_action
from gongkai.ops.models import AlertKind
from gongkai.ops.services import raise_alert

DEFAULT_TIMEOUT = 1800
DEFAULT_MAX_ATTEMPTS = 3
LOST = "gongkai.ops.reaper.WorkerLost"


class WorkerLost(Exception):
    """The worker running the task stopped without finishing it."""


@dataclass
class ReapReport:
    requeued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def running_timeout() -> dt.timedelta:
    return dt.timedelta(seconds=getattr(settings, "TASK_RUNNING_TIMEOUT", DEFAULT_TIMEOUT))


def max_attempts() -> int:
    return max(1, int(getattr(settings, "TASK_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS)))


def stale_tasks(*, now: dt.datetime | None = None, timeout: dt.timedelta | None = None):
    """Tasks RUNNING since before now − timeout."""
    cutoff = (now or timezone.now()) - (running_timeout() if timeout is None else timeout)
    return DBTaskResult.objects.running().filter(started_at__lt=cutoff).order_by("started_at")


def reap_stale_tasks(
    *, now: dt.datetime | None = None, timeout: dt.timedelta | None = None, attempts: int | None = None
) -> ReapReport:
    """Requeue (or, after `attempts` claims, fail with an alert) every task running longer than `timeout`."""
    now = now or timezone.now()
    attempts = max_attempts() if attempts is None else attempts
    report = ReapReport()
    for task in stale_tasks(now=now, timeout=timeout):
        claims = len(task.worker_ids or [])
        same = DBTaskResult.objects.filter(
            pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at
        )
        data = {
            "task": task.task_path,
            "claims": claims,
            "started_at": task.started_at,
            "workers": task.worker_ids,
        }
        with transaction.atomic():
            if claims < attempts:
                if not same.update(status=TaskResultStatus.READY, started_at=None):
                    continue
                log_action(action="ops.task_requeued", obj=task, data=data)
                report.requeued.append(str(task.pk))
                continue
            reason = (
                f"一个后台任务已被领取 {claims} 次，每次执行进程都在完成前中断"
                f"（最近一次开始于 {timezone.localtime(task.started_at):%Y-%m-%d %H:%M:%S}），已停止重试。"
            )
            detail = f"任务：{task.task_path}\n编号：{task.pk}\n执行进程：{'、'.join(task.worker_ids or [])}"
            if not same.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=LOST,
                traceback=f"{LOST}: {reason}\n{detail}",
                return_value=None,
            ):
                continue
            log_action(action="ops.task_failed", obj=task, data=data)
            raise_alert(
                kind=AlertKind.TASK_FAILED,
                key=str(task.pk),
                title="后台任务多次中断后失败",
                message=reason + "请检查后台任务进程的运行日志，排除原因后重新提交该任务。",
                detail=detail,
            )
            report.failed.append(str(task.pk))
    return report
