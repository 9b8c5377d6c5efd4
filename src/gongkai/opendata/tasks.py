"""Scheduled build of the open-data files (data/schedule.yaml)."""

from django_tasks import task

from gongkai.opendata import services


@task()
def build_opendata_task() -> int:
    """Rebuild what changed; returns how many file sets were (re)built. Idempotent."""
    return sum(1 for r in services.build_all() if r.built)
