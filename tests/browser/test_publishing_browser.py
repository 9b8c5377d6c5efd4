"""A publisher drafts an award result, the scanner flags a phone number, it is masked, a reviewer approves,
the public page shows the metadata table and the full text, and later a correction with its history."""

from __future__ import annotations

import pytest

from tests.browser.conftest import login
from tests.helpers.disclosures import WINNER_USCC

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_draft_mask_review_publish_correct(page, publisher, reviewer, centre):
    login(page, "pub")
    page.get_by_role("link", name="新建公开信息").click()
    page.get_by_role("link", name="工程建设项目招标投标 · 中标结果").first.click()
    page.get_by_label("标题名称").fill("六安市城区2026年老旧小区改造工程施工中标结果公告")
    page.get_by_label("信息形成或变更日期").fill("2026-09-25")
    page.get_by_label("招标项目名称（必填）").fill("六安市城区2026年老旧小区改造工程施工")
    page.get_by_label("招标人（必填）").fill("六安市城市建设投资有限公司")
    page.get_by_label("招标人统一社会信用代码（必填）").fill(WINNER_USCC)
    page.get_by_label("中标人名称（必填）").fill("华为技术有限公司")
    page.get_by_label("中标人统一社会信用代码（必填）").fill(WINNER_USCC)
    page.get_by_label("投标报价（中标价格）（必填）").fill("12345678.00")
    page.get_by_label("工期（必填）").fill("180日历天")
    page.locator('[name="t__managers__0__name"]').fill("王建国")
    page.locator('[name="t__managers__0__role"]').fill("项目经理")
    page.locator('[name="t__managers__0__certificate"]').fill("一级建造师")
    page.locator('[name="t__managers__0__certificate_no"]').fill("皖134060812345")
    page.get_by_label("正文（全文公开，不得仅以附件公开）").fill(
        "经评标委员会评审，确定中标人如下。联系电话：13812345678。"
    )
    page.get_by_role("button", name="保存草稿").click()

    findings = page.locator("#findings")
    assert "手机号码" in findings.inner_text()
    findings.get_by_role("button", name="遮蔽").first.click()
    page.wait_for_function("!document.querySelector('#findings').innerText.includes('13812345678')")
    # what is left is the project manager and his certificate, published by law in an award notice
    assert "没有须遮蔽的个人信息" in page.locator("#findings").inner_text()
    page.get_by_role("button", name="提交保密审查").click()
    assert "已提交保密审查" in page.locator(".messages").inner_text()
    staff_url = page.url

    page.get_by_role("button", name="退出").click()
    login(page, "rev")
    page.goto(staff_url)
    page.get_by_label("审查意见").fill("不涉及国家秘密")
    page.get_by_role("button", name="通过保密审查").click()
    page.get_by_role("button", name="审批通过").click()
    page.get_by_role("button", name="发布").click()
    assert "已发布" in page.locator(".messages").inner_text()
    page.get_by_role("link", name="查看公开页面").click()

    meta = page.locator("table.meta")
    for label in ["发布机构", "索引号", "组配分类", "发布日期", "效力状态"]:
        assert meta.get_by_role("rowheader", name=label).is_visible()
    assert centre.uscc in meta.inner_text()
    body = page.locator(".body-text").inner_text()
    assert "138****5678" in body
    assert "13812345678" not in body
    assert body.strip().endswith("（此件公开发布）")
    public_url = page.url

    login(page, "pub")
    page.goto(staff_url)
    page.get_by_role("link", name="更正").click()
    page.get_by_label("更正理由（必填）").fill("工期录入有误")
    page.get_by_label("工期（必填）").fill("150日历天")
    page.get_by_role("button", name="提交更正").click()
    page.get_by_role("button", name="退出").click()
    login(page, "rev")
    page.goto(staff_url)
    page.get_by_role("button", name="同意更正并发布").click()

    page.goto(public_url)
    assert "更正（第 2 版）" in page.locator(".notice-corrected").inner_text()
    assert "工期录入有误" in page.locator(".notice-corrected").inner_text()
    assert "150日历天" in page.locator("table.fields").inner_text()
    history = page.locator(".revisions li")
    assert history.count() == 2
    page.get_by_role("link", name="第 1 版").click()
    assert "已被更正" in page.locator(".notice").inner_text()
    assert "180日历天" in page.locator("table.fields").inner_text()
