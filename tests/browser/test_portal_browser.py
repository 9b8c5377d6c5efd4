"""What a visitor does in a real browser: open the home page, pick a jurisdiction, read its catalog."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_then_tinghu_catalog(page):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    cards = page.locator(".card h3 a")
    assert sorted(cards.all_inner_texts()) == sorted(["珲春市", "亭湖区", "六安市", "安溪县", "太原市"])
    page.get_by_role("link", name="查看亭湖区公开目录清单").click()
    page.wait_for_url("**/jurisdictions/320902/catalog/")
    assert page.get_by_role("heading", level=1).inner_text() == "亭湖区公共资源配置领域公开目录清单"
    tables = page.locator("table.catalog")
    assert tables.nth(0).locator("tr.catalog-row").count() == 24
    assert tables.nth(1).locator("tr.catalog-row").count() == 18
    assert (
        tables.nth(0).locator("caption").inner_text().startswith("亭湖区公共资源交易领域政府信息公开事项目录")
    )


def test_luan_profile_and_the_calculator(page):
    page.goto("/jurisdictions/341500/")
    row = page.locator('tr[data-key="proactive_days"]')
    assert "7 个工作日" in row.inner_text()
    page.get_by_role("link", name="工作日计算").click()
    page.get_by_label("起算日期").fill("2026-02-06")
    page.get_by_label("工作日数").fill("20")
    page.get_by_role("button", name="计算").click()
    page.locator(".due").wait_for()
    assert "2026年3月12日" in page.locator(".due").inner_text()
