"""Reading numbers and dates that arrive as text (query strings, stored search parameters): anything malformed or
out of range is None, never an exception, so no hostile parameter reaches the database or date arithmetic."""

from __future__ import annotations

import datetime as dt
import re

MAX_ID = 2**63 - 1  # the largest primary key (BigAutoField); SQLite overflows on anything larger
FIRST_DAY = dt.date(
    1900, 1, 1
)  # dates a filter can sensibly name: earlier or later ones are refused, which also
LAST_DAY = dt.date(2099, 12, 31)  # keeps every period and quarter computed from them far from 9999-12-31
_INT = re.compile(r"[0-9]{1,19}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_int(value: object, *, low: int = 1, high: int = MAX_ID) -> int | None:
    """`value` as an int in [low, high] when it is plain ASCII digits (no sign, no superscripts), else None."""
    text = str(value).strip() if value is not None else ""
    if not _INT.fullmatch(text):
        return None
    number = int(text)
    return number if low <= number <= high else None


def parse_date(value: object, *, low: dt.date = FIRST_DAY, high: dt.date = LAST_DAY) -> dt.date | None:
    """`value` as a date in [low, high] when it is YYYY-MM-DD, else None."""
    text = str(value).strip() if value is not None else ""
    if not _DATE.fullmatch(text):
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return day if low <= day <= high else None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def strip_control(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (tab, newline and carriage return stay)."""
    return _CONTROL.sub("", text)


def clean_text(value: object, limit: int) -> str:
    """Text from a query string, without control characters (NUL breaks XML and PostgreSQL), at most `limit` long."""
    return strip_control(str(value) if value is not None else "").strip()[:limit]
