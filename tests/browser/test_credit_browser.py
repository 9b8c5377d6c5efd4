"""A reviewer approves a proposed blacklist listing in the back office; a visitor finds the entity by name and its
page shows the entry prominently, with its validity. The credit pages pass axe-core and fit a 390 px phone."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from gongkai.credit import services
from tests.browser.conftest import login
from tests.helpers.browser import serious_violations
from tests.helpers.credit import HUAWEI, entry_data, penalty_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def proposal(publisher, reviewer, centre):
    entity = services.register_entity(actor=publisher, uscc=HUAWEI, name="华为技术有限公司",
                                      registration_authority="深圳市市场监督管理局")  # fmt: skip
    services.record_credit(actor=publisher, organization=centre, entity=entity, data=penalty_data())
    valid_to = timezone.localdate() + dt.timedelta(days=300)  # in force now, whatever day the test runs
    decided_on = max(dt.date(2026, 5, 10), valid_to.replace(year=valid_to.year - 3) + dt.timedelta(days=1))
    return services.propose_listing(actor=publisher, organization=centre, entity=entity,
                                    data=entry_data(decided_on=decided_on, valid_to=valid_to))  # fmt: skip


def test_an_approved_listing_shows_on_the_entity_page(page, proposal):
    login(page, "rev")
    page.goto("/staff/credit/")
    page.get_by_role("link", name="华为技术有限公司").first.click()
    page.get_by_label("审核意见（退回时必填）").fill("事实清楚，依据充分")
    page.get_by_role("button", name="同意列入").click()
    assert "已列入名单" in page.locator(".messages").inner_text()
    page.get_by_role("button", name="退出").click()

    page.goto("/entities/")
    page.get_by_label("名称或统一社会信用代码").fill("华为")
    page.get_by_role("button", name="查询").click()
    page.get_by_role("link", name="华为技术有限公司").click()
    status = page.locator("#blacklist-status")
    assert status.get_by_role("heading", name="已列入严重失信主体名单").is_visible()
    text = status.inner_text()
    for expected in ["六公管信〔2026〕3号", "串通投标、严重破坏公平竞争", "六安市公共资源交易监督管理局",
                     f"{proposal.valid_from:%Y-%m-%d} 至 {proposal.valid_to:%Y-%m-%d}", "三年内禁止参加"]:  # fmt: skip
        assert expected in text, expected
    assert status.get_by_role("rowheader", name="认定依据").is_visible()
    # The entry comes before the registration details and the records on the page.
    order = page.evaluate("""() => [...document.querySelectorAll('main h2')].map(h => h.textContent)""")
    assert order[0] == "已列入严重失信主体名单"
    assert "行政处罚信息（1 条）" in page.locator("#h-records ~ *").first.inner_text()


def test_credit_pages_are_accessible_and_fit_a_phone(browser, live_server, page, proposal, reviewer):
    services.review_listing(actor=reviewer, entry=proposal, approve=True)
    urls = [
        f"/entities/{HUAWEI}/",
        "/entities/?q=华为",
        "/blacklist/",
        "/blacklist/?reason=collusion&year=2026",
    ]
    for url in urls:
        page.goto(url)
        found = serious_violations(page)
        assert found == [], f"{url}: {json.dumps(found, ensure_ascii=False, indent=1)}"
    context = browser.new_context(
        bypass_csp=True, viewport={"width": 390, "height": 844}, base_url=live_server.url, locale="zh-CN"
    )
    phone = context.new_page()
    try:
        for url in urls:
            phone.goto(url)
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{url} is {width}px wide at a 390px viewport"
    finally:
        context.close()
