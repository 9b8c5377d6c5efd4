"""The states of a complaint and the transitions services may make (only services change state)."""

from __future__ import annotations

from gongkai.complaints.choices import State
from gongkai.core.errors import DomainError

TRANSITIONS: dict[str, frozenset[str]] = {
    # A transfer keeps a complaint waiting for acceptance at the new office.
    State.RECEIVED: frozenset({State.ACCEPTED, State.RECEIVED}),
    State.ACCEPTED: frozenset({State.EXPLANATION_REQUESTED, State.DECIDED, State.RECEIVED}),
    # The supervisor may decide without waiting for an explanation that does not come.
    State.EXPLANATION_REQUESTED: frozenset({State.ACCEPTED, State.DECIDED}),
    State.DECIDED: frozenset({State.DECIDED, State.CLOSED}),
    State.CLOSED: frozenset(),
}


class InvalidTransition(DomainError):
    code = "invalid_state"
    status = 409


def check_transition(current: str, target: str, what: str) -> None:
    if target not in TRANSITIONS[current]:
        raise InvalidTransition(f"举报当前状态为“{State(current).label}”，不能{what}")
