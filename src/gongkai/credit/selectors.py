"""Reads of credit information for the public, the back office, the API and other apps.

What the public sees is decided by date here, not by a scan having run: a record is shown from its publicity start
through its last day, a blacklist entry from its validity start through its validity end — the day after, it is
gone from the public pages and the API, and stays in the history the back office reads.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from gongkai.catalog.selectors import descendant_codes
from gongkai.core.errors import NotFound
from gongkai.credit import permissions as perms
from gongkai.credit.choices import BlacklistState, PublicationScope, RepairState
from gongkai.credit.models import BlacklistEntry, CreditRecord, Entity, PartyMention, RepairRecord

PUBLIC_STATES = ("listed", "revoked")  # the public blacklist's state filter: in force, or revoked decisions


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def entity_by_uscc(uscc: str) -> Entity | None:
    """The entity with this unified social credit code (any case, surrounding blanks ignored), or None."""
    code = (uscc or "").strip().upper()
    return Entity.objects.filter(uscc=code).first() if code else None


def get_entity(uscc: str) -> Entity:
    entity = entity_by_uscc(uscc)
    if entity is None:
        raise NotFound(f"没有统一社会信用代码为“{(uscc or '').strip()}”的市场主体")
    return entity


def is_blacklisted(uscc: str, on: dt.date) -> BlacklistEntry | None:
    """The blacklist entry the entity was under on `on` (listed then, not yet removed or expired), or None.

    For checks such as "a winner or candidate on the blacklist at the time of award": an entry counts whether or
    not it is published to society, and still counts for that date after a later removal; a revoked decision
    never counts.
    """
    code = (uscc or "").strip().upper()
    return (
        BlacklistEntry.objects.in_force_on(on)
        .filter(entity__uscc=code)
        .order_by("-decided_on", "-pk")
        .first()
        if code
        else None
    )


def _on_public_list(today: dt.date):
    return BlacklistEntry.objects.public_on(today).filter(entity=OuterRef("pk"))


def search_entities(q: str, *, today: dt.date | None = None) -> QuerySet[Entity]:
    """Entities whose name (or a former name) contains `q`, or whose code is or starts with it (all entities
    when `q` is blank); each annotated with `blacklisted` (on the public blacklist today)."""
    q = (q or "").strip()
    qs = Entity.objects.annotate(blacklisted=Exists(_on_public_list(_today(today))))
    if not q:
        return qs.order_by("name", "uscc")
    code = q.upper()
    match = Q(name__icontains=q) | Q(uscc__startswith=code) | Q(names__name__icontains=q)
    return qs.filter(match).distinct().order_by("name", "uscc")


def public_records(entity: Entity, today: dt.date | None = None) -> QuerySet[CreditRecord]:
    """The entity's credit records in public view today."""
    return entity.records.in_publicity(_today(today)).order_by("kind", "-decided_on", "-pk")


def public_entries(entity: Entity, today: dt.date | None = None) -> QuerySet[BlacklistEntry]:
    """The entity's entries on the public blacklist today."""
    return (
        BlacklistEntry.objects.public_on(_today(today))
        .filter(entity=entity)
        .select_related("organization__jurisdiction")
        .order_by("-decided_on")
    )


@dataclass(frozen=True)
class MentionGroup:
    domain: str
    stage: str
    mentions: list[PartyMention]


def public_mentions(entity: Entity) -> list[MentionGroup]:
    """The published disclosures naming the entity, grouped by domain and stage (中标结果, 合同订立 …)."""
    from gongkai.disclosures.choices import State

    mentions = (
        entity.mentions.filter(disclosure__state=State.PUBLISHED)
        .select_related(
            "disclosure__organization",
            "disclosure__catalog_item__domain",
            "disclosure__catalog_item__stage",
        )
        .order_by(
            "disclosure__catalog_item__domain__position",
            "disclosure__catalog_item__stage__position",
            "-disclosure__published_at",
            "pk",
        )  # fmt: skip
    )
    groups: OrderedDict[tuple[str, str], list[PartyMention]] = OrderedDict()
    for m in mentions:
        item = m.disclosure.catalog_item
        stage = item.stage.name if item.stage_id else item.category
        groups.setdefault((item.domain.name, stage), []).append(m)
    return [MentionGroup(domain, stage, items) for (domain, stage), items in groups.items()]


