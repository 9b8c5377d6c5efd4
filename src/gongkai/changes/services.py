"""Writing the change feed from the audit log, in the audited transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkai.changes.choices import Kind
from gongkai.changes.models import PublicChange
from gongkai.changes.rules import get_mappings
from gongkai.core.models import AuditEntry


@dataclass(frozen=True)
class Subject:
    """What the feed says of an object: its public identifier, title and jurisdiction."""

    object_id: str
    ref: str
    title: str
    jurisdiction_id: int | None


def _disclosure(object_id: str, entry: AuditEntry) -> Subject | None:
    from gongkai.disclosures.models import Disclosure

    d = Disclosure.objects.select_related("organization").filter(pk=object_id).first()
    if d is None:
        return None
    return Subject(str(d.pk), str(d.pk), d.title, d.organization.jurisdiction_id)


def _transaction(object_id: str, entry: AuditEntry) -> Subject | None:
    from gongkai.disclosures.models import Disclosure
    from gongkai.transactions.selectors import PUBLIC_STATES, public_transactions

    t = public_transactions().filter(pk=object_id).first()
    if t is None:
        return None  # no published step yet: the public does not know of it
    moved = entry.data.get("disclosure")
    # Attaching or detaching a draft changes nothing the public sees.
    if (
        entry.action.startswith("transaction.disclosure_")
        and moved is not None
        and not Disclosure.objects.filter(pk=moved, state__in=PUBLIC_STATES).exists()
    ):
        return None
    return Subject(str(t.pk), t.code, t.title, t.jurisdiction_id)


def _credit_record(object_id: str, entry: AuditEntry) -> Subject | None:
    from gongkai.credit.choices import RecordState
    from gongkai.credit.models import CreditRecord

    r = CreditRecord.objects.select_related("entity", "organization").filter(pk=object_id).first()
    if r is None:
        return None
    state_then = entry.data.get("before") or entry.data.get("state") or r.state
    if state_then == RecordState.NOT_DISCLOSED:
        return None  # never in public view: its end is not news either
    return Subject(str(r.pk), r.entity.uscc, r.title, r.organization.jurisdiction_id)


def _blacklist_entry(object_id: str, entry: AuditEntry) -> Subject | None:
    from gongkai.credit.choices import PublicationScope
    from gongkai.credit.models import BlacklistEntry

    b = BlacklistEntry.objects.select_related("entity", "organization").filter(pk=object_id).first()
    if b is None or b.publication_scope != PublicationScope.PUBLIC:
        return None
    return Subject(str(b.pk), b.entity.uscc, b.entity.name, b.organization.jurisdiction_id)


def _annual_report(object_id: str, entry: AuditEntry) -> Subject | None:
    from gongkai.reports.models import Report

    r = Report.objects.select_related("organization").filter(pk=object_id).first()
    if r is None:
        return None
    jurisdiction_id = r.jurisdiction_id or (r.organization.jurisdiction_id if r.organization else None)
    owner = r.organization.name if r.organization else ""
    return Subject(str(r.pk), str(r.pk), f"{owner}{r.year}年政府信息公开工作年度报告", jurisdiction_id)


DESCRIBE = {
    Kind.DISCLOSURE: _disclosure,
    Kind.TRANSACTION: _transaction,
    Kind.CREDIT_RECORD: _credit_record,
    Kind.BLACKLIST_ENTRY: _blacklist_entry,
    Kind.ANNUAL_REPORT: _annual_report,
}


def _write(entry: AuditEntry, kind: str, change: str, subject: Subject) -> PublicChange:
    return PublicChange.objects.create(
        audit_seq=entry.seq,
        occurred_at=entry.created_at,
        kind=kind,
        change=change,
        object_id=subject.object_id,
        ref=subject.ref[:64],
        title=subject.title[:300],
        jurisdiction_id=subject.jurisdiction_id,
    )


def record_from_audit(sender: Any = None, *, entry: AuditEntry, **kwargs: Any) -> list[PublicChange]:
    """The `action_logged` receiver: the public changes an audited action makes, written beside it.

    Runs inside the audited transaction under the audit head lock (see PublicChange), so a change is in the feed
    exactly when the action committed, and in commit order.
    """
    mapping = get_mappings().get(entry.action)
    if mapping is None or not entry.object_id:
        return []
    written = []
    subject = DESCRIBE[mapping.kind](entry.object_id, entry)
    if subject is not None:
        written.append(_write(entry, mapping.kind, mapping.change, subject))
    if mapping.also_transaction and mapping.kind == Kind.DISCLOSURE:
        from gongkai.transactions.models import TransactionStep

        step = TransactionStep.objects.filter(disclosure_id=entry.object_id).first()
        if step is not None:
            tx = _transaction(str(step.transaction_id), entry)
            if tx is not None:
                written.append(_write(entry, Kind.TRANSACTION, "updated", tx))
    return written
