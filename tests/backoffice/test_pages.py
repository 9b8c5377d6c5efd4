"""The back office through the test client: forms from the catalog item, masking, the review path."""

from __future__ import annotations

import pytest

from gongkai.core.errors import DomainError
from gongkai.disclosures import services
from gongkai.disclosures.models import Disclosure
from gongkai.exchange.tokens import issue_token
from tests.factories import UserFactory
from tests.helpers.disclosures import award_data


def test_staff_pages_need_a_login(client, db):
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")


def test_the_form_is_generated_from_the_items_fields(client, publisher, centre, award_item):
    client.force_login(publisher)
    html = client.get(f"/staff/new/{centre.pk}/{award_item.pk}/").content.decode()
    assert "中标人名称（必填）" in html
    assert "中标人统一社会信用代码（必填）" in html
    assert "<caption>项目主要管理人员</caption>" in html  # the table field, captioned with its label
    assert 'name="t__managers__0__name"' in html
    choose = client.get("/staff/new/").content.decode()
    assert award_item.category in choose
    assert "土地供应计划" not in choose  # not an item a trading centre publishes


def post_form(client, url, data):
    form = {k: v for k, v in data.items() if k != "fields"}
    form["attribute"] = "proactive"
    for key, value in data["fields"].items():
        if isinstance(value, list):
            for i, row in enumerate(value):
                for col, cell in row.items():
                    form[f"t__{key}__{i}__{col}"] = cell
        else:
            form[f"f__{key}"] = value
    return client.post(url, form)


def test_draft_scan_mask_review_approve_publish(client, publisher, reviewer, centre, award_item):
    client.force_login(publisher)
    data = award_data(body="中标结果如下。项目经理联系电话 13812345678。")
    response = post_form(client, f"/staff/new/{centre.pk}/{award_item.pk}/", data)
    assert response.status_code == 302
    d = Disclosure.objects.get(title=data["title"])
    html = client.get(f"/staff/d/{d.pk}/").content.decode()
    assert "手机号码" in html
    assert "138****5678" in html
    assert "遮蔽" in html
    [finding] = [f for f in services.personal_data_findings(d) if f.finding.kind == "mobile"]
    panel = client.post(
        f"/staff/d/{d.pk}/mask/",
        {"where": finding.where, "start": finding.finding.start},
        headers={"HX-Request": "true"},
    )
    assert "<html" not in panel.content.decode()
    assert "13812345678" not in panel.content.decode()
    client.post(f"/staff/d/{d.pk}/mask/")  # the landline too
    client.post(f"/staff/d/{d.pk}/submit/")
    d.refresh_from_db()
    assert d.state == "submitted"
    # the publisher cannot review their own draft: no button, and the service refuses
    assert "通过保密审查" not in client.get(f"/staff/d/{d.pk}/").content.decode()
    client.post(f"/staff/d/{d.pk}/review/")
    d.refresh_from_db()
    assert d.state == "submitted"
    client.force_login(reviewer)
    assert d.title in client.get("/staff/").content.decode()
    client.post(f"/staff/d/{d.pk}/review/", {"comment": "无涉密内容"})
    client.post(f"/staff/d/{d.pk}/approve/")
    client.post(f"/staff/d/{d.pk}/publish/")
    d.refresh_from_db()
    assert d.state == "published"
    assert client.get(f"/disclosures/{d.pk}/").status_code == 200


def test_a_refusal_is_shown_as_a_message(client, publisher, reviewer, centre, award_item):
    d = services.create_draft(actor=publisher, organization=centre, item=award_item, data=award_data(body=""))
    client.force_login(publisher)
    response = client.post(f"/staff/d/{d.pk}/submit/", follow=True)
    assert "正文必须填写" in response.content.decode()


