"""Writes to transactions: registering one (and issuing its unified transaction code), attaching a disclosure to
one of its stages, detaching it. Each service checks permission, runs in one database transaction and writes an
audit entry."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.db import transaction as db_transaction
from django.utils import timezone

from gongkai.catalog.models import Domain, Stage
from gongkai.core.audit import log_action
from gongkai.core.errors import DomainError, require
from gongkai.disclosures import services as disclosure_services
from gongkai.disclosures.choices import LinkKind, State
from gongkai.disclosures.models import Disclosure
from gongkai.orgs.models import Organization
from gongkai.transactions import permissions as perms
from gongkai.transactions.codes import compose
from gongkai.transactions.models import CodeSerial, Transaction, TransactionStep
from gongkai.transactions.rules import check_rules


def _log(actor, action: str, t: Transaction, **data) -> None:
    log_action(actor=actor, action=action, obj=t, organization_id=t.registered_by_id, data=data)


def operator_of(organization: Organization) -> Organization:
    """Whose credit code opens the transaction code: the jurisdiction's trading centre (the platform's operator)
    if it has one, else the registering organization."""
    centre = (
        Organization.objects.filter(
            jurisdiction=organization.jurisdiction, kind="trading_centre", active=True
        )
        .order_by("pk")
        .first()
    )
    return centre or organization


def issue_code(operator_uscc: str, on: dt.date) -> str:
    """The next unified transaction code of an operator on a day (the serial row is locked while it is issued).
    Call inside a database transaction."""
    serial, _ = CodeSerial.objects.select_for_update().get_or_create(operator_uscc=operator_uscc, day=on)
    if serial.last >= 999_999:
        raise DomainError("当日统一交易标识码流水号已用完", code="code_serial_exhausted")
    serial.last += 1
    serial.save(update_fields=["last"])
    return compose(operator_uscc, on, serial.last)


def _budget(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value).replace(",", ""))
    except InvalidOperation as exc:
        raise DomainError("预算金额或底价应为数字", code="invalid_budget") from exc
    if amount < 0 or amount.as_tuple().exponent < -2:
        raise DomainError("预算金额或底价应为不小于 0、最多两位小数的金额", code="invalid_budget")
    return amount


@db_transaction.atomic
def create_transaction(
    *,
    actor,
    organization: Organization,
    domain: Domain,
    title: str,
    owner: Organization | None = None,
    agency: Organization | None = None,
    budget=None,
    procedure: str = "",
    project_no: str = "",
    project_code: str = "",
    region_code: str = "",
    today: dt.date | None = None,
) -> Transaction:
    """Register a transaction and issue its unified transaction code (operator's USCC + date + serial + check).

    `organization` registers it (its publisher holds transaction:manage there); the owner (tenderer, purchaser,
    transferor) defaults to it. The budget is the ceiling of a purchase or the reserve price of a sale."""
    require(perms.can_register(actor, organization))
    title = (title or "").strip()
    if not title:
        raise DomainError("请填写交易项目名称", code="title_required")
    if not domain.stages.exists():
        raise DomainError(f"“{domain.name}”没有交易环节，不能登记交易项目", code="domain_without_stages")
    if procedure:
        known = {p.code for p in check_rules().procedures_for(domain.code)}
        if procedure not in known:
            raise DomainError(f"交易方式“{procedure}”不适用于{domain.name}", code="invalid_procedure")
    region_code = (region_code or organization.jurisdiction.code).strip()
    if not re.fullmatch(r"\d{6}", region_code):
        raise DomainError("行政区域代码应为6位数字", code="invalid_region")
    owner = owner or organization
    today = today or timezone.localdate()
    operator = operator_of(organization)
    t = Transaction.objects.create(
        code=issue_code(operator.uscc, today),
        operator_uscc=operator.uscc,
        domain=domain,
        jurisdiction=organization.jurisdiction,
        region_code=region_code,
        title=title,
        project_no=project_no.strip(),
        project_code=project_code.strip(),
        owner=owner,
        agency=agency,
        registered_by=organization,
        budget=_budget(budget),
        procedure=procedure,
        registered_on=today,
        created_by=actor,
    )
    _log(actor, "transaction.created", t, code=t.code, title=t.title, domain=domain.code, owner=owner.pk,
         agency=agency.pk if agency else None, budget=t.budget, procedure=procedure)  # fmt: skip
    return t


@db_transaction.atomic
def attach_disclosure(
    *, actor, transaction: Transaction, disclosure: Disclosure, stage: Stage | None = None
) -> TransactionStep:
    """Attach a disclosure as a step of the transaction, at `stage` (by default its catalog item's stage).

    The disclosure's organization must be the transaction's owner, agency, registering body or a public body of its
    jurisdiction, and the actor a publisher or reviewer there. The new step is linked (同一交易的其他环节) to the
    nearest published step, so each disclosure page leads to the rest of the transaction."""
    t = Transaction.objects.select_for_update().select_related("domain").get(pk=transaction.pk)
    d = Disclosure.objects.select_related("organization", "catalog_item__domain", "catalog_item__stage").get(
        pk=disclosure.pk
    )
    require(perms.can_attach(actor, t, d))
    stage = stage or d.catalog_item.stage
    if stage is None:
        raise DomainError("该信息的公开事项不属于任何交易环节，请指定环节", code="stage_required")
    if d.catalog_item.domain_id != t.domain_id:
        raise DomainError(
            f"该信息属于{d.catalog_item.domain.name}，与交易项目的领域（{t.domain.name}）不同",
            code="domain_mismatch",
        )
    if stage.domain_id != t.domain_id:
        raise DomainError(f"环节“{stage.name}”不属于{t.domain.name}", code="stage_not_in_domain")
    existing = TransactionStep.objects.filter(disclosure=d).select_related("transaction").first()
    if existing is not None:
        if existing.transaction_id == t.pk and existing.stage_id == stage.pk:
            return existing
        raise DomainError(f"该信息已关联到交易项目{existing.transaction.code}", code="already_attached")
    step = TransactionStep.objects.create(transaction=t, stage=stage, disclosure=d, attached_by=actor)
    _link_to_neighbour(actor, step)
    _log(actor, "transaction.disclosure_attached", t, disclosure=d.pk, stage=stage.code, title=d.title)
    return step


def _link_to_neighbour(actor, step: TransactionStep) -> None:
    """Link the new step's disclosure to the nearest published step of the same transaction (earlier if any)."""
    others = list(
        TransactionStep.objects.filter(transaction=step.transaction, disclosure__state=State.PUBLISHED)
        .exclude(pk=step.pk)
        .select_related("stage", "disclosure")
    )
    if not others:
        return
    earlier = [s for s in others if s.stage.position <= step.stage.position]
    pool = earlier or others
    neighbour = min(pool, key=lambda s: (abs(s.stage.position - step.stage.position), -s.pk))
    disclosure_services.link(
        actor=actor, source=step.disclosure, target=neighbour.disclosure, kind=LinkKind.STAGE
    )


@db_transaction.atomic
def detach_disclosure(*, actor, step: TransactionStep) -> None:
    """Remove a disclosure from a transaction (attached by mistake); the disclosure itself is untouched."""
    step = TransactionStep.objects.select_related("transaction", "disclosure__organization", "stage").get(
        pk=step.pk
    )
    require(perms.can_detach(actor, step.transaction, step.disclosure))
    t, d, stage = step.transaction, step.disclosure, step.stage
    step.delete()
    _log(actor, "transaction.disclosure_detached", t, disclosure=d.pk, stage=stage.code)
