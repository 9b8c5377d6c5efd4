"""What people see: the public list and report page, the staff pages, the .docx and .xlsx files."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
import time_machine
from docx import Document
from openpyxl import load_workbook

from gongkai.reports import services
from tests.helpers.reports import TABLE_3_COLUMNS, TABLE_3_ROWS


@pytest.fixture
def draft_2026(ledger, centre, author):
    with time_machine.travel(dt.datetime(2026, 11, 1, 10, tzinfo=dt.UTC)):
        return services.create_draft(actor=author, organization=centre, year=2026, today=dt.date(2026, 11, 1))


@pytest.mark.django_db
def test_public_list_shows_published_not_drafts(client, published, draft_2026):
    page = client.get("/reports/").content.decode()
    assert "六安市公共资源交易中心（测试）2025年政府信息公开工作年度报告" in page
    assert "2026年政府信息公开工作年度报告" not in page
    assert client.get(f"/reports/{draft_2026.pk}/").status_code == 404
    assert client.get(f"/reports/{draft_2026.pk}/report.docx").status_code == 404
    assert "暂无已发布的年度报告" in client.get("/reports/?jurisdiction=350524").content.decode()


@pytest.mark.django_db
def test_public_report_page(client, published):
    page = client.get(f"/reports/{published.pk}/").content.decode()
    for title in ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                  "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]:  # fmt: skip
        assert f">{title}</h2>" in page
    assert "依申请公开工作规范有序。" in page
    assert "2025年六安市公共资源交易中心（测试）实际收取信息处理费共计100.00元" in page
    assert '<div class="table-wrap" tabindex="0" role="region"' in page
    assert "<caption>三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为" in page
    assert '<th scope="colgroup" colspan="5" class="center">法人或其他组织</th>' in page
    assert '<th scope="colgroup" colspan="10" class="center">行政诉讼</th>' in page
    for label in TABLE_3_ROWS:
        assert f">{label}</th>" in page
    assert not re.search(
        r"申请人\d", page
    )  # no applicant's name (tests/reports/ledger.py names them 申请人N)


@pytest.mark.django_db
def test_docx_export(client, published):
    response = client.get(f"/reports/{published.pk}/report.docx")
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    doc = Document(io.BytesIO(response.content))
    text = [p.text for p in doc.paragraphs]
    assert text[0] == "六安市公共资源交易中心（测试）2025年政府信息公开工作年度报告"
    assert "五、存在的主要问题及改进情况" in text
    assert "信息公开的及时性有待提高，将加强培训。" in text
    t3 = doc.tables[4]  # four groups of table 二, then table 三
    assert t3.cell(0, 1).text == "申请人情况"
    assert [t3.cell(1, i).text for i in (1, 2, 7)] == ["自然人", "法人或其他组织", "总计"]
    assert [t3.cell(2, i).text for i in range(2, 7)] == TABLE_3_COLUMNS[1:6]
    assert [t3.cell(r, 0).text.strip() for r in range(3, 3 + len(TABLE_3_ROWS))] == TABLE_3_ROWS
    assert t3.cell(3, 8 - 1).text == "22"  # 一、本年新收 总计
    t4 = doc.tables[5]
    assert t4.cell(0, 0).text == "行政复议"
    assert t4.cell(1, 5).text == "未经复议直接起诉"
    assert [t4.cell(3, i).text for i in range(5)] == ["1", "0", "0", "1", "2"]


@pytest.mark.django_db
def test_xlsx_export(client, published):
    response = client.get(f"/reports/{published.pk}/report.xlsx")
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["表二 第二十条第（一）项", "表二 第二十条第（五）项", "表二 第二十条第（六）项", "表二 第二十条第（八）项",
                             "表三 收到和处理申请情况", "表四 行政复议行政诉讼"]  # fmt: skip
    ws = wb["表三 收到和处理申请情况"]
    assert ws["B2"].value == "申请人情况"
    assert [ws.cell(row=3, column=c).value for c in (2, 3, 8)] == ["自然人", "法人或其他组织", "总计"]
    assert [ws.cell(row=4, column=c).value for c in range(3, 8)] == TABLE_3_COLUMNS[1:6]
    labels = [ws.cell(row=r, column=1).value.strip() for r in range(5, 5 + len(TABLE_3_ROWS))]
    assert labels == TABLE_3_ROWS
    assert ws.cell(row=5, column=8).value == 22
    assert ws.cell(row=7, column=8).value is None  # 三、本年度办理结果 is a heading
    t2 = wb["表二 第二十条第（一）项"]
    assert [t2.cell(row=2, column=c).value for c in range(1, 5)] == [
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
    ]
    assert wb["表二 第二十条第（八）项"]["B2"].value == "本年收费金额（单位：万元）"


@pytest.mark.django_db
def test_staff_publish_flow(client, draft, author, centre):
    client.force_login(author)
    listing = client.get("/staff/reports/").content.decode()
    assert "2026-01-31" in listing
    page = client.get(f"/staff/reports/{draft.pk}/").content.decode()
    assert "已通过全部校验" in page
    assert client.get(f"/staff/reports/{draft.pk}/export.docx").status_code == 200  # a draft, for staff
    response = client.post(
        f"/staff/reports/{draft.pk}/",
        {"overview": "新的总体情况。", "improvements": "问题。", "other_matters": ""},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.overview == "新的总体情况。"
    client.post(f"/staff/reports/{draft.pk}/publish/")
    assert client.get(f"/reports/{draft.pk}/").status_code == 200


@pytest.mark.django_db
def test_staff_sees_problems_and_cannot_publish(client, draft, author, centre):
    from tests.helpers.reports import app

    app(centre, "business", dt.date(2025, 2, 2), dt.date(2025, 3, 3), "withheld")
    client.force_login(author)
    client.post(f"/staff/reports/{draft.pk}/refresh/")
    page = client.get(f"/staff/reports/{draft.pk}/").content.decode()
    assert "“商业企业”列：（七）总计 4 不等于各项办理结果之和 3" in page
    response = client.post(f"/staff/reports/{draft.pk}/publish/", follow=True)
    assert "年度报告未通过校验，不能发布" in response.content.decode()
    assert client.get(f"/reports/{draft.pk}/").status_code == 404


@pytest.mark.django_db
def test_staff_start_and_others_cannot_open(client, ledger, centre, author, other_org):
    from gongkai.orgs.models import Role
    from tests.helpers.disclosures import member

    client.force_login(author)
    response = client.post("/staff/reports/start/", {"organization": centre.pk, "year": 2025})
    assert response.status_code == 302
    pk = int(response["Location"].rstrip("/").split("/")[-1])
    client.force_login(member(other_org, Role.PUBLISHER, "other-pub2"))
    assert client.get(f"/staff/reports/{pk}/").status_code == 404
