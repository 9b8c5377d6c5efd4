"""The receipt date by channel (第三十一条): in person the day submitted, by post the day signed for, by ordinary
letter, online and fax the day both sides confirm; applicants' identities checked."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from gongkai.applications import services
from gongkai.applications.choices import State
from gongkai.applications.rules import InvalidApplication
from gongkai.core.errors import DomainError
from gongkai.core.tracking import tracking_hash
from tests.helpers.applications import COMPANY_USCC, company, person

D = dt.date


def register(org, actor, channel, **kwargs):
    return services.register_offline(actor=actor, organization=org, channel=channel, data=person(),
                                     today=D(2026, 3, 10), **kwargs)[0]  # fmt: skip


def test_in_person_is_received_the_day_submitted(luan_org, handler):
    app = register(luan_org, handler, "in_person", submitted_on=D(2026, 3, 2))
    assert (app.receipt_date, app.state, app.handler) == (D(2026, 3, 2), State.RECEIVED, handler)


def test_post_is_received_the_day_signed_for(luan_org, handler):
    app = register(luan_org, handler, "post", submitted_on=D(2026, 3, 2), signed_on=D(2026, 3, 4))
    assert (app.receipt_date, app.signed_on) == (D(2026, 3, 4), D(2026, 3, 4))
    with pytest.raises(DomainError, match="签收日期"):
        register(luan_org, handler, "post", submitted_on=D(2026, 3, 2))


@pytest.mark.parametrize("channel", ["letter", "fax"])
def test_letter_and_fax_are_received_the_day_both_sides_confirm(luan_org, handler, channel):
    app = register(luan_org, handler, channel, submitted_on=D(2026, 3, 2), confirmed_on=D(2026, 3, 3))
    assert (app.receipt_date, app.confirmed_on, app.state) == (D(2026, 3, 3), D(2026, 3, 3), State.RECEIVED)
    waiting = register(luan_org, handler, channel, submitted_on=D(2026, 3, 2))
    assert (waiting.receipt_date, waiting.state, waiting.due_on) == (None, State.PENDING, None)
    confirmed = services.confirm_receipt(actor=handler, application=waiting, confirmed_on=D(2026, 3, 5),
                                         today=D(2026, 3, 5))  # fmt: skip
    assert (confirmed.receipt_date, confirmed.state) == (D(2026, 3, 5), State.RECEIVED)
    assert confirmed.due_on == D(2026, 3, 26)  # 15 working days in Lu'an


def test_online_is_received_the_day_both_sides_confirm(luan_org, handler):
    submitted = dt.datetime(2026, 3, 6, 22, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Friday night
    app, code = services.submit_online(organization=luan_org, data=person(), now=submitted)
    assert (app.channel, app.state, app.receipt_date, app.handler) == ("online", State.PENDING, None, None)
    assert app.tracking_hash == tracking_hash(code)
    assert code not in app.tracking_hash
    assert app.registration_no == f"YSQ-{luan_org.pk}-2026-00001"
    with pytest.raises(DomainError, match="确认日期"):
        services.confirm_receipt(
            actor=handler, application=app, confirmed_on=D(2026, 3, 5), today=D(2026, 3, 9)
        )
    app = services.confirm_receipt(
        actor=handler, application=app, confirmed_on=D(2026, 3, 9), today=D(2026, 3, 9)
    )
    assert (app.receipt_date, app.confirmed_on, app.handler) == (D(2026, 3, 9), D(2026, 3, 9), handler)


def test_online_channel_is_not_registered_by_staff(luan_org, handler):
    with pytest.raises(DomainError, match="请选择"):
        register(luan_org, handler, "online", submitted_on=D(2026, 3, 2))


def test_only_the_bodys_handlers_register(luan_org, anxi_org, handlers):
    with pytest.raises(DomainError, match="依申请公开办理人"):
        register(luan_org, handlers["national"], "in_person", submitted_on=D(2026, 3, 2))


def test_registration_numbers_run_per_organization_and_year(luan_org, handler):
    first = register(luan_org, handler, "in_person", submitted_on=D(2026, 3, 2))
    second = register(luan_org, handler, "in_person", submitted_on=D(2026, 3, 3))
    assert [first.registration_no, second.registration_no] == [f"YSQ-{luan_org.pk}-2026-00001",
                                                               f"YSQ-{luan_org.pk}-2026-00002"]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (person(id_number="341502198001010013"), "id_number"),  # wrong check character
        (person(id_type="uscc", id_number=COMPANY_USCC), "id_type"),  # a person gives an identity document
        (company(id_number="914403001922038217"), "id_number"),
        (company(id_type="resident_id"), "id_type"),
        (person(phone="", email="", address="", delivery_way="pickup"), "phone"),
        (person(email="", delivery_way="email"), "email"),
        (person(info_description=" "), "info_description"),
        (person(applicant_kind="martian"), "applicant_kind"),
    ],
)
def test_applicant_data_is_checked(luan_org, data, field):
    with pytest.raises(InvalidApplication) as exc:
        services.submit_online(organization=luan_org, data=data)
    assert field in [f for f, _m in exc.value.problems]


def test_company_with_valid_credit_code_is_accepted(luan_org):
    app, _code = services.submit_online(organization=luan_org, data=company(id_number=COMPANY_USCC.lower()))
    assert (app.applicant_kind, app.id_number) == ("business", COMPANY_USCC)


def test_repeated_application_is_marked(luan_org, anxi_org):
    first, _ = services.submit_online(organization=luan_org, data=person())
    again, _ = services.submit_online(
        organization=luan_org, data=person(info_description=person()["info_description"] + "  ")
    )
    elsewhere, _ = services.submit_online(organization=anxi_org, data=person())
    other, _ = services.submit_online(organization=luan_org, data=person(info_description="另一项信息"))
    assert again.possible_repeat_of == first
    assert elsewhere.possible_repeat_of is None
    assert other.possible_repeat_of is None
