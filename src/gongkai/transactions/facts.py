"""What a transaction's published disclosures say, gathered once for the checks and the timeline.

Only published records count as facts (a withdrawn one is shown as withdrawn, never as published); the values are
those of each record's current published revision, and its first revision is kept to show what was changed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from gongkai.catalog.models import Stage
from gongkai.catalog.selectors import effective_items, effective_profile
from gongkai.disclosures.choices import RevisionStatus, State
from gongkai.disclosures.models import Disclosure, Revision
from gongkai.transactions.models import Transaction, TransactionStep
from gongkai.transactions.rules import CheckRules, DomainRules, ValueSource, check_rules
from gongkai.workdays.calendar import get_calendar

REGISTRATION = "交易登记"
_DATE_RE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")


def parse_money(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value).replace(",", "").replace("，", "").strip())
    except InvalidOperation:
        return None


def parse_date(value: Any) -> dt.date | None:
    """A date field (YYYY-MM-DD), or the first date written in a text (2026年3月20日9时30分, 2026-03-20 09:30)."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = _DATE_RE.search(value)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


@dataclass
class StepFact:
    """One attached disclosure, with its published content (empty while unpublished)."""

    step: TransactionStep
    disclosure: Disclosure
    stage: Stage
    revisions: list[Revision]  # published and superseded, oldest first

    @property
    def published(self) -> bool:
        return self.disclosure.state == State.PUBLISHED

    @property
    def public(self) -> bool:
        return self.disclosure.state in (State.PUBLISHED, State.WITHDRAWN)

    @property
    def current(self) -> Revision | None:
        return next((r for r in self.revisions if r.status == RevisionStatus.PUBLISHED), None)

    @property
    def first(self) -> Revision | None:
        return self.revisions[0] if self.revisions else None

    @property
    def fields(self) -> dict[str, Any]:
        current = self.current
        return (current.content.get("fields") or {}) if current else {}

    @property
    def first_fields(self) -> dict[str, Any]:
        first = self.first
        return (first.content.get("fields") or {}) if first else {}

    @property
    def title(self) -> str:
        current = self.current
        return current.content.get("title", self.disclosure.title) if current else self.disclosure.title

    @property
    def published_on(self) -> dt.date | None:
        return self.disclosure.published_on

    @property
    def formed_on(self) -> dt.date:
        return self.disclosure.formed_on

    @property
    def corrected(self) -> bool:
        return len(self.revisions) > 1


@dataclass(frozen=True)
class Found:
    """A value found in a disclosure: which step, which field (or table.column), and the raw value."""

    value: Any
    step: StepFact
    key: str


@dataclass(frozen=True)
class Party:
    role: str
    name: str
    code: str
    step: StepFact


@dataclass
class CheckContext:
    """Caches shared by the transactions of one request: profiles, catalogs, blacklist answers."""

    rules: CheckRules = field(default_factory=check_rules)
    _proactive_days: dict[int, int] = field(default_factory=dict)
    _catalog_stages: dict[int, set[int]] = field(default_factory=dict)
    blacklist: dict[tuple[str, dt.date], Any] = field(default_factory=dict)

    def proactive_days(self, jurisdiction) -> int:
        if jurisdiction.pk not in self._proactive_days:
            self._proactive_days[jurisdiction.pk] = int(
                effective_profile(jurisdiction)["proactive_days"] or 0
            )
        return self._proactive_days[jurisdiction.pk]

    def catalog_stage_ids(self, jurisdiction) -> set[int]:
        """Stages for which the jurisdiction's catalog in force has a proactive item (someone must publish it)."""
        if jurisdiction.pk not in self._catalog_stages:
            self._catalog_stages[jurisdiction.pk] = {
                i.stage_id for i in effective_items(jurisdiction) if i.stage_id and i.attribute == "proactive"
            }
        return self._catalog_stages[jurisdiction.pk]


@dataclass
class RequiredState:
    """Where a required stage stands: published, due by a date, overdue, or waiting for the stage before it."""

    stage: Stage
    allowance: int
    state: str  # published | pending | overdue | waiting
    due_on: dt.date | None = None
    counted_from: dt.date | None = None
    counted_from_label: str = ""

    @property
    def since(self) -> str:
        """What the period counts from, in words: 中标候选人公示于2026-04-01公开 / 交易于2026-03-02登记."""
        if self.counted_from is None:
            return ""
        if self.counted_from_label == REGISTRATION:
            return f"交易于{self.counted_from:%Y-%m-%d}登记"
        return f"{self.counted_from_label}于{self.counted_from:%Y-%m-%d}公开"


