"""Quarterly monitoring and yearly assessment scores (季度监测、年度考核, Lu'an art. 41) per organization and period,
by the scheme in data/oversight/scoring.yaml: each component's raw figures, points and deductions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings

from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import line_of, read_yaml
from gongkai.orgs.models import Organization
from gongkai.oversight import selectors as sel

# Figures a scheme may deduct for; findings_unrectified is the scoring's own (see `unrectified_findings`).
SCORABLE_FIGURES = (
    "copies_late", "copies_missing", "missing_items", "missing_stages", "corrections", "withdrawals",
    "applications_late", "applications_overdue", "complaints_upheld", "findings_unrectified",
)  # fmt: skip
RATES = ("on_time",)
TWO = Decimal("0.01")


@dataclass(frozen=True)
class DeductionRule:
    figure: str
    name: str
    per: Decimal
    basis: str = ""


@dataclass(frozen=True)
class ComponentRule:
    code: str
    name: str
    points: Decimal
    rate: str | None
    basis: str
    deductions: tuple[DeductionRule, ...]


@dataclass(frozen=True)
class Scheme:
    name: str
    basis: tuple[dict, ...]
    components: tuple[ComponentRule, ...]
    penalties: tuple[DeductionRule, ...]
    grades: tuple[tuple[Decimal, str], ...]

    @property
    def total_points(self) -> Decimal:
        return sum((c.points for c in self.components), Decimal(0))

    def grade(self, score: Decimal) -> str:
        return next((name for low, name in self.grades if score >= low), "")


def _dec(value: Any, path: str, node: Any, key: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise DataFileError(path, [(line_of(node, key), f"{key} 应为不小于 0 的数")])
    return Decimal(str(value))


def _deductions(path: str, rows: Any) -> tuple[DeductionRule, ...]:
    out = []
    for row in rows or []:
        figure = row.get("figure")
        if figure not in SCORABLE_FIGURES:
            raise DataFileError(
                path,
                [(line_of(row), f"没有可扣分的监测指标“{figure}”（可用：{'、'.join(SCORABLE_FIGURES)}）")],
            )
        out.append(DeductionRule(figure, str(row.get("name") or figure), _dec(row.get("per"), path, row, "per"),
                                 str(row.get("basis") or "")))  # fmt: skip
    return tuple(out)


def read_scheme(path: str | Path) -> Scheme:
    """Read and check the scoring scheme; a DataFileError names the line of the first problem."""
    doc = read_yaml(path)
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("components"), dict):
        raise DataFileError(doc.path, [(1, "评分方案应为映射，并含 components")])
    components = []
    for code, spec in data["components"].items():
        rate = spec.get("rate")
        if rate is not None and rate not in RATES:
            raise DataFileError(doc.path, [(line_of(spec, "rate"), f"rate 只能是 {'、'.join(RATES)}")])
        components.append(ComponentRule(str(code), str(spec.get("name") or code),
                                         _dec(spec.get("points"), doc.path, spec, "points"), rate,
                                         str(spec.get("basis") or ""), _deductions(doc.path, spec.get("deductions"))))  # fmt: skip
    grades = tuple(
        sorted(
            ((_dec(g.get("min"), doc.path, g, "min"), str(g.get("name"))) for g in data.get("grades") or []),
            reverse=True,
        )  # fmt: skip
    )
    return Scheme(str(data.get("name") or ""), tuple(dict(b) for b in data.get("basis") or []), tuple(components),
                  _deductions(doc.path, data.get("penalties")), grades)  # fmt: skip


@lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> Scheme:
    return read_scheme(path)


def scheme() -> Scheme:
    path = Path(settings.DATA_DIR) / "oversight" / "scoring.yaml"
    return _cached(str(path), path.stat().st_mtime)


# --- computing -------------------------------------------------------------------------------------------------


@dataclass
class Deduction:
    figure: str
    name: str
    count: int
    per: Decimal
    points: Decimal


@dataclass
class Component:
    code: str
    name: str
    max_points: Decimal
    raw: dict[str, Any]
    base: Decimal  # after the rate, before deductions
    deductions: list[Deduction]
    points: Decimal


@dataclass
class Score:
    organization: Organization
    period: sel.Period
    components: list[Component]
    penalties: list[Deduction]
    total: Decimal
    max_points: Decimal
    grade: str
    raw: dict[str, int] = field(default_factory=dict)


def unrectified_findings(scope: sel.Scope):
    """Findings not rectified whose deadline had passed by the end of the period (or today, if earlier)."""
    as_of = min(scope.end, scope.today)
    return sel.findings(scope).unrectified().filter(rectify_by__lt=as_of)


def _q(x: Decimal) -> Decimal:
    return x.quantize(TWO, rounding=ROUND_HALF_UP)


def raw_figures(organization: Organization, period: sel.Period, today: dt.date) -> dict[str, int]:
    scope = sel.Scope.of(
        organization.jurisdiction, period.start, period.end, today, organization=organization
    )
    raw = sel.values(sel.figures(scope))
    raw["findings_unrectified"] = unrectified_findings(scope).count()
    return raw


def _deduct(rules, raw) -> list[Deduction]:
    return [
        Deduction(r.figure, r.name, raw.get(r.figure, 0), r.per, r.per * raw.get(r.figure, 0)) for r in rules
    ]


def score(organization: Organization, period: sel.Period, today: dt.date, *, raw: dict[str, int] | None = None,
          rules: Scheme | None = None) -> Score:  # fmt: skip
    """One organization's score for a period (a quarter for monitoring, a year for the assessment)."""
    rules = rules or scheme()
    raw = raw if raw is not None else raw_figures(organization, period, today)
    components = []
    for c in rules.components:
        base = c.points
        comp_raw: dict[str, Any] = {}
        if c.rate == "on_time":
            judged = raw.get("on_time", 0) + raw.get("late", 0) + raw.get("overdue", 0)
            comp_raw = {k: raw.get(k, 0) for k in ("due", "on_time", "late", "overdue")}
            if judged:
                base = _q(c.points * raw.get("on_time", 0) / judged)
            comp_raw["rate"] = None if not judged else round(raw.get("on_time", 0) / judged * 100, 1)
        deductions = _deduct(c.deductions, raw)
        comp_raw.update({d.figure: d.count for d in deductions})
        points = max(Decimal(0), base - sum((d.points for d in deductions), Decimal(0)))
        components.append(Component(c.code, c.name, c.points, comp_raw, base, deductions, _q(points)))
    penalties = _deduct(rules.penalties, raw)
    total = max(Decimal(0), sum((c.points for c in components), Decimal(0)) - sum((p.points for p in penalties),
                                                                               Decimal(0)))  # fmt: skip
    total = _q(total)
    return Score(
        organization, period, components, penalties, total, rules.total_points, rules.grade(total), raw
    )


def scores(scope: sel.Scope, period: sel.Period) -> list[Score]:
    """Scores of every active organization in scope that is not itself a supervising body, best first."""
    orgs = scope.organizations().filter(active=True, is_supervisor=False).select_related("jurisdiction")
    out = [score(o, period, scope.today) for o in orgs.order_by("jurisdiction__code", "pk")]
    out.sort(key=lambda s: (-s.total, s.organization.pk))
    return out
