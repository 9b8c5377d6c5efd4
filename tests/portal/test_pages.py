"""The public pages a visitor sees: home, jurisdiction, catalog, calculator, errors."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

SEEDS = {"222404": "珲春市", "320902": "亭湖区", "341500": "六安市", "350524": "安溪县", "140100": "太原市"}


def rows_of(html: str, table_index: int) -> list[str]:
    tables = re.findall(r'<table class="data catalog".*?</table>', html, flags=re.S)
    return re.findall(r'<tr class="catalog-row"', tables[table_index])


def test_home_lists_the_five_seed_jurisdictions(client, db):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    for code, name in SEEDS.items():
        assert f'href="/jurisdictions/{code}/">{name}</a>' in html
        assert f'href="/jurisdictions/{code}/catalog/"' in html


def test_tinghu_catalog_shows_its_24_trading_rows_and_18_housing_rows(client, db):
    response = client.get(reverse("portal:catalog-detail", args=["320902"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "亭湖区公共资源交易领域政府信息公开事项目录" in html
    assert "亭湖区住房保障领域政府信息公开事项目录" in html
    assert len(rows_of(html, 0)) == 24
    assert len(rows_of(html, 1)) == 18
    # each row shows its source: the document and the annex row
    assert "附件1 第24行" in html
    assert "附件2 第18行" in html
    assert "亭湖区推进公共资源配置领域政府信息公开实施方案" in html
    # grouped by domain like the annex: the domain cell spans its rows
    assert re.search(
        r'<th scope="rowgroup" rowspan="\d+" class="domain-cell">工程建设项目招标投标</th>', html
    )


def test_luan_profile_says_7_working_days(client, db):
    html = client.get("/jurisdictions/341500/").content.decode()
    row = re.search(r'<tr data-key="proactive_days">.*?</tr>', html, flags=re.S).group(0)
    assert "7 个工作日" in row
    assert "本级规定" in row
    assert "第二十九条" in row
    reply = re.search(r'<tr data-key="reply_days">.*?</tr>', html, flags=re.S).group(0)
    assert "15 个工作日" in reply


def test_a_county_without_its_own_rule_inherits_the_national_one(client, db):
    html = client.get("/jurisdictions/350524/").content.decode()
    row = re.search(r'<tr data-key="reply_days">.*?</tr>', html, flags=re.S).group(0)
    assert "20 个工作日" in row
    assert "沿用全国" in row


@pytest.mark.parametrize("code", list(SEEDS))
def test_every_seed_catalog_page_renders(client, db, code, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        response = client.get(f"/jurisdictions/{code}/catalog/")
    assert response.status_code == 200
    assert SEEDS[code] in response.content.decode()


def test_unknown_pages_get_a_chinese_404(client, db):
    response = client.get("/jurisdictions/999999/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "页面不存在" in html
    assert "没有代码为“999999”的行政区域" in html


def test_workday_calculator_page(client, db):
    response = client.get("/workdays/", {"start": "2025-09-26", "days": 20})
    html = response.content.decode()
    assert "2025年10月30日" in html
    assert "第 20 个工作日为 2025-10-30" in html


def test_workday_calculator_htmx_returns_the_fragment(client, db):
    response = client.get("/workdays/", {"start": "2024-09-27", "days": 7}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert "2024年10月12日" in html


def test_workday_calculator_rejects_bad_input_in_chinese(client, db):
    html = client.get("/workdays/", {"start": "not-a-date", "days": -3}).content.decode()
    assert "输入一个有效的日期" in html
    assert "计算结果" not in html
