"""Fees (国办函〔2020〕109号): free by default, per piece counted in the applicant's month or per page, progressive,
never both; the reply period is suspended from the notice to the payment; unpaid in time closes the case."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.applications import services
from gongkai.applications.fees import compute_fee
from gongkai.applications.models import Application
from gongkai.core.errors import DomainError
from tests.helpers.applications import in_person

D = dt.date


@pytest.mark.parametrize(
    ("ordinal", "amount"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (50, 300), (51, 400)],
)
def test_per_piece_charges_the_band_of_the_applications_place_in_the_month(ordinal, amount):
    fee = compute_fee("per_piece", ordinal)
    assert fee.amount == Decimal(amount)
    assert f"第{ordinal}件" in fee.basis


@pytest.mark.parametrize(
    ("pages", "amount"),
    [
        (30, 0),
        (31, 10),  # 1 page × 10
        (100, 700),  # 70 × 10
        (101, 720),  # 70 × 10 + 1 × 20
        (200, 2700),  # 700 + 100 × 20
        (201, 2740),  # 2700 + 1 × 40
        (250, 4700),  # 2700 + 50 × 40
    ],
)
def test_per_page_is_progressive(pages, amount):
    assert compute_fee("per_page", pages).amount == Decimal(amount)


def test_the_basis_shows_the_computation():
    basis = compute_fee("per_page", 250).basis
    assert "第31–100页共70页×10元=700元" in basis
    assert "第201–250页共50页×40元=2000元" in basis
    assert "合计4700元" in basis


def test_unknown_method_is_refused():
    with pytest.raises(DomainError, match="只能选其一"):
        compute_fee("both", 3)


def test_fee_suspends_the_period_until_paid(luan_org, handler):
    app = in_person(luan_org, handler, D(2026, 3, 2))
    assert app.due_on == D(2026, 3, 23)
    fee = services.issue_fee_notice(actor=handler, application=app, method="per_page", pages=250,
                                    reason="申请复制全部档案逾千页", notice_sent_on=D(2026, 3, 5), today=D(2026, 3, 5))  # fmt: skip
    assert fee.amount == Decimal(4700)
    assert fee.pay_by == D(2026, 4, 2)  # 20 working days (清明 4-4..4-6 is later)
    app.refresh_from_db()
    assert app.state == "awaiting_fee"
    with pytest.raises(DomainError):
        services.reply(actor=handler, application=app, reply_type="disclosed", text="x", replied_on=D(2026, 3, 6),
                       today=D(2026, 3, 6))  # fmt: skip
    services.record_fee_payment(actor=handler, application=app, paid_on=D(2026, 3, 12), today=D(2026, 3, 12))
    app.refresh_from_db()
    # 3-5..3-12 paused: six working days (Thu, Fri, Mon–Thu) are added to 3-23.
    assert (app.state, app.due_on) == ("received", D(2026, 3, 31))
    from gongkai.applications.deadlines import compute_deadline

    steps = compute_deadline(app, D(2026, 3, 12)).steps
    assert any("收费通知至缴费" in s for s in steps)


def test_unpaid_fee_closes_the_application(luan_org, handler):
    app = in_person(luan_org, handler, D(2026, 3, 2))
    services.issue_fee_notice(actor=handler, application=app, method="per_page", pages=40, reason="页数过多",
                              notice_sent_on=D(2026, 3, 3), today=D(2026, 3, 3))  # fmt: skip
    assert services.close_unpaid(today=D(2026, 3, 31)) == []  # pay_by is 3-31: not yet late
    closed = services.close_unpaid(today=D(2026, 4, 1))
    assert [a.pk for a in closed] == [app.pk]
    app = Application.objects.get(pk=app.pk)
    assert (app.state, app.reply_type, app.reply_ground, app.completed_on) == (
        "closed",
        "other",
        "unpaid",
        D(2026, 4, 1),
    )
    assert app.fee.outcome == "unpaid"
    assert services.close_unpaid(today=D(2026, 4, 2)) == []


def test_per_piece_counts_the_applicants_month(luan_org, handler):
    apps = [in_person(luan_org, handler, D(2026, 3, 2), info_description=f"第{i}项信息") for i in range(11)]
    with pytest.raises(DomainError, match="未超过免费范围"):
        services.issue_fee_notice(actor=handler, application=apps[9], method="per_piece", reason="频次过高",
                                  notice_sent_on=D(2026, 3, 2), today=D(2026, 3, 2))  # fmt: skip
    fee = services.issue_fee_notice(actor=handler, application=apps[10], method="per_piece", reason="频次过高",
                                    notice_sent_on=D(2026, 3, 2), today=D(2026, 3, 2))  # fmt: skip
    assert (fee.quantity, fee.amount) == (11, Decimal(100))


def test_fee_once_and_through_the_page(client, luan_org, handler):
    app = in_person(luan_org, handler, D(2026, 3, 2))
    client.force_login(handler)
    url = f"/staff/applications/{app.pk}/"
    import time_machine

    with time_machine.travel(dt.datetime(2026, 3, 4, 10, tzinfo=dt.UTC)):
        client.post(url + "fee/", {"method": "per_page", "pages": 31, "reason": "页数过多",
                                   "notice_sent_on": "2026-03-04"})  # fmt: skip
        page = client.get(url).content.decode()
        # Still in March: the session was last used then, and staff sessions end after 30 idle minutes.
        response = client.post(url + "fee/", {"method": "per_page", "pages": 31, "reason": "again",
                                              "notice_sent_on": "2026-03-04"}, follow=True)  # fmt: skip
    assert "10.00 元" in page
    assert "第31–31页共1页×10元=10元" in page
    assert "不能发出收费通知" in response.content.decode()


def test_a_waiver_ends_the_suspension_but_collects_nothing(luan_org, handler):
    app = in_person(luan_org, handler, D(2026, 3, 2))
    services.issue_fee_notice(actor=handler, application=app, method="per_page", pages=40, reason="页数过多",
                              notice_sent_on=D(2026, 3, 5), today=D(2026, 3, 5))  # fmt: skip
    fee = services.record_fee_payment(actor=handler, application=app, paid_on=D(2026, 3, 12), waived=True,
                                      today=D(2026, 3, 12))  # fmt: skip
    assert (fee.outcome, fee.paid_on, fee.waived_on) == ("waived", None, D(2026, 3, 12))
    app.refresh_from_db()
    assert (app.state, app.due_on) == ("received", D(2026, 3, 31))
