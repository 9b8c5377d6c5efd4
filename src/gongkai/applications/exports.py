"""The ledger (台账) as a spreadsheet: .xlsx with Chinese headers, a frozen header row, column widths and real
dates, and CSV (UTF-8 with BOM, CRLF) that Excel and WPS open without asking for an encoding. Columns follow
the 依申请公开办理台账 (太原市2020年政务公开工作要点（十四）: 接收时间、申请内容、办理情况概述、办理结果、办结时间)
and the annual report's coding of replies. Staff only: the applicant's name is included."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable
from typing import Any

from django.utils import timezone

from gongkai.applications.choices import ConsultationKind, State
from gongkai.applications.models import Application
from gongkai.core.spreadsheet import SafeWriter, append_row


def _d(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def correction_text(a: Application) -> str:
    c = getattr(a, "correction", None)
    if c is None:
        return ""
    done = f"{_d(c.corrected_on)}收到补正" if c.corrected_on else "未补正"
    return f"{_d(c.sent_on)}告知补正（期限{_d(c.due_on)}）：{c.items}；{done}"


def consultation_text(a: Application) -> str:
    parts = []
    for c in a.consultations.all():
        who = "第三方" if c.kind == ConsultationKind.THIRD_PARTY else "其他机关"
        answer = f"{_d(c.answered_on)}{c.get_outcome_display()}" if c.answered_on else "尚未答复"
        text = f"{_d(c.sent_on)}征求{who}{c.party}意见（期限{_d(c.due_on)}），{answer}"
        if c.decision:
            text += f"；决定：{c.get_decision_display()}"
        if c.notice_sent_on:
            text += f"，{_d(c.notice_sent_on)}书面告知第三方"
        parts.append(text)
    return "；".join(parts)


def extension_text(a: Application) -> str:
    e = getattr(a, "extension", None)
    return f"延长{e.days}个工作日（{_d(e.approved_on)}批准）：{e.reason}" if e else ""


def fee_text(a: Application) -> str:
    f = getattr(a, "fee", None)
    if f is None:
        return "不收费"
    settled = f.paid_on or f.waived_on
    paid = f"，{_d(settled)}{f.get_outcome_display()}" if settled else f"，{f.get_outcome_display()}"
    return f"{f.get_method_display()}{f.amount}元（{_d(f.notice_sent_on)}通知，缴费期限{_d(f.pay_by)}{paid}）"


def remedy_text(a: Application) -> str:
    return "；".join(
        f"{r.get_kind_display()}（{r.body}，{_d(r.filed_on)}受理）：{r.get_result_display()}"
        + (f"，{_d(r.decided_on)}审结" if r.decided_on else "")
        for r in a.remedies.all()
    )


def summary_text(a: Application) -> str:
    """办理情况概述: the steps in order, in a few words each."""
    steps = [f"{_d(a.receipt_date)}收到申请" if a.receipt_date else "待确认收到"]
    c = getattr(a, "correction", None)
    if c is not None:
        steps.append(f"{_d(c.sent_on)}告知补正" + (f"，{_d(c.corrected_on)}补正" if c.corrected_on else ""))
    consultations = list(a.consultations.all())
    if consultations:
        steps.append(f"征求意见{len(consultations)}次")
    if getattr(a, "extension", None) is not None:
        steps.append("延期答复")
    if getattr(a, "fee", None) is not None:
        steps.append("发出收费通知")
    if a.state == State.REPLIED:
        steps.append(f"{_d(a.replied_on)}答复")
    elif a.state == State.CLOSED:
        steps.append(f"{_d(a.completed_on)}终止")
    else:
        steps.append(a.get_state_display())
    return "，".join(steps)


def timeliness(a: Application, today: dt.date) -> str:
    if a.due_on is None:
        return ""
    if a.state in (State.REPLIED, State.CLOSED):
        return "逾期答复" if a.completed_on and a.completed_on > a.due_on else "按期办结"
    return "已逾期" if a.due_on < today else "办理中"


def _reply_result(a: Application) -> str:
    text = a.reply_text
    if a.referred_body:
        text += f"（负责公开的机关：{a.referred_body}，{a.referred_contact}）"
    if a.repeat_of_id:
        text += f"（重复申请，此前申请：{a.repeat_of.registration_no}）"
    return text


# (header, width in characters, value; dates stay dates so spreadsheets sort and filter them)
Column = tuple[str, int, Callable[[Application, dt.date], Any]]
COLUMNS: list[Column] = [
    ("登记号", 22, lambda a, t: a.registration_no),
    ("受理机关", 28, lambda a, t: a.organization.name),
    (
        "提交时间",
        18,
        lambda a, t: timezone.localtime(a.submitted_at).replace(tzinfo=None, second=0, microsecond=0),
    ),
    ("收到申请日期", 13, lambda a, t: a.receipt_date),
    ("申请渠道", 10, lambda a, t: a.get_channel_display()),
    ("申请人类型", 12, lambda a, t: a.get_applicant_kind_display()),
    ("申请人", 20, lambda a, t: a.applicant_name),
    ("所需信息", 30, lambda a, t: a.info_title + (f"（{a.info_doc_no}）" if a.info_doc_no else "")),
    ("申请内容", 40, lambda a, t: a.info_description),
    ("承办人", 12, lambda a, t: (a.handler.get_full_name() or a.handler.username) if a.handler_id else ""),
    ("状态", 10, lambda a, t: a.get_state_display()),
    ("办理情况摘要", 40, lambda a, t: summary_text(a)),
    ("补正", 30, lambda a, t: correction_text(a)),
    ("征求意见情况", 40, lambda a, t: consultation_text(a)),
    ("延期", 24, lambda a, t: extension_text(a)),
    ("收费", 24, lambda a, t: fee_text(a)),
    ("答复期限", 13, lambda a, t: a.due_on),
    ("答复类型", 10, lambda a, t: a.get_reply_type_display() if a.reply_type else ""),
    ("答复理由", 24, lambda a, t: a.get_reply_ground_display() if a.reply_ground else ""),
    ("办理结果", 40, lambda a, t: _reply_result(a)),
    ("答复日期", 13, lambda a, t: a.replied_on),
    ("办结日期", 13, lambda a, t: a.completed_on),
    ("是否按期", 10, lambda a, t: timeliness(a, t)),
    ("行政复议、行政诉讼", 30, lambda a, t: remedy_text(a)),
]
HEADERS = [c[0] for c in COLUMNS]


def rows(apps: Iterable[Application], today: dt.date) -> Iterable[list[Any]]:
    for a in apps:
        yield [getter(a, today) for _h, _w, getter in COLUMNS]


def ledger_xlsx(apps: Iterable[Application], today: dt.date, title: str = "依申请公开台账") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    append_row(ws, HEADERS)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE6F0")
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, (_h, width, _g) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for values in rows(apps, today):
        append_row(ws, values)
        r = ws.max_row
        for i, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=i)
            if isinstance(value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            else:
                cell.alignment = Alignment(vertical="top", wrap_text=len(str(value or "")) > 20)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def ledger_csv(apps: Iterable[Application], today: dt.date) -> bytes:
    out = io.StringIO(newline="")
    writer = SafeWriter(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for values in rows(apps, today):
        writer.writerow(
            [v.strftime("%Y-%m-%d %H:%M") if isinstance(v, dt.datetime) else _d(v) if isinstance(v, dt.date)
             else ("" if v is None else v) for v in values]
        )  # fmt: skip
    return "\ufeff".encode() + out.getvalue().encode("utf-8")
