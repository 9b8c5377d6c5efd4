from __future__ import annotations

from django_tasks import task


@task()
def reap_stale_tasks_task() -> dict:
    """Requeue or fail tasks whose worker died (see ops/reaper.py); idempotent: a reaped task is no longer RUNNING."""
    from gongkai.ops.reaper import reap_stale_tasks

    report = reap_stale_tasks()
    return {"requeued": len(report.requeued), "failed": len(report.failed)}
