"""Public pages, the JSON API and the staff pages for credit information, end to end through the client."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

import pytest
from django.urls import reverse

from gongkai.credit import services
from gongkai.credit.choices import BlacklistState
from gongkai.credit.models import BlacklistEntry, RepairRecord
from tests.factories import make_uscc
from tests.helpers.credit import HUAWEI, entry_data, listed, penalty_data
from tests.helpers.disclosures import published as publish_award

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(time_machine, day: dt.date) -> None:
    time_machine.move_to(dt.datetime(day.year, day.month, day.day, 10, tzinfo=SHANGHAI))


@pytest.fixture
def world(publisher, reviewer, centre, entity, award_item, time_machine):
    """Huawei on the blacklist (until 2027-06-30), with a penalty in publicity and a published award."""
    at(time_machine, dt.date(2026, 9, 30))
    entry = listed(entity, publisher, reviewer, centre, valid_to=dt.date(2027, 6, 30))
    record = services.record_credit(actor=publisher, organization=centre, entity=entity, data=penalty_data())
    award = publish_award(publisher, reviewer, centre, award_item)
    return {"entry": entry, "record": record, "award": award}


def test_entity_search_by_name_former_name_and_code(client, world, publisher):
    services.register_entity(
        actor=publisher, uscc=HUAWEI, name="华为技术有限公司", renamed_on=dt.date(2001, 1, 1)
    )
    html = client.get(reverse("portal:entity-search"), {"q": "华为"}).content.decode()
    assert '<html lang="zh-Hans">' in html
    assert '<label for="entity-q">' in html
    assert f'href="/entities/{HUAWEI}/">华为技术有限公司</a>' in html
    assert "已列入" in html
    html = client.get(reverse("portal:entity-search"), {"q": HUAWEI[:8].lower()}).content.decode()
    assert "华为技术有限公司" in html
    html = client.get(reverse("portal:entity-search"), {"q": "不存在的公司"}).content.decode()
    assert "没有找到" in html
    assert "查询结果" not in client.get(reverse("portal:entity-search")).content.decode()


def test_the_entity_page_shows_the_blacklist_entry_records_and_transactions(client, world):
    response = client.get(reverse("portal:entity", args=[HUAWEI.lower()]))
    assert response.status_code == 200
    html = response.content.decode()
    status = re.search(
        r'<section class="notice notice-withdrawn blacklist-status".*?</section>', html, re.S
    ).group(0)
    for text in ["已列入严重失信主体名单", "串通投标、严重破坏公平竞争", "六公管信〔2026〕3号", "2026-05-10 至 2027-06-30",
                 "六安市公共资源交易监督管理局", "11341702486344515H", "三年内禁止参加"]:  # fmt: skip
        assert text in status, text
    assert '<th scope="row">认定依据</th>' in status
    assert "行政处罚信息（1 条）" in html
    assert "六公管罚〔2026〕12号" in html
    assert "至 2027-05-10" in html
    assert "工程建设项目招标投标 · 中标结果" in html
    assert f'href="/disclosures/{world["award"].pk}/"' in html
    assert "深圳市市场监督管理局" in html


def test_after_its_validity_the_entity_page_says_not_listed(client, world, time_machine):
    page = reverse("portal:entity", args=[HUAWEI])
    at(time_machine, dt.date(2027, 5, 10))
    assert "六公管罚〔2026〕12号" in client.get(page).content.decode()  # the penalty's last day
    at(time_machine, dt.date(2027, 5, 11))
    html = client.get(page).content.decode()
    assert "六公管罚〔2026〕12号" not in html
    assert "六公管信〔2026〕3号" in html
    at(time_machine, dt.date(2027, 7, 1))  # the day after the entry's validity
    html = client.get(page).content.decode()
    assert "未列入" in html
    assert "六公管信〔2026〕3号" not in html


def test_unknown_entities_are_404(client, db):
    assert client.get(reverse("portal:entity", args=["91350100M000100Y43"])).status_code == 404
    assert client.get("/api/entities/91350100M000100Y43").json()["code"] == "not_found"


def test_the_blacklist_page_filters(client, world, publisher, reviewer, centre):
    other = services.register_entity(
        actor=publisher, uscc=make_uscc("91", "341500"), name="安徽某某建设工程有限公司"
    )
    listed(other, publisher, reviewer, centre, reason_category="falsification", doc_no="六公管信〔2026〕4号",
           decided_on=dt.date(2026, 6, 1))  # fmt: skip
    url = reverse("portal:blacklist")
    html = client.get(url).content.decode()
    assert "共 2 条" in html
    assert "2026-05-10 至 2027-06-30" in html
    assert '<label for="bl-reason">列入事由</label>' in html
    assert "共 1 条" in client.get(url, {"reason": "falsification"}).content.decode()
    assert "共 2 条" in client.get(url, {"jurisdiction": "341500", "year": "2026"}).content.decode()
    assert "共 2 条" in client.get(url, {"jurisdiction": "340000"}).content.decode()  # Anhui includes Lu'an
    assert "共 0 条" in client.get(url, {"jurisdiction": "320902"}).content.decode()
    assert "共 1 条" in client.get(url, {"q": "华为"}).content.decode()
    assert "共 0 条" in client.get(url, {"state": "revoked"}).content.decode()
    assert client.get(url, {"jurisdiction": "999999"}).status_code == 404


def test_list_pages_do_not_grow_queries_with_rows(
    client, world, publisher, reviewer, centre, django_assert_max_num_queries
):
    for i in range(5):
        e = services.register_entity(
            actor=publisher, uscc=make_uscc("91", "341500"), name=f"测试建设有限公司{i}"
        )
        listed(e, publisher, reviewer, centre, doc_no=f"六公管信〔2026〕{10 + i}号")
    with django_assert_max_num_queries(8):
        assert client.get(reverse("portal:blacklist")).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/api/blacklist").json()["count"] == 6
    with django_assert_max_num_queries(6):
        assert client.get("/api/entities", {"q": "有限公司"}).json()["count"] >= 6


def test_the_api(client, world):
    page = client.get("/api/entities", {"q": "华为"}).json()
    assert page["count"] == 1
    assert page["items"][0] == {"uscc": HUAWEI, "name": "华为技术有限公司", "kind": "legal_person", "kind_name": "法人",
                                "blacklisted": True, "url": f"/entities/{HUAWEI}/"}  # fmt: skip
    detail = client.get(f"/api/entities/{HUAWEI}").json()
    assert detail["blacklist"]["listed"] is True
    [entry] = detail["blacklist"]["entries"]
    assert (entry["doc_no"], entry["valid_from"], entry["valid_to"]) == (
        "六公管信〔2026〕3号",
        "2026-05-10",
        "2027-06-30",
    )
    assert entry["decided_by_uscc"] == "11341702486344515H"
    assert entry["jurisdiction"] == "341500"
    [record] = detail["records"]
    assert (record["kind"], record["severity_name"], record["publicity_until"]) == (
        "penalty",
        "一般",
        "2027-05-10",
    )
    [txn] = detail["transactions"]
    assert (txn["disclosure_id"], txn["role"], txn["stage"]) == (world["award"].pk, "中标人", "中标结果")
    bl = client.get("/api/blacklist", {"jurisdiction": "341500", "reason": "collusion", "limit": 1}).json()
    assert (bl["count"], bl["limit"], bl["items"][0]["uscc"]) == (1, 1, HUAWEI)
    assert client.get("/api/blacklist", {"state": "expired"}).status_code == 422
    assert client.get("/api/blacklist", {"jurisdiction": "999999"}).status_code == 404


def test_the_api_follows_the_date(client, world, time_machine):
    at(time_machine, dt.date(2027, 7, 1))
    assert client.get("/api/blacklist").json()["count"] == 0
    detail = client.get(f"/api/entities/{HUAWEI}").json()
    assert (detail["blacklisted"], detail["blacklist"]["entries"], detail["records"]) == (False, [], [])


# --- staff pages ------------------------------------------------------------------------------------------------


def test_propose_review_and_remove_through_the_staff_pages(
    client, both, reviewer, centre, entity, time_machine
):
    at(time_machine, dt.date(2026, 6, 1))
    client.force_login(both)
    data = {**entry_data(), "organization": centre.pk, "uscc": HUAWEI, "list_name": "公共资源交易领域严重失信主体名单",
            "publication_scope": "public", "decided_on": "2026-05-10"}  # fmt: skip
    response = client.post(reverse("backoffice:credit-entry-create"), data)
    entry = BlacklistEntry.objects.get()
    assert response.url == reverse("backoffice:credit-entry", args=[entry.pk])
    page = client.get(response.url).content.decode()
    assert "同意列入" not in page  # no button for one's own proposal
    response = client.post(reverse("backoffice:credit-entry-act", args=[entry.pk, "review_listing"]),
                           {"decision": "approve"}, follow=True)  # fmt: skip
    assert "双人审核" in response.content.decode()
    client.force_login(reviewer)
    assert "六公管信〔2026〕3号" in client.get(reverse("backoffice:credit")).content.decode()
    assert "同意列入" in client.get(reverse("backoffice:credit-entry", args=[entry.pk])).content.decode()
    client.post(
        reverse("backoffice:credit-entry-act", args=[entry.pk, "review_listing"]), {"decision": "approve"}
    )
    entry.refresh_from_db()
    assert entry.state == BlacklistState.LISTED
    client.force_login(both)
    client.post(reverse("backoffice:credit-entry-act", args=[entry.pk, "propose_removal"]),
                {"kind": "removed", "reason": "已完成整改"})  # fmt: skip
    client.force_login(reviewer)
    client.post(
        reverse("backoffice:credit-entry-act", args=[entry.pk, "review_removal"]), {"decision": "approve"}
    )
    entry.refresh_from_db()
    assert (entry.state, entry.removed_on) == (BlacklistState.REMOVED, dt.date(2026, 6, 1))
    history = client.get(reverse("backoffice:credit-entity", args=[HUAWEI])).content.decode()
    assert "六公管信〔2026〕3号" in history
    assert "已移出" in history


def test_record_and_repair_through_the_staff_pages(client, publisher, reviewer, centre, entity, time_machine):
    at(time_machine, dt.date(2026, 9, 1))
    client.force_login(publisher)
    form = {**penalty_data(), "organization": centre.pk, "uscc": HUAWEI, "decided_on": "2026-05-10",
            "severity": "credit-repair-2026:general"}  # fmt: skip
    response = client.post(reverse("backoffice:credit-record-create"), form)
    assert response.status_code == 302, response.content.decode()
    record_url = response.url
    assert "2027-05-10" in client.get(record_url).content.decode()
    response = client.post(record_url + "repair/", {"applied_on": "2026-09-01", "evidence": "已缴清罚款"})
    repair = RepairRecord.objects.get()
    assert response.url == reverse("backoffice:credit-repair", args=[repair.pk])
    assert "准予修复" not in client.get(response.url).content.decode()
    client.force_login(reviewer)
    client.post(reverse("backoffice:credit-repair-decide", args=[repair.pk]), {"decision": "approve"})
    repair.refresh_from_db()
    assert repair.effect == "2026-09-01起提前停止公示（原公示至2027-05-10）"
    assert "六公管罚〔2026〕12号" not in client.get(reverse("portal:entity", args=[HUAWEI])).content.decode()


def test_staff_form_errors_are_shown_by_field(client, publisher, centre, entity):
    client.force_login(publisher)
    form = {**penalty_data(), "organization": centre.pk, "uscc": HUAWEI, "decided_on": "2026-05-10",
            "severity": "credit-repair-2026:general", "publicity_until": "2030-01-01"}  # fmt: skip
    html = client.post(reverse("backoffice:credit-record-create"), form).content.decode()
    assert "公示截止日期不能晚于规则规定的2027-05-10" in html
    form["uscc"] = "91350100M000100Y43"
    html = client.post(reverse("backoffice:credit-record-create"), form).content.decode()
    assert "尚未登记" in html


def test_staff_credit_pages_are_for_credit_staff(client, db, entity):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="nobody"))
    assert client.get(reverse("backoffice:credit-entity", args=[HUAWEI])).status_code == 404
    assert client.get(reverse("backoffice:credit-entity-lookup"), {"q": "华为"}).status_code == 404
    client.logout()
    assert client.get(reverse("backoffice:credit")).status_code == 302  # to the login page
