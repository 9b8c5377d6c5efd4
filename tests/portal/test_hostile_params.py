"""The portal's pages with hostile query parameters: never a 500. A bad filter is ignored with a Chinese notice, a
NUL character is a 400 page in Chinese, and each defect of issue 14's '500s on bad input' on a page has its test."""

from __future__ import annotations

import pytest

from gongkai.orgs.models import Role
from tests.disclosures.fixtures import member

LIST_PAGES = [
    "/", "/disclosures/", "/search/", "/transactions/", "/entities/", "/blacklist/", "/reports/", "/workdays/",
    "/feeds/search.rss", "/feeds/search.atom", "/applications/track/", "/complaints/track/", "/complaints/new/",
    "/applications/new/", "/jurisdictions/341500/", "/jurisdictions/341500/catalog/",
]  # fmt: skip
PARAMS = ["page", "year", "organization", "item", "jurisdiction", "domain", "q", "reason", "state", "flagged", "sort",
          "date_from", "date_to", "date_preset", "start", "days", "code", "validity", "stage"]  # fmt: skip
HOSTILE = [
    "9223372036854775808", "99999999999", "-1", "0", "²", "١٢", "１２", "1e309", "nan", "9999-12-31", "0001-01-01",
    "2025-02-30", "\x01\x0b", "\ufffe", "<script>alert(1)</script>", "' OR 1=1 --", "a" * 3000, "[]", "%", "😀",
]  # fmt: skip


@pytest.mark.parametrize("path", LIST_PAGES)
def test_list_pages_never_fail_on_hostile_parameters(client, db, path):
    """Every hostile value in every parameter at once, then each parameter alone with a value that rotates with
    the page (so each pair is met on some page while the walk stays at about 600 requests)."""
    shift = LIST_PAGES.index(path)
    queries = [dict.fromkeys(PARAMS, value) for value in HOSTILE]
    queries += [{name: HOSTILE[(i + shift) % len(HOSTILE)]} for i, name in enumerate(PARAMS)]
    for query in queries:
        response = client.get(path, query)
        assert response.status_code in (200, 400, 404), (path, query, response.status_code)


@pytest.mark.parametrize(
    "path", ["/disclosures/", "/search/", "/feeds/search.rss", "/staff/", "/api/disclosures"]
)
def test_a_nul_character_is_refused_before_any_view(client, db, path):
    response = client.get(path + "?q=%00")
    if path.startswith("/api/"):
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_request"
    else:
        assert response.status_code == 400
        assert "请求有误" in response.content.decode()
        assert "空字符" in response.content.decode()


def test_the_feed_drops_control_characters_instead_of_failing(client, db):
    response = client.get("/feeds/search.rss", {"q": "招标\x01\x0b公告"})
    assert response.status_code == 200
    assert "招标公告" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "label"),
    [({"year": "99999999999"}, "年度"), ({"organization": "9223372036854775808"}, "发布机构"),
     ({"item": "²"}, "公开事项")],
)  # fmt: skip
def test_a_bad_disclosure_filter_is_ignored_with_a_notice(client, db, query, label):
    response = client.get("/disclosures/", query)
    assert response.status_code == 200
    assert f"已忽略无效的查询条件：{label}" in response.content.decode()
    assert "已忽略" not in client.get("/disclosures/", {"year": "2025"}).content.decode()


def test_the_blacklist_and_reports_ignore_a_bad_year_with_a_notice(client, db):
    for path in ("/blacklist/", "/reports/"):
        response = client.get(path, {"year": "99999999999"})
        assert response.status_code == 200
        assert "已忽略无效的查询条件：年度" in response.content.decode()


def test_a_period_past_9999_on_the_calculator_is_a_form_error(client, db):
    response = client.get("/workdays/", {"start": "9999-12-31", "days": "100"})
    assert response.status_code == 200
    assert "超出可计算的日期范围" in response.content.decode()


def test_the_oversight_dashboard_refuses_a_custom_period_beyond_the_calendar(client, supervisor_org):
    client.force_login(member(supervisor_org, Role.SUPERVISOR, "sup-edge"))
    response = client.get("/staff/oversight/", {"preset": "custom", "from": "0001-01-01", "to": "9999-12-31"})
    assert response.status_code == 200
    assert "自定义期间的起止日期无效" in response.content.decode()
    response = client.get("/staff/oversight/", {"organization": "9" * 30, "preset": "custom", "from": "2025-01-01",
                                                "to": "2025-03-31"})  # fmt: skip
    assert response.status_code == 200
    assert "所选机构不在该行政区域内" in response.content.decode()
