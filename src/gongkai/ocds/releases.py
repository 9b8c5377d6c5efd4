"""A transaction as an OCDS contracting process: one release per published revision of each disclosure attached to
it, and one cancelling release per withdrawn disclosure, built from the public view only.

What goes out is what the public page shows: each revision's published content (already de-identified before it
was approved), minus the structured fields the catalog item marks personal and any field it does not declare.
Drafts and proposals never count. A withdrawn disclosure's earlier content is not exported any more — the release
that replaces it says that the notice was withdrawn, when and why, and cancels the tender, awards or contract it
had announced. The mapping itself (stage → release kind, field → OCDS path) is data: data/ocds/mapping.yaml.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from gongkai.credit.choices import BlacklistState, PublicationScope
from gongkai.credit.models import BlacklistEntry
from gongkai.disclosures.choices import RevisionStatus, State
from gongkai.ocds.mapping import FieldRule, Kind, Mapping, PartyRule, mapping
from gongkai.transactions.facts import parse_date, parse_money
from gongkai.transactions.models import Transaction, TransactionStep

USCC_SCHEME = "CN-SAIC"  # org-id.guide's list for China's registered entities; docs/ocds.md says why
CURRENCY = "CNY"
_IN_FORCE = (
    BlacklistState.LISTED,
    BlacklistState.REMOVAL_SUBMITTED,
    BlacklistState.REMOVED,
    BlacklistState.EXPIRED,
)


def ocid_for(code: str) -> str:
    """The ocid of a transaction: the publisher's registered prefix and the unified transaction code."""
    return f"{settings.OCDS_OCID_PREFIX}-{code}"


def code_from_ocid(ocid: str) -> str | None:
    prefix = f"{settings.OCDS_OCID_PREFIX}-"
    return ocid[len(prefix) :] if ocid.startswith(prefix) else None


def _iso(moment: dt.datetime) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")


def _iso_day(day: dt.date) -> str:
    start = timezone.make_aware(dt.datetime.combine(day, dt.time()))
    return start.isoformat(timespec="seconds")


