"""Reads of transactions for the portal, the back office and the API: lists with their flags, one transaction's
timeline (its domain's stages in order, each with its disclosures, dates, parties and prices, what is missing or
overdue, what was changed), and the transaction a disclosure belongs to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from gongkai.catalog.models import Stage
from gongkai.catalog.selectors import descendant_ids
from gongkai.core.errors import NotFound
from gongkai.disclosures.choices import RevisionStatus, State
from gongkai.disclosures.models import Revision
from gongkai.transactions import permissions as perms
from gongkai.transactions.checks import CheckResult, procedure_of, run_checks
from gongkai.transactions.codes import normalize
from gongkai.transactions.facts import CheckContext, Facts, StepFact, parse_money
from gongkai.transactions.models import Transaction, TransactionStep

PUBLIC_STATES = (State.PUBLISHED, State.WITHDRAWN)


def with_details(qs: QuerySet[Transaction]) -> QuerySet[Transaction]:
    """Everything the checks and the timeline read, in a fixed number of queries however many transactions."""
    revisions = Revision.objects.filter(
        status__in=[RevisionStatus.PUBLISHED, RevisionStatus.SUPERSEDED]
    ).order_by("number")
    steps = TransactionStep.objects.select_related(
        "stage", "disclosure__organization", "disclosure__catalog_item"
    ).prefetch_related(Prefetch("disclosure__revisions", queryset=revisions))
    return qs.select_related("domain", "jurisdiction", "owner", "agency", "registered_by").prefetch_related(
        Prefetch("steps", queryset=steps),
        Prefetch("domain__stages", queryset=Stage.objects.order_by("position")),
    )


def public_transactions() -> QuerySet[Transaction]:
    """Transactions the public can know of: those with at least one published (or withdrawn) step."""
    public_step = TransactionStep.objects.filter(
        transaction=OuterRef("pk"), disclosure__state__in=PUBLIC_STATES
    )
    return Transaction.objects.filter(Exists(public_step)).order_by("-registered_on", "-pk")


def get_public(code: str) -> Transaction:
    t = with_details(public_transactions()).filter(code=normalize(code)).first()
    if t is None:
        raise NotFound("该交易项目不存在或尚未公开")
    return t


def staff_transactions(user) -> QuerySet[Transaction]:
    return perms.visible_to(user).order_by("-registered_on", "-pk")


def get_for_staff(user, code: str) -> Transaction:
    t = with_details(staff_transactions(user)).filter(code=normalize(code)).first()
    if t is None:
        raise NotFound("该交易项目不存在")
    return t


def transaction_of(disclosure_id: int) -> Transaction | None:
    """The transaction a disclosure is a step of (for a link on the disclosure page), or None."""
    step = (
        TransactionStep.objects.filter(disclosure_id=disclosure_id)
        .select_related("transaction", "stage")
        .first()
    )
    if step is None:
        return None
    t = step.transaction
    t.step_stage = step.stage  # which stage this disclosure is, for the link's wording
    return t


@dataclass
class Listed:
    transaction: Transaction
    results: list[CheckResult]

    @property
    def flags(self) -> list[CheckResult]:
        return [r for r in self.results if r.flagged]


def browse(
    qs: QuerySet[Transaction], *, today: dt.date, domain: str | None = None, jurisdiction=None,
    flagged: bool = False, q: str = "",
) -> list[Listed] | Checked:  # fmt: skip
    """Transactions with their check results, filtered by domain, jurisdiction (with its children) and flags.

    Flags are computed on read, so 'flagged only' checks every transaction that passes the other filters."""
    if domain:
        qs = qs.filter(domain__code=domain)
    if jurisdiction is not None:
        qs = qs.filter(jurisdiction_id__in=descendant_ids(jurisdiction.pk))
    for term in q.split():
        qs = qs.filter(
            Q(title__icontains=term) | Q(code__icontains=normalize(term)) | Q(project_no__icontains=term)
        )
    if not flagged:
        return Checked(qs, today)
    ctx = CheckContext()
    return [x for x in (Listed(t, run_checks(t, today, ctx)) for t in with_details(qs)) if x.flags]


class Checked:
    """Transactions with their check results, computed only for the slice that is read (a page of the list)."""

    def __init__(self, qs: QuerySet[Transaction], today: dt.date) -> None:
        self.qs, self.today = qs, today

    def count(self) -> int:
        return self.qs.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ctx = CheckContext()
        return [Listed(t, run_checks(t, self.today, ctx)) for t in with_details(self.qs[index])]


# --- the timeline ----------------------------------------------------------------------------------------------


@dataclass
class StepView:
    fact: StepFact
    public: bool  # published or withdrawn
    withdrawn: bool
    prices: list[tuple[str, str]] = field(default_factory=list)
    parties: list[dict[str, str]] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)  # fields that differ from the first revision

    @property
    def disclosure(self):
        return self.fact.disclosure


@dataclass
class StageRow:
    stage: Stage
    steps: list[StepView]
    in_catalog: bool
    required: bool
    state: str  # published | pending | overdue | waiting | absent | not_in_catalog
    due_on: dt.date | None = None
    counted_from: dt.date | None = None
    counted_from_label: str = ""
    since: str = ""
    is_change: bool = False
    flags: list[CheckResult] = field(default_factory=list)

    @property
    def state_name(self) -> str:
        return {
            "published": "已公开",
            "pending": "待公开",
            "overdue": "逾期未公开",
            "waiting": "待前一环节公开",
            "absent": "未公开",
            "not_in_catalog": "本地目录未列此环节",
        }[self.state]


@dataclass
class Timeline:
    transaction: Transaction
    rows: list[StageRow]
    results: list[CheckResult]
    facts: Facts

    @property
    def flags(self) -> list[CheckResult]:
        return [r for r in self.results if r.flagged]

    @property
    def budget_text(self) -> str:
        budget = self.transaction.budget
        return "" if budget is None else f"{budget:,.2f} 元"

    @property
    def procedure(self):
        return procedure_of(self.facts)[0]

    @property
    def parties(self) -> list[dict[str, str]]:
        """Everyone the steps name, once each (by name and code), with the stages that name them."""
        found: dict[tuple[str, str], dict[str, str]] = {}
        for row in self.rows:
            for step in row.steps:
                for p in step.parties:
                    key = (p["name"], p["code"])
                    if key not in found:
                        found[key] = {**p, "stage": row.stage.name}
                    elif row.stage.name not in found[key]["stage"].split("、"):
                        found[key]["stage"] += f"、{row.stage.name}"
        return list(found.values())


def _display(value: Any, spec: dict) -> str:
    if spec.get("type") == "money":
        amount = parse_money(value)
        return f"{amount:,.2f} 元" if amount is not None else str(value)
    if spec.get("type") == "boolean":
        return "是" if value else "否"
    if isinstance(value, list):
        return f"{len(value)} 行"
    return str(value)


def _step_view(fact: StepFact) -> StepView:
    """Prices, parties and dates from the fields the catalog item declares; changes against the first revision."""
    d = fact.disclosure
    view = StepView(fact, public=d.state in PUBLIC_STATES, withdrawn=d.state == State.WITHDRAWN)
    fields = fact.fields if fact.current else (d.fields or {})
    specs = {s["key"]: s for s in d.catalog_item.fields}
    for key, spec in specs.items():
        value = fields.get(key)
        if value in (None, "", []):
            continue
        if spec["type"] == "money":
            view.prices.append((spec["label"], _display(value, spec)))
        elif spec["type"] == "date":
            view.dates.append((spec["label"], str(value)))
        elif spec["type"] == "uscc":
            name_key = key.removesuffix("_uscc")
            name = fields.get(name_key) if name_key != key else None
            label = specs.get(name_key, {}).get("label") or spec["label"]
            view.parties.append({"label": label, "name": str(name or ""), "code": str(value)})
        elif spec["type"] == "table":
            columns = {c["key"]: c for c in spec.get("columns", [])}
            code_cols = [k for k, c in columns.items() if c["type"] == "uscc"]
            money_cols = [k for k, c in columns.items() if c["type"] == "money"]
            name_col = next((k for k in ("name", "applicant", "supplier") if k in columns), None)
            for row in value if isinstance(value, list) else []:
                if not isinstance(row, dict):
                    continue
                if code_cols and name_col and row.get(name_col):
                    party = {
                        "label": spec["label"],
                        "name": str(row.get(name_col)),
                        "code": str(row.get(code_cols[0]) or ""),
                    }
                    if money_cols and row.get(money_cols[0]) not in (None, ""):
                        party["price"] = _display(row.get(money_cols[0]), columns[money_cols[0]])
                    view.parties.append(party)
    if fact.corrected:
        before = fact.first_fields
        for key in sorted(
            set(before) | set(fields), key=lambda k: list(specs).index(k) if k in specs else 999
        ):
            if before.get(key) != fields.get(key):
                spec = specs.get(key, {"label": key, "type": "text"})
                view.changes.append(
                    {
                        "label": spec["label"],
                        "before": _display(before.get(key), spec)
                        if before.get(key) not in (None, "")
                        else "（空）",
                        "after": _display(fields.get(key), spec)
                        if fields.get(key) not in (None, "")
                        else "（空）",
                    }
                )
    return view


def timeline(
    t: Transaction, today: dt.date, *, public: bool = True, ctx: CheckContext | None = None
) -> Timeline:
    """The domain's stages in order, each with its disclosures (only published and withdrawn ones for the public),
    its standing (published, due by, overdue), the flags that concern it, and what was changed."""
    results = run_checks(t, today, ctx)
    facts: Facts = t._facts
    required = {s.stage.code: s for s in facts.required_states(today)}
    rows = []
    for stage in facts.stages:
        steps = [_step_view(f) for f in facts.steps if f.stage.pk == stage.pk and (f.public or not public)]
        in_catalog = facts.in_catalog(stage)
        state_info = required.get(stage.code)
        if any(s.fact.published for s in steps):
            state = "published"
        elif state_info is not None:
            state = state_info.state
        else:
            state = "absent" if in_catalog else "not_in_catalog"
        rows.append(
            StageRow(
                stage=stage,
                steps=steps,
                in_catalog=in_catalog,
                required=state_info is not None,
                state=state,
                due_on=state_info.due_on if state_info else None,
                counted_from=state_info.counted_from if state_info else None,
                counted_from_label=state_info.counted_from_label if state_info else "",
                since=state_info.since if state_info else "",
                is_change=stage.code in facts.rules.changes,
                flags=[r for r in results if r.flagged and stage.code in r.stages],
            )
        )
    return Timeline(t, rows, results, facts)
