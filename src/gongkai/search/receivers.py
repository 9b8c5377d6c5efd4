"""The index follows the database: a change writes an outbox row in its own transaction, and the row is
processed as soon as that transaction commits (or later by the task or `gongkai search process`)."""

from __future__ import annotations

import logging

from django.db import transaction

from gongkai.search.models import SearchOutbox

logger = logging.getLogger(__name__)

# How long the request that published may wait for the index writer before leaving the work to the task.
AFTER_COMMIT_WAIT = 0.5


def on_disclosure_changed(sender, disclosure_id: int, action: str, **kwargs) -> None:
    SearchOutbox.objects.create(disclosure_id=disclosure_id, action=action)
    transaction.on_commit(process_after_commit, robust=True)


def process_after_commit() -> None:
    """Index what the transaction changed right away; if the writer is busy, queue the task instead."""
    from gongkai.search import services
    from gongkai.search.tasks import process_search_outbox

    try:
        outcome = services.drain_outbox(wait=AFTER_COMMIT_WAIT)
        if outcome.busy:
            process_search_outbox.enqueue()
    except (
        Exception
    ):  # the change is committed and its row stays pending: search must never fail a publication
        logger.exception("search outbox processing failed; rows stay pending")
