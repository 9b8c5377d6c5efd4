"""The records behind a figure as table rows (the staff drill-down and the .xlsx export show the same columns), and
the workbook."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from gongkai.oversight import selectors as sel


@dataclass
class Cell:
    text: str
    url: str = ""


def _d(value) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def _disclosure_row(d) -> list[Cell]:
    return [Cell(d.title, reverse("backoffice:disclosure", args=[d.pk])), Cell(d.organization.name),
            Cell(d.get_state_display()), Cell(_d(d.due_on)), Cell(_d(d.published_on))]  # fmt: skip


HEADERS = {
    sel.KIND_DISCLOSURE: ["标题", "机构", "状态", "公开期限", "发布日期"],
    sel.KIND_COPY: ["标题", "机构", "抄送期限", "抄送日期"],
    sel.KIND_APPLICATION: ["登记号", "机构", "状态", "答复期限", "答复日期"],
    sel.KIND_TRANSACTION: ["交易项目", "统一交易标识码", "逾期未公开的环节"],
    sel.KIND_ITEM: ["行政区域", "目录事项", "应公开机构", "理由"],
    sel.KIND_REVISION: ["标题", "机构", "版本", "更正日期", "更正理由"],
    sel.KIND_FINDING: ["机构", "检查日期", "发现的问题", "整改期限", "状态"],
    sel.KIND_COMPLAINT: ["登记号", "被举报单位", "收到日期", "认定结果", "认定日期"],
}


def rows(kind: str, records: Any) -> list[list[Cell]]:
    from django.utils import timezone

    out = []
    for r in records:
        if kind == sel.KIND_DISCLOSURE:
            out.append(_disclosure_row(r))
        elif kind == sel.KIND_COPY:
            out.append([Cell(r.disclosure.title, reverse("backoffice:disclosure", args=[r.disclosure_id])),
                        Cell(r.disclosure.organization.name), Cell(_d(r.due_on)), Cell(_d(r.sent_on))])  # fmt: skip
        elif kind == sel.KIND_APPLICATION:
            out.append([Cell(r.registration_no, reverse("backoffice:application", args=[r.pk])),
                        Cell(r.organization.name), Cell(r.get_state_display()), Cell(_d(r.due_on)),
                        Cell(_d(r.replied_on))])  # fmt: skip
        elif kind == sel.KIND_TRANSACTION:
            t = r.transaction
            stages = "；".join(f"{s['stage_name']}（应于{s['due_on']}前）" for s in r.stages)
            out.append(
                [Cell(t.title, reverse("backoffice:transaction", args=[t.code])), Cell(t.code), Cell(stages)]
            )
        elif kind == sel.KIND_ITEM:
            out.append([Cell(r.jurisdiction.name), Cell(f"{r.item.category}（{r.item.key}）"),
                        Cell("、".join(o.name for o in r.organizations)), Cell(r.reason)])  # fmt: skip
        elif kind == sel.KIND_REVISION:
            d = r.disclosure
            out.append([Cell(d.title, reverse("backoffice:disclosure", args=[d.pk])), Cell(d.organization.name),
                        Cell(f"第{r.number}版"), Cell(_d(timezone.localtime(r.published_at).date())), Cell(r.reason)])  # fmt: skip
        elif kind == sel.KIND_FINDING:
            out.append([Cell(r.organization.name, reverse("backoffice:oversight-finding", args=[r.pk])),
                        Cell(_d(r.inspected_on)), Cell(r.finding), Cell(_d(r.rectify_by)),
                        Cell(r.get_state_display())])  # fmt: skip
        elif kind == sel.KIND_COMPLAINT:
            out.append([Cell(r.registration_no, reverse("backoffice:complaint", args=[r.pk])),
                        Cell(r.organization.name), Cell(_d(r.received_on)), Cell(r.get_finding_display()),
                        Cell(_d(r.decided_on))])  # fmt: skip
    return out


def workbook(filters, figures: list[sel.Figure], org_rows: list[sel.OrganizationRow]) -> bytes:
    """Figures, organization rankings and every figure's records, one sheet each."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from gongkai.core.spreadsheet import append_row

    wb = Workbook()
    ws = wb.active
    ws.title = "监测指标"
    append_row(
        ws,
        [
            "行政区域",
            filters.jurisdiction.name,
            "期间",
            f"{filters.period.start:%Y-%m-%d} 至 {filters.period.end:%Y-%m-%d}",
        ],
    )
    append_row(
        ws,
        [
            "机构",
            filters.organization.name if filters.organization else "全部",
            "领域",
            filters.domain or "全部",
        ],
    )
    append_row(ws, ["计算日期", f"{filters.today:%Y-%m-%d}"])
    append_row(ws, [])
    append_row(ws, ["代码", "指标", "数值", "说明"])
    for f in figures:
        append_row(ws, [f.code, f.label, f.value, f.note])
    rank = wb.create_sheet("机构排名")
    append_row(rank, ["排名", "机构", "本期应公开", "按时", "逾期后公开", "逾期未公开", "按时公开率（%）", "逾期抄送", "逾期未抄送",
                 "逾期答复", "逾期未答复", "更正", "撤回"])  # fmt: skip
    for i, r in enumerate(org_rows, 1):
        v = r.values
        append_row(rank, [i, r.organization.name, v.get("due", 0), v.get("on_time", 0), v.get("late", 0), v.get("overdue", 0),
                     None if r.rate is None else round(r.rate * 100, 1), v.get("copies_late", 0),
                     v.get("copies_missing", 0), v.get("applications_late", 0), v.get("applications_overdue", 0),
                     v.get("corrections", 0), v.get("withdrawals", 0)])  # fmt: skip
    for f in figures:
        if f.code == "due":
            continue
        sheet = wb.create_sheet(f.label[:31])
        append_row(sheet, HEADERS[f.kind])
        for row in rows(f.kind, f.records()):
            append_row(sheet, [c.text for c in row])
    for sheet in wb.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
