"""Reactions to other apps' signals (connected in CreditConfig.ready())."""

from __future__ import annotations

from gongkai.credit import services


def on_disclosure_changed(sender, *, disclosure_id: int, action: str, **kwargs) -> None:
    """A disclosure was published, corrected, withdrawn or changed validity: re-link the entities it names.

    Runs inside the publishing transaction, so the links and the publication commit or fail together.
    """
    services.sync_party_mentions(disclosure_id=disclosure_id)
