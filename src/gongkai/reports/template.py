"""The national annual-report template as data (data/reports/template.yaml): sections, the labels of tables
二, 三 and 四, due dates and the mapping of published disclosures to table 二's rows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from gongkai.applications import statistics
from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import line_of, read_yaml

NARRATIVE_FIELDS = ("overview", "improvements", "other_matters")


@dataclass(frozen=True)
class Template:
    path: str
    data: dict

    @property
    def sections(self) -> list[dict]:
        return self.data["sections"]

    @property
    def due(self) -> dict:
        return self.data["due"]

    @property
    def proactive(self) -> list[dict]:
        return self.data["proactive"]

    def table(self, code: str) -> dict:
        return self.data[code]

    def title(self, name: str, year: int) -> str:
        return self.data["title"].format(name=name, year=year)


def template_path() -> Path:
    return Path(
        getattr(settings, "REPORT_TEMPLATE_FILE", Path(settings.DATA_DIR) / "reports" / "template.yaml")
    )


def _plain(node):
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def read_template(path: str | Path) -> Template:
    """Read and check the file; every problem is reported with its line."""
    doc = read_yaml(path)
    raw = doc.data
    problems: list[tuple[int | None, str]] = []
    if not isinstance(raw, dict):
        raise DataFileError(str(path), [(None, "文件内容必须是映射")])
    for key in ("title", "due", "sections", "proactive", "applications", "remedies", "fees_sentence"):
        if key not in raw:
            problems.append((None, f"缺少 {key}"))
    if problems:
        raise DataFileError(str(path), problems)
    sections = raw["sections"]
    codes = [s.get("code") for s in sections]
    expected = ["overview", "proactive", "applications", "remedies", "improvements", "other_matters"]
    if codes != expected:
        problems.append((line_of(raw, "sections"), f"sections 必须依次为 {', '.join(expected)}"))
    for key, columns, specs in (
        ("applications", statistics.application_columns(), statistics.application_row_specs()),
        ("remedies", statistics.remedy_columns(), [("cases", "件数", 0, True)]),
    ):
        table = raw[key]
        got_cols = [c.get("code") for c in table.get("columns", [])]
        if got_cols != [c.code for c in columns]:
            problems.append(
                (
                    line_of(table, "columns"),
                    f"{key}.columns 的代码必须依次为 {', '.join(c.code for c in columns)}",
                )
            )
        got_rows = [r.get("code") for r in table.get("rows", [])]
        if got_rows != [s[0] for s in specs]:
            problems.append(
                (line_of(table, "rows"), f"{key}.rows 的代码必须依次为 {', '.join(s[0] for s in specs)}")
            )
    for g, group in enumerate(raw["proactive"]):
        col_codes = {c["code"] for c in group.get("columns", [])}
        unknown = col_codes - {"issued", "repealed", "in_force", "decisions", "amount"}
        if unknown:
            problems.append((line_of(raw["proactive"], g), f"表二未知的栏目：{', '.join(sorted(unknown))}"))
        for row in group.get("rows", []):
            for alt in row.get("match") or []:
                bad = set(alt) - {"items", "genres", "subjects", "doc_no"}
                if bad:
                    problems.append((line_of(row, "match"), f"未知的匹配条件：{', '.join(sorted(bad))}"))
                if "doc_no" in alt:
                    try:
                        re.compile(str(alt["doc_no"]))
                    except re.error as exc:
                        problems.append((line_of(row, "match"), f"文号正则表达式无效：{exc}"))
    if problems:
        raise DataFileError(str(path), problems)
    return Template(path=str(path), data=_plain(raw))


@lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> Template:
    return read_template(path)


def get_template() -> Template:
    path = template_path()
    return _cached(str(path), path.stat().st_mtime)


def relabel(table: statistics.StatTable, spec: dict) -> statistics.StatTable:
    """Put the template's wording on a computed table (codes were checked when the file was read)."""
    labels = {r["code"]: (r["label"], r.get("level", 0)) for r in spec["rows"]}
    paths = {c["code"]: tuple(c["path"]) for c in spec["columns"]}
    table.title = spec.get("title", table.title)
    table.note = spec.get("note", table.note)
    table.columns = [statistics.Column(c.code, paths.get(c.code, c.path)) for c in table.columns]
    for row in table.rows:
        row.label, row.level = labels.get(row.code, (row.label, row.level))
    return table
