"""Tracking codes for people without an account (applicants, complainants): shown once, only their hash kept."""

from __future__ import annotations

import hashlib
import re
import secrets

TRACKING_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed without mistakes
TRACKING_LENGTH = 16  # 31^16 ≈ 2^79: not guessable


def new_tracking_code() -> str:
    """A fresh code in groups of four, e.g. "K7QM-3XWA-PD9R-UE2H"."""
    raw = "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, TRACKING_LENGTH, 4))


def tracking_hash(code: str) -> str:
    """The SHA-256 kept instead of the code; spaces, hyphens and case do not matter."""
    normalized = re.sub(r"[\s-]", "", code or "").upper()
    return hashlib.sha256(normalized.encode("ascii", "ignore")).hexdigest()
