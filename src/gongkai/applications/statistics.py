"""The figures of the annual report's tables 三 and 四 (国办公开办函〔2021〕30号; cn-rules.md §2.3, §2.4) and
the information-processing fees of section 六, counted from the application ledger — never typed in.

Counting rules (one calendar year, 1 January to 31 December):
- 一 本年新收: receipt date within the year. An application never confirmed (no receipt date) is not counted
  anywhere.
- 二 上年结转: received before the year and not concluded before 1 January (no completion date, or one on or
  after 1 January).
- 三 办理结果: concluded (completion date) within the year, one row per reply type and ground.
- 四 结转下年度继续办理: received by 31 December and not concluded by 31 December.
So 一 + 二 = (七) + 四 holds by construction for every column; `problems()` still checks it, because a report
keeps a frozen copy of the figures and an application concluded without a reply code would break (七).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Sum

from gongkai.applications.choices import (
    GROUNDS_BY_TYPE,
    ApplicantKind,
    RemedyKind,
    RemedyResult,
    ReplyType,
)
from gongkai.applications.models import Application, FeeNotice, Remedy

LEGAL_PERSON = "法人或其他组织"
TOTAL = "total"

# Labels of table 三's rows that are not reply types or grounds (the template's wording).
RECEIVED_LABEL = "一、本年新收政府信息公开申请数量"
CARRIED_OVER_LABEL = "二、上年结转政府信息公开申请数量"
RESULTS_LABEL = "三、本年度办理结果"
HANDLED_TOTAL_LABEL = "（七）总计"
CARRIED_FORWARD_LABEL = "四、结转下年度继续办理"
BALANCE_NOTE = "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"
# (二) carries the template's note; the others are the reply type's name.
TYPE_LABELS = {ReplyType.PARTIAL: "部分公开（区分处理的，只计这一情形，不计其他情形）"}
ORDINALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Column:
    """A numeric column; `path` is its header from the top (e.g. 法人或其他组织 → 商业企业)."""

    code: str
    path: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.path[-1]


@dataclass
class Row:
    """A row of a table: `cells` is None for a heading row that carries no figures (三、（三）…)."""

    code: str
    label: str
    level: int
    cells: dict[str, int] | None = None

    def total(self) -> int:
        return sum((self.cells or {}).values())


@dataclass
class StatTable:
    code: str
    title: str
    columns: list[Column]
    rows: list[Row]
    note: str = ""
    scope: dict = field(default_factory=dict)

    def row(self, code: str) -> Row:
        for row in self.rows:
            if row.code == code:
                return row
        raise KeyError(code)

    def cell(self, row: str, column: str) -> int:
        cells = self.row(row).cells
        if cells is None:
            raise KeyError(f"{row} 没有数字")
        return cells[column]

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "title": self.title,
            "note": self.note,
            "scope": self.scope,
            "columns": [{"code": c.code, "path": list(c.path), "label": c.label} for c in self.columns],
            "rows": [
                {
                    "code": r.code,
                    "label": r.label,
                    "level": r.level,
                    "cells": dict(r.cells) if r.cells else None,
                }
                for r in self.rows
            ],
        }

    @classmethod
    def from_dict(cls, data: dict) -> StatTable:
        return cls(
            code=data["code"],
            title=data["title"],
            note=data.get("note", ""),
            scope=data.get("scope", {}),
            columns=[Column(c["code"], tuple(c["path"])) for c in data["columns"]],
            rows=[
                Row(r["code"], r["label"], r["level"], dict(r["cells"]) if r["cells"] is not None else None)
                for r in data["rows"]
            ],
        )


ApplicationTable = StatTable
RemedyTable = StatTable


# ---------------------------------------------------------------------------------------------- table 三


def application_columns() -> list[Column]:
    cols = [Column(ApplicantKind.NATURAL_PERSON.value, (ApplicantKind.NATURAL_PERSON.label,))]
    cols += [
        Column(k.value, (LEGAL_PERSON, k.label)) for k in ApplicantKind if k != ApplicantKind.NATURAL_PERSON
    ]
    cols.append(Column(TOTAL, ("总计",)))
    return cols


def result_row_codes() -> list[str]:
    """The rows whose figures make up (七): (一), (二) and every numbered ground of (三)–(六)."""
    codes = []
    for reply_type, grounds in GROUNDS_BY_TYPE.items():
        codes += [f"{reply_type}.{g.value}" for g in grounds] if grounds else [str(reply_type)]
    return codes


def application_row_specs() -> list[tuple[str, str, int, bool]]:
    """(code, label, level, has figures) of every row of table 三, in the template's order and wording."""
    specs = [
        ("received", RECEIVED_LABEL, 0, True),
        ("carried_over", CARRIED_OVER_LABEL, 0, True),
        ("results", RESULTS_LABEL, 0, False),
    ]
    for n, (reply_type, grounds) in enumerate(GROUNDS_BY_TYPE.items()):
        label = f"（{ORDINALS[n]}）{TYPE_LABELS.get(reply_type, ReplyType(reply_type).label)}"
        specs.append((str(reply_type), label, 1, not grounds))
        specs += [(f"{reply_type}.{g.value}", f"{i}.{g.label}", 2, True) for i, g in enumerate(grounds, 1)]
    specs.append(("handled_total", HANDLED_TOTAL_LABEL, 1, True))
    specs.append(("carried_forward", CARRIED_FORWARD_LABEL, 0, True))
    return specs