def public_blacklist(
    *,
    today: dt.date | None = None,
    jurisdiction=None,
    reason: str = "",
    year: int | None = None,
    state: str = "listed",
    q: str = "",
) -> QuerySet[BlacklistEntry]:
    """The public blacklist: entries in force today (default), or revoked decisions (state="revoked"), published
    to society; by the deciding body's jurisdiction (with those below it), reason, decision year and name/code."""
    today = _today(today)
    if state == "revoked":
        qs = BlacklistEntry.objects.filter(
            state=BlacklistState.REVOKED, publication_scope=PublicationScope.PUBLIC
        )
    else:
        qs = BlacklistEntry.objects.public_on(today)
    if jurisdiction is not None:
        qs = qs.filter(
            organization__jurisdiction__code__in=[jurisdiction.code, *descendant_codes(jurisdiction)]
        )
    if reason:
        qs = qs.filter(reason_category=reason)
    if year:
        qs = qs.filter(decided_on__year=year)
    if q.strip():
        qs = qs.filter(Q(entity_name__icontains=q.strip()) | Q(entity__uscc__startswith=q.strip().upper()))
    return qs.select_related("entity", "organization__jurisdiction").order_by("-decided_on", "-pk")


def blacklist_years() -> list[int]:
    """Decision years of entries ever published to society, newest first (for the year filter)."""
    dates = BlacklistEntry.objects.filter(
        publication_scope=PublicationScope.PUBLIC,
        state__in=[BlacklistState.LISTED, BlacklistState.REMOVAL_SUBMITTED, BlacklistState.REVOKED],
    ).dates("decided_on", "year", order="DESC")
    return [d.year for d in dates]


# --- the back office ------------------------------------------------------------------------------------------


def staff_entries(user) -> QuerySet[BlacklistEntry]:
    return perms.visible_to(
        user, BlacklistEntry.objects.select_related("entity", "organization", "created_by")
    )


def get_staff_entry(user, pk: int) -> BlacklistEntry:
    entry = staff_entries(user).select_related("organization__jurisdiction").filter(pk=pk).first()
    if entry is None:
        raise NotFound("该名单记录不存在")
    return entry


def listing_queue(user) -> QuerySet[BlacklistEntry]:
    """Proposed listings and removals this user may review (never their own proposals)."""
    orgs = perms.review_organizations(user)
    return (
        BlacklistEntry.objects.filter(organization__in=orgs)
        .filter(
            Q(state=BlacklistState.SUBMITTED) & ~Q(created_by=user)
            | Q(state=BlacklistState.REMOVAL_SUBMITTED) & ~Q(removal_proposed_by=user)
        )
        .select_related("entity", "organization")
        .order_by("updated_at")
    )


def my_sent_back(user) -> QuerySet[BlacklistEntry]:
    return staff_entries(user).filter(state=BlacklistState.DRAFT).order_by("-updated_at")


def staff_repairs(user) -> QuerySet[RepairRecord]:
    return perms.visible_to(
        user,
        RepairRecord.objects.select_related("entity", "organization", "credit_record", "blacklist_entry"),
    )


def get_staff_repair(user, pk: int) -> RepairRecord:
    repair = staff_repairs(user).select_related("organization__jurisdiction").filter(pk=pk).first()
    if repair is None:
        raise NotFound("该信用修复申请不存在")
    return repair


def repair_queue(user) -> QuerySet[RepairRecord]:
    """Pending repair applications this user may decide (never those they registered)."""
    return (
        RepairRecord.objects.filter(
            organization__in=perms.review_organizations(user), state=RepairState.PENDING
        )
        .exclude(recorded_by=user)
        .select_related("entity", "organization", "credit_record", "blacklist_entry")
        .order_by("applied_on")
    )


def staff_records(user) -> QuerySet[CreditRecord]:
    return perms.visible_to(user, CreditRecord.objects.select_related("entity", "organization"))


def get_staff_record(user, pk: int) -> CreditRecord:
    record = staff_records(user).filter(pk=pk).first()
    if record is None:
        raise NotFound("该信用记录不存在")
    return record


@dataclass(frozen=True)
class EntityHistory:
    records: list[CreditRecord]
    entries: list[BlacklistEntry]
    repairs: list[RepairRecord]


def entity_history(entity: Entity) -> EntityHistory:
    """Everything recorded about an entity, in or out of public view (for staff)."""
    return EntityHistory(
        records=list(entity.records.select_related("organization").order_by("-decided_on", "-pk")),
        entries=list(entity.blacklist_entries.select_related("organization").order_by("-decided_on", "-pk")),
        repairs=list(
            entity.repairs.select_related(
                "credit_record", "blacklist_entry", "recorded_by", "decided_by"
            ).order_by("-applied_on", "-pk")
        ),
    )
