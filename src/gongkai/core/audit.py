"""Writing and verifying the audit log (core.models.AuditEntry).

Every entry's hash is SHA-256 over the canonical JSON of its content and the previous entry's hash, so the
log is a chain: altering a row changes its hash, removing one leaves a gap in ``seq`` or a ``prev_hash``
that no longer matches, and removing rows from the end leaves the head (``AuditHead``) pointing past the
last entry. Database triggers (migration 0001) refuse UPDATE and DELETE on the entries; the chain is what
still tells when someone with enough rights went around them.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise

from gongkai.core.errors import DomainError
from gongkai.core.models import GENESIS_HASH, AuditEntry, AuditHead
from gongkai.core.signals import action_logged

HEAD_ID = 1
# The columns the hash covers, in the order they are read back for verification.
HASHED_FIELDS = (
    "seq",
    "created_at",
    "actor_id",
    "actor_name",
    "action",
    "object_type",
    "object_id",
    "organization_id",
    "data",
    "prev_hash",
    "hash",
)


class AuditLogError(DomainError):
    code = "audit_log_broken"
    status = 500


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_broken_seq: int | None = None
    reason: str = ""


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID | Promise):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    if isinstance(value, models.Model):
        return value.pk
    raise TypeError(f"审计数据无法序列化为 JSON：{type(value).__name__}")


def _integral_floats_as_int(value: Any) -> Any:
    # PostgreSQL's jsonb keeps numbers as numeric and may give 1e+20 back as 100000000000000000000 (an int);
    # hashing integral floats as ints makes the hash the same before and after the round trip.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _integral_floats_as_int(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_integral_floats_as_int(v) for v in value]
    return value


def compute_hash(
    *,
    seq: int,
    created_at: dt.datetime,
    actor_id: int | None,
    actor_name: str,
    action: str,
    object_type: str,
    object_id: str,
    organization_id: int | None,
    data: dict,
    prev_hash: str,
) -> str:
    """SHA-256 (hex) over the canonical JSON of an entry's content and the previous entry's hash."""
    payload = {
        "seq": seq,
        # Always UTC with microseconds: the database gives the value back in UTC whatever zone it was written in.
        "created_at": created_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "actor_id": actor_id,
        "actor_name": actor_name,
        "action": action,
        "object_type": object_type,
        "object_id": object_id,
        "organization_id": organization_id,
        "data": _integral_floats_as_int(data),
        "prev_hash": prev_hash,
    }
    canonical = json.dumps(
        payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _describe(obj: models.Model | None) -> tuple[str, str]:
    if obj is None:
        return "", ""
    if obj.pk is None:
        raise ValueError("审计记录的对象尚未保存（没有主键）")
    return obj._meta.label_lower, str(obj.pk)


def _locked_head() -> AuditHead:
    head = AuditHead.objects.select_for_update().filter(pk=HEAD_ID).first()
    if head is not None:
        return head
    if AuditEntry.objects.exists():
        # Creating a fresh head would restart at seq 1 and hide whatever happened; stop and let a person look.
        raise AuditLogError("审计日志头记录缺失，日志可能被改动；请运行 gongkai audit verify 检查")
    head, _created = AuditHead.objects.select_for_update().get_or_create(
        pk=HEAD_ID, defaults={"seq": 0, "hash": GENESIS_HASH}
    )
    return head


def log_action(
    *,
    actor=None,
    actor_name: str | None = None,
    action: str,
    obj: models.Model | None = None,
    organization_id: int | None = None,
    data: dict | None = None,
) -> AuditEntry:
    """Append one entry to the audit log, chained to the previous one, in the caller's transaction.

    ``actor_name`` defaults to the actor's username (blank for the system). ``organization_id`` defaults
    to ``obj.organization_id`` when the object has one. ``data`` must be a dict that JSON can hold; dates,
    times, decimals, UUIDs, sets, lazy strings and model instances (as their pk) are converted first.
    Appends are serialised by locking the head row, so ``seq`` is contiguous and gap-free even when a
    transaction that logged something rolls back (the head update rolls back with it).
    """
    if not action:
        raise ValueError("审计记录必须说明操作（action）")
    if data is not None and not isinstance(data, dict):
        raise TypeError("审计数据必须是字典")
    # Store exactly what is hashed: the JSON form, as the database will give it back.
    data = json.loads(json.dumps(data or {}, default=_json_default, ensure_ascii=False, allow_nan=False))
    object_type, object_id = _describe(obj)
    if organization_id is None and obj is not None:
        org_id = getattr(obj, "organization_id", None)
        organization_id = org_id if isinstance(org_id, int) else None
    if actor_name is None:
        actor_name = actor.get_username() if actor is not None else ""
    actor_id = actor.pk if actor is not None else None

    with transaction.atomic():
        head = _locked_head()
        fields = {
            "seq": head.seq + 1,
            "created_at": timezone.now(),
            "actor_id": actor_id,
            "actor_name": actor_name,
            "action": action,
            "object_type": object_type,
            "object_id": object_id,
            "organization_id": organization_id,
            "data": data,
            "prev_hash": head.hash,
        }
        entry = AuditEntry.objects.create(**fields, hash=compute_hash(**fields))
        head.seq, head.hash = entry.seq, entry.hash
        head.save(update_fields=["seq", "hash"])
        # Still inside the head lock: listeners (the change feed) write in commit order.
        action_logged.send(sender=AuditEntry, entry=entry)
    return entry


def _broken(checked: int, seq: int, reason: str) -> ChainReport:
    return ChainReport(ok=False, checked=checked, first_broken_seq=seq, reason=reason)


def _check_rows(rows: Iterable[tuple], head_seq: int) -> tuple[ChainReport | None, int, str | None]:
    """Walk the entries in seq order.

    Returns the first break (or None), how many entries were sound, and the hash of entry ``head_seq``.
    """
    expected_seq, prev_hash, checked, at_head = 1, GENESIS_HASH, 0, None
    for row in rows:
        entry = dict(zip(HASHED_FIELDS, row, strict=True))
        seq, stored_hash = entry["seq"], entry.pop("hash")
        if seq != expected_seq:
            return (
                _broken(checked, expected_seq, f"第 {expected_seq} 条记录缺失（序号不连续）"),
                checked,
                at_head,
            )
        if compute_hash(**entry) != stored_hash:
            return _broken(checked, seq, f"第 {seq} 条记录内容被改动"), checked, at_head
        if entry["prev_hash"] != prev_hash:
            reason = (
                f"第 {seq} 条的前一哈希与第 {seq - 1} 条不符" if seq > 1 else "第 1 条的前一哈希不是起始值"
            )
            return _broken(checked, seq, reason), checked, at_head
        if seq == head_seq:
            at_head = stored_hash
        expected_seq, prev_hash, checked = seq + 1, stored_hash, checked + 1
    return None, checked, at_head


def verify_chain() -> ChainReport:
    """Check the whole audit log: every entry's hash, the seq sequence, the links, and the head.

    Returns the first break found (by seq), with a Chinese reason. Reads in chunks, so memory stays flat.
    """
    # The head is read before the entries: entries appended meanwhile lie beyond it and are checked as
    # links, while everything up to the head must be there and end in the head's hash.
    head = AuditHead.objects.filter(pk=HEAD_ID).first()
    head_seq = head.seq if head else 0
    rows = AuditEntry.objects.order_by("seq").values_list(*HASHED_FIELDS).iterator(chunk_size=2000)
    broken, checked, at_head = _check_rows(rows, head_seq)
    if broken is not None:
        return broken
    if head is None:
        if checked:
            return _broken(checked, checked, f"审计日志头记录缺失（日志共 {checked} 条）")
        return ChainReport(ok=True, checked=0)
    if head_seq > checked:
        reason = f"第 {checked + 1} 条记录缺失（日志末尾被截断，头记录为第 {head_seq} 条）"
        return _broken(checked, checked + 1, reason)
    if head_seq and at_head != head.hash:
        return _broken(checked, head_seq, f"第 {head_seq} 条的哈希与头记录不符")
    return ChainReport(ok=True, checked=checked)


def history_for(obj: models.Model) -> QuerySet[AuditEntry]:
    """The audit entries about one object, oldest first."""
    object_type, object_id = _describe(obj)
    return AuditEntry.objects.filter(object_type=object_type, object_id=object_id).order_by("seq")
