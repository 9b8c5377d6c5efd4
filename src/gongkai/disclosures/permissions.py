"""Who may do what to a disclosure: 谁批准、谁公开，谁实施、谁公开，谁制作、谁公开; four eyes on approval.

Each rule is a predicate returning (allowed, reason) so services can refuse with a clear message, and
`visible_to()` filters querysets the same way. Services call these; views only use them to show buttons.
"""

from __future__ import annotations

from gongkai.catalog.models import CatalogItem
from gongkai.core.permissions import Perm
from gongkai.disclosures.choices import State
from gongkai.disclosures.models import Disclosure
from gongkai.orgs.models import Organization
from gongkai.orgs.roles import has_perm, organizations_with

Verdict = tuple[bool, str]
OK: Verdict = (True, "")


def can_draft(user, organization: Organization, item: CatalogItem) -> Verdict:
    if not has_perm(user, organization, Perm.DISCLOSURE_DRAFT):
        return False, f"您不是{organization.name}的信息发布员"
    if organization.kind not in item.publishers:
        return (
            False,
            f"“{item.category}”应由{item.publisher_text or '、'.join(item.publishers)}公开，不属于{organization.name}",
        )
    return OK


def can_edit(user, d: Disclosure) -> Verdict:
    if d.state != State.DRAFT:
        return False, "只有草稿可以修改；已发布的信息请走更正程序"
    if not has_perm(user, d.organization, Perm.DISCLOSURE_DRAFT):
        return False, f"您不是{d.organization.name}的信息发布员"
    return OK


def can_submit(user, d: Disclosure) -> Verdict:
    if d.state != State.DRAFT:
        return False, "只有草稿可以提交审查"
    if not has_perm(user, d.organization, Perm.DISCLOSURE_SUBMIT):
        return False, f"您不是{d.organization.name}的信息发布员"
    return OK


def _reviewer(user, d: Disclosure, state: State, what: str) -> Verdict:
    if d.state != state:
        return False, f"当前状态为“{d.get_state_display()}”，不能{what}"
    if not has_perm(user, d.organization, Perm.DISCLOSURE_REVIEW):
        return False, f"您不是{d.organization.name}的保密审查员"
    if d.created_by_id == user.pk:
        return False, "不能审查或审批自己起草的信息（双人审核）"
    return OK


def can_review(user, d: Disclosure) -> Verdict:
    return _reviewer(user, d, State.SUBMITTED, "进行保密审查")


def can_approve(user, d: Disclosure) -> Verdict:
    return _reviewer(user, d, State.REVIEWED, "审批")


def can_send_back(user, d: Disclosure) -> Verdict:
    if d.state not in (State.SUBMITTED, State.REVIEWED, State.APPROVED):
        return False, "只有待审查、待审批或待发布的信息可以退回"
    if not has_perm(user, d.organization, Perm.DISCLOSURE_REVIEW):
        return False, f"您不是{d.organization.name}的保密审查员"
    return OK


def can_publish(user, d: Disclosure) -> Verdict:
    if d.state != State.APPROVED:
        return False, "只有审批通过的信息可以发布"
    if not has_perm(user, d.organization, Perm.DISCLOSURE_PUBLISH):
        return False, f"您不是{d.organization.name}的信息发布员或审查员"
    return OK


def can_propose_correction(user, d: Disclosure) -> Verdict:
    if d.state != State.PUBLISHED:
        return False, "只有已发布的信息可以更正"
    if not has_perm(user, d.organization, Perm.DISCLOSURE_CORRECT):
        return False, f"您不是{d.organization.name}的信息发布员"
    return OK


def can_decide_correction(user, d: Disclosure, proposed_by_id: int) -> Verdict:
    if not has_perm(user, d.organization, Perm.DISCLOSURE_APPROVE_CORRECTION):
        return False, f"您不是{d.organization.name}的保密审查员"
    if proposed_by_id == user.pk:
        return False, "不能审核自己提出的更正（双人审核）"
    return OK


def can_withdraw(user, d: Disclosure) -> Verdict:
    if d.state != State.PUBLISHED:
        return False, "只有已发布的信息可以撤回"
    if not has_perm(user, d.organization, Perm.DISCLOSURE_WITHDRAW):
        return False, f"您不是{d.organization.name}的保密审查员"
    return OK


def can_change_validity(user, d: Disclosure) -> Verdict:
    if d.state != State.PUBLISHED:
        return False, "只有已发布的信息可以变更效力状态"
    if not has_perm(user, d.organization, Perm.DISCLOSURE_VALIDITY):
        return False, f"您不是{d.organization.name}的保密审查员"
    return OK


def can_mark_copied(user, d: Disclosure) -> Verdict:
    if not has_perm(user, d.organization, Perm.DISCLOSURE_COPY):
        return False, f"您不是{d.organization.name}的信息发布员"
    return OK


def can_view_internal(user, d: Disclosure) -> bool:
    return has_perm(user, d.organization, Perm.DISCLOSURE_VIEW_INTERNAL)


def visible_to(user, qs=None):
    """Disclosures a staff user may see in the back office: those of organizations where they hold a role."""
    qs = Disclosure.objects.all() if qs is None else qs
    return qs.filter(organization__in=organizations_with(user, Perm.DISCLOSURE_VIEW_INTERNAL))
