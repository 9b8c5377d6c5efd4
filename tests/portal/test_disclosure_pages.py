"""The public disclosure page: metadata table, full text, fields, history, corrections, withdrawal, files."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from gongkai.disclosures import services
from tests.helpers.disclosures import award_data

TODAY = dt.date(2026, 9, 30)
LABELS = [
    "发布机构",
    "标题名称",
    "文号",
    "组配分类",
    "主题分类",
    "体裁分类",
    "索引号",
    "发布日期",
    "信息来源",
    "关键字",
    "有效期",
    "效力状态",
]


@pytest.fixture
def published(publisher, reviewer, centre, award_item):
    long_title = (
        "六安市城区2026年老旧小区改造工程（含雨污分流、道路及附属设施）施工总承包项目中标结果公告" * 2
    )
    d = services.create_draft(
        actor=publisher, organization=centre, item=award_item, data=award_data(title=long_title)
    )
    services.add_attachment(actor=publisher, disclosure=d, name="中标通知书.pdf", content=b"%PDF-1.4 demo")
    d = services.review(actor=reviewer, disclosure=services.submit(actor=publisher, disclosure=d))
    services.mask_personal_data(actor=reviewer, disclosure=d)
    return services.publish(
        actor=publisher, disclosure=services.approve(actor=reviewer, disclosure=d), today=TODAY
    )


def test_the_page_shows_every_metadata_field_the_full_text_and_the_fields(client, published):
    html = client.get(f"/disclosures/{published.pk}/").content.decode()
    for label in LABELS:
        assert f'<th scope="row">{label}</th>' in html
    assert f"<td>{published.index_no}</td>" in html
    assert f'<h1 class="full-title">{published.title}</h1>' in html  # the whole title, never shortened
    assert "（此件公开发布）" in html
    assert re.search(r"<th scope=\"row\">中标人名称</th>\s*<td>华为技术有限公司</td>", html)
    assert "12345678.00 元" in html
    assert "0564-*****34" in html
    assert "3371234" not in html
    assert "中标通知书.pdf" in html


def test_drafts_and_unknown_ids_are_not_found(client, publisher, centre, award_item):
    d = services.create_draft(actor=publisher, organization=centre, item=award_item, data=award_data())
    assert client.get(f"/disclosures/{d.pk}/").status_code == 404
    assert client.get("/disclosures/999999/").status_code == 404


def test_a_correction_shows_when_and_why_with_every_earlier_version(client, published, publisher, reviewer):
    rev = services.propose_correction(actor=publisher, disclosure=published, data={"body": "更正后的正文：中标价格为 12345678.00 元。"},
                                      reason="中标价格表述有误")  # fmt: skip
    services.decide_correction(actor=reviewer, revision=rev, approve=True)
    html = client.get(f"/disclosures/{published.pk}/").content.decode()
    assert "更正（第 2 版）" in html
    assert "中标价格表述有误" in html
    assert "更正后的正文" in html
    assert f'href="/disclosures/{published.pk}/v/1/"' in html
    old = client.get(f"/disclosures/{published.pk}/v/1/").content.decode()
    assert "您正在查看第 1 版（已被更正）" in old
    assert "根据评标委员会的评审结果" in old
    assert client.get(f"/disclosures/{published.pk}/v/9/").status_code == 404


def test_a_withdrawn_disclosure_stays_as_a_notice(client, published, reviewer):
    services.withdraw(actor=reviewer, disclosure=published, reason="招标人依法终止招标")
    html = client.get(f"/disclosures/{published.pk}/").content.decode()
    assert "本信息已于" in html
    assert "撤回" in html
    assert "招标人依法终止招标" in html
    assert "根据评标委员会的评审结果" not in html
    assert "中标通知书.pdf" not in html


def test_attachments_download_with_safe_headers(client, published):
    attachment = published.attachments.get()
    response = client.get(f"/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    content = b"".join(response.streaming_content)
    response.close()
    assert content == b"%PDF-1.4 demo"


def test_draft_attachments_are_not_public(client, publisher, centre, award_item):
    d = services.create_draft(actor=publisher, organization=centre, item=award_item, data=award_data())
    a = services.add_attachment(actor=publisher, disclosure=d, name="草稿.pdf", content=b"%PDF draft")
    assert client.get(f"/attachments/{a.pk}/").status_code == 404
    client.force_login(publisher)
    response = client.get(f"/attachments/{a.pk}/")
    response.close()
    assert response.status_code == 200


def test_related_records_show_both_ways(client, published, publisher, reviewer, centre, award_item):
    other = services.create_draft(
        actor=publisher, organization=centre, item=award_item, data=award_data(title="中标结果公告的政策解读")
    )
    other = services.review(actor=reviewer, disclosure=services.submit(actor=publisher, disclosure=other))
    services.mask_personal_data(actor=reviewer, disclosure=other)
    other = services.publish(
        actor=publisher, disclosure=services.approve(actor=reviewer, disclosure=other), today=TODAY
    )
    services.link(actor=publisher, source=published, target=other, kind="interpretation")
    assert "政策解读：" in client.get(f"/disclosures/{published.pk}/").content.decode()
    assert "被解读的政策：" in client.get(f"/disclosures/{other.pk}/").content.decode()


def test_qr_code_and_print_view(client, published):
    html = client.get(f"/disclosures/{published.pk}/").content.decode()
    assert f'src="/disclosures/{published.pk}/qr.svg"' in html
    svg = client.get(f"/disclosures/{published.pk}/qr.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.startswith(b"<?xml")
    assert b"<svg" in svg.content
    printable = client.get(f"/disclosures/{published.pk}/?print=1").content.decode()
    assert 'class="print-view"' in printable
    assert "主导航" not in printable
    assert "（此件公开发布）" in printable


def test_organization_page_shows_its_records_and_on_time_rate(client, published, centre):
    html = client.get(f"/organizations/{centre.pk}/").content.decode()
    assert published.title in html
    assert '<dd class="rate">100%</dd>' in html  # published 09-30, due 10-12


def test_browse_by_jurisdiction_with_children_domain_and_item(client, published, award_item):
    assert (
        published.title in client.get("/disclosures/", {"jurisdiction": "340000"}).content.decode()
    )  # Anhui ⊃ Lu'an
    assert published.title not in client.get("/disclosures/", {"jurisdiction": "320000"}).content.decode()
    assert published.title in client.get("/disclosures/", {"domain": "construction"}).content.decode()
    assert published.title not in client.get("/disclosures/", {"domain": "land"}).content.decode()
    assert published.title in client.get("/disclosures/", {"item": award_item.pk}).content.decode()
    catalog = client.get("/jurisdictions/341500/catalog/").content.decode()
    assert f'href="/disclosures/?item={award_item.pk}">1 条</a>' in catalog


def test_home_shows_latest_and_counts(client, published):
    html = client.get("/").content.decode()
    assert published.title in html
    assert "已公开信息 1 条" in html
