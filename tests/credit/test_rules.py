"""Publicity periods are data (data/credit/publicity.yaml): checked with line numbers, counted like 民法典."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from gongkai.core.errors import DataFileError
from gongkai.credit.rules import NoPublicityRule, add_months, check_rules, get_rules, reset_rules_cache

D = dt.date


@pytest.mark.parametrize(
    ("start", "months", "last_day"),
    [
        (D(2026, 5, 10), 3, D(2026, 8, 10)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # no 31 February: the month's last day
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2026, 11, 30), 3, D(2027, 2, 28)),
        (D(2026, 5, 10), 36, D(2029, 5, 10)),
    ],
)
def test_months_end_on_the_corresponding_day(start, months, last_day):
    assert add_months(start, months) == last_day


def test_the_shipped_file_is_valid_and_complete():
    rules = check_rules()
    assert set(rules.kinds) == {"registration", "licence", "penalty", "honour", "other", "blacklist"}
    repair = rules.schemes["credit-repair-2026"]
    assert {k: (c.min_months, c.max_months) for k, c in repair.classes.items()} == {
        "minor": (0, 3), "general": (3, 12), "serious": (12, 36)}  # fmt: skip
    assert repair.classes["minor"].disclose is False
    samr = rules.schemes["samr-2021-45"]
    assert (samr.classes["light"].max_months, samr.classes["other"].max_months) == (3, 36)
    assert samr.starts == "publication"
    assert all(s.source.title for s in rules.schemes.values())


def test_periods_by_severity_and_scheme():
    rules = get_rules()
    general = rules.period("penalty", decided_on=D(2026, 5, 10), severity="general")
    assert (general.scheme, general.until, general.repair_from) == (
        "credit-repair-2026",
        D(2027, 5, 10),
        D(2026, 8, 11),
    )
    assert "信用修复管理办法" in general.rule_text
    serious = rules.period("blacklist", decided_on=D(2026, 5, 10), severity="serious")
    assert (serious.until, serious.repair_from) == (D(2029, 5, 10), D(2027, 5, 11))
    # Before 2026-04-01 the 2019 notice applied: serious 6 months to 3 years.
    old = rules.period("penalty", decided_on=D(2025, 5, 10), severity="serious")
    assert (old.scheme, old.until, old.repair_from) == ("ndrc-2019-527", D(2028, 5, 10), D(2025, 11, 11))
    # Market regulation counts from the day of publication (令第45号 第十三条).
    light = rules.period("penalty", decided_on=D(2026, 5, 10), published_on=D(2026, 5, 20),
                         scheme="samr-2021-45", severity="light")  # fmt: skip
    assert light.until == D(2026, 8, 20)
    assert rules.period("registration", decided_on=D(2026, 5, 10)).until is None


def test_no_rule_and_wrong_severity_say_so():
    rules = get_rules()
    with pytest.raises(NoPublicityRule) as exc:
        rules.period("blacklist", decided_on=D(2025, 1, 1), severity="serious")
    assert exc.value.code == "no_rule_in_force"
    with pytest.raises(NoPublicityRule, match="轻微（minor）、一般（general）、严重（serious）"):
        rules.period("penalty", decided_on=D(2026, 5, 10), severity="")
    with pytest.raises(NoPublicityRule, match="不适用"):
        rules.period("blacklist", decided_on=D(2026, 5, 10), scheme="samr-2021-45", severity="light")


BROKEN = """\
counting: {starts: decision}
kinds:
  registration: {label: 主体登记信息, max_months: null, source: {title: 办法}}
  licence: {label: 行政许可信息, max_months: -1, source: {title: 办法}}
  penalty: {label: 行政处罚信息, by_scheme: true, source: {title: 办法}}
  honour: {label: 信誉业绩信息, max_months: null, source: {title: 办法}}
  other: {label: 其他信息, max_months: null}
  blacklist: {label: 严重失信主体名单, by_scheme: true, source: {title: 意见}}
schemes:
  - key: a
    title: 规则甲
    effective_from: 2026-04-01
    default_for: [penalty]
    source: {title: 甲}
    classes:
      - {key: general, label: 一般, min_months: 12, max_months: 3}
  - key: b
    title: 规则乙
    effective_from: 2026-13-01
    default_for: [penalty, licence]
    source: {title: 乙}
    classes: []
"""


def test_a_broken_file_names_every_problem_with_its_line(tmp_path: Path):
    path = tmp_path / "publicity.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        check_rules(path)
    problems = {message: line for line, message in exc.value.problems}
    rendered = exc.value.render()
    assert any("max_months 应为" in m and line == 4 for m, line in problems.items()), rendered
    assert any("缺少 source.title" in m and line == 7 for m, line in problems.items()), rendered
    assert any("最短公示期长于最长公示期" in m and line == 16 for m, line in problems.items()), rendered
    assert any("effective_from" in m and line == 19 for m, line in problems.items()), rendered
    assert any("default_for" in m for m in problems), rendered
    assert any("缺少 classes" in m for m in problems), rendered


def test_check_rules_command(tmp_path: Path):
    out = io.StringIO()
    call_command("credit", "check-rules", stdout=out)
    assert "格式正确" in out.getvalue()
    assert "严重 最短12个月、最长36个月" in out.getvalue()
    path = tmp_path / "bad.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad\.yaml:4: "):
        call_command("credit", "check-rules", str(path), stdout=io.StringIO())


def test_the_configured_file_is_the_rule(tmp_path: Path, settings):
    """Change the table (here: 一般 at most 6 months) and new records follow it."""
    text = Path(check_rules().path).read_text(encoding="utf-8")
    path = tmp_path / "publicity.yaml"
    path.write_text(text.replace("{key: general, label: 一般, min_months: 3, max_months: 12",
                                 "{key: general, label: 一般, min_months: 3, max_months: 6"), encoding="utf-8")  # fmt: skip
    settings.CREDIT_RULES_FILE = path
    reset_rules_cache()
    try:
        assert get_rules().period("penalty", decided_on=D(2026, 5, 10), severity="general").until == D(
            2026, 11, 10
        )
    finally:
        reset_rules_cache()
