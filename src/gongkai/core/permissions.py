"""The permission vocabulary: `resource:action`. Roles grant permissions within their organizations."""

from __future__ import annotations

from enum import StrEnum


class Perm(StrEnum):
    DISCLOSURE_DRAFT = "disclosure:draft"
    DISCLOSURE_SUBMIT = "disclosure:submit"
    DISCLOSURE_REVIEW = "disclosure:review"  # 保密审查 and approval
    DISCLOSURE_PUBLISH = "disclosure:publish"
    DISCLOSURE_CORRECT = "disclosure:correct"  # propose a correction
    DISCLOSURE_APPROVE_CORRECTION = "disclosure:approve-correction"
    DISCLOSURE_WITHDRAW = "disclosure:withdraw"
    DISCLOSURE_VALIDITY = "disclosure:validity"
    DISCLOSURE_VIEW_INTERNAL = "disclosure:view-internal"
    DISCLOSURE_COPY = "disclosure:copy-to-supervisor"
    SUPERVISION_VIEW = "supervision:view"
    API_TOKEN_MANAGE = "api-token:manage"  # noqa: S105 - a permission name, not a secret
