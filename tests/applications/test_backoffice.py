"""The staff pages: the ledger is scoped to the handler's organizations, the actions run the services, and the
due-soon and overdue lists catch everything open whatever happened before."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from gongkai.applications import services
from gongkai.applications.models import Application
from tests.helpers.applications import in_person, person

SHANGHAI = ZoneInfo("Asia/Shanghai")
D = dt.date


@pytest.fixture
def at(time_machine):
    def move(day: dt.date) -> None:
        time_machine.move_to(dt.datetime(day.year, day.month, day.day, 10, tzinfo=SHANGHAI))

    return move


def test_ledger_shows_own_organizations_only(client, luan_org, anxi_org, handlers):
    mine = in_person(luan_org, handlers["luan"], D(2026, 3, 2))
    theirs = in_person(anxi_org, handlers["national"], D(2026, 3, 2), applicant_name="李四")
    client.force_login(handlers["luan"])
    page = client.get("/staff/applications/").content.decode()
    assert mine.registration_no in page
    assert theirs.registration_no not in page
    assert client.get(f"/staff/applications/{theirs.pk}/").status_code == 404
    filtered = client.get("/staff/applications/", {"state": "replied"}).content.decode()
    assert mine.registration_no not in filtered


def test_ledger_queries_do_not_grow_with_rows(client, luan_org, handler, django_assert_max_num_queries):
    for i in range(5):
        in_person(luan_org, handler, D(2026, 3, 2), info_description=f"信息{i}")
    client.force_login(handler)
    with django_assert_max_num_queries(12):
        assert client.get("/staff/applications/").status_code == 200


def test_anonymous_and_unrelated_staff_see_nothing(client, luan_org, handler, heads):
    app = in_person(luan_org, handler, D(2026, 3, 2))
    assert client.get("/staff/applications/").status_code == 302
    client.force_login(heads["national"])
    assert app.registration_no not in client.get("/staff/applications/").content.decode()
    assert client.get("/staff/applications/new/").status_code == 404


def test_register_in_person_shows_the_code_once(client, luan_org, handler, at):
    at(D(2026, 3, 2))
    client.force_login(handler)
    data = {"organization": luan_org.pk, "channel": "in_person", "submitted_on": "2026-03-02", **person()}
    response = client.post("/staff/applications/new/", data)
    assert response.status_code == 200
    assert "tracking-code" in response.content.decode()
    app = Application.objects.get()
    assert (app.receipt_date, app.due_on) == (D(2026, 3, 2), D(2026, 3, 23))


def test_handling_through_the_detail_page(client, luan_org, handler, head, at):
    at(D(2026, 3, 2))
    app = in_person(luan_org, handler, D(2026, 3, 2))
    client.force_login(handler)
    url = f"/staff/applications/{app.pk}/"
    assert "告知补正" in client.get(url).content.decode()
    client.post(
        url + "request_correction/", {"sent_on": "2026-03-02", "due_on": "2026-03-16", "items": "写明文号"}
    )
    client.post(
        url + "record_correction/", {"corrected_on": "2026-03-02", "correction": "文号为六政〔2025〕1号"}
    )
    client.post(
        url + "consult/", {"kind": "third_party", "party": "某某建设有限公司", "sent_on": "2026-03-02"}
    )
    c = app.consultations.get()
    client.post(url + "answer/", {"consultation": c.pk, "outcome": "objection", "answered_on": "2026-03-02",
                                  "reasons": "涉及商业秘密"})  # fmt: skip
    client.post(url + "extend/", {"approved_by": head.pk, "days": 15, "reason": "需要区分处理",
                                  "approved_on": "2026-03-02", "notice_sent_on": "2026-03-02"})  # fmt: skip
    client.post(
        url + "reply/",
        {"reply_type": "partial", "ground": "", "text": "部分公开", "replied_on": "2026-03-02"},
    )
    app.refresh_from_db()
    assert (app.state, app.reply_type, app.extension.days) == ("replied", "partial", 15)
    page = client.get(url).content.decode()
    assert "application.replied" in page
    assert "涉及商业秘密" in page


def test_a_refused_action_shows_the_reason(client, luan_org, handler, at):
    at(D(2026, 3, 20))
    app = in_person(luan_org, handler, D(2026, 3, 2))
    client.force_login(handler)
    response = client.post(f"/staff/applications/{app.pk}/request_correction/",
                           {"sent_on": "2026-03-20", "due_on": "2026-03-30", "items": "写明文号"}, follow=True)  # fmt: skip
    assert "7个工作日内" in response.content.decode()
    assert client.post(f"/staff/applications/{app.pk}/frobnicate/").status_code == 404


def test_due_soon_and_overdue_lists(client, luan_org, handler, at):
    late = in_person(
        luan_org, handler, D(2026, 2, 2), info_description="早"
    )  # due 2026-02-28 (a make-up Saturday) in Lu'an
    soon = in_person(luan_org, handler, D(2026, 3, 2), info_description="近")  # due 2026-03-23
    later = in_person(luan_org, handler, D(2026, 3, 16), info_description="远")
    at(D(2026, 3, 18))
    client.force_login(handler)
    response = client.get("/staff/applications/deadlines/")
    assert [a.pk for a in response.context["overdue"]] == [late.pk]
    assert [a.pk for a in response.context["due_soon"]] == [soon.pk]
    assert later.pk not in [a.pk for a in response.context["due_soon"]]
    services.reply(actor=handler, application=late, reply_type="disclosed", text="公开", replied_on=D(2026, 3, 18),
                   today=D(2026, 3, 18))  # fmt: skip
    assert list(client.get("/staff/applications/deadlines/").context["overdue"]) == []


def test_each_consultation_has_its_own_form_ids(client, luan_org, handler):
    import re
    from collections import Counter

    from gongkai.applications import services
    from tests.helpers.applications import in_person

    app = in_person(luan_org, handler, dt.date(2026, 3, 2))
    for party, kind in (("某某建设有限公司", "third_party"), ("六安市财政局", "other_body")):
        services.start_consultation(actor=handler, application=app, kind=kind, party=party,
                                    sent_on=dt.date(2026, 3, 3), today=dt.date(2026, 3, 3))  # fmt: skip
    client.force_login(handler)
    page = client.get(f"/staff/applications/{app.pk}/").content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert [i for i, n in ids.items() if n > 1] == []
    assert page.count("登记意见</summary>") == 2
