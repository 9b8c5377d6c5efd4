"""Who may register transactions and attach disclosures to them; which transactions staff see.

Predicates return (allowed, reason) like the disclosures' ones, so services refuse with a clear message and views
use them only to decide which buttons to show.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from gongkai.core.permissions import Perm
from gongkai.disclosures.models import Disclosure
from gongkai.orgs.models import Organization
from gongkai.orgs.roles import has_perm, organizations_with, supervised_jurisdiction_ids
from gongkai.transactions.models import Transaction

Verdict = tuple[bool, str]
OK: Verdict = (True, "")
# Public bodies of the transaction's jurisdiction that may publish its steps besides its owner and agency
# (谁批准、谁公开: approvals by departments; process and results by the trading centre).
PUBLIC_BODY_KINDS = ("department", "government", "township", "trading_centre")


def can_register(user, organization: Organization) -> Verdict:
    if not has_perm(user, organization, Perm.TRANSACTION_MANAGE):
        return False, f"您不能以{organization.name}的名义登记交易项目"
    return OK


def is_party_body(transaction: Transaction, organization: Organization) -> bool:
    """The owner, the agency, or a public body (department, trading centre …) of the transaction's jurisdiction."""
    if organization.pk in (transaction.owner_id, transaction.agency_id, transaction.registered_by_id):
        return True
    return (
        organization.jurisdiction_id == transaction.jurisdiction_id and organization.kind in PUBLIC_BODY_KINDS
    )


def can_attach(user, transaction: Transaction, disclosure: Disclosure) -> Verdict:
    org = disclosure.organization
    if not (has_perm(user, org, Perm.DISCLOSURE_DRAFT) or has_perm(user, org, Perm.DISCLOSURE_REVIEW)):
        return False, f"您不是{org.name}的信息发布员或审查员"
    if not is_party_body(transaction, org):
        return (
            False,
            f"{org.name}不是该交易的招标人（采购人、出让人）、代理机构或本地公共资源交易中心、主管部门",
        )
    return OK


def can_detach(user, transaction: Transaction, disclosure: Disclosure) -> Verdict:
    return can_attach(user, transaction, disclosure)


def visible_to(user, qs: QuerySet[Transaction] | None = None) -> QuerySet[Transaction]:
    """Transactions a staff user sees in the back office: those their organizations own, run, registered or publish
    steps of, and every transaction of the jurisdictions they supervise."""
    qs = Transaction.objects.all() if qs is None else qs
    orgs = organizations_with(user, Perm.DISCLOSURE_VIEW_INTERNAL)
    supervised = supervised_jurisdiction_ids(user)
    return qs.filter(
        Q(owner__in=orgs)
        | Q(agency__in=orgs)
        | Q(registered_by__in=orgs)
        | Q(steps__disclosure__organization__in=orgs)
        | Q(jurisdiction_id__in=supervised)
    ).distinct()
