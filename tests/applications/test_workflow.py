"""What the services refuse: a late or second correction request, a reply while a consultation is open, an
extension beyond the profile or without the head's approval, a second extension, unknown reply codes; and the
scan that closes uncorrected applications."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.applications import services
from gongkai.applications.choices import GROUNDS_BY_TYPE, ReplyGround, ReplyType, State
from gongkai.core.audit import verify_chain
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.core.models import AuditEntry
from tests.helpers.applications import in_person

D = dt.date


@pytest.fixture
def app(luan_org, handler):
    return in_person(luan_org, handler, D(2026, 2, 6))


def test_correction_only_within_seven_working_days_and_once(app, handler):
    # 7 working days after 2026-02-06 run over the Spring Festival to 02-24.
    with pytest.raises(DomainError, match="7个工作日内"):
        services.request_correction(actor=handler, application=app, sent_on=D(2026, 2, 25), due_on=D(2026, 3, 6),
                                    items="写明文号", today=D(2026, 2, 25))  # fmt: skip
    services.request_correction(actor=handler, application=app, sent_on=D(2026, 2, 24), due_on=D(2026, 3, 6),
                                items="写明文号", today=D(2026, 2, 24))  # fmt: skip
    services.record_correction(
        actor=handler, application=app, corrected_on=D(2026, 2, 26), today=D(2026, 2, 26)
    )
    with pytest.raises(DomainError, match="一次性"):
        services.request_correction(actor=handler, application=app, sent_on=D(2026, 2, 26), due_on=D(2026, 3, 6),
                                    items="再写明", today=D(2026, 2, 26))  # fmt: skip


def test_uncorrected_applications_are_closed_by_the_scan_whenever_it_runs(app, handler, luan_org):
    services.request_correction(actor=handler, application=app, sent_on=D(2026, 2, 9), due_on=D(2026, 2, 27),
                                items="写明文号", today=D(2026, 2, 9))  # fmt: skip
    other = in_person(luan_org, handler, D(2026, 2, 9), info_description="另一项")
    services.request_correction(actor=handler, application=other, sent_on=D(2026, 2, 10), due_on=D(2026, 3, 20),
                                items="写明文号", today=D(2026, 2, 10))  # fmt: skip
    assert services.close_uncorrected(today=D(2026, 2, 27)) == []  # the due day itself is still allowed
    closed = services.close_uncorrected(today=D(2026, 3, 16))  # a run long after: still catches it
    assert [a.pk for a in closed] == [app.pk]
    app.refresh_from_db()
    assert (app.state, app.reply_type, app.reply_ground, app.completed_on) == (
        State.CLOSED, ReplyType.OTHER, ReplyGround.UNCORRECTED, D(2026, 3, 16))  # fmt: skip
    assert services.close_uncorrected(today=D(2026, 3, 17)) == []  # idempotent
    with pytest.raises(DomainError, match="已终止"):
        services.record_correction(
            actor=handler, application=app, corrected_on=D(2026, 3, 17), today=D(2026, 3, 17)
        )


def test_no_reply_while_a_consultation_is_open(app, handler):
    c = services.start_consultation(actor=handler, application=app, kind="third_party", party="某公司",
                                    sent_on=D(2026, 2, 10), today=D(2026, 2, 10))  # fmt: skip
    with pytest.raises(DomainError, match="征求意见"):
        services.reply(actor=handler, application=app, reply_type="disclosed", text="同意", replied_on=D(2026, 2, 12),
                       today=D(2026, 2, 12))  # fmt: skip
    with pytest.raises(DomainError, match="尚未届满"):
        services.record_consultation_answer(
            actor=handler, consultation=c, outcome="no_answer", today=D(2026, 3, 5)
        )
    with pytest.raises(DomainError, match="理由"):
        services.record_consultation_answer(actor=handler, consultation=c, outcome="objection",
                                            answered_on=D(2026, 2, 12), today=D(2026, 2, 12))  # fmt: skip
    # Silence: the pause ends on the consultation's due date (15 working days after 02-10, with
    # the make-up Saturdays 02-14 and 02-28, is 03-09).
    c = services.record_consultation_answer(
        actor=handler, consultation=c, outcome="no_answer", today=D(2026, 3, 10)
    )
    assert c.answered_on == D(2026, 3, 9)
    app = services.reply(actor=handler, application=app, reply_type="partial", text="部分公开，涉及商业秘密部分不予公开",
                         replied_on=D(2026, 3, 11), today=D(2026, 3, 11))  # fmt: skip
    assert (app.state, app.reply_type, app.completed_on) == (State.REPLIED, "partial", D(2026, 3, 11))


def test_extension_needs_the_heads_approval_within_the_profile_once(app, handler, head, heads):
    kwargs = {"actor": handler, "application": app, "reason": "信息量大", "approved_on": D(2026, 2, 10),
              "notice_sent_on": D(2026, 2, 10), "today": D(2026, 2, 10)}  # fmt: skip
    with pytest.raises(PermissionDenied, match="负责人"):
        services.extend(approved_by=handler, days=10, **kwargs)
    with pytest.raises(PermissionDenied, match="负责人"):
        services.extend(approved_by=heads["national"], days=10, **kwargs)  # head of another body
    with pytest.raises(DomainError, match="1 至 15"):
        services.extend(approved_by=head, days=16, **kwargs)  # Lu'an: 15 at most
    services.extend(approved_by=head, days=15, **kwargs)
    with pytest.raises(DomainError, match="只能延长一次"):
        services.extend(approved_by=head, days=5, **kwargs)


def test_extension_must_be_notified_before_the_period_ends(app, handler, head):
    with pytest.raises(DomainError, match="届满前"):
        services.extend(actor=handler, application=app, approved_by=head, days=10, reason="信息量大",
                        approved_on=D(2026, 3, 5), notice_sent_on=D(2026, 3, 6), today=D(2026, 3, 9))  # fmt: skip


@pytest.mark.parametrize(
    ("reply_type", "ground", "message"),
    [
        ("withheld", "", "须选择"),
        ("withheld", "not_held", "须选择"),
        ("disclosed", "state_secret", "不需要"),
        ("unavailable", "repeat", "须选择"),
        ("bogus", "", "答复类型"),
        ("other", "uncorrected", "逾期不补正"),
        ("other", "unpaid", "收费通知"),
    ],
)
def test_unknown_reply_combinations_are_refused(app, handler, reply_type, ground, message):
    with pytest.raises(DomainError, match=message):
        services.reply(actor=handler, application=app, reply_type=reply_type, ground=ground, text="答复",
                       replied_on=D(2026, 2, 10), today=D(2026, 2, 10))  # fmt: skip


def test_every_ground_of_the_annual_report_table():
    counts = {t: len(g) for t, g in GROUNDS_BY_TYPE.items()}
    assert counts == {
        "disclosed": 0,
        "partial": 0,
        "withheld": 8,
        "unavailable": 3,
        "not_handled": 5,
        "other": 3,
    }
    assert sum(counts.values()) == len(ReplyGround.choices)


def test_only_own_handlers_act_and_every_change_is_audited(app, handler, handlers):
    with pytest.raises(PermissionDenied):
        services.reply(actor=handlers["national"], application=app, reply_type="disclosed", text="x",
                       replied_on=D(2026, 2, 10), today=D(2026, 2, 10))  # fmt: skip
    services.reply(actor=handler, application=app, reply_type="withheld", ground="process_information",
                   text="属于过程性信息", replied_on=D(2026, 2, 10), today=D(2026, 2, 10))  # fmt: skip
    with pytest.raises(DomainError, match="已答复"):
        services.reply(actor=handler, application=app, reply_type="disclosed", text="x",
                       replied_on=D(2026, 2, 10), today=D(2026, 2, 10))  # fmt: skip
    actions = list(
        AuditEntry.objects.filter(object_type="applications.application").values_list("action", "data")
    )
    assert [a for a, _d in actions] == ["application.registered", "application.replied"]
    assert all("张三" not in str(d) and "341502" not in str(d) for _a, d in actions)  # no personal data
    assert verify_chain().ok