def _by_kind(qs) -> Counter:
    return Counter(qs.values_list("applicant_kind", flat=True))


def _cells(counter: Counter, columns: list[Column]) -> dict[str, int]:
    cells = {c.code: counter.get(c.code, 0) for c in columns if c.code != TOTAL}
    cells[TOTAL] = sum(cells.values())
    return cells


def application_table(organization_ids: Iterable[int], year: int) -> StatTable:
    """Table 三 for the applications made to these organizations, for one calendar year."""
    org_ids = list(organization_ids)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    columns = application_columns()
    counted = Application.objects.filter(organization_id__in=org_ids, receipt_date__isnull=False)

    received = counted.filter(receipt_date__gte=start, receipt_date__lte=end)
    carried_over = counted.filter(receipt_date__lt=start).filter(
        Q(completed_on__isnull=True) | Q(completed_on__gte=start)
    )
    concluded = counted.filter(completed_on__gte=start, completed_on__lte=end)
    carried_forward = counted.filter(receipt_date__lte=end).filter(
        Q(completed_on__isnull=True) | Q(completed_on__gt=end)
    )
    results: dict[str, Counter] = {}
    for kind, reply_type, ground in concluded.values_list("applicant_kind", "reply_type", "reply_ground"):
        code = f"{reply_type}.{ground}" if GROUNDS_BY_TYPE.get(reply_type) else reply_type
        results.setdefault(code, Counter())[kind] += 1

    figures = {
        "received": _by_kind(received),
        "carried_over": _by_kind(carried_over),
        "handled_total": _by_kind(concluded),
        "carried_forward": _by_kind(carried_forward),
    }
    rows = []
    for code, label, level, has_cells in application_row_specs():
        cells = None
        if has_cells:
            cells = _cells(figures.get(code) or results.get(code, Counter()), columns)
        rows.append(Row(code, label, level, cells))
    return StatTable(
        code="applications",
        title="三、收到和处理政府信息公开申请情况",
        columns=columns,
        rows=rows,
        note=BALANCE_NOTE,
        scope={"year": year, "organizations": sorted(org_ids)},
    )


