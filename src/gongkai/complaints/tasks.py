"""Background work (django-tasks): tasks take primary keys, re-fetch and tolerate deleted rows."""

from __future__ import annotations

from django_tasks import task

from gongkai.complaints import services


@task()
def send_acknowledgement_task(complaint_id: int) -> bool:
    """E-mail the acknowledgement of a complaint to the address the complainant gave."""
    return services.send_acknowledgement(complaint_id)
