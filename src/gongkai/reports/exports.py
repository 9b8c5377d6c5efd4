"""A report as .docx (python-docx: the six sections, tables with the template's headers) and .xlsx (openpyxl:
one sheet per table, Chinese headers)."""

from __future__ import annotations

import io
from urllib.parse import quote

from django.http import HttpResponse
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from gongkai.core.errors import NotFound
from gongkai.core.spreadsheet import safe_cell
from gongkai.reports.presenters import HeaderCell, TableView, sections

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def placed_header(table: TableView) -> list[tuple[int, int, HeaderCell]]:
    """(row, column, cell) of every header cell on the grid, honouring row and column spans."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(table.header):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return out


def _width(table: TableView) -> int:
    return len(table.column_codes) + (1 if table.stub is not None else 0)


def _label(row) -> str:
    return "　" * row.level + row.label


def _value(v) -> str:
    return "" if v is None else str(v)


def _sheet_names(content: dict) -> list[tuple[str, TableView]]:
    out = []
    for s in sections(content):
        if s.code == "proactive":
            out += [(f"表二 {t.caption}", t) for t in s.tables]
        elif s.code == "applications":
            out += [("表三 收到和处理申请情况", t) for t in s.tables]
        elif s.code == "remedies":
            out += [("表四 行政复议行政诉讼", t) for t in s.tables]
    return out


def to_docx(content: dict) -> bytes:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "SimSun"
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    title = doc.add_heading(content["title"], level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for s in sections(content):
        doc.add_heading(s.title, level=1)
        if s.lead:
            doc.add_paragraph(s.lead)
        for p in s.paragraphs:
            doc.add_paragraph(p)
        if s.kind == "narrative" and not s.paragraphs and not s.lead:
            doc.add_paragraph("无。")
        for t in s.tables:
            if s.code == "proactive":
                doc.add_paragraph(t.caption)
            width, depth = _width(t), len(t.header)
            table = doc.add_table(rows=depth + len(t.rows), cols=width)
            table.style = "Table Grid"
            for r, c, cell in placed_header(t):
                target = table.cell(r, c)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
                target.text = cell.label
            offset = 1 if t.stub is not None else 0
            for i, row in enumerate(t.rows, start=depth):
                if offset:
                    table.cell(i, 0).text = _label(row)
                for j, v in enumerate(row.values):
                    table.cell(i, j + offset).text = _value(v)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def to_xlsx(content: dict) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for name, t in _sheet_names(content):
        ws = wb.create_sheet(name[:31])
        width = _width(t)
        ws.cell(row=1, column=1, value=safe_cell(f"{content['title']}　{t.caption}")).font = Font(bold=True)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        top = 2
        for r, c, cell in placed_header(t):
            x = ws.cell(row=top + r, column=c + 1, value=safe_cell(cell.label))
            x.font, x.alignment = Font(bold=True), center
            if cell.rowspan > 1 or cell.colspan > 1:
                ws.merge_cells(start_row=top + r, start_column=c + 1,
                               end_row=top + r + cell.rowspan - 1, end_column=c + cell.colspan)  # fmt: skip
        first = top + len(t.header)
        offset = 1 if t.stub is not None else 0
        for i, row in enumerate(t.rows):
            if offset:
                ws.cell(row=first + i, column=1, value=safe_cell(_label(row)))
            for j, v in enumerate(row.values):
                if v is not None:
                    ws.cell(row=first + i, column=j + 1 + offset, value=safe_cell(_number(v)))
        for row in ws.iter_rows(min_row=top, max_row=first + len(t.rows) - 1, max_col=width):
            for x in row:
                x.border = border
        if offset:
            ws.column_dimensions["A"].width = 48 if t.code == "applications" else 18
        for col in range(1 + offset, width + 1):
            ws.column_dimensions[get_column_letter(col)].width = 12
        ws.freeze_panes = ws.cell(row=first, column=1 + offset)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _number(v):
    if isinstance(v, int):
        return v
    try:
        return float(v) if "." in str(v) else int(v)
    except (TypeError, ValueError):
        return v


def http_response(content: dict, fmt: str) -> HttpResponse:
    """The content as a download in `fmt` (docx or xlsx), named after the report's title."""
    if fmt == "docx":
        data, content_type = to_docx(content), DOCX_TYPE
    elif fmt == "xlsx":
        data, content_type = to_xlsx(content), XLSX_TYPE
    else:
        raise NotFound("不支持的格式")
    response = HttpResponse(data, content_type=content_type)
    name = quote(f"{content['title']}.{fmt}")
    response["Content-Disposition"] = f"attachment; filename=\"annual-report.{fmt}\"; filename*=UTF-8''{name}"
    return response
