"""A supervisor opens the monitoring dashboard in Chromium, clicks the overdue figure and lands on exactly the
overdue records behind it; the page fits a 390 px phone screen."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.orgs.models import Role
from tests.browser.conftest import login
from tests.helpers.disclosures import item, member
from tests.helpers.oversight import make_disclosure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = dt.date(2026, 1, 15)  # the first quarter of 2026 is "this quarter"


@pytest.fixture
def overdue_world(luan, centre, other_org, supervisor_org, monkeypatch):
    # The live server runs in this process: its "today" is the test's.
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    sup = member(supervisor_org, Role.SUPERVISOR, "sup-browser")
    award = item("341500", "construction.award")
    make_disclosure(centre, award, title="一月逾期未公开的中标结果", due_on=dt.date(2026, 1, 5), user=sup)
    make_disclosure(
        other_org,
        award,
        title="财政局逾期未公开的信息",
        due_on=dt.date(2026, 1, 12),
        state="approved",
        user=sup,
    )
    make_disclosure(centre, award, title="按时公开的中标结果", due_on=dt.date(2026, 1, 6), published_on=dt.date(2026, 1, 6),
                    user=sup)  # fmt: skip
    make_disclosure(centre, award, title="上季度逾期的信息", due_on=dt.date(2025, 12, 30), user=sup)
    make_disclosure(centre, award, title="尚未到期的信息", due_on=dt.date(2026, 1, 20), user=sup)
    return sup


def test_supervisor_clicks_the_overdue_figure_and_sees_exactly_those_records(page, overdue_world):
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "sup-browser")
    page.get_by_role("link", name="监督监测").click()
    page.wait_for_url("**/staff/oversight/")
    assert page.get_by_role("heading", level=1).inner_text() == "公共资源配置领域信息公开监测"
    # The charts are drawn from the json_script data; the page does not scroll sideways on a phone.
    page.wait_for_selector("#chart-trend svg")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    figures = page.get_by_role("table").filter(has_text="监测指标").first
    assert figures.is_visible()
    page.get_by_role("link", name="逾期未公开 2 条，查看记录").click()
    page.wait_for_url("**/staff/oversight/figures/overdue/**")
    assert page.get_by_role("heading", level=1).inner_text() == "逾期未公开"
    assert "共 2 条" in page.locator("#ov-count").inner_text()
    rows = page.locator("tr.ov-record")
    assert rows.count() == 2
    titles = sorted(rows.nth(i).locator("td").first.inner_text() for i in range(2))
    assert titles == sorted(["一月逾期未公开的中标结果", "财政局逾期未公开的信息"])


def test_oversight_pages_have_no_serious_axe_violations_and_fit_a_phone(page, overdue_world):
    import json

    from tests.helpers.browser import serious_violations

    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "sup-browser")
    for url in ("/staff/oversight/", "/staff/oversight/figures/overdue/", "/staff/oversight/scores/",
                "/staff/oversight/findings/"):  # fmt: skip
        page.goto(url)
        found = serious_violations(page)
        assert found == [], f"{url}: {json.dumps(found, ensure_ascii=False, indent=1)}"
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
