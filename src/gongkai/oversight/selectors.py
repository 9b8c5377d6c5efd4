"""Monitoring figures (季度监测, Lu'an art. 41): for a jurisdiction with its children, optionally one organization and
one domain, and a period [start, end] — both ends inclusive, Asia/Shanghai local dates — as of a given `today`.

Every figure is a `Figure(code, label, value, records)` where `records()` gives exactly the records behind the
value (the staff drill-down lists them, so its count equals the figure). What each figure counts:

- Proactive disclosures **due in the period** (`due_on` in [start, end]; `due_on` is stored, computed in working
  days with the holiday calendar): `on_time` (published on or before `due_on`), `late` (published after it),
  `overdue` (not published and `due_on` < today), `pending` (not published, not yet past due) — "published" meaning
  published by `today`, so figures as of an earlier day are what that day saw.
  `due` = on_time + late + overdue + pending.
- `missing_items`: catalog items expected in the period with no disclosure at all. An item is *expected* for a
  jurisdiction in the period when it is proactive, a body of the kind that must publish it exists in scope, and
  either (a) it is event-based — it belongs to a lifecycle stage — and its domain was active in the jurisdiction
  in the period (a disclosure of that domain formed in the period, or a transaction of it registered then), or
  (b) it is periodic yearly information (its time limit says 每年) and the period contains 31 December. It is
  *missing* when no disclosure of it (in any state) formed in the period exists from those bodies. The catalog data
  has no "happened" flag for events outside transactions, so domain activity is the evidence that events occurred.
- `missing_stages`: transactions whose `missing_stage` check fails as of today with an overdue required stage whose
  due date falls in the period (transactions.checks.check_missing_stage).
- `copies_late` (sent after the due date) and `copies_missing` (not sent, past due) among copies to the
  supervision bureau (Lu'an art. 33) due in the period.
- `applications_late` (replied after `due_on`) and `applications_overdue` (open, past `due_on`) among applications
  whose reply was due in the period. Applications have no domain: the domain filter does not apply to them.
- `corrections` (corrections published in the period: revisions numbered 2 and up) and `withdrawals` (records
  withdrawn in the period), by the local date of the act.
- `findings_overdue`: inspection findings not rectified whose rectification deadline falls in the period and has
  passed.
- `complaints_received` (received in the period) / `complaints_upheld` (found 属实 or 部分属实 by a decision in the
  period): complaints (举报) about organizations in scope, as the complaints app's `complaint_counts` counts them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q, QuerySet

from gongkai.applications.models import Application
from gongkai.catalog.models import CatalogItem, Jurisdiction
from gongkai.catalog.selectors import descendant_ids, effective_items
from gongkai.core.permissions import Perm
from gongkai.disclosures.choices import RevisionStatus, State
from gongkai.disclosures.models import Disclosure, Revision, SupervisorCopy
from gongkai.orgs.models import Organization
from gongkai.orgs.roles import organizations_with, supervised_jurisdiction_ids
from gongkai.oversight.models import Finding
from gongkai.transactions.models import Transaction

PROACTIVE = "proactive"


# --- periods ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    label: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("period ends before it starts")


def quarter(year: int, q: int) -> Period:
    start = dt.date(year, 3 * q - 2, 1)
    end = (dt.date(year + (q == 4), (3 * q) % 12 + 1, 1)) - dt.timedelta(days=1)
    return Period(start, end, f"{year}年第{q}季度")


def quarter_of(day: dt.date) -> Period:
    return quarter(day.year, (day.month - 1) // 3 + 1)


def previous_quarter(day: dt.date) -> Period:
    return quarter_of(quarter_of(day).start - dt.timedelta(days=1))


def year_period(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年度")


def quarters_of_year(year: int) -> list[Period]:
    return [quarter(year, q) for q in (1, 2, 3, 4)]


PRESETS = {"this_quarter": "本季度", "last_quarter": "上季度", "this_year": "本年度", "custom": "自定义"}


def preset_period(
    preset: str, today: dt.date, start: dt.date | None = None, end: dt.date | None = None
) -> Period:
    if preset == "last_quarter":
        return previous_quarter(today)
    if preset == "this_year":
        return year_period(today.year)
    if preset == "custom" and start and end:
        return Period(start, end, f"{start:%Y-%m-%d} 至 {end:%Y-%m-%d}")
    return quarter_of(today)


# --- scope -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """What the figures are about: a jurisdiction with its children, optionally one organization and one domain."""

    jurisdiction: Jurisdiction
    start: dt.date
    end: dt.date
    today: dt.date
    organization: Organization | None = None
    domain: str | None = None
    jurisdiction_ids: tuple[int, ...] = field(default=())

    @classmethod
    def of(cls, jurisdiction: Jurisdiction, start: dt.date, end: dt.date, today: dt.date, *,
           organization: Organization | None = None, domain: str | None = None) -> Scope:  # fmt: skip
        return cls(jurisdiction, start, end, today, organization, domain or None,
                   tuple(descendant_ids(jurisdiction.pk)))  # fmt: skip

    def organizations(self) -> QuerySet[Organization]:
        qs = Organization.objects.filter(jurisdiction_id__in=self.jurisdiction_ids)
        if self.organization is not None:
            qs = qs.filter(pk=self.organization.pk)
        return qs

    def disclosures(self) -> QuerySet[Disclosure]:
        qs = Disclosure.objects.filter(jurisdiction_id__in=self.jurisdiction_ids)
        if self.organization is not None:
            qs = qs.filter(organization=self.organization)
        if self.domain:
            qs = qs.filter(catalog_item__domain__code=self.domain)
        return qs.select_related("organization", "jurisdiction", "catalog_item__domain")


# --- figures ---------------------------------------------------------------------------------------------------

# Kinds of drill-down record, which decide how the staff list shows them.
KIND_DISCLOSURE, KIND_COPY, KIND_APPLICATION, KIND_TRANSACTION = (
    "disclosure",
    "copy",
    "application",
    "transaction",
)
KIND_ITEM, KIND_REVISION, KIND_FINDING = "item", "revision", "finding"
KIND_COMPLAINT = "complaint"


@dataclass
class Figure:
    code: str
    label: str
    value: int
    records: Callable[[], Any]  # a queryset or list of exactly the records counted
    kind: str
    group: str
    public: bool = True  # shown in the public summary (never with records)
    note: str = ""


@dataclass(frozen=True)
class MissingItem:
    """A catalog item expected in the period in a jurisdiction, with the bodies that should have published it."""

    jurisdiction: Jurisdiction
    item: CatalogItem
    organizations: tuple[Organization, ...]
    reason: str


@dataclass(frozen=True)
class MissingStage:
    transaction: Transaction
    stages: tuple[dict, ...]  # evidence rows of the overdue stages due in the period


def _local_date_range(field_name: str, start: dt.date, end: dt.date) -> Q:
    return Q(**{f"{field_name}__date__gte": start, f"{field_name}__date__lte": end})


def due_in_period(scope: Scope) -> QuerySet[Disclosure]:
    return scope.disclosures().filter(attribute=PROACTIVE, due_on__gte=scope.start, due_on__lte=scope.end)


def _published(scope: Scope) -> Q:
    """Published by `today` (a record published later was not yet published as of `today`)."""
    return Q(published_on__isnull=False, published_on__lte=scope.today)


def on_time(scope: Scope) -> QuerySet[Disclosure]:
    return due_in_period(scope).filter(_published(scope), published_on__lte=F("due_on"))


def late(scope: Scope) -> QuerySet[Disclosure]:
    return due_in_period(scope).filter(_published(scope), published_on__gt=F("due_on"))


def overdue(scope: Scope) -> QuerySet[Disclosure]:
    return due_in_period(scope).exclude(_published(scope)).filter(due_on__lt=scope.today)


def pending(scope: Scope) -> QuerySet[Disclosure]:
    return due_in_period(scope).exclude(_published(scope)).filter(due_on__gte=scope.today)


def copies(scope: Scope) -> QuerySet[SupervisorCopy]:
    return SupervisorCopy.objects.filter(
        disclosure__in=scope.disclosures(), due_on__gte=scope.start, due_on__lte=scope.end
    ).select_related("disclosure__organization", "supervisor")


def copies_late(scope: Scope) -> QuerySet[SupervisorCopy]:
    return copies(scope).filter(sent_on__isnull=False, sent_on__gt=F("due_on"))


def copies_missing(scope: Scope) -> QuerySet[SupervisorCopy]:
    return copies(scope).filter(sent_on__isnull=True, due_on__lt=scope.today)


def applications(scope: Scope) -> QuerySet[Application]:
    qs = Application.objects.filter(
        jurisdiction_id__in=scope.jurisdiction_ids, due_on__gte=scope.start, due_on__lte=scope.end
    )
    if scope.organization is not None:
        qs = qs.filter(organization=scope.organization)
    return qs.select_related("organization")


def applications_late(scope: Scope) -> QuerySet[Application]:
    return applications(scope).filter(replied_on__isnull=False, replied_on__gt=F("due_on"))


def applications_overdue(scope: Scope) -> QuerySet[Application]:
    return applications(scope).overdue(scope.today)


def corrections(scope: Scope) -> QuerySet[Revision]:
    return (
        Revision.objects.filter(
            disclosure__in=scope.disclosures(),
            number__gte=2,
            status__in=[RevisionStatus.PUBLISHED, RevisionStatus.SUPERSEDED],
            published_at__isnull=False,
        )
        .filter(_local_date_range("published_at", scope.start, scope.end))
        .select_related("disclosure__organization")
        .order_by("published_at", "pk")
    )


def withdrawals(scope: Scope) -> QuerySet[Disclosure]:
    return (
        scope.disclosures()
        .filter(state=State.WITHDRAWN, withdrawn_at__isnull=False)
        .filter(_local_date_range("withdrawn_at", scope.start, scope.end))
    )


def findings(scope: Scope) -> QuerySet[Finding]:
    return Finding.objects.filter(organization__in=scope.organizations()).select_related(
        "organization", "supervisor"
    )


def findings_overdue(scope: Scope) -> QuerySet[Finding]:
    return findings(scope).overdue(scope.today).filter(rectify_by__gte=scope.start, rectify_by__lte=scope.end)


def transactions(scope: Scope) -> QuerySet[Transaction]:
    qs = Transaction.objects.filter(jurisdiction_id__in=scope.jurisdiction_ids, registered_on__lte=scope.end)
    if scope.organization is not None:
        o = scope.organization
        qs = qs.filter(Q(owner=o) | Q(agency=o) | Q(registered_by=o))
    if scope.domain:
        qs = qs.filter(domain__code=scope.domain)
    return qs


def missing_stages(scope: Scope) -> list[MissingStage]:
    from gongkai.transactions.checks import check_missing_stage
    from gongkai.transactions.facts import CheckContext, gather
    from gongkai.transactions.selectors import with_details

    ctx = CheckContext()
    out = []
    for t in with_details(transactions(scope).order_by("registered_on", "pk")):
        result = check_missing_stage(gather(t, ctx), scope.today)
        if not result.flagged:
            continue
        rows = tuple(
            r
            for r in result.evidence.get("required", [])
            if r["state"] == "overdue"
            and r["due_on"]
            and scope.start <= dt.date.fromisoformat(r["due_on"]) <= scope.end
        )
        if rows:
            out.append(MissingStage(t, rows))
    return out


def _yearly(item: CatalogItem) -> bool:
    return "每年" in (item.deadline.get("text") or "")


def missing_items(scope: Scope) -> list[MissingItem]:
    """Expected catalog items with no disclosure formed in the period (see the module's docstring)."""
    out: list[MissingItem] = []
    orgs = list(scope.organizations().filter(active=True).order_by("pk"))
    by_jurisdiction: dict[int, list[Organization]] = {}
    for o in orgs:
        by_jurisdiction.setdefault(o.jurisdiction_id, []).append(o)
    if not by_jurisdiction:
        return out
    formed = Disclosure.objects.filter(
        jurisdiction_id__in=scope.jurisdiction_ids, formed_on__gte=scope.start, formed_on__lte=scope.end
    )
    active_domains: dict[int, set[str]] = {}
    for j_id, code in formed.values_list("jurisdiction_id", "catalog_item__domain__code").distinct():
        active_domains.setdefault(j_id, set()).add(code)
    registered = Transaction.objects.filter(
        jurisdiction_id__in=scope.jurisdiction_ids,
        registered_on__gte=scope.start,
        registered_on__lte=scope.end,
    )
    for j_id, code in registered.values_list("jurisdiction_id", "domain__code").distinct():
        active_domains.setdefault(j_id, set()).add(code)
    published_pairs = set(formed.values_list("organization_id", "catalog_item_id").distinct())
    year_end_inside = any(
        scope.start <= dt.date(y, 12, 31) <= scope.end for y in range(scope.start.year, scope.end.year + 1)
    )
    jurisdictions = {j.pk: j for j in Jurisdiction.objects.filter(pk__in=by_jurisdiction)}
    for j_id in sorted(by_jurisdiction, key=lambda pk: jurisdictions[pk].code):
        j = jurisdictions[j_id]
        for item in effective_items(j, scope.end):
            if item.attribute != PROACTIVE or (scope.domain and item.domain.code != scope.domain):
                continue
            responsible = tuple(o for o in by_jurisdiction[j_id] if o.kind in item.publishers)
            if not responsible:
                continue
            if item.stage_id is not None and item.domain.code in active_domains.get(j_id, set()):
                reason = f"本期{item.domain.name}领域有交易活动，应公开“{item.stage.name}”环节信息"
            elif _yearly(item) and year_end_inside:
                reason = "按年度公开的信息，本期含年末"
            else:
                continue
            if any((o.pk, item.pk) in published_pairs for o in responsible):
                continue
            out.append(MissingItem(j, item, responsible, reason))
    return out


def complaints_received(scope: Scope):
    """Complaints (举报, Lu'an art. 42) about organizations in scope received in the period (no domain filter)."""
    from gongkai.complaints.models import Complaint

    return Complaint.objects.filter(
        organization__in=scope.organizations(), received_on__gte=scope.start, received_on__lte=scope.end
    ).select_related("organization")


def complaints_upheld(scope: Scope):
    """Complaints found 属实 or 部分属实 by a decision in the period (the complaints app's `complaint_counts`)."""
    from gongkai.complaints.choices import UPHELD_FINDINGS
    from gongkai.complaints.models import Complaint

    return Complaint.objects.filter(
        organization__in=scope.organizations(), finding__in=list(UPHELD_FINDINGS),
        decided_on__gte=scope.start, decided_on__lte=scope.end,
    ).select_related("organization")  # fmt: skip


def _lazy(fn: Callable, scope: Scope) -> Callable[[], Any]:
    return lambda: fn(scope)


def figures(scope: Scope, *, completeness: bool = True) -> list[Figure]:
    """All monitoring figures for the scope, in the dashboard's order (completeness, the costly pair, optional)."""
    out: list[Figure] = []
    for code, group in _GROUPS.items():
        if not completeness and group == "completeness":
            continue
        fn, kind, label = _FIGURE_FUNCTIONS[code]
        records = fn(scope)
        if isinstance(records, list):
            value, getter = len(records), (lambda records=records: records)
        else:
            value, getter = records.count(), _lazy(fn, scope)
        note = "不分领域" if scope.domain and code in _NO_DOMAIN else ""
        out.append(Figure(code, label, value, getter, kind, group, code not in _INTERNAL, note))
    return out


_FIGURE_FUNCTIONS: dict[str, tuple[Callable, str, str]] = {
    "due": (due_in_period, KIND_DISCLOSURE, "本期应公开"),
    "on_time": (on_time, KIND_DISCLOSURE, "按时公开"),
    "late": (late, KIND_DISCLOSURE, "逾期后公开"),
    "overdue": (overdue, KIND_DISCLOSURE, "逾期未公开"),
    "pending": (pending, KIND_DISCLOSURE, "尚未到期未公开"),
    "missing_items": (missing_items, KIND_ITEM, "应公开而本期无信息的目录事项"),
    "missing_stages": (missing_stages, KIND_TRANSACTION, "必经环节逾期未公开的交易"),
    "copies_late": (copies_late, KIND_COPY, "逾期抄送监管部门"),
    "copies_missing": (copies_missing, KIND_COPY, "逾期未抄送监管部门"),
    "applications_late": (applications_late, KIND_APPLICATION, "逾期答复的申请"),
    "applications_overdue": (applications_overdue, KIND_APPLICATION, "逾期未答复的申请"),
    "corrections": (corrections, KIND_REVISION, "更正"),
    "withdrawals": (withdrawals, KIND_DISCLOSURE, "撤回"),
    "findings_overdue": (findings_overdue, KIND_FINDING, "逾期未整改的检查问题"),
    "complaints_received": (complaints_received, KIND_COMPLAINT, "收到举报"),
    "complaints_upheld": (complaints_upheld, KIND_COMPLAINT, "举报属实"),
}
FIGURE_CODES = tuple(_FIGURE_FUNCTIONS)
_GROUPS = {
    "due": "timeliness", "on_time": "timeliness", "late": "timeliness", "overdue": "timeliness",
    "pending": "timeliness", "missing_items": "completeness", "missing_stages": "completeness",
    "copies_late": "copies", "copies_missing": "copies", "applications_late": "applications",
    "applications_overdue": "applications", "corrections": "correctness", "withdrawals": "correctness",
    "findings_overdue": "inspections", "complaints_received": "complaints", "complaints_upheld": "complaints",
}  # fmt: skip
_NO_DOMAIN = frozenset({"applications_late", "applications_overdue", "complaints_received", "complaints_upheld",
                        "findings_overdue"})  # fmt: skip
_INTERNAL = frozenset(
    {"findings_overdue"}
)  # not in the public summary until the supervisor publishes its notice


def figure(scope: Scope, code: str) -> Figure:
    """One figure with its records (the drill-down), computed alone."""
    fn, kind, label = _FIGURE_FUNCTIONS[code]
    records = fn(scope)
    value = len(records) if isinstance(records, list) else records.count()
    return Figure(code, label, value, lambda: records, kind, _GROUPS[code], code not in _INTERNAL)


def values(figs: Iterable[Figure]) -> dict[str, int]:
    return {f.code: f.value for f in figs}


def on_time_rate(v: dict[str, int]) -> float | None:
    """Published by the due date, among records due in the period that are published or overdue."""
    judged = v.get("on_time", 0) + v.get("late", 0) + v.get("overdue", 0)
    return None if not judged else v.get("on_time", 0) / judged


# --- rows per organization, trends -----------------------------------------------------------------------------


@dataclass
class OrganizationRow:
    organization: Organization
    values: dict[str, int]

    @property
    def rate(self) -> float | None:
        return on_time_rate(self.values)


# The per-organization figures and the path from each figure's records to their organization: one grouped query
# per figure, over the same querysets as the figures, so a row sums to the figure.
_PER_ORGANIZATION = {
    "due": "organization_id", "on_time": "organization_id", "late": "organization_id",
    "overdue": "organization_id", "pending": "organization_id",
    "copies_late": "disclosure__organization_id", "copies_missing": "disclosure__organization_id",
    "applications_late": "organization_id", "applications_overdue": "organization_id",
    "corrections": "disclosure__organization_id", "withdrawals": "organization_id",
    "findings_overdue": "organization_id",
    "complaints_received": "organization_id", "complaints_upheld": "organization_id",
}  # fmt: skip
_ROW_SHOWN_IF = ("due", "copies_late", "copies_missing", "applications_late", "applications_overdue",
                 "corrections", "withdrawals", "complaints_received")  # fmt: skip


def organization_rows(scope: Scope) -> list[OrganizationRow]:
    """Timeliness, copies, applications, corrections and complaints per organization in scope (those with anything
    to count), by on-time rate, worst first."""
    counts: dict[int, dict[str, int]] = {}
    for code, path in _PER_ORGANIZATION.items():
        fn = _FIGURE_FUNCTIONS[code][0]
        for org_id, n in (
            fn(scope).order_by().values_list(path).annotate(n=Count("pk")).values_list(path, "n")
        ):
            counts.setdefault(org_id, dict.fromkeys(_PER_ORGANIZATION, 0))[code] = n
    shown = [pk for pk, v in counts.items() if any(v[k] for k in _ROW_SHOWN_IF)]
    orgs = Organization.objects.filter(pk__in=shown, active=True).select_related("jurisdiction")
    rows = [OrganizationRow(o, counts[o.pk]) for o in orgs]
    rows.sort(key=lambda r: (r.rate is None, r.rate if r.rate is not None else 0, r.organization.pk))
    return rows


def quarterly_trend(scope: Scope, year: int) -> list[dict[str, Any]]:
    """Timeliness figures for each quarter of a year (only the quarters begun by today)."""
    out = []
    for p in quarters_of_year(year):
        if p.start > scope.today:
            break
        s = Scope(scope.jurisdiction, p.start, p.end, scope.today, scope.organization, scope.domain,
                  scope.jurisdiction_ids)  # fmt: skip
        v = {code: fn(s).count() for code, fn in (("on_time", on_time), ("late", late), ("overdue", overdue))}
        v["corrections"] = corrections(s).count()
        v["withdrawals"] = withdrawals(s).count()
        rate = on_time_rate(v)
        out.append({"label": p.label, "start": p.start.isoformat(), **v,
                    "rate": None if rate is None else round(rate * 100, 1)})  # fmt: skip
    return out


# --- who may see what ------------------------------------------------------------------------------------------


def supervised_jurisdictions(user) -> list[Jurisdiction]:
    """The jurisdictions a supervisor watches: those of their supervising organizations (children come along)."""
    orgs = organizations_with(user, Perm.SUPERVISION_VIEW).filter(is_supervisor=True)
    return list(Jurisdiction.objects.filter(pk__in=orgs.values("jurisdiction_id")).order_by("code"))


def can_view(user, jurisdiction: Jurisdiction) -> bool:
    """True when the jurisdiction is one the user supervises or a child of one."""
    return jurisdiction.pk in supervised_jurisdiction_ids(user)


def jurisdiction_choices(user) -> list[Jurisdiction]:
    """Supervised jurisdictions and their children, for the dashboard's filter."""
    return list(Jurisdiction.objects.filter(pk__in=supervised_jurisdiction_ids(user)).order_by("code"))


def latest_snapshots(jurisdiction: Jurisdiction, limit: int = 30):
    from gongkai.oversight.models import Snapshot

    return list(Snapshot.objects.filter(jurisdiction=jurisdiction).order_by("-day")[:limit])
