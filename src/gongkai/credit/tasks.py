"""Background work (django-tasks): the periodic expiry scan."""

from __future__ import annotations

from django_tasks import task

from gongkai.credit import services


@task()
def expire_credit_information() -> dict[str, int]:
    """Mark every credit record and blacklist entry past its last day as expired.

    Idempotent and selects everything due, so it can run as often as wanted and a skipped run loses nothing; the
    public pages decide by date anyway, this only brings the stored state in line for the record.
    """
    records, entries = services.expire_due()
    return {"records": records, "entries": entries}
