from __future__ import annotations

from django_tasks import task

# A background run may wait longer for the writer than a request would.
TASK_WAIT = 30.0


@task()
def process_search_outbox() -> int:
    """Drain the search outbox (idempotent: a row processed twice re-indexes the same state); returns rows done."""
    from gongkai.search import services

    return services.drain_outbox(wait=TASK_WAIT, prune=True).processed
