"""全部遮蔽 on the review screen refreshes the body with the findings (issue 15: the panel said 未发现个人信息 above a
body that still showed the ID number), on a phone and on a desktop."""

from __future__ import annotations

import pytest

from gongkai.disclosures import services
from tests.browser.conftest import login
from tests.disclosures.conftest import award_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ID_NUMBER, MOBILE = "11010519491231002X", "13812345678"


@pytest.mark.parametrize("width", [390, 1366])
def test_mask_all_shows_the_masked_body(page, publisher, centre, award_item, width):
    body = f"经查，异议人身份证号码{ID_NUMBER}，联系电话{MOBILE}。项目负责人：袁胜刚。"
    d = services.create_draft(
        actor=publisher, organization=centre, item=award_item, data=award_data(body=body)
    )
    page.set_viewport_size({"width": width, "height": 900})
    login(page, "pub")
    page.goto(f"/staff/d/{d.pk}/")
    findings, text = page.locator("#findings"), page.locator("#checked-content .body-text")
    assert "居民身份证号码" in findings.inner_text()
    assert ID_NUMBER in text.inner_text()

    findings.get_by_role("button", name="全部遮蔽").click()
    page.wait_for_function(f"!document.querySelector('#checked-content').innerText.includes('{ID_NUMBER}')")
    shown = page.locator("#checked-content .body-text").inner_text()
    assert "110105********002X" in shown
    assert "138****5678" in shown
    assert MOBILE not in shown
    assert "袁胜刚" in shown  # 项目负责人 in an award notice is published by law: mask-all leaves it
    panel = page.locator("#findings").inner_text()
    assert "没有须遮蔽的个人信息" in panel
    assert "依法公开" in panel
    assert page.evaluate("document.documentElement.scrollWidth") <= width
