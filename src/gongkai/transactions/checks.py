"""Red flags on a transaction, in the spirit of the Open Contracting Partnership's Cardinal list.

Each check is a plain function of the transaction's published facts (facts.py) and the rules of
data/transactions/checks.yaml, returning one `CheckResult`: passed or not, how serious, a Chinese message and the
evidence (which record, which field, which value). A check that has nothing to judge says so (`applicable=False`)
rather than passing silently. Results are computed on read and kept on the transaction object for the request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gongkai.core.codes import uscc_problem
from gongkai.transactions.facts import CheckContext, Facts, Found, StepFact, gather, parse_date, parse_money
from gongkai.transactions.models import Transaction
from gongkai.transactions.rules import CHECK_CODES, SEVERITIES, Procedure
from gongkai.workdays.calendar import get_calendar


@dataclass(frozen=True)
class CheckResult:
    code: str
    name: str
    passed: bool
    severity: str
    message: str
    evidence: dict[str, Any] = field(default_factory=dict)
    applicable: bool = True
    stages: tuple[str, ...] = ()  # the stages the finding concerns (marked on the timeline)

    @property
    def status(self) -> str:
        if not self.applicable:
            return "not_applicable"
        return "passed" if self.passed else "failed"

    @property
    def status_name(self) -> str:
        return {"not_applicable": "不适用", "passed": "通过", "failed": "未通过"}[self.status]

    @property
    def severity_name(self) -> str:
        return SEVERITIES.get(self.severity, self.severity)

    @property
    def flagged(self) -> bool:
        return self.status == "failed"


def _result(facts: Facts, code: str, passed: bool, message: str, evidence=None, stages=(), applicable=True):
    spec = facts.all_rules.checks[code]
    return CheckResult(
        code, spec.name, passed, spec.severity, message, evidence or {}, applicable, tuple(stages)
    )


def _not_applicable(facts: Facts, code: str, message: str) -> CheckResult:
    return _result(facts, code, True, message, applicable=False)


def _where(step: StepFact, key: str = "") -> dict[str, Any]:
    out = {
        "disclosure_id": step.disclosure.pk,
        "stage": step.stage.code,
        "stage_name": step.stage.name,
        "title": step.title,
        "published_on": step.published_on.isoformat() if step.published_on else None,
    }
    if key:
        out["field"] = key
    return out


def _money_text(value: Decimal) -> str:
    return f"{value:,.2f} 元"


# --- the checks ------------------------------------------------------------------------------------------------


def check_missing_stage(facts: Facts, today: dt.date) -> CheckResult:
    """A required stage without a published disclosure past its due date (proactive days + the stage's allowance
    after the previous required stage)."""
    states = facts.required_states(today)
    if not states:
        return _not_applicable(facts, "missing_stage", "本领域没有规定必经环节，或本地目录未列这些环节")
    overdue = [s for s in states if s.state == "overdue"]
    evidence = {
        "required": [
            {
                "stage": s.stage.code,
                "stage_name": s.stage.name,
                "state": s.state,
                "due_on": s.due_on.isoformat() if s.due_on else None,
                "counted_from": s.counted_from.isoformat() if s.counted_from else None,
                "counted_from_stage": s.counted_from_label,
                "allowance_days": s.allowance,
            }
            for s in states
        ],
        "proactive_days": facts.proactive_days,
    }
    if not overdue:
        pending = [s for s in states if s.state == "pending"]
        message = (
            "必经环节均已公开"
            if not pending
            else "；".join(f"{s.stage.name}应于{s.due_on:%Y-%m-%d}前公开" for s in pending)
        )
        return _result(facts, "missing_stage", True, message, evidence)
    message = "；".join(
        f"{s.stage.name}逾期未公开（{s.since}，应于{s.due_on:%Y-%m-%d}前公开）" for s in overdue
    )
    return _result(facts, "missing_stage", False, message, evidence, [s.stage.code for s in overdue])


def check_stage_order(facts: Facts, today: dt.date) -> CheckResult:
    """Stages published out of the lifecycle's order (an award before the tender notice), or a later stage published
    while a required earlier one is missing (a contract without an award)."""
    by_code = facts.stage_by_code
    order = [c for c in facts.rules.order if c in by_code]
    dates = {c: facts.first_published_on(c) for c in order}
    dates = {c: d for c, d in dates.items() if d is not None}
    if len(order) < 2 or not dates:
        return _not_applicable(facts, "stage_order", "尚无可比较先后顺序的已公开环节")
    problems, stages = [], set()
    for i, earlier in enumerate(order):
        for later in order[i + 1 :]:
            if earlier in dates and later in dates and dates[later] < dates[earlier]:
                problems.append(
                    {
                        "kind": "before",
                        "stage": later,
                        "before": earlier,
                        "message": f"{by_code[later].name}（{dates[later]:%Y-%m-%d}）早于"
                        f"{by_code[earlier].name}（{dates[earlier]:%Y-%m-%d}）公开",
                    }
                )
                stages.update((later, earlier))
    required = {s.code for s, _ in facts.required()}
    for i, earlier in enumerate(order):
        if earlier not in required or earlier in dates:
            continue
        later = next((c for c in order[i + 1 :] if c in dates), None)
        if later is not None:
            problems.append(
                {
                    "kind": "without",
                    "stage": later,
                    "missing": earlier,
                    "message": f"已公开{by_code[later].name}，但{by_code[earlier].name}尚未公开",
                }
            )
            stages.update((later, earlier))
    evidence = {
        "order": order,
        "published_on": {c: d.isoformat() for c, d in dates.items()},
        "problems": problems,
    }
    if not problems:
        return _result(facts, "stage_order", True, "已公开环节的先后顺序正常", evidence)
    message = "；".join(p["message"] for p in problems)
    return _result(facts, "stage_order", False, message, evidence, sorted(stages, key=order.index))


def _limit(facts: Facts, role: str) -> tuple[Decimal | None, dict[str, Any]]:
    """The budget (or reserve price) registered with the transaction, else the one its notices publish."""
    if facts.transaction.budget is not None:
        return facts.transaction.budget, {"source": "交易登记"}
    found = facts.value(role, latest=False)
    amount = parse_money(found.value) if found else None
    return amount, (_where(found.step, found.key) if found else {})


def _price(facts: Facts) -> tuple[Decimal | None, Found | None]:
    found = facts.value("price")
    return (parse_money(found.value) if found else None), found


def check_award_over_budget(facts: Facts, today: dt.date) -> CheckResult:
    """A purchase awarded above its budget or ceiling price."""
    code = "award_over_budget"
    if facts.rules.direction != "purchase":
        return _not_applicable(facts, code, "本领域为出让（转让），不比较预算")
    budget, budget_src = _limit(facts, "budget")
    price, found = _price(facts)
    if budget is None:
        return _not_applicable(facts, code, "交易登记和已公开信息均未载明预算或最高限价")
    if price is None or found is None:
        return _not_applicable(facts, code, "尚未公开中标（成交）价")
    evidence = {
        "budget": str(budget),
        "budget_source": budget_src,
        "price": str(price),
        "price_source": _where(found.step, found.key),
    }
    if price > budget:
        over = price - budget
        return _result(facts, code, False, f"中标（成交）价{_money_text(price)}超过预算（最高限价）{_money_text(budget)}，"
                       f"超出{_money_text(over)}", evidence, [found.step.stage.code])  # fmt: skip
    return _result(
        facts, code, True, f"中标（成交）价{_money_text(price)}未超过预算{_money_text(budget)}", evidence
    )


def check_deal_under_reserve(facts: Facts, today: dt.date) -> CheckResult:
    """A sale (land, mining right, state property …) concluded below its reserve or starting price."""
    code = "deal_under_reserve"
    if facts.rules.direction != "sale":
        return _not_applicable(facts, code, "本领域不是出让（转让），不比较底价")
    reserve, reserve_src = _limit(facts, "reserve")
    price, found = _price(facts)
    if reserve is None:
        return _not_applicable(facts, code, "交易登记和已公开信息均未载明底价或起始价")
    if price is None or found is None:
        return _not_applicable(facts, code, "尚未公开成交价")
    evidence = {
        "reserve": str(reserve),
        "reserve_source": reserve_src,
        "price": str(price),
        "price_source": _where(found.step, found.key),
    }
    if price < reserve:
        return _result(facts, code, False, f"成交价{_money_text(price)}低于底价（起始价）{_money_text(reserve)}", evidence,
                       [found.step.stage.code])  # fmt: skip
    return _result(
        facts, code, True, f"成交价{_money_text(price)}不低于底价（起始价）{_money_text(reserve)}", evidence
    )


def procedure_of(facts: Facts) -> tuple[Procedure | None, str]:
    """The transaction's procedure as registered, else as its notice's method field names it."""
    rules = facts.all_rules
    if facts.transaction.procedure:
        return rules.procedures.get(facts.transaction.procedure), "交易登记"
    found = facts.value("method", latest=False)
    if found is not None and isinstance(found.value, str):
        return rules.procedure_for_method(
            facts.transaction.domain.code, found.value.strip()
        ), f"{found.step.title}“{found.value}”"
    return None, ""


def check_tender_period(facts: Facts, today: dt.date) -> CheckResult:
    """From the tender notice (documents issued) to the bid deadline, shorter than the law's minimum for the
    procedure (Cardinal R003)."""
    code = "tender_period"
    procedure, procedure_src = procedure_of(facts)
    if procedure is None:
        return _not_applicable(facts, code, "未载明适用最短期限的交易方式")
    source = facts.rules.values.get("deadline")
    found = facts.find(source, latest=False) if source else None
    if found is None:
        return _not_applicable(facts, code, "已公开的公告未载明投标（响应）截止时间")
    deadline = parse_date(found.value)
    start = found.step.published_on
    if deadline is None or start is None:
        return _not_applicable(facts, code, f"无法从“{found.value}”读出截止日期")
    if procedure.unit == "workdays":
        days, _provisional = get_calendar().workdays_between(start, deadline)
    else:
        days = (deadline - start).days
    evidence = {
        "procedure": procedure.code,
        "procedure_name": procedure.name,
        "procedure_source": procedure_src,
        "minimum": procedure.min_days,
        "unit": procedure.unit,
        "legal_source": procedure.source,
        "verified": procedure.verified,
        "notice": _where(found.step, found.key),
        "start": start.isoformat(),
        "deadline": deadline.isoformat(),
        "days": days,
    }
    unit = "个工作日" if procedure.unit == "workdays" else "日"
    if days < procedure.min_days:
        message = (f"{procedure.name}：公告{start:%Y-%m-%d}发布，{deadline:%Y-%m-%d}截止，仅{days}{unit}，"
                   f"少于{procedure.source}规定的{procedure.min_days}{unit}")  # fmt: skip
        return _result(facts, code, False, message, evidence, [found.step.stage.code])
    message = f"{procedure.name}：公告发布至截止{days}{unit}，不少于{procedure.min_days}{unit}"
    return _result(facts, code, True, message, evidence)


def check_party_codes(facts: Facts, today: dt.date) -> CheckResult:
    """Winners' and candidates' unified social credit codes missing or failing the GB 32100 check."""
    code = "party_codes"
    parties = facts.parties()
    if not parties:
        return _not_applicable(facts, code, "尚未公开中标人、候选人或受让方")
    bad = []
    for p in parties:
        problem = "未公开统一社会信用代码" if not p.code else uscc_problem(p.code)
        if problem:
            bad.append({"role": p.role, "name": p.name, "code": p.code, "problem": problem, **_where(p.step)})
    evidence = {
        "parties": [{"role": p.role, "name": p.name, "code": p.code} for p in parties],
        "problems": bad,
    }
    if bad:
        message = "；".join(f"{b['role']}{b['name']}：{b['problem']}" for b in bad)
        return _result(facts, code, False, message, evidence, sorted({b["stage"] for b in bad}))
    return _result(facts, code, True, f"{len(parties)}个当事人的统一社会信用代码均有效", evidence)


def _award_date(facts: Facts) -> dt.date | None:
    found = facts.value("award_date")
    return parse_date(found.value) if found else None


def check_blacklisted_party(facts: Facts, today: dt.date, ctx: CheckContext | None = None) -> CheckResult:
    """A winner or candidate on the list of seriously dishonest entities on the day of the award (or, before an
    award, of the candidates' publicity)."""
    code = "blacklisted_party"
    try:
        from gongkai.credit.selectors import is_blacklisted
    except ImportError:
        return _not_applicable(facts, code, "市场主体信用模块未启用，未能核对黑名单")
    parties = [p for p in facts.parties() if p.code and not uscc_problem(p.code)]
    if not parties:
        return _not_applicable(facts, code, "尚未公开带有效统一社会信用代码的中标人或候选人")
    cache = ctx.blacklist if ctx is not None else {}
    award_on = _award_date(facts)
    hits, checked = [], []
    for p in parties:
        on = award_on or p.step.formed_on
        key = (p.code.upper(), on)
        if key not in cache:
            cache[key] = is_blacklisted(p.code.upper(), on)
        entry = cache[key]
        checked.append({"role": p.role, "name": p.name, "code": p.code, "on": on.isoformat()})
        if entry is not None:
            hits.append({"role": p.role, "name": p.name, "code": p.code, "on": on.isoformat(), **_entry_data(entry),
                         **_where(p.step)})  # fmt: skip
    evidence = {"checked": checked, "hits": hits}
    if hits:
        message = "；".join(
            f"{h['role']}{h['name']}于{h['on']}在严重失信主体名单内"
            + (f"（{h['reason']}，{h['decided_on']}列入）" if h.get("reason") else "")
            for h in hits
        )
        return _result(facts, code, False, message, evidence, sorted({h["stage"] for h in hits}))
    return _result(facts, code, True, f"{len(checked)}个当事人在决定之日均不在严重失信主体名单内", evidence)


def _entry_data(entry: Any) -> dict[str, Any]:
    """What the public may see of a blacklist entry (read by attribute, so the credit app's model may vary)."""

    def attr(*names):
        for name in names:
            value = getattr(entry, name, None)
            if value not in (None, ""):
                return value.isoformat() if isinstance(value, dt.date) else str(value)
        return None

    return {
        "entry_id": getattr(entry, "pk", None),
        "entity_name": attr("entity_name", "name"),
        "reason": attr("reason", "facts"),
        "decided_on": attr("decided_on", "decision_date"),
        "valid_from": attr("valid_from"),
        "valid_to": attr("valid_to"),
    }


def check_contract_change(facts: Facts, today: dt.date) -> CheckResult:
    """The contract price changed — by correction of the contract record or by a published change — by more than
    the configured share of the original contract price."""
    code = "contract_change"
    rules = facts.rules
    source = rules.values.get("contract_price")
    if source is None:
        return _not_applicable(facts, code, "本领域未配置合同价款字段")
    contracts = [s for stage in source.stages for s in facts.published(stage)]
    original_found = None
    for step in contracts:
        for key in source.keys:
            if parse_money(step.first_fields.get(key)) is not None:
                original_found = (step, key, parse_money(step.first_fields[key]))
                break
        if original_found:
            break
    if original_found is None:
        return _not_applicable(facts, code, "尚未公开合同价款")
    first_step, first_key, original = original_found
    changes: list[tuple[dt.date, Decimal, dict]] = []
    for step in contracts:
        value = next(
            (
                parse_money(step.fields.get(k))
                for k in source.keys
                if parse_money(step.fields.get(k)) is not None
            ),
            None,
        )
        if value is None or (step is first_step and not step.corrected):
            continue
        when = (
            step.current.published_at.date()
            if step.corrected and step.current and step.current.published_at
            else step.published_on
        )
        changes.append((when, value, {**_where(step), "how": "更正" if step.corrected else "另行公开"}))
    changed = rules.values.get("changed_price")
    if changed is not None:
        for stage in changed.stages:
            for step in facts.published(stage):
                value = next(
                    (
                        parse_money(step.fields.get(k))
                        for k in changed.keys
                        if parse_money(step.fields.get(k)) is not None
                    ),
                    None,
                )
                if value is not None:
                    changes.append((step.published_on, value, {**_where(step), "how": "变更"}))
    evidence: dict[str, Any] = {"original": str(original), "original_source": _where(first_step, first_key),
                                "max_share": str(facts.all_rules.contract_change_share),
                                "legal_source": facts.all_rules.contract_change_source}  # fmt: skip
    if not changes or original == 0:
        return _result(facts, code, True, f"合同价款{_money_text(original)}，未见变更", evidence)
    when, final, where = max(changes, key=lambda c: c[0] or dt.date.min)
    share = (final - original) / original
    evidence.update(final=str(final), final_source=where, share=f"{share:.4f}")
    limit = facts.all_rules.contract_change_share
    direction = "增加" if share > 0 else "减少"
    if abs(share) > limit:
        message = (f"合同价款由{_money_text(original)}变更为{_money_text(final)}，{direction}{abs(share):.1%}，"
                   f"超过{limit:.0%}")  # fmt: skip
        return _result(facts, code, False, message, evidence, [where["stage"], first_step.stage.code])
    return _result(facts, code, True, f"合同价款{direction}{abs(share):.1%}，未超过{limit:.0%}", evidence)


CHECKS: dict[str, Callable[..., CheckResult]] = {
    "missing_stage": check_missing_stage,
    "stage_order": check_stage_order,
    "award_over_budget": check_award_over_budget,
    "deal_under_reserve": check_deal_under_reserve,
    "tender_period": check_tender_period,
    "party_codes": check_party_codes,
    "blacklisted_party": check_blacklisted_party,
    "contract_change": check_contract_change,
}
if tuple(CHECKS) != CHECK_CODES:  # the data file and the code must name the same checks
    raise ImportError("gongkai.transactions.checks and rules.CHECK_CODES disagree")


def run_checks(
    transaction: Transaction, today: dt.date, ctx: CheckContext | None = None
) -> list[CheckResult]:
    """Every check on the transaction, in a fixed order; kept on the object so one request computes them once."""
    cached = getattr(transaction, "_check_results", None)
    if cached is not None and cached[0] == today:
        return cached[1]
    ctx = ctx or CheckContext()
    facts = gather(transaction, ctx)
    results = []
    for code, check in CHECKS.items():
        if code == "blacklisted_party":
            results.append(check(facts, today, ctx))
        else:
            results.append(check(facts, today))
    transaction._check_results = (today, results)
    transaction._facts = facts
    return results


def flags(results: list[CheckResult]) -> list[CheckResult]:
    return [r for r in results if r.flagged]
