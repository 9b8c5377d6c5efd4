"""Searching in a real browser: a two-character word, a phrase, highlights, facets and filters, then a
disclosure page with its metadata table and QR code; axe-core and phone width on the results page."""

from __future__ import annotations

import pytest

from tests.helpers.browser import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_highlight_facets_filters_and_the_record(page, search_corpus):
    page.goto("/")
    page.get_by_label("搜索公开信息").fill("采购")
    page.get_by_role("button", name="搜索").click()
    page.wait_for_url("**/search/?q=*")
    hits = page.locator("li.hit h3 a")
    assert sorted(hits.all_inner_texts()) == sorted(
        search_corpus[k].title for k in ("procurement", "old", "hospital")
    )
    assert page.locator(".snippet mark").first.inner_text() == "采购"

    page.get_by_role("searchbox", name="关键词").fill("中标结果公告")
    page.get_by_role("button", name="搜索").click()
    assert page.locator("li.hit").count() == 3
    page.get_by_role("link", name="工程建设项目招标投标").click()
    assert page.locator("li.hit").count() == 3
    page.get_by_role("searchbox", name="关键词").fill("公告")
    page.get_by_role("combobox", name="领域").select_option("medical")
    page.get_by_role("button", name="搜索").click()
    assert sorted(hits.all_inner_texts()) == sorted(
        search_corpus[k].title for k in ("procurement", "hospital")
    )
    assert serious_violations(page) == []

    page.get_by_role("link", name=search_corpus["hospital"].title).click()
    assert page.locator("table.meta").get_by_role("rowheader", name="索引号").is_visible()
    qr = page.get_by_role("img", name="本页二维码：用手机扫码打开本页")
    assert qr.is_visible()
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=qr.element_handle(), timeout=5000
    )


def test_search_results_fit_a_phone(browser, live_server, search_corpus):
    context = browser.new_context(
        bypass_csp=True, viewport={"width": 390, "height": 844}, base_url=live_server.url, locale="zh-CN"
    )
    page = context.new_page()
    try:
        page.goto("/search/?q=%E9%87%87%E8%B4%AD")
        assert page.locator("li.hit").count() == 3
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