def _amount(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _url(name: str, *args: Any) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


class Blacklist:
    """Whether a credit code was on the public blacklist on a day; entries are read once per code set."""

    def __init__(self) -> None:
        self._entries: dict[str, list[BlacklistEntry]] = {}

    def prime(self, codes: set[str]) -> None:
        codes = {c for c in codes if c and c not in self._entries}
        if not codes:
            return
        for code in codes:
            self._entries[code] = []
        rows = BlacklistEntry.objects.filter(
            entity__uscc__in=codes, state__in=_IN_FORCE, publication_scope=PublicationScope.PUBLIC
        ).select_related("entity")
        for entry in rows.order_by("-decided_on", "-pk"):
            self._entries[entry.entity.uscc].append(entry)

    def status(self, code: str, day: dt.date) -> dict[str, Any]:
        if code not in self._entries:
            self.prime({code})
        for e in self._entries[code]:
            if e.valid_from <= day <= e.valid_to and (e.removed_on is None or e.removed_on > day):
                return {
                    "listed": True,
                    "asOf": day.isoformat(),
                    "listName": e.list_name,
                    "decisionNumber": e.doc_no,
                    "validFrom": e.valid_from.isoformat(),
                    "validTo": e.valid_to.isoformat(),
                }
        return {"listed": False, "asOf": day.isoformat()}


# --- the public part of a revision ------------------------------------------------------------------------------


def public_fields(item, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields the catalog item declares and does not mark personal; in tables, the non-personal columns."""
    out: dict[str, Any] = {}
    for spec in item.fields or []:
        key = spec["key"]
        if spec.get("personal") or key not in fields:
            continue
        value = fields[key]
        if spec.get("type") == "table":
            columns = {c["key"] for c in spec.get("columns", []) if not c.get("personal")}
            value = [
                {k: v for k, v in row.items() if k in columns} for row in value or [] if isinstance(row, dict)
            ]
        out[key] = value
    return out


def _first(fields: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = fields.get(key)
        if value not in (None, "", []):
            return value
    return None


def _convert(rule: FieldRule, value: Any, m: Mapping) -> Any:
    if rule.type == "money":
        amount = parse_money(value)
        return None if amount is None else {"amount": _amount(amount), "currency": CURRENCY}
    if rule.type == "date":
        day = parse_date(value)
        return None if day is None else _iso_day(day)
    if rule.type == "method":
        return m.methods.get(str(value).strip())
    if rule.type == "integer":
        try:
            return int(value)
        except (TypeError, ValueError):
            return None
    return str(value).strip() or None


def apply_fields(
    target: dict[str, Any], rules: tuple[FieldRule, ...], fields: dict[str, Any], m: Mapping
) -> None:
    """Set each rule's OCDS path from the first of its fields present (paths with dots make nested objects)."""
    for rule in rules:
        raw = _first(fields, rule.keys)
        if raw is None:
            continue
        value = _convert(rule, raw, m)
        if value is None:
            continue
        node = target
        for part in rule.path[:-1]:
            node = node.setdefault(part, {})
        node[rule.path[-1]] = value


# --- parties ---------------------------------------------------------------------------------------------------


@dataclass
class Named:
    name: str
    code: str
    value: Any = None
    rank: Any = None

    @property
    def key(self) -> str:
        return self.code or f"name:{self.name}"


def named(rule: PartyRule | None, fields: dict[str, Any]) -> list[Named]:
    """The entities a group of fields names, in order, each once."""
    if rule is None:
        return []
    out: list[Named] = []
    for name_key, code_key in rule.pairs:
        name, code = str(fields.get(name_key) or "").strip(), str(fields.get(code_key) or "").strip().upper()
        if name or code:
            out.append(Named(name, code))
    for table in rule.tables:
        rows = fields.get(table.key)
        for row in rows if isinstance(rows, list) else []:
            if not isinstance(row, dict):
                continue
            name = str(row.get(table.name) or "").strip()
            code = next((str(row[c]).strip().upper() for c in table.codes if row.get(c)), "")
            if name or code:
                out.append(Named(name, code, row.get(table.value) if table.value else None,
                                 row.get(table.rank) if table.rank else None))  # fmt: skip
    seen, unique = set(), []
    for n in out:
        if n.key not in seen:
            seen.add(n.key)
            unique.append(n)
    return unique


class Parties:
    """The parties of one release, by id, with their roles merged."""

    def __init__(self, blacklist: Blacklist, day: dt.date) -> None:
        self.blacklist, self.day = blacklist, day
        self.by_id: dict[str, dict[str, Any]] = {}

    def add(self, name: str, code: str, roles: tuple[str, ...]) -> dict[str, str]:
        """Add (or give more roles to) a party; returns its OrganizationReference."""
        if code:
            party_id = f"{USCC_SCHEME}-{code}"
        else:
            party_id = "name-" + hashlib.sha256(name.encode()).hexdigest()[:12]
        party = self.by_id.get(party_id)
        if party is None:
            party = {"id": party_id, "roles": []}
            if name:
                party["name"] = name
            if code:
                party["identifier"] = {"scheme": USCC_SCHEME, "id": code}
                if name:
                    party["identifier"]["legalName"] = name
                party["details"] = {"blacklist": self.blacklist.status(code, self.day)}
            self.by_id[party_id] = party
        elif name and "name" not in party:
            party["name"] = name
        for role in roles:
            if role not in party["roles"]:
                party["roles"].append(role)
        ref = {"id": party_id}
        if party.get("name"):
            ref["name"] = party["name"]
        return ref

    def list(self) -> list[dict[str, Any]]:
        return list(self.by_id.values())


# --- the process -----------------------------------------------------------------------------------------------


@dataclass
class _Process:
    """What earlier notices of the process established: award ids by party, the latest award and contract."""

    candidate_awards: dict[str, str] = field(default_factory=dict)  # party key → award id
    winner_awards: dict[str, str] = field(default_factory=dict)
    last_award: str | None = None
    last_contract: str | None = None
    ids_of: dict[int, list[str]] = field(default_factory=dict)  # disclosure → the award/contract ids it set
    release_of: dict[int, str] = field(default_factory=dict)  # disclosure → its latest release id


@dataclass
class _Event:
    moment: dt.datetime
    step: TransactionStep
    kind: Kind
    revision: Any  # a Revision, or None for a withdrawal
    hidden: bool  # a revision of a withdrawn disclosure: it only moves the process state on

    @property
    def order(self) -> tuple:
        number = self.revision.number if self.revision is not None else 10**9
        return (self.moment, self.step.disclosure_id, number)


def _events(t: Transaction, m: Mapping) -> list[_Event]:
    out = []
    for step in t.steps.all():
        d = step.disclosure
        if d.state not in (State.PUBLISHED, State.WITHDRAWN):
            continue
        kind = m.kind_of(t.domain.code, step.stage.code)
        if kind is None:
            continue
        revisions = sorted(
            (
                r
                for r in d.revisions.all()
                if r.status in (RevisionStatus.PUBLISHED, RevisionStatus.SUPERSEDED)
            ),
            key=lambda r: r.number,
        )
        withdrawn = d.state == State.WITHDRAWN
        for r in revisions:
            out.append(_Event(r.published_at or d.published_at, step, kind, r, hidden=withdrawn))
        if withdrawn:
            out.append(_Event(d.withdrawn_at or timezone.now(), step, kind, None, hidden=False))
    return sorted(out, key=lambda e: e.order)


def release_id(disclosure_id: int, number: int | None) -> str:
    """d<disclosure>-v<revision>, or d<disclosure>-withdrawn for the release that says it was withdrawn."""
    return f"d{disclosure_id}-withdrawn" if number is None else f"d{disclosure_id}-v{number}"


def parse_release_id(value: str) -> tuple[int, int | None] | None:
    head, _, tail = value.partition("-")
    if not head.startswith("d") or not head[1:].isdigit():
        return None
    if tail == "withdrawn":
        return int(head[1:]), None
    if tail.startswith("v") and tail[1:].isdigit():
        return int(head[1:]), int(tail[1:])
    return None


class _Builder:
    def __init__(self, t: Transaction, m: Mapping, blacklist: Blacklist) -> None:
        self.t, self.m, self.blacklist = t, m, blacklist
        self.ocid = ocid_for(t.code)
        self.process = _Process()
        direction_owner = m.owner_roles.get(t.domain.code, ("buyer",))
        self.owner_roles = direction_owner if t.agency_id else (*direction_owner, "procuringEntity")
        self.winner_roles = m.winner_roles.get(t.domain.code, ("supplier",))

    # -- the parts every release has

    def _base(self, rid: str, moment: dt.datetime, tag: str, parties: Parties) -> dict[str, Any]:
        t = self.t
        release: dict[str, Any] = {
            "ocid": self.ocid,
            "id": rid,
            "date": _iso(moment),
            "tag": [tag],
            "initiationType": "tender",
            "language": "zh",
            "transactionCode": t.code,
        }
        owner = parties.add(t.owner.name, t.owner.uscc, self.owner_roles)
        if "buyer" in self.owner_roles:
            release["buyer"] = owner
        if t.agency_id:
            parties.add(t.agency.name, t.agency.uscc, self.m.agency_roles)
        return release

    def _document(self, event: _Event) -> dict[str, Any]:
        d, step, kind = event.step.disclosure, event.step, event.kind
        doc: dict[str, Any] = {
            "id": f"d{d.pk}",
            "documentType": kind.document,
            "url": _url("portal:disclosure", d.pk),
            "format": "text/html",
            "language": "zh",
        }
        if event.revision is None:
            doc["withdrawal"] = {"date": _iso(event.moment), "rationale": d.withdrawal_reason or None}
            return doc
        content = event.revision.content
        doc.update(
            {
                "title": content.get("title") or None,
                "datePublished": _iso(d.published_at or event.moment),
                "dateModified": _iso(event.moment),
                "indexNumber": d.index_no,
                "informationSource": content.get("info_source") or d.organization.name,
                "revision": event.revision.number,
                "catalogItem": {
                    "id": d.catalog_item.key,
                    "category": d.catalog_item.category,
                    "domain": self.t.domain.code,
                    "domainName": self.t.domain.name,
                    "stage": step.stage.code,
                    "stageName": step.stage.name,
                },
            }
        )
        return doc

    def _amendment(self, event: _Event, rid: str, fields: dict[str, Any], previous: dict[str, Any] | None):
        """The amendment a correction (or a change notice) records: what changed and why."""
        amendment: dict[str, Any] = {"id": rid, "date": _iso(event.moment), "releaseID": rid}
        d = event.step.disclosure
        if event.revision is not None and event.revision.number > 1:
            amendment["amendsReleaseID"] = self.process.release_of.get(d.pk)
            amendment["rationale"] = event.revision.reason or None
            if previous is not None:
                labels = {s["key"]: s.get("label", s["key"]) for s in d.catalog_item.fields or []}
                changed = [labels.get(k, k) for k in labels if previous.get(k) != fields.get(k)]
                if changed:
                    amendment["description"] = "更正了：" + "、".join(changed)
        else:
            apply_fields(amendment, self.m.fields.get("amendment", ()), fields, self.m)
        return {k: v for k, v in amendment.items() if v is not None}

    # -- one event

    def release(self, event: _Event, previous_fields: dict[str, Any] | None) -> dict[str, Any] | None:
        d, kind = event.step.disclosure, event.kind
        number = event.revision.number if event.revision is not None else None
        rid = release_id(d.pk, number)
        tag = kind.withdrawal if number is None else kind.tag if number == 1 else kind.correction
        parties = Parties(self.blacklist, timezone.localdate(event.moment))
        release = self._base(rid, event.moment, tag, parties)
        if event.revision is None:
            self._withdrawal(release, event, parties)
        else:
            fields = public_fields(d.catalog_item, event.revision.content.get("fields") or {})
            self._section(release, event, rid, fields, previous_fields, parties)
        release["parties"] = parties.list()
        if not event.hidden:
            self.process.release_of[d.pk] = rid
        return None if event.hidden else release

    def _section(self, release, event: _Event, rid: str, fields, previous, parties: Parties) -> None:
        m, kind = self.m, event.kind
        doc = self._document(event)
        correction = event.revision.number > 1
        if kind.section == "planning":
            planning: dict[str, Any] = {}
            apply_fields(planning, m.fields.get("planning", ()), fields, m)
            planning["documents"] = [doc]
            release["planning"] = planning
        elif kind.section == "tender":
            tender: dict[str, Any] = {"id": self.t.code}
            apply_fields(tender, m.fields.get("tender", ()), fields, m)
            if kind.status:
                tender["status"] = kind.status
            if kind.code == "tender" and not correction:
                tender.setdefault("tenderPeriod", {})["startDate"] = release["date"]
            procuring = list(named(m.parties.get("agency"), fields))
            if procuring:
                tender["procuringEntity"] = parties.add(procuring[0].name, procuring[0].code, m.agency_roles)
            elif self.t.agency_id:
                tender["procuringEntity"] = parties.add(
                    self.t.agency.name, self.t.agency.uscc, m.agency_roles
                )
            elif "procuringEntity" in self.owner_roles:
                tender["procuringEntity"] = parties.add(
                    self.t.owner.name, self.t.owner.uscc, self.owner_roles
                )
            tenderers = [
                parties.add(n.name, n.code, m.candidate_roles)
                for n in named(m.parties.get("candidate"), fields)
            ]
            if tenderers:
                tender["tenderers"] = tenderers
                tender["numberOfTenderers"] = len(tenderers)
            if kind.amendment or correction:
                tender["amendments"] = [self._amendment(event, rid, fields, previous)]
            tender["documents"] = [doc]
            release["tender"] = tender
        elif kind.section == "awards":
            release["awards"] = self._awards(event, rid, fields, previous, parties, doc)
        else:
            self._contract(release, event, rid, fields, previous, parties, doc)
        for n in named(m.parties.get("owner"), fields):
            if n.code != self.t.owner.uscc:
                parties.add(n.name, n.code, self.owner_roles)

    def _awards(self, event, rid, fields, previous, parties: Parties, doc) -> list[dict[str, Any]]:
        m, kind, d, process = self.m, event.kind, event.step.disclosure, self.process
        candidates = kind.code == "candidates"
        rows = named(m.parties.get("candidate" if candidates else "winner"), fields)
        roles = m.candidate_roles if candidates else self.winner_roles
        common: dict[str, Any] = {}
        apply_fields(common, m.fields.get("awards", ()), fields, m)
        awards = []
        for i, row in enumerate(rows or [None], start=1):
            award: dict[str, Any] = {"id": f"d{d.pk}-{i}"}
            if row is not None and not candidates:
                award["id"] = (
                    process.candidate_awards.get(row.key) or process.winner_awards.get(row.key) or award["id"]
                )
            award["status"] = kind.status or "active"
            award.update(
                {k: v for k, v in common.items() if not (k == "value" and row is not None and row.value)}
            )
            if row is not None:
                award["suppliers"] = [parties.add(row.name, row.code, roles)]
                if row.value not in (None, ""):
                    amount = parse_money(row.value)
                    if amount is not None:
                        award["value"] = {"amount": _amount(amount), "currency": CURRENCY}
                if row.rank not in (None, ""):
                    with contextlib.suppress(TypeError, ValueError):
                        award["candidateRank"] = int(row.rank)
                (process.candidate_awards if candidates else process.winner_awards)[row.key] = award["id"]
            if not candidates:
                certificates = self._certificates(fields)
                if certificates:
                    award["projectManagerCertificates"] = certificates
            if event.revision.number > 1:
                award["amendments"] = [self._amendment(event, rid, fields, previous)]
            award["documents"] = [doc]
            awards.append(award)
        if not candidates and rows:
            winners = {r.key for r in rows}
            for key, award_id in process.candidate_awards.items():
                if key not in winners and award_id not in {a["id"] for a in awards}:
                    awards.append({"id": award_id, "status": "unsuccessful"})
        process.ids_of[d.pk] = [a["id"] for a in awards if a.get("documents")]
        process.last_award = awards[0]["id"] if not candidates else process.last_award
        return awards

    def _certificates(self, fields: dict[str, Any]) -> list[dict[str, str]]:
        spec = self.m.certificates
        rows = fields.get(spec.get("key", ""))
        out = []
        for row in rows if isinstance(rows, list) else []:
            if isinstance(row, dict):
                cert = {k: str(row[c]) for k, c in (("name", spec.get("name")), ("number", spec.get("number")))
                        if c and row.get(c) not in (None, "")}  # fmt: skip
                if cert:
                    out.append(cert)
        return out

    def _contract(self, release, event, rid, fields, previous, parties: Parties, doc) -> None:
        m, kind, d, process = self.m, event.kind, event.step.disclosure, self.process
        contract_id = f"d{d.pk}" if kind.code == "contract" else process.last_contract or f"d{d.pk}"
        contract: dict[str, Any] = {"id": contract_id, "awardID": process.last_award or contract_id}
        if kind.code == "contract":
            apply_fields(contract, m.fields.get("contracts", ()), fields, m)
            if kind.status:
                contract["status"] = kind.status
            process.last_contract = contract_id
        elif kind.code == "contract_change":
            apply_fields(contract, m.fields.get("contract_change", ()), fields, m)
        for n in named(m.parties.get("winner"), fields):
            parties.add(n.name, n.code, self.winner_roles)
        if kind.section == "implementation":
            contract["implementation"] = {"documents": [doc]}
        else:
            if kind.amendment or event.revision.number > 1:
                contract["amendments"] = [self._amendment(event, rid, fields, previous)]
            contract["documents"] = [doc]
        process.ids_of[d.pk] = [contract_id]
        release["contracts"] = [contract]

    def _withdrawal(self, release, event: _Event, parties: Parties) -> None:
        kind, d, process = event.kind, event.step.disclosure, self.process
        doc = self._document(event)
        ids = process.ids_of.get(d.pk) or []
        if kind.section == "planning":
            release["planning"] = {"documents": [doc]}
        elif kind.section == "tender":
            tender = {"id": self.t.code, "documents": [doc]}
            if kind.cancels:
                tender["status"] = "cancelled"
            release["tender"] = tender
        elif kind.section == "awards":
            awards = []
            for award_id in ids or [f"d{d.pk}-1"]:
                award = {"id": award_id, "documents": [doc]}
                if kind.cancels:
                    award["status"] = "cancelled"
                awards.append(award)
            release["awards"] = awards
        else:
            contract_id = ids[0] if ids else (process.last_contract or f"d{d.pk}")
            contract: dict[str, Any] = {"id": contract_id, "awardID": process.last_award or contract_id}
            if kind.section == "implementation":
                contract["implementation"] = {"documents": [doc]}
            else:
                contract["documents"] = [doc]
                if kind.cancels:
                    contract["status"] = "cancelled"
                    if process.last_contract == contract_id:
                        process.last_contract = None
            release["contracts"] = [contract]
        if kind.section == "awards" and kind.cancels and process.last_award in ids:
            process.last_award = None

    def build(self) -> list[dict[str, Any]]:
        out = []
        previous: dict[int, dict[str, Any]] = {}
        for event in _events(self.t, self.m):
            d = event.step.disclosure
            release = self.release(event, previous.get(d.pk))
            if event.revision is not None:
                previous[d.pk] = public_fields(d.catalog_item, event.revision.content.get("fields") or {})
            if release is not None:
                out.append(release)
        return out


def releases_for_transaction(t: Transaction, *, blacklist: Blacklist | None = None) -> list[dict[str, Any]]:
    """The releases of a transaction's contracting process, oldest first. `t` should come from
    `transactions.selectors.with_details` (one query per kind of row, however many steps)."""
    return _Builder(t, mapping(), blacklist or Blacklist()).build()


def party_codes(transactions: list[Transaction]) -> set[str]:
    """Every credit code the transactions' public revisions could name (for priming the blacklist in one query)."""
    codes: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            if len(value) == 18:
                codes.add(value.strip().upper())
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for t in transactions:
        codes.add(t.owner.uscc)
        if t.agency_id:
            codes.add(t.agency.uscc)
        for step in t.steps.all():
            for r in step.disclosure.revisions.all():
                walk(r.content.get("fields") or {})
    return codes
