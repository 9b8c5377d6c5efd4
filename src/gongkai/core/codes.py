"""Check characters of Chinese identifiers: GB 32100 unified social credit codes, GB 11714 organization codes,
GB 11643 resident identity numbers. See shared/reference/cn-rules.md §4."""

from __future__ import annotations

import re

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
_ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
_RESIDENT_ID = re.compile(r"[0-9]{17}[0-9X]")
_ID_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]


def uscc_check_char(code17: str) -> str:
    """The 18th character of a unified social credit code whose first 17 are given."""
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(code17, _USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31]


def org_check_char(code8: str) -> str:
    """The check character of a GB 11714 organization code (the 9th of 9)."""
    c9 = 11 - sum(_ORG_CHARS.index(c) * w for c, w in zip(code8, _ORG_WEIGHTS, strict=True)) % 11
    return {10: "X", 11: "0"}.get(c9, str(c9))


def uscc_problem(code: str) -> str | None:
    """None when `code` is a valid unified social credit code, else a plain Chinese reason."""
    code = (code or "").strip().upper()
    if len(code) != 18:
        return f"统一社会信用代码应为18位，实为{len(code)}位"
    bad = [c for c in code if c not in USCC_CHARS]
    if bad:
        return f"统一社会信用代码含有不允许的字符“{bad[0]}”（不使用 I、O、S、V、Z）"
    if not code[2:8].isdigit():
        return "统一社会信用代码第3至8位应为行政区划代码（数字）"
    if uscc_check_char(code[:17]) != code[17]:
        return f"统一社会信用代码校验位不正确（应为“{uscc_check_char(code[:17])}”）"
    return None


def is_valid_uscc(code: str) -> bool:
    return uscc_problem(code) is None


def is_valid_resident_id(number: str) -> bool:
    """GB 11643 18-digit resident identity number with a valid birth date and MOD 11-2 check character."""
    import datetime as dt

    number = (number or "").strip().upper()
    if not _RESIDENT_ID.fullmatch(number):  # ASCII only: str.isdigit() also passes "²", which int() refuses
        return False
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    total = sum(int(c) * w for c, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == number[17]


_PHONE = re.compile(r"[0-9+()\- ]{5,40}")


def is_valid_phone(number: str) -> bool:
    """Digits with the usual separators (+, -, spaces, brackets): 0564-3379123, +86 138 0000 0000, (0564) 3379123."""
    return bool(_PHONE.fullmatch(number)) and sum(ch.isdigit() for ch in number) >= 5
