"""Who may record credit information, propose and review blacklist entries, and decide credit repairs.

Publishers record and propose within their organization; reviewers of that organization review, and so do
supervisors (公共资源交易监督管理局, 政务公开办) of a supervising organization in the same jurisdiction or one
above it. Four eyes: nobody approves a listing, a removal or a repair they proposed or recorded themselves.
Predicates return (allowed, reason); services call them, views use them to decide which buttons to show.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from gongkai.core.permissions import Perm
from gongkai.credit.choices import BlacklistState, RepairState
from gongkai.credit.models import BlacklistEntry, RepairRecord
from gongkai.orgs.models import Organization
from gongkai.orgs.roles import has_perm, organizations_with, supervised_jurisdiction_ids

Verdict = tuple[bool, str]
OK: Verdict = (True, "")
FOUR_EYES = "不能审核自己提出或登记的事项（双人审核）"


def review_organizations(user) -> QuerySet[Organization]:
    """Organizations whose blacklist entries and repairs the user may review: where they hold BLACKLIST_REVIEW,
    and every organization in a jurisdiction under a supervising organization where they hold it."""
    direct = organizations_with(user, Perm.BLACKLIST_REVIEW)
    return Organization.objects.filter(
        Q(pk__in=direct.values("pk"))
        | Q(jurisdiction_id__in=supervised_jurisdiction_ids(user, Perm.BLACKLIST_REVIEW))
    )


def is_reviewer_for(user, organization: Organization) -> bool:
    if has_perm(user, organization, Perm.BLACKLIST_REVIEW):
        return True
    return organization.jurisdiction_id in supervised_jurisdiction_ids(user, Perm.BLACKLIST_REVIEW)


def can_record(user, organization: Organization) -> Verdict:
    if not has_perm(user, organization, Perm.CREDIT_RECORD):
        return False, f"您不是{organization.name}的信息发布员，不能录入信用信息"
    return OK


def can_register_entity(user) -> Verdict:
    if not organizations_with(user, Perm.CREDIT_RECORD).exists():
        return False, "只有信息发布员可以登记或修改市场主体"
    return OK


def can_propose_listing(user, organization: Organization) -> Verdict:
    if not has_perm(user, organization, Perm.BLACKLIST_PROPOSE):
        return False, f"您不是{organization.name}的信息发布员，不能提出列入严重失信主体名单"
    return OK


def can_edit_draft(user, entry: BlacklistEntry) -> Verdict:
    if entry.state != BlacklistState.DRAFT:
        return False, "只有退回修改的列入申请可以修改"
    return can_propose_listing(user, entry.organization)


def _review(user, entry: BlacklistEntry, state: str, proposer_id: int | None, what: str) -> Verdict:
    if entry.state != state:
        return False, f"当前状态为“{entry.get_state_display()}”，不能{what}"
    if not is_reviewer_for(user, entry.organization):
        return False, f"您不是{entry.organization.name}的审查员或监督人员"
    if proposer_id == user.pk:
        return False, FOUR_EYES
    return OK


def can_review_listing(user, entry: BlacklistEntry) -> Verdict:
    return _review(user, entry, BlacklistState.SUBMITTED, entry.created_by_id, "审核列入")


def can_propose_removal(user, entry: BlacklistEntry) -> Verdict:
    if entry.state != BlacklistState.LISTED:
        return False, f"当前状态为“{entry.get_state_display()}”，不能提出移出"
    if not has_perm(user, entry.organization, Perm.BLACKLIST_PROPOSE):
        return False, f"您不是{entry.organization.name}的信息发布员，不能提出移出"
    return OK


def can_review_removal(user, entry: BlacklistEntry) -> Verdict:
    return _review(user, entry, BlacklistState.REMOVAL_SUBMITTED, entry.removal_proposed_by_id, "审核移出")


def can_record_repair(user, organization: Organization) -> Verdict:
    if not (
        has_perm(user, organization, Perm.CREDIT_RECORD)
        or has_perm(user, organization, Perm.BLACKLIST_PROPOSE)
    ):
        return False, f"您不是{organization.name}的信息发布员，不能登记信用修复申请"
    return OK


def can_decide_repair(user, repair: RepairRecord) -> Verdict:
    if repair.state != RepairState.PENDING:
        return False, "该信用修复申请已处理"
    if not is_reviewer_for(user, repair.organization):
        return False, f"您不是{repair.organization.name}的审查员或监督人员"
    if repair.recorded_by_id == user.pk:
        return False, FOUR_EYES
    return OK


def staff_organizations(user) -> QuerySet[Organization]:
    """Organizations whose credit work the user sees: where they record, propose or review, and those under a
    supervising organization where they review."""
    recording = organizations_with(user, Perm.CREDIT_RECORD) | organizations_with(
        user, Perm.BLACKLIST_PROPOSE
    )
    return Organization.objects.filter(
        Q(pk__in=recording.values("pk")) | Q(pk__in=review_organizations(user).values("pk"))
    )


def visible_to(user, qs: QuerySet) -> QuerySet:
    """Blacklist entries, credit records or repairs of the organizations whose credit work the user sees."""
    return qs.filter(organization__in=staff_organizations(user))
