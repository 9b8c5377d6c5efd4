"""Reactions to other apps' signals (connected in SubscriptionsConfig.ready())."""

from __future__ import annotations

from django.db import transaction


def on_disclosure_changed(sender, *, disclosure_id: int, action: str, **kwargs) -> None:
    """A record was published: after commit, index it, then scan the subscriptions for it."""
    if action != "published":
        return
    from gongkai.subscriptions.services import after_publish

    # robust: the record is published and committed whatever happens here; a failure is logged, and the
    # periodic `gongkai subscriptions scan` finds the record later.
    transaction.on_commit(after_publish, robust=True)
