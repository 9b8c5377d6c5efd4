"""Typed domain errors: a stable code for machines and a Chinese message for people."""

from __future__ import annotations


class DomainError(Exception):
    """Base class of every error a service raises on purpose."""

    code = "error"
    status = 400

    def __init__(self, message: str, *, code: str | None = None, details: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.details = details or {}


class NotFound(DomainError):
    code = "not_found"
    status = 404


class PermissionDenied(DomainError):
    code = "forbidden"
    status = 403


class DataFileError(DomainError):
    """A data file (catalog, holidays) that cannot be loaded; carries every problem with its line."""

    code = "invalid_data_file"

    def __init__(self, path: str, problems: list[tuple[int | None, str]]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(
            self.render(), details={"problems": [{"line": ln, "message": m} for ln, m in problems]}
        )

    def render(self) -> str:
        return "\n".join(f"{self.path}:{line or '-'}: {message}" for line, message in self.problems)


class InvalidFields(DomainError):
    """Input that breaks rules field by field: the message joins them; `details.problems` lists each one."""

    code = "invalid_input"

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__(
            "；".join(m for _f, m in problems),
            details={"problems": [{"field": f, "message": m} for f, m in problems]},
        )


def require(verdict: tuple[bool, str]) -> None:
    """Raise PermissionDenied with the predicate's reason unless it allows."""
    allowed, reason = verdict
    if not allowed:
        raise PermissionDenied(reason)


class InvalidTransition(DomainError):
    """An action the record's current state does not allow."""

    code = "invalid_state"
    status = 409


def check_transition(
    transitions: dict, current: str, target: str, *, noun: str, current_label: str, what: str
) -> None:
    """Refuse moving from `current` to `target` unless `transitions[current]` allows it: "申请当前状态为“已答复”，不能征求意见"."""
    if target not in transitions[current]:
        raise InvalidTransition(f"{noun}当前状态为“{current_label}”，不能{what}")
