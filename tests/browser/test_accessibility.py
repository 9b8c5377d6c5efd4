"""WCAG 2.1 AA checks with axe-core (from the npm registry) in Chromium, and phone-width layout (390 px)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gongkai.disclosures import services
from tests.disclosures.conftest import award_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def disclosure(publisher, reviewer, centre, award_item):
    d = services.create_draft(actor=publisher, organization=centre, item=award_item, data=award_data())
    d = services.review(actor=reviewer, disclosure=services.submit(actor=publisher, disclosure=d))
    services.mask_personal_data(actor=reviewer, disclosure=d)
    d = services.approve(actor=reviewer, disclosure=d)
    return services.publish(actor=publisher, disclosure=d, today=dt.date(2026, 9, 30))


def serious_violations(page) -> list[dict]:
    assert AXE.exists(), "axe-core missing: run `npm ci` (make install does)"
    origin = "/".join(page.url.split("/", 3)[:3])
    if origin.startswith(("http://", "https://")):
        # Served as if from the site itself, so the Content-Security-Policy (script-src 'self') lets it run.
        if not getattr(page, "_axe_routed", False):
            page.route(
                "**/__axe-core.js", lambda route: route.fulfill(path=str(AXE), content_type="text/javascript")
            )
            page._axe_routed = True
        page.add_script_tag(url=f"{origin}/__axe-core.js")
    else:  # set_content: no site and no policy
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }"""
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def pages(disclosure):
    return ["/", "/jurisdictions/341500/", "/jurisdictions/320902/catalog/", f"/disclosures/{disclosure.pk}/",
            "/disclosures/", "/workdays/?start=2026-09-25&days=7", "/applications/new/?jurisdiction=341500",
            "/applications/track/", "/reports/"]  # fmt: skip


def test_no_serious_or_critical_axe_violations(page, disclosure):
    for url in pages(disclosure):
        page.goto(url)
        found = serious_violations(page)
        assert found == [], f"{url}: {json.dumps(found, ensure_ascii=False, indent=1)}"


def test_nothing_overflows_at_phone_width(browser, live_server, disclosure):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, base_url=live_server.url, locale="zh-CN"
    )
    page = context.new_page()
    try:
        for url in pages(disclosure):
            page.goto(url)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{url} is {width}px wide at a 390px viewport"
    finally:
        context.close()


def test_the_audit_does_catch_violations(page, db):
    page.set_content('<html><body><img src="x.png"><a href="#"></a></body></html>')
    assert {v["id"] for v in serious_violations(page)} >= {"image-alt", "html-has-lang"}
