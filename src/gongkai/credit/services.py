"""Every write to credit information goes through here: entities and their names, credit records with their
publicity periods, the blacklist (listing and removal, each reviewed by a second person), credit repair, the
expiry scan and the entities named in published disclosures. Each service checks permission and state, runs in
one transaction and writes to the hash-chained audit log.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.core.audit import log_action
from gongkai.core.codes import uscc_problem
from gongkai.core.errors import DomainError, InvalidFields, require
from gongkai.credit import permissions as perms
from gongkai.credit import workflow
from gongkai.credit.choices import (
    BlacklistReason,
    BlacklistState,
    EntityKind,
    PartyRole,
    PublicationScope,
    RecordKind,
    RecordState,
    RemovalKind,
    RepairState,
)
from gongkai.credit.models import (
    BlacklistEntry,
    CreditRecord,
    Entity,
    NameHistory,
    PartyMention,
    RepairRecord,
)
from gongkai.credit.parties import extract_parties
from gongkai.credit.rules import NoPublicityRule, Period, get_rules
from gongkai.orgs.models import Organization


class InvalidCreditData(InvalidFields):
    code = "invalid_credit_data"


def _log(actor, action: str, obj, **data: Any) -> None:
    log_action(
        actor=actor, action=action, obj=obj, organization_id=getattr(obj, "organization_id", None), data=data
    )


def normalize_uscc(code: str) -> str:
    return (code or "").strip().upper()


def guess_kind(uscc: str) -> str:
    """The entity's kind as far as its code tells (GB 32100 positions 1–2): 92 is an individual business; the
    other codes of market regulation (91 enterprises, 93 cooperatives) and of other registries are mostly legal
    persons — a partnership or sole proprietorship (also 91) is corrected when its registration is recorded."""
    if uscc[:2] == "92":
        return EntityKind.INDIVIDUAL_BUSINESS
    return EntityKind.LEGAL_PERSON


def _date(value: Any, field: str, label: str, problems: list, *, required: bool = True) -> dt.date | None:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value
    if value in (None, ""):
        if required:
            problems.append((field, f"请填写{label}"))
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append((field, f"{label}应为 YYYY-MM-DD 日期"))
        return None


def _text(
    data: dict, key: str, label: str, problems: list, *, required: bool = True, max_length: int = 0
) -> str:
    value = data.get(key)
    value = value.strip() if isinstance(value, str) else ("" if value is None else str(value))
    if required and not value:
        problems.append((key, f"请填写{label}"))
    if max_length and len(value) > max_length:
        problems.append((key, f"{label}不能超过{max_length}个字"))
    return value


def _uscc(data: dict, key: str, label: str, problems: list, *, required: bool) -> str:
    code = normalize_uscc(data.get(key) or "")
    if not code:
        if required:
            problems.append((key, f"请填写{label}"))
        return ""
    problem = uscc_problem(code)
    if problem:
        problems.append((key, f"{label}：{problem}"))
    return code


# --- entities ---------------------------------------------------------------------------------------------------


ENTITY_FIELDS = ("legal_representative", "registered_address", "registration_authority", "established_on")


@transaction.atomic
def register_entity(
    *,
    actor,
    uscc: str,
    name: str,
    kind: str = "",
    legal_representative: str = "",
    registered_address: str = "",
    registration_authority: str = "",
    established_on: dt.date | None = None,
    renamed_on: dt.date | None = None,
) -> Entity:
    """Create an entity, or update the one with this code; a new name keeps the old one in its name history.

    `renamed_on` is the date of the change of name (default: today).
    """
    require(perms.can_register_entity(actor))
    code = normalize_uscc(uscc)
    problems: list[tuple[str, str]] = []
    if problem := uscc_problem(code):
        problems.append(("uscc", problem))
    name = (name or "").strip()
    if not name:
        problems.append(("name", "请填写市场主体名称"))
    if kind and kind not in EntityKind.values:
        problems.append(("kind", f"主体类别“{kind}”无效"))
    if problems:
        raise InvalidCreditData(problems)
    values = {
        "legal_representative": legal_representative.strip(),
        "registered_address": registered_address.strip(),
        "registration_authority": registration_authority.strip(),
        "established_on": established_on,
    }
    entity = Entity.objects.select_for_update().filter(uscc=code).first()
    if entity is None:
        entity = Entity(uscc=code, name=name, kind=kind or guess_kind(code), **values)
        _full_clean(entity)
        entity.save()
        _log(actor, "credit.entity_registered", entity, uscc=code, name=name)
        return entity
    changes: dict[str, Any] = {}
    if name != entity.name:
        NameHistory.objects.create(
            entity=entity, name=entity.name, used_until=renamed_on or timezone.localdate()
        )
        changes["name"] = [entity.name, name]
        entity.name = name
    if kind and kind != entity.kind:
        changes["kind"] = [entity.kind, kind]
        entity.kind = kind
    for key, value in values.items():
        if value not in ("", None) and value != getattr(entity, key):
            changes[key] = [getattr(entity, key), value]
            setattr(entity, key, value)
    if changes:
        _full_clean(entity)
        entity.save()
        _log(actor, "credit.entity_updated", entity, changes=changes)
    return entity


def _full_clean(obj) -> None:
    try:
        obj.full_clean(validate_unique=False)
    except ValidationError as exc:
        raise InvalidCreditData([(k, "，".join(v)) for k, v in exc.message_dict.items()]) from exc


def _entity_from_mention(uscc: str, name: str, disclosure_id: int) -> Entity | None:
    if not name:
        return Entity.objects.filter(uscc=uscc).first()
    entity, created = Entity.objects.get_or_create(
        uscc=uscc, defaults={"name": name, "kind": guess_kind(uscc)}
    )
    if created:
        _log(None, "credit.entity_registered", entity, uscc=uscc, name=name, from_disclosure=disclosure_id)
    return entity


@transaction.atomic
def sync_party_mentions(*, disclosure_id: int) -> list[PartyMention]:
    """Link the entities a published disclosure names by credit code (candidates, winners, contractors …).

    Idempotent: the disclosure's mentions are replaced by what its current published revision says; a withdrawn
    or missing disclosure keeps none. An unknown code with a name beside it becomes a new entity.
    """
    from gongkai.disclosures.choices import State
    from gongkai.disclosures.models import Disclosure

    PartyMention.objects.filter(disclosure_id=disclosure_id).delete()
    d = Disclosure.objects.select_related("catalog_item").filter(pk=disclosure_id).first()
    if d is None or d.state != State.PUBLISHED:
        return []
    revision = d.current_revision
    fields = (revision.content.get("fields") if revision else d.fields) or {}
    mentions = []
    for party in extract_parties(d.catalog_item.fields, fields):
        entity = _entity_from_mention(party.uscc, party.name, d.pk)
        if entity is None:
            continue
        mentions.append(
            PartyMention(
                entity=entity,
                disclosure=d,
                role=party.role[:100],
                field_key=party.field_key[:120],
                name_as_written=party.name,
            )  # fmt: skip
        )
    return PartyMention.objects.bulk_create(mentions)


# --- credit records ---------------------------------------------------------------------------------------------


def _period(kind: str, explicit_until: dt.date | None, **kwargs) -> Period | None:
    """The period from the rules table; None when no rule was in force and the deciding document sets the end."""
    try:
        return get_rules().period(kind, **kwargs)
    except NoPublicityRule as exc:
        if exc.code == "no_rule_in_force" and explicit_until:
            return None
        field = "severity" if exc.code in ("invalid_severity", "rule_not_applicable") else "publicity_until"
        raise InvalidCreditData([(field, exc.message)]) from exc


@transaction.atomic
def record_credit(
    *,
    actor,
    organization: Organization,
    entity: Entity,
    data: dict[str, Any],
    source_disclosure=None,
    today: dt.date | None = None,
) -> CreditRecord:
    """Record one item of credit information with its publicity period from the rules table.

    `data`: kind, title, content, decided_by_name, decided_by_uscc, decided_on, doc_no, basis; for penalties
    severity (and optionally scheme, e.g. samr-2021-45 for market regulation) — the period then follows the
    scheme's class; publicity_from (default: the decision date); publicity_until only when no rule applies or to
    shorten within the rule's bounds; disclose=True to publish a class that is by default not disclosed (轻微).
    """
    require(perms.can_record(actor, organization))
    problems: list[tuple[str, str]] = []
    kind = data.get("kind")
    if kind not in RecordKind.values:
        raise InvalidCreditData([("kind", "请选择信用信息类别（登记、许可、处罚、信誉、其他）")])
    title = _text(data, "title", "名称", problems, max_length=300)
    content = _text(data, "content", "内容", problems)
    decided_by_name = _text(data, "decided_by_name", "作出决定的机关", problems, max_length=200)
    decided_by_uscc = _uscc(
        data, "decided_by_uscc", "作出决定的机关统一社会信用代码", problems, required=False
    )
    decided_on = _date(data.get("decided_on"), "decided_on", "决定日期", problems)
    publicity_from = _date(
        data.get("publicity_from"), "publicity_from", "公示起始日期", problems, required=False
    )
    explicit_until = _date(
        data.get("publicity_until"), "publicity_until", "公示截止日期", problems, required=False
    )
    doc_no = _text(data, "doc_no", "决定文书文号", problems, required=False, max_length=100)
    basis = _text(data, "basis", "依据", problems, required=False)
    severity = (data.get("severity") or "").strip()
    scheme = (data.get("scheme") or "").strip()
    if kind != RecordKind.PENALTY and (severity or scheme):
        problems.append(("severity", "只有行政处罚信息按失信程度确定公示期限"))
    if problems:
        raise InvalidCreditData(problems)
    publicity_from = publicity_from or decided_on
    period = _period(kind, explicit_until, decided_on=decided_on, published_on=publicity_from, scheme=scheme,
                     severity=severity)  # fmt: skip
    until, rule_text, disclose = (
        (period.until, period.rule_text, period.disclose) if period else (None, "", True)
    )
    if explicit_until:
        if explicit_until < publicity_from:
            raise InvalidCreditData([("publicity_until", "公示截止日期不能早于公示起始日期")])
        if until is not None and explicit_until > until:
            raise InvalidCreditData(
                [("publicity_until", f"公示截止日期不能晚于规则规定的{until:%Y-%m-%d}（{rule_text}）")]
            )
        if (
            period is not None
            and period.repair_from
            and explicit_until < period.repair_from - dt.timedelta(days=1)
        ):
            raise InvalidCreditData([("publicity_until", f"公示截止日期早于最短公示期（{rule_text}）")])
        if until is None:
            rule_text = "按决定文书确定的公示期限" + (
                f"（{period.rule_text}）" if period and period.scheme else ""
            )
        until = explicit_until
    if data.get("disclose") is True:
        disclose = True
    record = CreditRecord(
        entity=entity,
        organization=organization,
        kind=kind,
        title=title,
        content=content,
        decided_by_name=decided_by_name,
        decided_by_uscc=decided_by_uscc,
        decided_on=decided_on,
        doc_no=doc_no,
        basis=basis,
        scheme=period.scheme if period else "",
        severity=period.severity if period else "",
        severity_label=_severity_label(period),
        publicity_from=publicity_from,
        publicity_until=until,
        repair_from=period.repair_from if period else None,
        rule_text=rule_text[:400],
        state=RecordState.PUBLIC if disclose else RecordState.NOT_DISCLOSED,
        source_disclosure=source_disclosure,
        created_by=actor,
    )
    record.save()
    _log(actor, "credit.record_created", record, entity=entity.uscc, kind=kind, decided_on=decided_on,
         publicity_until=until, rule=rule_text, state=record.state)  # fmt: skip
    # A record that is already past its period when entered (a late entry) is expired from the start.
    if record.state == RecordState.PUBLIC and until is not None and until < (today or timezone.localdate()):
        _expire_record(record)
    return record


def _severity_label(period: Period | None) -> str:
    if period is None or not period.severity:
        return ""
    return get_rules().schemes[period.scheme].classes[period.severity].label


@transaction.atomic
def withdraw_credit_record(*, actor, record: CreditRecord, reason: str) -> CreditRecord:
    """撤回: the decision was changed, revoked or held illegal or void (行政处罚法 第四十八条); the record leaves
    public view at once and the reason stays with it."""
    record = CreditRecord.objects.select_for_update().get(pk=record.pk)
    require(perms.can_record(actor, record.organization))
    if record.state == RecordState.WITHDRAWN:
        raise DomainError("该信用记录已撤回", code="already_withdrawn")
    if not reason.strip():
        raise DomainError("撤回须说明理由", code="reason_required")
    before = record.state
    record.state, record.end_reason, record.ended_on = (
        RecordState.WITHDRAWN,
        reason.strip(),
        timezone.localdate(),
    )
    record.save()
    _log(actor, "credit.record_withdrawn", record, before=before, reason=reason.strip())
    return record


# --- the blacklist ----------------------------------------------------------------------------------------------

BLACKLIST_TEXT = {
    "list_name": ("名单类型", False, 100),
    "legal_representative": ("法定代表人", False, 60),
    "reason": ("列入事由（失信行为）", True, 0),
    "legal_basis": ("认定依据", True, 0),
    "decided_by_name": ("认定单位", True, 200),
    "doc_no": ("认定文书文号", True, 100),
    "restricted_activities": ("惩戒措施（限制行为）", True, 0),
}


def _blacklist_values(entity: Entity, data: dict[str, Any]) -> dict[str, Any]:
    problems: list[tuple[str, str]] = []
    values: dict[str, Any] = {}
    for key, (label, required, max_length) in BLACKLIST_TEXT.items():
        values[key] = _text(data, key, label, problems, required=required, max_length=max_length)
    values["list_name"] = values["list_name"] or "公共资源交易领域严重失信主体名单"
    values["legal_representative"] = values["legal_representative"] or entity.legal_representative
    values["decided_by_uscc"] = _uscc(
        data, "decided_by_uscc", "认定单位统一社会信用代码", problems, required=True
    )
    for key, choices, label in (
        ("role", PartyRole, "主体角色"),
        ("reason_category", BlacklistReason, "列入事由类别"),
        ("publication_scope", PublicationScope, "公开范围"),
    ):
        value = data.get(key) or (PublicationScope.PUBLIC if key == "publication_scope" else "")
        if value not in choices.values:
            problems.append((key, f"请选择{label}"))
        values[key] = value
    decided_on = _date(data.get("decided_on"), "decided_on", "认定日期", problems)
    valid_from = (
        _date(data.get("valid_from"), "valid_from", "有效期起", problems, required=False) or decided_on
    )
    valid_to = _date(data.get("valid_to"), "valid_to", "有效期至", problems, required=False)
    if problems:
        raise InvalidCreditData(problems)
    if valid_from < decided_on:
        problems.append(("valid_from", "有效期起不能早于认定日期"))
    if problems:
        raise InvalidCreditData(problems)
    period = _period("blacklist", valid_to, decided_on=decided_on, published_on=valid_from,
                     scheme=(data.get("scheme") or "").strip(), severity=(data.get("severity") or "serious").strip())  # fmt: skip
    if period is not None:
        if valid_to is None:
            valid_to = period.until
        elif period.until is not None and valid_to > period.until:
            problems.append(("valid_to", f"有效期至不能晚于{period.until:%Y-%m-%d}（{period.rule_text}）"))
        elif period.repair_from and valid_to < period.repair_from - dt.timedelta(days=1):
            problems.append(("valid_to", f"有效期短于最短期限（{period.rule_text}）"))
    if valid_to is not None and valid_to < valid_from:
        problems.append(("valid_to", "有效期至不能早于有效期起"))
    if valid_to is None and not problems:
        problems.append(("valid_to", "请填写有效期至"))
    if problems:
        raise InvalidCreditData(problems)
    values.update(
        entity_name=entity.name,
        entity_kind=entity.kind,
        decided_on=decided_on,
        valid_from=valid_from,
        valid_to=valid_to,
        scheme=period.scheme if period else "",
        severity=period.severity if period else "",
        repair_from=period.repair_from if period else None,
        rule_text=(period.rule_text if period else "按认定文书确定的有效期")[:400],
    )
    return values


@transaction.atomic
def propose_listing(
    *, actor, organization: Organization, entity: Entity, data: dict[str, Any]
) -> BlacklistEntry:
    """Propose listing an entity (提出列入): the entry waits for a reviewer who is not the proposer.

    `data` holds the §8.2 fields: role, reason_category, reason, legal_basis, decided_by_name, decided_by_uscc,
    doc_no, decided_on, valid_from (default: the decision date), valid_to (default: the maximum period of the
    class in the rules table; never beyond it), restricted_activities, publication_scope, severity (default
    serious), list_name, legal_representative.
    """
    require(perms.can_propose_listing(actor, organization))
    values = _blacklist_values(entity, data)
    duplicate = BlacklistEntry.objects.filter(
        entity=entity,
        doc_no=values["doc_no"],
        state__in=[BlacklistState.SUBMITTED, BlacklistState.LISTED, BlacklistState.REMOVAL_SUBMITTED],
    )
    if duplicate.exists():
        raise DomainError(f"{entity.name}已依{values['doc_no']}列入或待审核", code="duplicate_entry")
    entry = BlacklistEntry.objects.create(
        entity=entity, organization=organization, state=BlacklistState.SUBMITTED, created_by=actor, **values
    )
    _log(actor, "credit.blacklist_proposed", entry, entity=entity.uscc, doc_no=entry.doc_no,
         valid_from=entry.valid_from, valid_to=entry.valid_to)  # fmt: skip
    return entry


@transaction.atomic
def update_draft(
    *, actor, entry: BlacklistEntry, data: dict[str, Any], submit: bool = True
) -> BlacklistEntry:
    """Change an entry that was sent back, and (by default) submit it again for review."""
    entry = (
        BlacklistEntry.objects.select_for_update().select_related("entity", "organization").get(pk=entry.pk)
    )
    require(perms.can_edit_draft(actor, entry))
    values = _blacklist_values(entry.entity, data)
    for key, value in values.items():
        setattr(entry, key, value)
    if submit:
        entry.state = workflow.next_state(entry.state, "submit")
    entry.save()
    _log(actor, "credit.blacklist_resubmitted" if submit else "credit.blacklist_updated", entry,
         doc_no=entry.doc_no)  # fmt: skip
    return entry


@transaction.atomic
def review_listing(*, actor, entry: BlacklistEntry, approve: bool, comment: str = "") -> BlacklistEntry:
    """A second person approves the listing (it is then on the list from its validity start) or sends it back."""
    entry = (
        BlacklistEntry.objects.select_for_update()
        .select_related("organization__jurisdiction")
        .get(pk=entry.pk)
    )
    require(perms.can_review_listing(actor, entry))
    if not approve and not comment.strip():
        raise DomainError("退回须填写意见", code="comment_required")
    entry.state = workflow.next_state(entry.state, "approve_listing" if approve else "reject_listing")
    entry.reviewed_by, entry.review_comment = actor, comment.strip()
    if approve:
        entry.listed_at = timezone.now()
    entry.save()
    _log(actor, "credit.blacklist_listed" if approve else "credit.blacklist_sent_back", entry,
         comment=comment.strip(), valid_from=entry.valid_from, valid_to=entry.valid_to)  # fmt: skip
    return entry


@transaction.atomic
def propose_removal(*, actor, entry: BlacklistEntry, kind: str, reason: str) -> BlacklistEntry:
    """Propose removing a listed entry (移出) or revoking its decision (撤销); a second person decides."""
    entry = BlacklistEntry.objects.select_for_update().select_related("organization").get(pk=entry.pk)
    require(perms.can_propose_removal(actor, entry))
    if kind not in RemovalKind.values:
        raise DomainError("请选择移出方式（移出名单或撤销认定）", code="invalid_removal_kind")
    if not reason.strip():
        raise DomainError("移出或撤销须说明理由", code="reason_required")
    entry.state = workflow.next_state(entry.state, "propose_removal")
    entry.removal_kind, entry.removal_reason = kind, reason.strip()
    entry.removal_proposed_by, entry.removal_reviewed_by, entry.removal_comment = actor, None, ""
    entry.save()
    _log(actor, "credit.blacklist_removal_proposed", entry, kind=kind, reason=reason.strip())
    return entry


@transaction.atomic
def review_removal(
    *, actor, entry: BlacklistEntry, approve: bool, comment: str = "", today: dt.date | None = None
) -> BlacklistEntry:
    """A second person approves the removal (the entry leaves the list today; a revoked one never counted) or
    refuses it (the entry stays listed)."""
    entry = (
        BlacklistEntry.objects.select_for_update()
        .select_related("organization__jurisdiction")
        .get(pk=entry.pk)
    )
    require(perms.can_review_removal(actor, entry))
    if not approve and not comment.strip():
        raise DomainError("不同意移出须填写意见", code="comment_required")
    today = today or timezone.localdate()
    kind = entry.removal_kind
    if approve:
        workflow.next_state(entry.state, "approve_removal")
        entry.state = BlacklistState.REVOKED if kind == RemovalKind.REVOKED else BlacklistState.REMOVED
        entry.removed_on = today
        entry.removal_reviewed_by, entry.removal_comment = actor, comment.strip()
    else:
        entry.state = workflow.next_state(entry.state, "reject_removal")
        entry.removal_kind, entry.removal_reason, entry.removal_proposed_by = "", "", None
    entry.save()
    _log(actor, "credit.blacklist_removed" if approve else "credit.blacklist_removal_refused", entry,
         kind=kind, comment=comment.strip(), removed_on=entry.removed_on)  # fmt: skip
    return entry


# --- credit repair ----------------------------------------------------------------------------------------------


def _lock_target(target: CreditRecord | BlacklistEntry) -> CreditRecord | BlacklistEntry:
    model = type(target)
    return (
        model.objects.select_for_update()
        .select_related("entity", "organization__jurisdiction")
        .get(pk=target.pk)
    )


@transaction.atomic
def record_repair_application(
    *,
    actor,
    target: CreditRecord | BlacklistEntry,
    applied_on: dt.date,
    evidence: str,
    applicant: str = "",
    commitment: bool = False,
) -> RepairRecord:
    """Register an application for credit repair (信用修复申请) about a penalty record or a blacklist entry.

    Repair is for dishonesty information still in public view, once its minimum period has passed (the rules
    table: e.g. 一般 3 months, 严重 1 year under 《信用修复管理办法》), and one application at a time.
    """
    target = _lock_target(target)
    require(perms.can_record_repair(actor, target.organization))
    if isinstance(target, CreditRecord):
        if target.kind != RecordKind.PENALTY:
            raise DomainError("只有行政处罚信息和严重失信主体名单可以申请信用修复", code="not_repairable")
        if target.state != RecordState.PUBLIC or (
            target.publicity_until and target.publicity_until < applied_on
        ):
            raise DomainError("该信用记录已不在公示期内，无需修复", code="not_in_publicity")
    elif target.state != BlacklistState.LISTED:
        raise DomainError(f"该名单状态为“{target.get_state_display()}”，不能申请信用修复", code="not_listed")
    if target.repair_from and applied_on < target.repair_from:
        raise DomainError(
            f"最短公示期未满，{target.repair_from:%Y-%m-%d}起方可申请信用修复（{target.rule_text}）",
            code="minimum_period_not_met",
        )
    if not evidence.strip():
        raise DomainError("请说明纠正失信行为、履行法定义务的情况及证明材料", code="evidence_required")
    if target.repairs.filter(state=RepairState.PENDING).exists():
        raise DomainError("已有待审核的信用修复申请", code="repair_pending")
    repair = RepairRecord.objects.create(
        entity=target.entity,
        organization=target.organization,
        credit_record=target if isinstance(target, CreditRecord) else None,
        blacklist_entry=target if isinstance(target, BlacklistEntry) else None,
        applied_on=applied_on,
        applicant=(applicant or target.entity.name).strip()[:200],
        evidence=evidence.strip(),
        commitment=commitment,
        recorded_by=actor,
    )
    _log(actor, "credit.repair_applied", repair, entity=target.entity.uscc,
         target=target._meta.label_lower, target_id=target.pk, applied_on=applied_on)  # fmt: skip
    return repair


@transaction.atomic
def decide_repair(
    *, actor, repair: RepairRecord, approve: bool, comment: str = "", today: dt.date | None = None
) -> RepairRecord:
    """A second person decides a repair application. Approval ends publicity early from today: the record stops
    being shown (状态: 已信用修复), the blacklist entry leaves the list (移出). Both stay in history."""
    repair = (
        RepairRecord.objects.select_for_update()
        .select_related("organization__jurisdiction")
        .get(pk=repair.pk)
    )
    require(perms.can_decide_repair(actor, repair))
    if not approve and not comment.strip():
        raise DomainError("不予修复须说明理由", code="comment_required")
    today = today or timezone.localdate()
    repair.decided_by, repair.decided_on, repair.decision_comment = actor, today, comment.strip()
    if not approve:
        repair.state = RepairState.REJECTED
        repair.save()
        _log(actor, "credit.repair_rejected", repair, comment=comment.strip())
        return repair
    target = _lock_target(repair.target)
    reason = f"信用修复（{repair.applied_on:%Y-%m-%d}申请，{today:%Y-%m-%d}准予）"
    if isinstance(target, CreditRecord):
        if target.state != RecordState.PUBLIC:
            raise DomainError("该信用记录已不在公示中", code="not_in_publicity")
        target.state, target.ended_on, target.end_reason = RecordState.REPAIRED, today, reason
        repair.effect = f"{today:%Y-%m-%d}起提前停止公示（原公示至{_date_text(target.publicity_until)}）"
        target.save()
        _log(actor, "credit.record_repaired", target, repair=repair.pk, ended_on=today)
    else:
        workflow.next_state(target.state, "repair")
        target.state, target.removed_on = BlacklistState.REMOVED, today
        target.removal_kind, target.removal_reason = RemovalKind.REMOVED, reason
        target.removal_reviewed_by, target.removal_comment = actor, comment.strip()
        repair.effect = f"{today:%Y-%m-%d}起移出名单（原有效期至{target.valid_to:%Y-%m-%d}）"
        target.save()
        _log(
            actor,
            "credit.blacklist_removed",
            target,
            kind=RemovalKind.REMOVED,
            repair=repair.pk,
            removed_on=today,
        )
    repair.state = RepairState.APPROVED
    repair.save()
    _log(actor, "credit.repair_approved", repair, effect=repair.effect)
    return repair


def _date_text(day: dt.date | None) -> str:
    return f"{day:%Y-%m-%d}" if day else "长期"


# --- expiry -----------------------------------------------------------------------------------------------------


def _expire_record(record: CreditRecord) -> None:
    record.state = RecordState.EXPIRED
    record.save(update_fields=["state"])
    _log(None, "credit.record_expired", record, publicity_until=record.publicity_until)


@transaction.atomic
def expire_due(*, today: dt.date | None = None) -> tuple[int, int]:
    """Mark every record and entry past its last day as expired (公示期满 / 有效期届满); returns the counts.

    Selects everything due, not what became due since the last run, so a skipped run loses nothing; running it
    twice changes nothing. The public pages do not wait for this: they decide by date.
    """
    today = today or timezone.localdate()
    records = list(CreditRecord.objects.select_for_update().due_to_expire(today))
    for record in records:
        _expire_record(record)
    entries = list(BlacklistEntry.objects.select_for_update().due_to_expire(today))
    for entry in entries:
        entry.state = workflow.next_state(entry.state, "expire")
        entry.save(update_fields=["state", "updated_at"])
        _log(None, "credit.blacklist_expired", entry, valid_to=entry.valid_to)
    return len(records), len(entries)
