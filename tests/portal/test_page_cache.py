"""Anonymous public pages and API reads come from the cache, and a publish, correction or withdrawal shows at once
(issue 13)."""

from __future__ import annotations

import pytest
from django.core.cache import caches

from gongkai.disclosures import services
from tests.disclosures.fixtures import publish_through_services


@pytest.fixture
def page_cache(settings):
    settings.PUBLIC_CACHE_ENABLED = True
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


@pytest.fixture
def published(publisher, reviewer, centre, award_item):
    return publish_through_services(publisher, reviewer, centre, award_item, title="六安市缓存测试工程中标结果公告",
                                    body="根据评标委员会的评审结果，确定中标人如下。")  # fmt: skip


PAGES = ("/", "/disclosures/", "/api/disclosures", "/api/changes")


def test_a_second_read_is_a_hit_with_an_etag_and_a_conditional_get_is_a_304(client, page_cache, published):
    first = client.get(f"/disclosures/{published.pk}/")
    second = client.get(f"/disclosures/{published.pk}/")

    assert first["X-Gongkai-Cache"] == "MISS"
    assert second["X-Gongkai-Cache"] == "HIT"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "public" in second["Cache-Control"]
    assert "no-cache" in second["Cache-Control"]
    assert client.get(f"/disclosures/{published.pk}/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_publish_correction_and_withdrawal_each_show_at_once(client, page_cache, published, publisher, reviewer,
                                                             centre, award_item):  # fmt: skip
    for url in (*PAGES, f"/disclosures/{published.pk}/", f"/api/disclosures/{published.pk}"):
        client.get(url)
        assert client.get(url)["X-Gongkai-Cache"] == "HIT"

    second = publish_through_services(publisher, reviewer, centre, award_item, title="六安市缓存测试二期工程中标结果公告",
                                      body="根据评标委员会的评审结果，确定中标人如下。")  # fmt: skip
    for url in PAGES:
        assert "缓存测试二期".encode() in client.get(url).content, url

    rev = services.propose_correction(actor=publisher, disclosure=published,
                                      data={"title": "六安市缓存测试工程中标结果公告（更正）"}, reason="标题有误")  # fmt: skip
    services.decide_correction(actor=reviewer, revision=rev, approve=True, confirm_personal_data=True)
    assert "（更正）".encode() in client.get(f"/disclosures/{published.pk}/").content
    assert client.get(f"/api/disclosures/{published.pk}").json()["title"].endswith("（更正）")

    services.withdraw(actor=reviewer, disclosure=second, reason="项目终止")
    assert client.get(f"/api/disclosures/{second.pk}").json()["withdrawn"] is True
    assert "项目终止".encode() in client.get(f"/disclosures/{second.pk}/").content


def test_staff_forms_and_search_are_never_cached(client, page_cache, publisher, db):
    assert "X-Gongkai-Cache" not in client.get("/applications/new/")
    assert "X-Gongkai-Cache" not in client.get("/search/?q=工程")
    client.force_login(publisher)
    response = client.get("/")
    assert "X-Gongkai-Cache" not in response
    assert "X-Gongkai-Cache" not in client.get("/staff/")


def test_a_page_cached_for_the_public_is_not_served_to_a_logged_in_user(
    client, page_cache, publisher, published
):
    client.get("/disclosures/")
    assert client.get("/disclosures/")["X-Gongkai-Cache"] == "HIT"
    client.force_login(publisher)
    assert "X-Gongkai-Cache" not in client.get("/disclosures/")
