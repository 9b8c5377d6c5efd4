"""Reply deadlines in working days of each profile, across the 2026 Spring Festival and National Day, with a
correction request, a consultation pause and an extension. Expected dates were counted by hand on the official
schedules (国办发明电〔2025〕7号 and the 2025 notice) and cross-checked with chinese_calendar 1.11."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.applications import services
from gongkai.applications.choices import State
from gongkai.applications.deadlines import compute_deadline
from tests.helpers.applications import in_person

D = dt.date


def test_plain_reply_periods_across_the_spring_festival(orgs, handlers):
    nat = in_person(orgs["national"], handlers["national"], D(2026, 2, 6))
    luan = in_person(orgs["luan"], handlers["luan"], D(2026, 2, 6))
    assert nat.due_on == D(2026, 3, 12)  # 20 working days; 2026-02-14 and 02-28 are make-up working days
    assert luan.due_on == D(2026, 3, 5)
    deadline = compute_deadline(nat, D(2026, 3, 10))
    assert deadline.start == D(2026, 2, 6)
    assert deadline.days == 20
    assert deadline.working_days_left == 2
    assert deadline.steps[-1] == "第 20 个工作日为 2026-03-12"


@pytest.mark.parametrize(
    ("profile", "before_consultation", "while_consulting", "after_answer", "extended", "extension_days"),
    [
        ("national", D(2026, 3, 18), D(2026, 4, 10), D(2026, 3, 27), D(2026, 4, 27), 20),
        ("luan", D(2026, 3, 11), D(2026, 4, 2), D(2026, 3, 20), D(2026, 4, 13), 15),
    ],
)
def test_correction_consultation_and_extension_across_the_spring_festival(
    orgs,
    handlers,
    heads,
    profile,
    before_consultation,
    while_consulting,
    after_answer,
    extended,
    extension_days,
):
    org, handler, head = orgs[profile], handlers[profile], heads[profile]
    app = in_person(org, handler, D(2026, 2, 9))
    services.request_correction(actor=handler, application=app, sent_on=D(2026, 2, 10), due_on=D(2026, 2, 27),
                                items="请写明所需信息的文号或项目名称", today=D(2026, 2, 10))  # fmt: skip
    app.refresh_from_db()
    assert (app.state, app.due_on) == (State.CORRECTION_REQUESTED, None)  # the clock waits for the correction

    app = services.record_correction(actor=handler, application=app, corrected_on=D(2026, 2, 12),
                                     correction="项目名称：老旧小区改造", today=D(2026, 2, 12))  # fmt: skip
    # The period restarts, in full, from the day the corrected application arrived.
    assert compute_deadline(app, D(2026, 2, 12)).start == D(2026, 2, 12)
    assert app.due_on == before_consultation  # not the 03-12 / 03-05 counted from the first receipt

    consultation = services.start_consultation(actor=handler, application=app, kind="third_party",
                                               party="某某建设有限公司", sent_on=D(2026, 2, 26), today=D(2026, 2, 26))  # fmt: skip
    assert consultation.due_on == D(2026, 3, 18)  # 15 working days to answer
    app.refresh_from_db()
    # Still open: paused until the consultation's own due date, the latest the clock can restart.
    assert (app.state, app.due_on) == (State.IN_CONSULTATION, while_consulting)

    services.record_consultation_answer(actor=handler, consultation=consultation, outcome="consent",
                                        answered_on=D(2026, 3, 5), answer="同意公开", today=D(2026, 3, 5))  # fmt: skip
    app.refresh_from_db()
    assert (app.state, app.due_on) == (State.RECEIVED, after_answer)

    services.extend(actor=handler, application=app, approved_by=head, days=extension_days, reason="涉及信息量大",
                    approved_on=D(2026, 3, 10), notice_sent_on=D(2026, 3, 10), today=D(2026, 3, 10))  # fmt: skip
    app.refresh_from_db()
    assert (app.state, app.due_on) == (State.EXTENDED, extended)

    deadline = compute_deadline(app, D(2026, 3, 10))
    assert [(p.start, p.end) for p in deadline.pauses] == [(D(2026, 2, 26), D(2026, 3, 5))]
    assert deadline.paused_workdays == 7  # 02-26, 02-27, 02-28 (make-up), 03-02, 03-03, 03-04, 03-05
    assert any("暂停计算" in s for s in deadline.steps)
    assert any(f"经批准延长 {extension_days} 个工作日" in s for s in deadline.steps)


@pytest.mark.parametrize(
    ("profile", "plain", "paused", "extended"),
    [
        ("national", D(2026, 10, 22), D(2026, 11, 2), D(2026, 11, 30)),
        ("luan", D(2026, 10, 15), D(2026, 10, 26), D(2026, 11, 16)),
    ],
)
def test_consultation_and_extension_across_national_day(
    orgs, handlers, heads, profile, plain, paused, extended
):
    org, handler, head = orgs[profile], handlers[profile], heads[profile]
    app = in_person(org, handler, D(2026, 9, 18))
    assert app.due_on == plain
    c = services.start_consultation(actor=handler, application=app, kind="other_body", party="安溪县财政局",
                                    sent_on=D(2026, 9, 28), today=D(2026, 9, 28))  # fmt: skip
    assert c.due_on == D(2026, 10, 23)  # across the eight-day National Day and Mid-Autumn holiday
    services.record_consultation_answer(actor=handler, consultation=c, outcome="consent",
                                        answered_on=D(2026, 10, 12), today=D(2026, 10, 12))  # fmt: skip
    app.refresh_from_db()
    assert app.due_on == paused
    services.extend(actor=handler, application=app, approved_by=head, days=15 if profile == "luan" else 20,
                    reason="需要检索归档材料", approved_on=D(2026, 10, 13), notice_sent_on=D(2026, 10, 14),
                    today=D(2026, 10, 14))  # fmt: skip
    app.refresh_from_db()
    assert app.due_on == extended


def test_working_days_left_and_overdue(orgs, handlers):
    app = in_person(orgs["national"], handlers["national"], D(2026, 2, 6))
    assert compute_deadline(app, D(2026, 3, 12)).working_days_left == 0
    late = compute_deadline(app, D(2026, 3, 16))
    assert late.working_days_left == -2
    assert late.overdue


def test_period_over_an_unscheduled_year_is_provisional(orgs, handlers):
    app = in_person(orgs["national"], handlers["national"], D(2026, 12, 15))
    assert app.due_provisional  # runs into 2027, whose holidays are not yet published
