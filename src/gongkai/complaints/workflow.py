"""The states of a complaint and the transitions services may make (only services change state)."""

from __future__ import annotations

from gongkai.complaints.choices import State
from gongkai.core.errors import check_transition as _check

TRANSITIONS: dict[str, frozenset[str]] = {
    # A transfer keeps a complaint waiting for acceptance at the new office.
    State.RECEIVED: frozenset({State.ACCEPTED, State.RECEIVED}),
    State.ACCEPTED: frozenset({State.EXPLANATION_REQUESTED, State.DECIDED, State.RECEIVED}),
    # The supervisor may decide without waiting for an explanation that does not come.
    State.EXPLANATION_REQUESTED: frozenset({State.ACCEPTED, State.DECIDED}),
    State.DECIDED: frozenset({State.DECIDED, State.CLOSED}),
    State.CLOSED: frozenset(),
}


def check_transition(current: str, target: str, what: str) -> None:
    _check(TRANSITIONS, current, target, noun="举报", current_label=State(current).label, what=what)
