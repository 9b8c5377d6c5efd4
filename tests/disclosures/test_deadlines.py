"""Deadline states in working days, around holidays and make-up days, from each jurisdiction's profile."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.catalog.selectors import get_jurisdiction
from gongkai.disclosures.rules import compute_due, deadline_state
from tests.helpers.disclosures import item

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("code", "key", "formed_on", "due"),
    [
        ("341500", "construction.award", "2026-09-25", "2026-10-12"),  # Lu'an 7 days across National Day
        (
            "341500",
            "construction.award",
            "2026-02-12",
            "2026-02-28",
        ),  # across Spring Festival, due on a worked Saturday
        ("320902", "construction.tender_to_award", "2026-09-25", "2026-10-29"),  # Tinghu 20 days
        ("341500", "credit.penalty", "2025-09-26", "2025-10-13"),  # licence/penalty rule: 7 days
    ],
)
def test_due_dates_follow_the_profile_and_the_calendar(db, code, key, formed_on, due):
    catalog_item = item(code, key)
    result = compute_due(catalog_item, get_jurisdiction(code), D(formed_on))
    assert result.due_on == D(due)
    assert result.provisional is False


def test_calendar_day_rules_count_calendar_days(db):
    candidates = item("341500", "construction.candidates")
    assert candidates.deadline["rule"] == "calendar_days"
    due = compute_due(candidates, get_jurisdiction("341500"), D("2026-09-30")).due_on
    assert due == D("2026-09-30") + dt.timedelta(days=candidates.deadline["days"])


@pytest.mark.parametrize(
    ("due_on", "published_on", "today", "code", "text"),
    [
        ("2026-10-12", None, "2026-09-30", "due", "还有 4 个工作日到期"),  # 10-08, 09, 10 (Sat, worked), 12
        ("2026-10-12", None, "2026-10-12", "due", "今日到期"),
        ("2026-10-12", None, "2026-10-13", "overdue", "已逾期 1 个工作日"),
        ("2026-09-30", None, "2026-10-08", "overdue", "已逾期 1 个工作日"),  # the holiday week does not count
        ("2026-10-12", "2026-10-12", "2026-11-01", "on_time", "按时公开"),
        ("2026-10-12", "2026-10-14", "2026-11-01", "late", "逾期 2 个工作日公开"),
        (
            "2026-02-13",
            "2026-02-24",
            "2026-03-01",
            "late",
            "逾期 2 个工作日公开",
        ),  # 02-14 (Sat, worked), 02-24
    ],
)
def test_deadline_states(db, due_on, published_on, today, code, text):
    state = deadline_state(D(due_on), D(published_on) if published_on else None, D(today))
    assert (state.code, state.text) == (code, text)