def test_other_organizations_records_are_not_found(client, publisher, other_org, db):
    from tests.helpers.disclosures import item, member

    other_pub = member(other_org, "publisher", "other-publisher")
    budget = item("341500", "procurement.budget")
    d = services.create_draft(
        actor=other_pub,
        organization=other_org,
        item=budget,
        data={"title": "部门预算", "formed_on": "2026-03-01", "body": "x"},
    )
    client.force_login(publisher)
    assert client.get(f"/staff/d/{d.pk}/").status_code == 404
    assert client.post(f"/staff/d/{d.pk}/submit/").status_code == 404


def test_search_within_my_organization(client, publisher, centre, award_item):
    services.create_draft(actor=publisher, organization=centre, item=award_item, data=award_data())
    client.force_login(publisher)
    html = client.get("/staff/search/", {"q": "老旧小区"}).content.decode()
    assert "共找到 1 条" in html


def test_dashboard_lists_due_soon_and_everything_overdue(client, publisher, centre, award_item, time_machine):
    import datetime as dt
    import zoneinfo

    time_machine.move_to(dt.datetime(2026, 10, 9, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai")))
    old = services.create_draft(actor=publisher, organization=centre, item=award_item,
                                data=award_data(title="逾期未公开的中标结果", formed_on=dt.date(2026, 8, 3)))  # fmt: skip
    soon = services.create_draft(actor=publisher, organization=centre, item=award_item,
                                 data=award_data(title="即将到期的中标结果", formed_on=dt.date(2026, 9, 29)))  # fmt: skip
    assert soon.due_on == dt.date(2026, 10, 14)
    client.force_login(publisher)
    html = client.get("/staff/").content.decode()
    overdue_section = html.split('id="h-overdue"')[1].split("<section")[0]
    due_section = html.split('id="h-due"')[1].split("<section")[0]
    assert old.title in overdue_section
    assert "已逾期" in overdue_section
    assert soon.title in due_section
    assert "还有 4 个工作日到期" in due_section


def test_mask_all_answers_the_masked_body_with_the_panel(client, publisher, reviewer, centre, award_item):
    """Issue 15: after 全部遮蔽 the panel said 未发现个人信息 above a body that still showed the ID number (htmx
    swapped only #findings). The answer now carries the body it checked."""
    data = award_data(body="中标人异议联系人身份证号码 11010519491231002X，手机 13812345678。")
    d = services.create_draft(actor=publisher, organization=centre, item=award_item, data=data)
    client.force_login(publisher)
    answer = client.post(f"/staff/d/{d.pk}/mask/", headers={"HX-Request": "true"}).content.decode()
    assert 'id="checked-content"' in answer
    assert 'id="findings"' in answer
    assert "110105********002X" in answer
    assert "138****5678" in answer
    assert "11010519491231002X" not in answer
    page = client.get(f"/staff/d/{d.pk}/").content.decode()
    assert 'hx-target="#checked-content"' in page


def test_the_page_and_the_api_give_the_services_message(client, publisher, reviewer, centre, award_item):
    """The back office, the client API and the refusing service say the same thing about unmasked data."""
    data = award_data(body="经查，异议人身份证号码 11010519491231002X。")
    d = services.create_draft(
        actor=publisher, organization=centre, item=award_item, data=data, external_id="ZB-9"
    )
    d = services.submit(actor=publisher, disclosure=d)
    with pytest.raises(DomainError) as refused:
        services.review(actor=reviewer, disclosure=d)
    message = refused.value.message
    assert message == "含未遮蔽的个人信息（居民身份证号码1处），须遮蔽后方可通过保密审查和审批"
    client.force_login(reviewer)
    assert message in client.get(f"/staff/d/{d.pk}/").content.decode()
    refused = client.post(f"/staff/d/{d.pk}/review/", follow=True).content.decode()
    assert message in refused
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    token = issue_token(actor=admin, organization=centre, name="交易系统", scopes=["disclosures:read"])[1]
    state = client.get("/api/client/disclosures/ZB-9", headers={"Authorization": f"Bearer {token}"}).json()
    assert state["personal_data_message"] == message
    assert [p["status"] for p in state["personal_data"] if p["kind"] == "resident_id"] == ["blocking"]
