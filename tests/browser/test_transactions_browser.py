"""A visitor opens a transaction's page in Chromium: the timeline of its stages, and the missing award flagged."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
from django.utils import timezone

from gongkai.orgs.models import Role
from tests.factories import OrganizationFactory, make_uscc
from tests.helpers.browser import serious_violations
from tests.helpers.disclosures import WINNER_USCC, member
from tests.helpers.transactions import Builder

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def stalled(luan, centre):
    """A construction tender: notice and candidates published long ago, no award result since."""
    today = timezone.localdate()
    ago = lambda days: today - dt.timedelta(days=days)  # noqa: E731
    owner = OrganizationFactory(name="六安市第一中学（测试）", kind="owner", jurisdiction=luan,
                                uscc=make_uscc("12", "341500", random.Random(11)))  # fmt: skip
    build = Builder(
        owner, member(owner, Role.PUBLISHER, "owner-pub"), member(owner, Role.REVIEWER, "owner-rev")
    )
    t = build.transaction(title="六安市第一中学教学楼改造工程", today=ago(160), budget="1000000")
    build.step(
        t, "construction.tender_notice", published_on=ago(150), fields={"bid_deadline": ago(125).isoformat()}
    )
    rows = [{"rank": 1, "name": "安徽建工集团股份有限公司", "uscc": WINNER_USCC, "bid_price": "980000.00",
             "duration": "180日历天", "evaluation": "92分", "managers": "项目经理", "qualification_conditions": "符合"}]  # fmt: skip
    build.step(t, "construction.candidates", published_on=ago(100),
               fields={"candidates": rows, "publicity_from": ago(100).isoformat(), "publicity_to": ago(97).isoformat()})  # fmt: skip
    return t


def test_transaction_page_shows_its_timeline_and_flags_the_missing_award(page, stalled):
    page.goto("/transactions/?flagged=1")
    page.get_by_role("link", name="六安市第一中学教学楼改造工程").click()
    page.wait_for_url(f"**/transactions/{stalled.code}/")
    assert page.get_by_role("heading", level=1).inner_text() == "六安市第一中学教学楼改造工程"

    timeline = page.get_by_role("list", name="交易环节时间线")
    stages = timeline.locator("li.tl-stage")
    assert stages.count() == 8  # every stage of construction tendering, in order
    assert stages.nth(0).locator("h3").inner_text().startswith("1. 审批核准备案")
    assert stages.nth(1).get_attribute("data-state") == "published"
    assert "测试项目招标公告" in stages.nth(1).inner_text()
    assert "安徽建工集团股份有限公司" in stages.nth(3).inner_text()

    award = timeline.locator('li[data-stage="award"]')
    assert award.get_attribute("data-state") == "overdue"
    assert "逾期未公开" in award.inner_text()
    assert "必经环节逾期未公开" in award.locator(".tl-flag").inner_text()
    flags = page.get_by_role("note").filter(has_text="风险提示")
    assert "中标结果逾期未公开" in flags.inner_text()
    row = page.locator('tr[data-check="missing_stage"]')
    assert row.get_attribute("data-status") == "failed"

    # The step's disclosure page is one click away, and back.
    stages.nth(1).get_by_role("link", name="测试项目招标公告").click()
    page.wait_for_url("**/disclosures/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "测试项目招标公告"


def test_transaction_pages_pass_axe_and_fit_a_phone(browser, live_server, page, stalled):
    for url in (f"/transactions/{stalled.code}/", "/transactions/"):
        page.goto(url)
        found = serious_violations(page)
        assert found == [], f"{url}: {json.dumps(found, ensure_ascii=False, indent=1)}"
    context = browser.new_context(
        bypass_csp=True, viewport={"width": 390, "height": 844}, base_url=live_server.url, locale="zh-CN"
    )
    phone = context.new_page()
    try:
        for url in (f"/transactions/{stalled.code}/", "/transactions/"):
            phone.goto(url)
            assert phone.evaluate("document.documentElement.scrollWidth") <= 390, url
    finally:
        context.close()