@dataclass
class Facts:
    transaction: Transaction
    stages: list[Stage]  # the domain's stages, in order
    steps: list[StepFact]
    rules: DomainRules
    all_rules: CheckRules
    catalog_stage_ids: set[int]
    proactive_days: int

    @property
    def stage_by_code(self) -> dict[str, Stage]:
        return {s.code: s for s in self.stages}

    def published(self, stage_code: str) -> list[StepFact]:
        """Published steps at a stage, oldest publication first."""
        out = [s for s in self.steps if s.stage.code == stage_code and s.published]
        return sorted(out, key=lambda s: (s.published_on or dt.date.max, s.disclosure.pk))

    def first_published_on(self, stage_code: str) -> dt.date | None:
        steps = self.published(stage_code)
        return steps[0].published_on if steps else None

    def in_catalog(self, stage: Stage) -> bool:
        return stage.pk in self.catalog_stage_ids

    def required(self) -> list[tuple[Stage, int]]:
        """The domain's required stages that this jurisdiction's catalog has an item for, in order."""
        by_code = self.stage_by_code
        return [
            (by_code[r.stage], r.allowance)
            for r in self.rules.required
            if r.stage in by_code and self.in_catalog(by_code[r.stage])
        ]

    def value(self, role: str, *, latest: bool = True) -> Found | None:
        """The value playing `role` (price, budget, …) per the domain's field map; the latest publication first."""
        source = self.rules.values.get(role)
        return None if source is None else self.find(source, latest=latest)

    def find(self, source: ValueSource, *, latest: bool = True) -> Found | None:
        for stage in source.stages:
            steps = self.published(stage)
            for step in reversed(steps) if latest else steps:
                found = _in_fields(step, step.fields, source)
                if found is not None:
                    return found
        return None

    def parties(self) -> list[Party]:
        """Market entities the published records name as winners, candidates, transferees, with their codes."""
        out: list[Party] = []
        for source in self.rules.parties:
            for stage in source.stages:
                for step in self.published(stage):
                    fields = step.fields
                    for name_key, code_key in source.pairs:
                        name = fields.get(name_key)
                        if isinstance(name, str) and name.strip():
                            out.append(
                                Party(
                                    source.role, name.strip(), str(fields.get(code_key) or "").strip(), step
                                )
                            )
                    for table in source.tables:
                        rows = fields.get(table.key)
                        for row in rows if isinstance(rows, list) else []:
                            if not isinstance(row, dict):
                                continue
                            name = row.get(table.name)
                            code = next((row[c] for c in table.codes if row.get(c)), "")
                            if isinstance(name, str) and name.strip():
                                out.append(Party(source.role, name.strip(), str(code).strip(), step))
        return out

    def required_states(self, today: dt.date) -> list[RequiredState]:
        """Each required stage's standing. A missing stage is due `proactive_days` working days plus its allowance
        after the previous required stage was first published (after registration, for the first); the stages
        after a missing one wait for it rather than pile up as overdue."""
        calendar = get_calendar()
        anchor: dt.date | None = self.transaction.registered_on
        anchor_label = REGISTRATION
        out = []
        for stage, allowance in self.required():
            published_on = self.first_published_on(stage.code)
            if published_on is not None:
                out.append(RequiredState(stage, allowance, "published"))
                anchor, anchor_label = published_on, stage.name
                continue
            if anchor is None:
                out.append(RequiredState(stage, allowance, "waiting"))
                continue
            base = calendar.add_workdays(anchor, self.proactive_days).due or anchor
            due = base + dt.timedelta(days=allowance)
            state = "overdue" if today > due else "pending"
            out.append(RequiredState(stage, allowance, state, due, anchor, anchor_label))
            anchor = None
        return out


def _in_fields(step: StepFact, fields: dict[str, Any], source: ValueSource) -> Found | None:
    for key in source.keys:
        value = fields.get(key)
        if value not in (None, "", []):
            return Found(value, step, key)
    for table in source.tables:
        rows = fields.get(table.key)
        if isinstance(rows, list) and rows:
            amounts = [parse_money(r.get(table.column)) for r in rows if isinstance(r, dict)]
            amounts = [a for a in amounts if a is not None]
            if amounts:
                return Found(sum(amounts, Decimal(0)), step, f"{table.key}.{table.column}")
    return None


def step_facts(transaction: Transaction) -> list[StepFact]:
    """The transaction's steps with their disclosures and revisions (uses prefetched rows when there are any)."""
    out = []
    for step in transaction.steps.all():
        d = step.disclosure
        revisions = sorted(
            (
                r
                for r in d.revisions.all()
                if r.status in (RevisionStatus.PUBLISHED, RevisionStatus.SUPERSEDED)
            ),
            key=lambda r: r.number,
        )
        out.append(StepFact(step, d, step.stage, revisions))
    return sorted(out, key=lambda s: (s.stage.position, s.published_on or dt.date.max, s.disclosure.pk))


def gather(transaction: Transaction, ctx: CheckContext | None = None) -> Facts:
    ctx = ctx or CheckContext()
    stages = list(transaction.domain.stages.all())
    stages.sort(key=lambda s: s.position)
    return Facts(
        transaction=transaction,
        stages=stages,
        steps=step_facts(transaction),
        rules=ctx.rules.for_domain(transaction.domain.code),
        all_rules=ctx.rules,
        catalog_stage_ids=ctx.catalog_stage_ids(transaction.jurisdiction),
        proactive_days=ctx.proactive_days(transaction.jurisdiction),
    )
