"""A report's content (a frozen version or the working copy) laid out for HTML, .docx and .xlsx: the six
sections in the template's order and each table with its multi-level header."""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.reports.template import get_template


@dataclass
class HeaderCell:
    label: str
    colspan: int = 1
    rowspan: int = 1
    scope: str = "col"


@dataclass
class BodyRow:
    code: str
    label: str
    level: int
    values: list  # one per column; None for a heading row's cells


@dataclass
class TableView:
    code: str
    caption: str
    stub: str | None  # the row-label header (None: the table has no row labels, as table 四)
    header: list[list[HeaderCell]]
    rows: list[BodyRow]
    column_codes: list[str]
    column_labels: list[str]  # the full path of each column, joined, for flat exports


@dataclass
class SectionView:
    code: str
    title: str
    kind: str
    text: str = ""
    tables: list[TableView] = field(default_factory=list)
    lead: str = ""  # a computed sentence shown before the text (fees collected)

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.text.split("\n") if p.strip()]


def header_rows(paths: list[tuple[str, ...]], stub: str | None) -> list[list[HeaderCell]]:
    depth = max(len(p) for p in paths)
    rows: list[list[HeaderCell]] = [[] for _ in range(depth)]
    if stub is not None:
        rows[0].append(HeaderCell(stub, rowspan=depth))
    for level in range(depth):
        i = 0
        while i < len(paths):
            path = paths[i]
            if len(path) <= level:
                i += 1
                continue
            j = i + 1
            if len(path) > level + 1:
                while (
                    j < len(paths)
                    and len(paths[j]) > level + 1
                    and paths[j][: level + 1] == path[: level + 1]
                ):
                    j += 1
            rowspan = depth - level if len(path) == level + 1 else 1
            colspan = j - i
            rows[level].append(HeaderCell(path[level], colspan=colspan, rowspan=rowspan,
                                          scope="colgroup" if colspan > 1 else "col"))  # fmt: skip
            i = j
    return rows


def table_view(data: dict, *, stub: str | None, top: str | None = None) -> TableView:
    paths = [tuple(c["path"]) for c in data["columns"]]
    if top:
        paths = [(top, *p) for p in paths]
    codes = [c["code"] for c in data["columns"]]
    rows = [
        BodyRow(
            r["code"],
            r["label"],
            r["level"],
            [r["cells"][c] if r["cells"] is not None else None for c in codes],
        )
        for r in data["rows"]
    ]
    caption = data["title"] if not data.get("note") else f"{data['title']}（{data['note']}）"
    return TableView(data["code"], caption, stub, header_rows(paths, stub), rows, codes,
                     ["／".join(p) for p in paths])  # fmt: skip


def tables_of(figures: dict) -> dict[str, list[TableView]]:
    template = get_template()
    apps = template.table("applications")
    return {
        "proactive": [table_view(t, stub="信息内容") for t in figures.get("proactive", [])],
        "applications": [table_view(figures["applications"], stub="", top=apps.get("header"))]
        if figures.get("applications") else [],
        "remedies": [table_view(figures["remedies"], stub=None)] if figures.get("remedies") else [],
    }  # fmt: skip


def fees_sentence(name: str, year: int, amount: str) -> str:
    return get_template().data["fees_sentence"].format(name=name, year=year, amount=amount)


def sections(content: dict) -> list[SectionView]:
    """The six sections of a content snapshot (services.snapshot), in the template's order."""
    template = get_template()
    figures = content.get("figures") or {}
    tables = tables_of(figures) if figures else {}
    out = []
    for s in template.sections:
        view = SectionView(s["code"], s["title"], s["kind"])
        if s["kind"] == "narrative":
            view.text = content["narrative"].get(s["code"], "")
        else:
            view.tables = tables.get(s["code"], [])
        if s["code"] == "other_matters" and figures:
            view.lead = fees_sentence(
                content["subject"]["name"], content["year"], figures.get("fees_collected", "0.00")
            )
        out.append(view)
    return out
