"""A member of the public files a complaint on the portal and keeps the tracking code; a supervisor finds it in
the queue, accepts it and records a finding; the complainant checks the status with the code and reads the
finding. The complaint pages pass axe-core and fit a 390 px phone."""

from __future__ import annotations

import json
import re

import pytest
from django.core.cache import cache

from gongkai.orgs.models import Role
from tests.browser.conftest import login
from tests.helpers.browser import serious_violations
from tests.helpers.disclosures import member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DESCRIPTION = "六安市老旧小区改造工程的中标结果公告至今未在网站公开，已超过七个工作日的公开时限。"


@pytest.fixture
def supervisor(supervisor_org):
    cache.clear()  # the per-IP rate limit
    return member(supervisor_org, Role.SUPERVISOR, "jiandu")


def test_complaint_from_the_portal_to_a_finding_and_back(page, browser, live_server, centre, supervisor):
    page.goto("/")
    page.get_by_role("link", name="举报未依法履行公开义务").first.click()
    page.get_by_role("link", name="六安市").click()
    page.get_by_label("被举报单位").select_option(label=centre.name)
    page.get_by_label("举报类别").select_option(label="公开不及时")
    page.get_by_label("举报内容").fill(DESCRIPTION)
    page.get_by_label("姓名或名称").fill("王举报")
    page.get_by_label("联系电话").fill("13900000001")
    page.get_by_role("button", name="提交举报").click()
    page.get_by_role("heading", name="举报已提交").wait_for()
    code = page.locator("#tracking-code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){3}", code)
    registration_no = page.locator("dd code").first.inner_text()

    staff = browser.new_context(bypass_csp=True, locale="zh-CN", base_url=live_server.url).new_page()
    login(staff, "jiandu")
    staff.get_by_role("link", name="举报", exact=True).click()
    found = serious_violations(staff)  # the queue
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)
    staff.get_by_role("link", name=registration_no).click()
    assert "王举报" in staff.content()
    assert DESCRIPTION in staff.content()
    staff.locator("summary", has_text="受理").first.click()
    staff.get_by_role("button", name="受理", exact=True).click()
    assert "已受理" in staff.locator(".messages").inner_text()
    staff.locator("summary", has_text="作出认定").click()
    staff.get_by_label("认定结果").select_option(label="属实")
    staff.get_by_label("认定意见（举报人和被举报单位可见）").fill("经核查，中标结果公告确未按时公开。")
    staff.get_by_label("整改要求", exact=True).fill("五个工作日内补充公开并说明原因。")
    staff.get_by_role("button", name="作出认定").click()
    assert "已作出认定" in staff.locator(".messages").inner_text()
    assert staff.locator("#complaint-state").inner_text() == "已认定"
    staff.reload()  # without the flash message (its list markup belongs to the shared base template)
    found = serious_violations(staff)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)
    staff.context.close()

    page.goto("/complaints/track/")
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询").click()
    assert page.locator("#complaint-state").inner_text() == "已认定"
    result = page.locator("#complaint-result").inner_text()
    assert "属实" in result
    assert "经核查，中标结果公告确未按时公开。" in result
    assert "五个工作日内补充公开" in result
    body = page.content()
    assert "王举报" not in body
    assert "jiandu" not in body
    assert "13900000001" not in body
    found = serious_violations(page)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


def test_complaint_form_is_accessible_and_fits_a_phone(browser, live_server, centre, supervisor):
    context = browser.new_context(
        bypass_csp=True, viewport={"width": 390, "height": 844}, base_url=live_server.url, locale="zh-CN"
    )
    page = context.new_page()
    try:
        for url in ("/complaints/new/", f"/complaints/new/?organization={centre.pk}", "/complaints/track/"):
            page.goto(url)
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
            found = serious_violations(page)
            assert found == [], f"{url}: {json.dumps(found, ensure_ascii=False, indent=1)}"
        page.goto(f"/complaints/new/?organization={centre.pk}")
        page.get_by_role("button", name="提交举报").click()  # empty form: errors, announced
        assert page.get_by_role("alert").filter(has_text="请填写举报内容").is_visible()
        found = serious_violations(page)
        assert found == [], json.dumps(found, ensure_ascii=False, indent=1)
    finally:
        context.close()
