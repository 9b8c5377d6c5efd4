"""The public transaction pages, the staff pages and the JSON API, end to end through the test client."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from tests.helpers.disclosures import WINNER_USCC
from tests.helpers.transactions import publish

from gongkai.catalog.models import Domain
from gongkai.transactions.models import Transaction
from gongkai.transactions.selectors import transaction_of

TODAY = timezone.localdate()


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def incomplete(build, **kwargs):
    """A construction tender whose candidates were published 100 days ago and whose award never came."""
    t = build.transaction(today=ago(160), **kwargs)
    build.step(
        t, "construction.tender_notice", published_on=ago(150), fields={"bid_deadline": ago(120).isoformat()}
    )
    rows = [{"rank": 1, "name": "安徽建工集团股份有限公司", "uscc": WINNER_USCC, "bid_price": "980000.00",
             "duration": "180日历天", "evaluation": "92分", "managers": "项目经理", "qualification_conditions": "符合"}]  # fmt: skip
    build.step(t, "construction.candidates", published_on=ago(100),
               fields={"candidates": rows, "publicity_from": ago(100).isoformat(), "publicity_to": ago(97).isoformat()})  # fmt: skip
    return t


def test_public_page_shows_the_timeline_and_flags_the_missing_award(client, build):
    t = incomplete(build, budget="1000000", project_no="LA-2026-001")
    response = client.get(reverse("portal:transaction", args=[t.code]))
    assert response.status_code == 200
    html = response.content.decode()
    assert t.code in html
    assert "LA-2026-001" in html
    assert "1,000,000.00 元" in html
    timeline = response.context["timeline"]
    states = {row.stage.code: row.state for row in timeline.rows}
    assert states["tender_notice"] == "published"
    assert states["award"] == "overdue"
    assert "中标结果逾期未公开" in html
    assert "风险提示（1）" in html
    assert "安徽建工集团股份有限公司" in html
    assert WINNER_USCC in html
    assert 'data-stage="award" data-state="overdue"' in html


def test_codes_are_found_with_separators_and_unknown_ones_are_404(client, build):
    t = incomplete(build)
    dashed = f"{t.code[:18]}-{t.code[18:26]}-{t.code[26:32]}-{t.code[32]}"
    assert client.get(f"/transactions/{dashed}/").status_code == 200
    assert client.get("/transactions/12341500805393446X20260105000001P/").status_code == 404


def test_a_transaction_without_published_steps_is_not_public(client, build):
    t = build.transaction()
    assert client.get(reverse("portal:transaction", args=[t.code])).status_code == 404
    assert client.get(f"/api/transactions/{t.code}").status_code == 404


def test_drafts_stay_off_the_public_timeline(client, build):
    from tests.helpers.disclosures import item, required_fields

    from gongkai.disclosures import services as disclosure_services
    from gongkai.transactions import services

    t = incomplete(build)
    award_item = item("341500", "construction.award")
    draft = disclosure_services.create_draft(actor=build.publisher, organization=build.owner, item=award_item,
                                             data={"title": "草稿中的中标结果", "formed_on": TODAY, "body": "正文",
                                                   "fields": required_fields(award_item)})  # fmt: skip
    services.attach_disclosure(actor=build.publisher, transaction=t, disclosure=draft)
    assert "草稿中的中标结果" not in client.get(reverse("portal:transaction", args=[t.code])).content.decode()


def test_list_filters_by_domain_jurisdiction_and_flags(client, build):
    flagged = incomplete(build)
    clean = build.transaction("procurement", title="六安市第一中学图书采购", today=ago(10))
    build.step(
        clean,
        "procurement.notice",
        published_on=ago(8),
        fields={"bid_deadline": (ago(8) + dt.timedelta(days=25)).isoformat()},
    )
    page = client.get("/transactions/")
    assert page.status_code == 200
    titles = [row.transaction.title for row in page.context["page"]]
    assert set(titles) == {flagged.title, clean.title}
    only = client.get("/transactions/?flagged=1")
    assert [row.transaction.pk for row in only.context["page"]] == [flagged.pk]
    assert [r.transaction.pk for r in client.get("/transactions/?domain=procurement").context["page"]] == [
        clean.pk
    ]
    assert len(client.get("/transactions/?jurisdiction=340000").context["page"]) == 2  # Anhui contains Lu'an
    assert len(client.get("/transactions/?jurisdiction=350524").context["page"]) == 0
    assert client.get("/transactions/?jurisdiction=999999").status_code == 404


def test_list_queries_do_not_grow_with_the_number_of_transactions(
    client, build, django_assert_max_num_queries
):
    for n in range(3):
        incomplete(build, title=f"工程{n}")
    with django_assert_max_num_queries(40):
        assert client.get("/transactions/").status_code == 200


def test_api_detail_has_stages_disclosures_and_checks(client, build):
    t = incomplete(build, budget="1000000")
    data = client.get(f"/api/transactions/{t.code}").json()
    assert data["code"] == t.code
    assert data["domain"] == "construction"
    assert data["budget"] == "1000000.00"
    assert [s["code"] for s in data["stages"]][:5] == [
        "approval",
        "tender_notice",
        "qualification",
        "candidates",
        "award",
    ]
    award = next(s for s in data["stages"] if s["code"] == "award")
    assert award["state"] == "overdue"
    assert award["flags"] == ["missing_stage"]
    assert award["due_on"]
    candidates = next(s for s in data["stages"] if s["code"] == "candidates")
    assert candidates["disclosures"][0]["parties"][0]["code"] == WINNER_USCC
    checks = {c["code"]: c for c in data["checks"]}
    assert checks["missing_stage"]["status"] == "failed"
    assert checks["missing_stage"]["severity"] == "high"
    assert checks["deal_under_reserve"]["status"] == "not_applicable"
    assert data["flags"] == ["missing_stage"]


def test_api_list_and_flag_filter(client, build):
    t = incomplete(build)
    data = client.get("/api/transactions?flagged=true").json()
    assert data["count"] == 1
    assert data["items"][0]["code"] == t.code
    assert data["items"][0]["flags"] == ["missing_stage"]
    assert client.get("/api/transactions?domain=land").json()["count"] == 0
    assert client.get("/api/transactions?jurisdiction=999999").status_code == 404


def test_staff_register_attach_and_see_drafts(client, build, owner):
    client.force_login(build.publisher)
    form = client.get(reverse("backoffice:transaction-create"))
    assert form.status_code == 200
    response = client.post(reverse("backoffice:transaction-create"), {
        "organization": owner.pk, "domain": Domain.objects.get(code="construction").pk, "title": "六安市第一中学操场改造工程",
        "budget": "800000", "procedure": "bidding_mandatory", "project_no": "LA-2026-009", "region_code": "",
    })  # fmt: skip
    t = Transaction.objects.get(project_no="LA-2026-009")
    assert response.status_code == 302
    assert response["Location"] == reverse("backoffice:transaction", args=[t.code])
    d = publish(owner, build.publisher, build.reviewer, "construction.tender_notice",
                formed_on=ago(5), published_on=ago(5))  # fmt: skip
    response = client.post(
        reverse("backoffice:transaction-attach", args=[t.code]), {"disclosure": d.index_no}
    )
    assert response.status_code == 302
    assert transaction_of(d.pk) == t
    page = client.get(reverse("backoffice:transaction", args=[t.code]))
    assert page.status_code == 200
    assert d.title in page.content.decode()
    assert "transaction.disclosure_attached" in page.content.decode()
    listing = client.get(reverse("backoffice:transaction-list"))
    assert t.title in listing.content.decode()
    step = t.steps.get()
    client.post(reverse("backoffice:transaction-detach", args=[t.code, step.pk]))
    assert not t.steps.exists()


def test_staff_cannot_see_other_organizations_transactions(client, build, luan):
    from tests.factories import OrganizationFactory
    from tests.helpers.disclosures import member

    t = incomplete(build)
    other = OrganizationFactory(name="六安市某区教育局（测试）", kind="department", jurisdiction=luan)
    client.force_login(member(other, "publisher", "other-pub"))
    assert client.get(reverse("backoffice:transaction", args=[t.code])).status_code == 404
    anon = client.__class__()
    assert anon.get(reverse("backoffice:transaction-list")).status_code == 302  # to the login page


def test_transaction_link_tag_for_the_disclosure_page(build):
    from django.template import Context, Template

    t = incomplete(build)
    step = t.steps.get(stage__code="candidates")
    html = Template("{% load transaction_tags %}{% transaction_link d %}").render(
        Context({"d": step.disclosure})
    )
    assert t.code in html
    assert "中标候选人公示" in html
    assert reverse("portal:transaction", args=[t.code]) in html
