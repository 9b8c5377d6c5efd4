"""The states of an application and the transitions services may make (only services change state)."""

from __future__ import annotations

from gongkai.applications.choices import State
from gongkai.core.errors import check_transition as _check

TRANSITIONS: dict[str, frozenset[str]] = {
    State.PENDING: frozenset({State.RECEIVED}),
    State.RECEIVED: frozenset(
        {State.CORRECTION_REQUESTED, State.IN_CONSULTATION, State.EXTENDED, State.REPLIED, State.AWAITING_FEE}
    ),
    State.CORRECTION_REQUESTED: frozenset({State.RECEIVED, State.CLOSED}),
    State.IN_CONSULTATION: frozenset({State.IN_CONSULTATION, State.RECEIVED, State.EXTENDED}),
    State.EXTENDED: frozenset({State.IN_CONSULTATION, State.REPLIED, State.AWAITING_FEE}),
    # The fee notice suspends the reply period until payment (国办函〔2020〕109号); unpaid in time → closed.
    State.AWAITING_FEE: frozenset({State.RECEIVED, State.EXTENDED, State.CLOSED}),
    State.REPLIED: frozenset(),
    State.CLOSED: frozenset(),
}


def check_transition(current: str, target: str, what: str) -> None:
    _check(TRANSITIONS, current, target, noun="申请", current_label=State(current).label, what=what)
