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
    CREDIT_RECORD = "credit:record"  # market entities, credit records, repair applications
    BLACKLIST_PROPOSE = "blacklist:propose"  # propose listing or removal
    BLACKLIST_REVIEW = "blacklist:review"  # approve listing, removal and repair (never one's own)
    TRANSACTION_MANAGE = "transaction:manage"  # register transactions, attach disclosures to their stages
    APPLICATION_HANDLE = "application:handle"  # register, correct, consult, extend and reply to applications
    APPLICATION_APPROVE_EXTENSION = "application:approve-extension"  # the disclosure office head's approval
    SUPERVISION_VIEW = "supervision:view"
    API_TOKEN_MANAGE = "api-token:manage"  # noqa: S105 - a permission name, not a secret
