"""Masked forms of personal data for staff pages and APIs, in the shapes of core.deidentify (cn-rules.md §9):
an identity number keeps its first 6 and last 4 characters (110105********002X), an e-mail address the first
character of its local part (z***@example.com)."""

from __future__ import annotations


def mask_middle(value: str, keep_start: int, keep_end: int) -> str:
    """`value` with all but the first `keep_start` and last `keep_end` characters as "*" (all of a short one)."""
    value = value or ""
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[len(value) - keep_end :]


def mask_identity_number(value: str) -> str:
    """An identity document number: 18-digit resident IDs as 110105********002X, shorter ones keep 2 and 2."""
    return mask_middle(value, 6, 4) if len(value or "") >= 15 else mask_middle(value, 2, 2)


def mask_email(value: str) -> str:
    local, at, domain = (value or "").partition("@")
    if not at:
        return mask_middle(value, 1, 0)
    return f"{local[:1]}***@{domain}"
