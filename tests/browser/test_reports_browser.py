"""The public annual report in Chromium: no serious axe violations, and at 390 px the page does not overflow —
wide tables scroll inside their wrapper."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from gongkai.orgs.models import Role
from gongkai.reports import services
from tests.helpers.browser import serious_violations
from tests.helpers.disclosures import member
from tests.helpers.reports import NARRATIVE, build_ledger

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def report(centre, other_org):
    author = member(centre, Role.PUBLISHER, "report-browser")
    build_ledger(centre, other_org, author)
    r = services.create_draft(actor=author, organization=centre, year=2025, today=dt.date(2026, 1, 10))
    services.edit_narrative(actor=author, report=r, data=NARRATIVE)
    services.publish(actor=author, report=r)
    return r


def test_report_page_accessible_and_fits_a_phone(browser, live_server, report):
    context = browser.new_context(
        bypass_csp=True, viewport={"width": 390, "height": 844}, base_url=live_server.url, locale="zh-CN"
    )
    page = context.new_page()
    try:
        for url in ["/reports/", f"/reports/{report.pk}/"]:
            page.goto(url)
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
            found = serious_violations(page)
            assert found == [], f"{url}: {json.dumps(found, ensure_ascii=False, indent=1)}"
        wraps = page.locator(".table-wrap")
        assert wraps.count() == 6
        t3 = wraps.nth(4)
        assert t3.evaluate("e => e.scrollWidth > e.clientWidth")  # table 三 scrolls inside its wrapper
        assert page.get_by_role("table", name="三、收到和处理政府信息公开申请情况").count() == 1
    finally:
        context.close()
