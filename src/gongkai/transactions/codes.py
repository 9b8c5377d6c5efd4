"""The unified transaction code (统一交易标识码) of 《公共资源交易平台系统数据规范》: 33 characters.

    positions 1–18   the unified social credit code of the trading platform's operator (GB 32100)
    positions 19–26  the date the code was issued, YYYYMMDD
    positions 27–32  a serial number within that operator and day, 000001–999999
    position  33     a check character, ISO 7064 MOD 37-2 over the 32 characters before it

The layout is taken from a provincial implementation (see shared/reference/cn-rules.md §6); the official text of
the standard was not available. The check is the standard ISO 7064 pure system MOD 37-2: characters 0–9, A–Z
and * valued 0..36; the i-th character from the right of the data (i = 1, 2, …) weighs 2^i mod 37; the check
character c makes Σ + c ≡ 1 (mod 37), i.e. c = (38 − Σ mod 37) mod 37. That implementation computes 2^i in
floating point and casts it to a 32-bit integer, which overflows for i ≥ 31; we use exact modular powers, as
the standard (and python-stdnum's `iso7064.mod_37_2`) does, so codes agree with the standard.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from gongkai.core.codes import uscc_problem

MOD37_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*"
CODE_LENGTH = 33
_SHAPE = re.compile(r"^[0-9A-Z]{18}\d{8}\d{6}[0-9A-Z*]$")


def mod37_2_check_char(data: str) -> str:
    """The ISO 7064 MOD 37-2 check character for `data` (characters of 0–9, A–Z, *)."""
    total = 0
    for i, char in enumerate(reversed(data.upper()), start=1):
        value = MOD37_ALPHABET.find(char)
        if value < 0:
            raise ValueError(f"“{char}”不是 MOD 37-2 的字符")
        total += value * pow(2, i, 37)
    return MOD37_ALPHABET[(38 - total % 37) % 37]


def mod37_2_is_valid(code: str) -> bool:
    """True when the last character of `code` is the MOD 37-2 check character of the rest."""
    if len(code) < 2:
        return False
    try:
        return mod37_2_check_char(code[:-1]) == code[-1].upper()
    except ValueError:
        return False


def normalize(code: str) -> str:
    """The code without separators, in capitals (a code is often written USCC-YYYYMMDD-NNNNNN-C)."""
    return re.sub(r"[\s\-－—_]", "", code or "").upper()


def compose(operator_uscc: str, on: dt.date, serial: int) -> str:
    if not 1 <= serial <= 999_999:
        raise ValueError("流水号应在 1 到 999999 之间")
    body = f"{operator_uscc.upper()}{on:%Y%m%d}{serial:06d}"
    return body + mod37_2_check_char(body)


def code_problem(code: str) -> str | None:
    """None when `code` is a well-formed unified transaction code with a correct check character, else why not."""
    code = normalize(code)
    if len(code) != CODE_LENGTH:
        return f"统一交易标识码应为{CODE_LENGTH}位，实为{len(code)}位"
    if not _SHAPE.match(code):
        return "统一交易标识码应由18位统一社会信用代码、8位日期、6位流水号和1位校验码组成"
    problem = uscc_problem(code[:18])
    if problem:
        return f"前18位不是有效的统一社会信用代码：{problem}"
    try:
        dt.date(int(code[18:22]), int(code[22:24]), int(code[24:26]))
    except ValueError:
        return f"第19至26位“{code[18:26]}”不是有效日期"
    if code[26:32] == "000000":
        return "流水号不能为000000"
    expected = mod37_2_check_char(code[:32])
    if code[32] != expected:
        return f"校验码不正确（应为“{expected}”）"
    return None


def is_valid_code(code: str) -> bool:
    return code_problem(code) is None


@dataclass(frozen=True)
class CodeParts:
    operator_uscc: str
    issued_on: dt.date
    serial: int
    check: str

    @property
    def display(self) -> str:
        return f"{self.operator_uscc}-{self.issued_on:%Y%m%d}-{self.serial:06d}-{self.check}"


def parse(code: str) -> CodeParts:
    """The parts of a valid code; ValueError with the reason otherwise."""
    code = normalize(code)
    problem = code_problem(code)
    if problem:
        raise ValueError(problem)
    return CodeParts(
        code[:18], dt.date(int(code[18:22]), int(code[22:24]), int(code[24:26])), int(code[26:32]), code[32]
    )