def problems(table: StatTable, previous: StatTable | None = None) -> list[str]:
    """The balance rules of table 三 (cn-rules.md §2.3), as Chinese messages; an empty list when it holds."""
    out: list[str] = []
    columns = table.columns
    legal = [c for c in columns if c.code != TOTAL]
    labels = {c.code: c.label for c in columns}
    for row in table.rows:
        if row.cells is None:
            continue
        parts = sum(row.cells.get(c.code, 0) for c in legal)
        if row.cells.get(TOTAL, 0) != parts:
            out.append(
                f"“{row.label}”的总计为 {row.cells.get(TOTAL, 0)}，"
                f"不等于自然人与法人或其他组织各列之和 {parts}"
            )
    result_codes = result_row_codes()
    for c in columns:
        received = table.cell("received", c.code)
        over = table.cell("carried_over", c.code)
        handled = table.cell("handled_total", c.code)
        forward = table.cell("carried_forward", c.code)
        if received + over != handled + forward:
            out.append(
                f"“{labels[c.code]}”列：本年新收 {received} 加上年结转 {over} 为 {received + over}，"
                f"不等于办理结果总计 {handled} 加结转下年度 {forward} 为 {handled + forward}"
            )
        summed = sum(table.cell(code, c.code) for code in result_codes)
        if summed != handled:
            out.append(f"“{labels[c.code]}”列：（七）总计 {handled} 不等于各项办理结果之和 {summed}")
    if previous is not None:
        for c in columns:
            before = previous.cell("carried_forward", c.code)
            now = table.cell("carried_over", c.code)
            if before != now:
                year = previous.scope.get("year")
                out.append(
                    f"“{labels[c.code]}”列：本年上年结转 {now} 不等于"
                    f"{f'{year}年' if year else '上年'}报告的结转下年度继续办理 {before}"
                )
    return out


# ---------------------------------------------------------------------------------------------- table 四

REMEDY_GROUPS: dict[str, tuple[str, ...]] = {
    RemedyKind.RECONSIDERATION: ("行政复议",),
    RemedyKind.LITIGATION_DIRECT: ("行政诉讼", "未经复议直接起诉"),
    RemedyKind.LITIGATION_AFTER: ("行政诉讼", "复议后起诉"),
}
REMEDY_RESULTS = (RemedyResult.UPHELD, RemedyResult.CORRECTED, RemedyResult.OTHER, RemedyResult.PENDING)


def remedy_columns() -> list[Column]:
    cols = []
    for kind, path in REMEDY_GROUPS.items():
        cols += [Column(f"{kind}.{r.value}", (*path, r.label)) for r in REMEDY_RESULTS]
        cols.append(Column(f"{kind}.{TOTAL}", (*path, "总计")))
    return cols


def remedy_table(organization_ids: Iterable[int], year: int) -> StatTable:
    """Table 四: cases filed in the year against these organizations' replies, with the result decided by
    31 December (a later decision, or none, counts as 尚未审结)."""
    org_ids = list(organization_ids)
    end = dt.date(year, 12, 31)
    cases = Remedy.objects.filter(application__organization_id__in=org_ids, filed_on__year=year)
    counts: Counter = Counter()
    for kind, result, decided_on in cases.values_list("kind", "result", "decided_on"):
        decided = result != RemedyResult.PENDING and decided_on is not None and decided_on <= end
        counts[f"{kind}.{result if decided else RemedyResult.PENDING.value}"] += 1
    cells = {}
    for kind in REMEDY_GROUPS:
        group = {f"{kind}.{r.value}": counts.get(f"{kind}.{r.value}", 0) for r in REMEDY_RESULTS}
        cells.update(group)
        cells[f"{kind}.{TOTAL}"] = sum(group.values())
    return StatTable(
        code="remedies",
        title="四、政府信息公开行政复议、行政诉讼情况",
        columns=remedy_columns(),
        rows=[Row("cases", "件数", 0, cells)],
        scope={"year": year, "organizations": sorted(org_ids)},
    )


def remedy_problems(table: StatTable) -> list[str]:
    """In each group of five columns, 总计 = 维持 + 纠正 + 其他 + 尚未审结."""
    out = []
    for row in table.rows:
        for kind, path in REMEDY_GROUPS.items():
            parts = sum(row.cells.get(f"{kind}.{r.value}", 0) for r in REMEDY_RESULTS)
            total = row.cells.get(f"{kind}.{TOTAL}", 0)
            if total != parts:
                out.append(
                    f"{'（'.join(path)}{'）' * (len(path) - 1)}：总计 {total} 不等于"
                    f"结果维持、结果纠正、其他结果、尚未审结之和 {parts}"
                )
    return out


# ---------------------------------------------------------------------------------------------- fees


def fees_collected(organization_ids: Iterable[int], year: int) -> Decimal:
    """Information-processing fees actually paid in the year (section 六), in yuan."""
    total = FeeNotice.objects.filter(
        application__organization_id__in=list(organization_ids), paid_on__year=year
    ).aggregate(total=Sum("amount"))["total"]
    return (total or Decimal("0")).quantize(Decimal("0.01"))
