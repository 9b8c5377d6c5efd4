"""The blacklist entry's states and the transitions between them; only services change state."""

from __future__ import annotations

from gongkai.core.errors import DomainError
from gongkai.credit.choices import BlacklistState as S

# (from, action) -> to
TRANSITIONS: dict[tuple[str, str], str] = {
    (S.DRAFT, "submit"): S.SUBMITTED,
    (S.SUBMITTED, "approve_listing"): S.LISTED,
    (S.SUBMITTED, "reject_listing"): S.DRAFT,
    (S.LISTED, "propose_removal"): S.REMOVAL_SUBMITTED,
    (S.REMOVAL_SUBMITTED, "approve_removal"): S.REMOVED,  # or REVOKED, by the removal kind
    (S.REMOVAL_SUBMITTED, "reject_removal"): S.LISTED,
    (S.LISTED, "repair"): S.REMOVED,
    (S.REMOVAL_SUBMITTED, "repair"): S.REMOVED,
    (S.LISTED, "expire"): S.EXPIRED,
    (S.REMOVAL_SUBMITTED, "expire"): S.EXPIRED,
}

ACTION_NAMES = {
    "submit": "提交审核",
    "approve_listing": "同意列入",
    "reject_listing": "退回列入申请",
    "propose_removal": "提出移出",
    "approve_removal": "同意移出",
    "reject_removal": "不同意移出",
    "repair": "信用修复移出",
    "expire": "有效期届满移出",
}


def can_transition(state: str, action: str) -> bool:
    return (state, action) in TRANSITIONS


def next_state(state: str, action: str) -> str:
    """The state after `action`, or a DomainError saying why it cannot happen now."""
    try:
        return TRANSITIONS[(state, action)]
    except KeyError:
        raise DomainError(
            f"当前状态为“{S(state).label}”，不能{ACTION_NAMES.get(action, action)}", code="invalid_transition"
        ) from None
