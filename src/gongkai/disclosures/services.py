"""Every write to a disclosure goes through here: drafting, the review workflow, publishing, corrections,
withdrawal, validity, masking, links, attachments and copies to the supervision bureau. Each service checks
permission and state, writes in one transaction and logs to the hash-chained audit log."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.catalog.models import CatalogItem
from gongkai.catalog.selectors import effective_item_ids, effective_profile
from gongkai.core import deidentify
from gongkai.core.audit import log_action
from gongkai.core.errors import DomainError, InvalidFields, PermissionDenied, require
from gongkai.disclosures import permissions as perms
from gongkai.disclosures.choices import CopyState, LinkKind, RevisionStatus, State, Validity
from gongkai.disclosures.models import (
    Attachment,
    Disclosure,
    DisclosureLink,
    IndexSerial,
    Revision,
    SupervisorCopy,
)
from gongkai.disclosures.rules import (
    METADATA_KEYS,
    check_content,
    compute_due,
    format_index_no,
    index_period,
    strip_ending,
    supervisor_copy_due,
    with_ending,
)
from gongkai.disclosures.signals import disclosure_changed
from gongkai.orgs.models import Organization

ALLOWED_ATTACHMENT_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ofd": "application/ofd",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".zip": "application/zip",
}
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


class InvalidDisclosure(InvalidFields):
    code = "invalid_disclosure"


def _log(actor, action: str, d: Disclosure, **data: Any) -> None:
    log_action(actor=actor, action=action, obj=d, organization_id=d.organization_id, data=data)


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in data.items() if k in METADATA_KEYS}
    for key in ("title", "doc_no", "info_source", "keywords", "attribute_reason"):
        if key in out and isinstance(out[key], str):
            out[key] = out[key].strip()
    if isinstance(out.get("formed_on"), str):
        try:
            out["formed_on"] = dt.date.fromisoformat(out["formed_on"])
        except ValueError as exc:
            raise InvalidDisclosure([("formed_on", "信息形成或变更日期应为 YYYY-MM-DD")]) from exc
    if isinstance(out.get("valid_until"), str):
        out["valid_until"] = dt.date.fromisoformat(out["valid_until"]) if out["valid_until"] else None
    return out


def _item_for(organization: Organization, item: CatalogItem) -> CatalogItem:
    if item.pk not in effective_item_ids(organization.jurisdiction):
        raise DomainError(
            f"“{item.category}”不在{organization.jurisdiction.name}现行的公开目录中",
            code="item_not_in_catalog",
        )
    return item


def _apply(d: Disclosure, data: dict[str, Any]) -> None:
    for key, value in data.items():
        setattr(d, key, value if value is not None or key in ("valid_until",) else getattr(d, key))
    due = compute_due(d.catalog_item, d.jurisdiction, d.formed_on)
    d.due_on, d.due_provisional = due.due_on, due.provisional


@transaction.atomic
def create_draft(
    *, actor, organization: Organization, item: CatalogItem, data: dict[str, Any], external_id: str = ""
) -> Disclosure:
    """A new draft for a catalog item; the deadline is computed from the date formed or changed."""
    require(perms.can_draft(actor, organization, item))
    _item_for(organization, item)
    data = _clean(data)
    if not data.get("title"):
        raise InvalidDisclosure([("title", "标题名称必须填写")])
    if not isinstance(data.get("formed_on"), dt.date):
        raise InvalidDisclosure([("formed_on", "请填写信息形成或变更日期")])
    d = Disclosure(
        organization=organization,
        jurisdiction=organization.jurisdiction,
        catalog_item=item,
        created_by=actor,
        external_id=external_id,
        attribute=item.attribute,
    )
    _apply(d, data)
    d.save()
    _log(actor, "disclosure.created", d, title=d.title, item=item.key, external_id=external_id)
    return d


@transaction.atomic
def update_draft(*, actor, disclosure: Disclosure, data: dict[str, Any]) -> Disclosure:
    d = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    require(perms.can_edit(actor, d))
    changes = _clean(data)
    _apply(d, changes)
    d.save()
    _log(actor, "disclosure.updated", d, fields=sorted(changes))
    return d


@transaction.atomic
def upsert_draft(
    *, actor, organization: Organization, external_id: str, item: CatalogItem, data: dict[str, Any]
) -> tuple[Disclosure, bool]:
    """Create or update a draft by the client's own id (idempotent: the same record twice makes one)."""
    if not external_id:
        raise DomainError("external_id 必须填写", code="missing_external_id")
    existing = Disclosure.objects.filter(organization=organization, external_id=external_id).first()
    if existing is None:
        return create_draft(
            actor=actor, organization=organization, item=item, data=data, external_id=external_id
        ), True
    if existing.catalog_item_id != item.pk:
        raise DomainError("同一外部编号不能改换公开事项", code="item_mismatch")
    if existing.state != State.DRAFT:
        raise DomainError(
            f"该信息已{existing.get_state_display()}，不能再以草稿修改",
            code="not_a_draft",
            details={"state": existing.state},
        )
    current = {k: getattr(existing, k) for k in _clean(data)}
    if current == _clean(data):
        return existing, False
    return update_draft(actor=actor, disclosure=existing, data=data), False


def content_of(d: Disclosure) -> dict[str, Any]:
    return {
        "title": d.title,
        "doc_no": d.doc_no,
        "body": d.body,
        "redacted": d.redacted,
        "fields": d.fields,
        "formed_on": d.formed_on,
        "attribute": d.attribute,
        "attribute_reason": d.attribute_reason,
        "withheld_ground": d.withheld_ground,
        "subject": d.subject,
        "genre": d.genre,
        "info_source": d.info_source,
        "keywords": d.keywords,
        "valid_until": d.valid_until,
        "risk_flag": d.risk_flag,
    }


def _check(d: Disclosure, data: dict[str, Any] | None = None) -> None:
    problems = check_content(d.catalog_item, data or content_of(d), has_attachments=d.attachments.exists())
    if problems:
        raise InvalidDisclosure(problems)


# --- personal data ---------------------------------------------------------------------------------------------

BLOCKING, ADVISORY, LAWFUL = "blocking", "advisory", "lawful"
STATUS_NAMES = {BLOCKING: "须遮蔽", ADVISORY: "请核实", LAWFUL: "依法公开"}


@dataclass(frozen=True)
class Located:
    """A finding, where it is ("title", "body", "fields.<key>" or "fields.<key>.<row>.<column>"), how the workflow
    treats it — blocking until masked, advisory (shown for the reviewer to check: an office line) or lawful (content
    the law requires to be published, with its basis) — and the Chinese name of the place."""

    where: str
    finding: deidentify.Finding
    status: str = BLOCKING
    basis: str = ""
    place: str = ""

    @property
    def blocking(self) -> bool:
        return self.status == BLOCKING

    @property
    def lawful(self) -> bool:
        return self.status == LAWFUL

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]


def _text_values(d_fields: dict[str, Any], specs: list[dict]):
    """(where, text, field spec, Chinese place) of every text in the structured fields."""
    by_key = {f["key"]: f for f in specs}
    for key, value in (d_fields or {}).items():
        spec = by_key.get(key, {})
        label = spec.get("label", key)
        if isinstance(value, str):
            yield f"fields.{key}", value, spec, f"字段“{label}”"
        elif isinstance(value, list):
            columns = {c["key"]: c for c in spec.get("columns", [])}
            for i, row in enumerate(value):
                if isinstance(row, dict):
                    for col, cell in row.items():
                        if isinstance(cell, str):
                            column = columns.get(col, {})
                            place = f"字段“{label}”第{i + 1}行“{column.get('label', col)}”"
                            yield f"fields.{key}.{i}.{col}", cell, column, place


def _policy(d: Disclosure) -> tuple[set[str], set[str]]:
    """The kinds the jurisdiction's profile makes blocking, and those that block when beside a name."""
    profile = effective_profile(d.jurisdiction)
    blocking, linked = profile["deid_blocking_kinds"], profile["deid_linked_kinds"]
    # A profile without the keys (the national file sets them) blocks everything rather than nothing.
    return set(deidentify.KINDS if blocking is None else blocking), set(linked or ())


def personal_data_findings(d: Disclosure) -> list[Located]:
    """Personal data in the title, body and structured fields, each with its status. What blocks is the
    jurisdiction's profile (deid_blocking_kinds, deid_linked_kinds); what the catalog item or one of its fields
    declares as required public content (lawful_personal: 项目负责人 and certificates in a candidate notice) is
    shown as 依法公开 and never blocks. Fields marked `personal` hold names by design (户主姓名) and are read as such."""
    item = d.catalog_item
    blocking, linked = _policy(d)
    item_lawful = set(item.lawful_personal or ())
    basis = item.lawful_basis or f"《{item.source.title}》{item.source_ref}"

    def located(
        where: str, f: deidentify.Finding, lawful: set[str], place: str, spec: dict | None = None
    ) -> Located:
        if f.kind in lawful:
            field_lawful = spec and f.kind in spec.get("lawful_personal", ()) and f.kind not in item_lawful
            return Located(where, f, LAWFUL, (field_lawful and spec.get("lawful_basis")) or basis, place)
        if f.kind in blocking or (f.kind in linked and f.linked):
            return Located(where, f, BLOCKING, "", place)
        return Located(where, f, ADVISORY, "", place)

    out = [located("title", f, item_lawful, "标题") for f in deidentify.scan(d.title, names=True)]
    out += [located("body", f, item_lawful, "正文") for f in deidentify.scan(d.body, names=True)]
    for where, text, spec, place in _text_values(d.fields, item.fields or []):
        lawful = item_lawful | set(spec.get("lawful_personal", ()))
        for f in deidentify.scan(text, names=True, person_field=bool(spec.get("personal"))):
            out.append(located(where, f, lawful, place, spec))
    return out


def personal_data_message(findings: list[Located], *, punitive: bool) -> str:
    """The one Chinese message the back office, the API and the refusing service give while blocking findings are
    unmasked ("" when none are)."""
    counts: dict[str, int] = {}
    for loc in findings:
        if loc.blocking:
            counts[loc.finding.label] = counts.get(loc.finding.label, 0) + 1
    if not counts:
        return ""
    kinds = "、".join(f"{label}{n}处" for label, n in counts.items())
    if punitive:
        return (
            f"含未遮蔽的个人信息（{kinds}）。本事项属惩戒性公示或强制性信息披露，"
            "确需公开的，由审查员勾选确认后方可通过保密审查和审批"
        )
    return f"含未遮蔽的个人信息（{kinds}），须遮蔽后方可通过保密审查和审批"


def _get_text(d: Disclosure, where: str) -> str:
    if where in ("title", "body"):
        return getattr(d, where)
    parts = where.split(".")
    value = d.fields[parts[1]]
    return value[int(parts[2])][parts[3]] if len(parts) == 4 else value


def _set_text(d: Disclosure, where: str, text: str) -> None:
    if where in ("title", "body"):
        setattr(d, where, text)
        return
    parts = where.split(".")
    fields = dict(d.fields)
    if len(parts) == 4:
        rows = [dict(r) for r in fields[parts[1]]]
        rows[int(parts[2])][parts[3]] = text
        fields[parts[1]] = rows
    else:
        fields[parts[1]] = text
    d.fields = fields


@transaction.atomic
def mask_personal_data(
    *, actor, disclosure: Disclosure, where: str | None = None, start: int | None = None
) -> int:
    """Mask one finding (where + start) or all of them; returns how many were masked. Drafts and items under
    review may be masked (by their publisher or reviewer); published content is corrected, never edited."""
    d = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    may_edit = d.state == State.DRAFT and perms.has_perm(actor, d.organization, perms.Perm.DISCLOSURE_DRAFT)
    if not (may_edit or perms.has_perm(actor, d.organization, perms.Perm.DISCLOSURE_REVIEW)):
        raise PermissionDenied("您不能修改这条信息")
    if d.state not in (State.DRAFT, State.SUBMITTED, State.REVIEWED, State.APPROVED):
        raise DomainError("已发布的信息不能直接修改，请走更正程序", code="published_immutable")
    # "Mask all" leaves content the law requires to be published (依法公开); one finding can always be masked.
    targets = [
        loc
        for loc in personal_data_findings(d)
        if (where is None and not loc.lawful) or (loc.where == where and loc.finding.start == start)
    ]
    if not targets:
        return 0
    by_place: dict[str, list[deidentify.Finding]] = {}
    for loc in targets:
        by_place.setdefault(loc.where, []).append(loc.finding)
    for place, findings in by_place.items():
        _set_text(d, place, deidentify.mask(_get_text(d, place), findings))
    d.save()
    _log(actor, "disclosure.masked", d, count=len(targets), kinds=sorted({t.finding.kind for t in targets}))
    return len(targets)


# --- workflow ------------------------------------------------------------------------------------------------


@transaction.atomic
def submit(*, actor, disclosure: Disclosure) -> Disclosure:
    """Draft → submitted for confidentiality review, once every format rule holds."""
    d = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    require(perms.can_submit(actor, d))
    _check(d)
    d.body = with_ending(d.body, d.redacted)
    d.state = State.SUBMITTED
    d.review_comment = ""
    d.save()
    _log(actor, "disclosure.submitted", d, findings=len(personal_data_findings(d)))
    return d


@transaction.atomic
def review(
    *,
    actor,
    disclosure: Disclosure,
    comment: str = "",
    risk_decision: str = "",
    confirm_personal_data: bool = False,
) -> Disclosure:
    """保密审查 passed: submitted → reviewed. A risk-flagged item (三安全一稳定) needs the recorded decision; unmasked
    personal data of a blocking kind is refused, unless the item is a punitive or mandatory notice and the reviewer
    confirms it."""
    d = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    require(perms.can_review(actor, d))
    _refuse_unmasked(d, confirm_personal_data, actor)
    if d.risk_flag and not (risk_decision or d.risk_decision).strip():
        raise DomainError(
            "该信息标注了“三安全一稳定”风险，须记录风险评估结论后方可通过审查", code="risk_decision_required"
        )
    if risk_decision.strip():
        d.risk_decision, d.risk_decided_by = risk_decision.strip(), actor
    d.review_comment = comment
    d.state = State.REVIEWED
    d.save()
    _log(actor, "disclosure.reviewed", d, comment=comment, risk_decision=d.risk_decision)
    return d


def _refuse_unmasked(d: Disclosure, confirm: bool, actor) -> None:
    findings = personal_data_findings(d)
    message = personal_data_message(findings, punitive=d.catalog_item.punitive)
    if not message:
        return
    if d.catalog_item.punitive and confirm:
        d.personal_data_confirmed = True
        return
    code = "personal_data_unconfirmed" if d.catalog_item.punitive else "personal_data"
    raise DomainError(message, code=code)


@transaction.atomic
def approve(
    *, actor, disclosure: Disclosure, comment: str = "", confirm_personal_data: bool = False
) -> Disclosure:
    """Reviewed → approved (four eyes: never the author). Unmasked personal data is refused unless the item is a
    punitive or mandatory notice and the reviewer confirms it."""
    d = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    require(perms.can_approve(actor, d))
    _refuse_unmasked(d, confirm_personal_data, actor)
    if comment:
        d.review_comment = comment
    d.state = State.APPROVED
    d.save()
    _log(actor, "disclosure.approved", d, comment=comment, personal_data_confirmed=d.personal_data_confirmed)
    return d


@transaction.atomic
def send_back(*, actor, disclosure: Disclosure, comment: str) -> Disclosure:
    d = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    require(perms.can_send_back(actor, d))
    if not comment.strip():
        raise DomainError("退回须填写意见", code="comment_required")
    d.body = strip_ending(d.body)
    d.state, d.review_comment = State.DRAFT, comment.strip()
    d.save()
    _log(actor, "disclosure.sent_back", d, comment=comment.strip())
    return d


def _next_index_no(organization: Organization, on: dt.date) -> str:
    pattern = effective_profile(organization.jurisdiction)["index_no_pattern"]
    period = index_period(pattern, on)
    serial, _ = IndexSerial.objects.select_for_update().get_or_create(
        organization=organization, period=period
    )
    serial.last += 1
    serial.save(update_fields=["last"])
    return format_index_no(pattern, uscc=organization.uscc, on=on, serial=serial.last)


@transaction.atomic
def publish(*, actor, disclosure: Disclosure, today: dt.date | None = None) -> Disclosure:
    """Approved → published: index number, publication date, revision 1, and the copy to the supervision bureau."""
    d = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    require(perms.can_publish(actor, d))
    if d.attribute != "proactive":
        raise DomainError("依申请公开或不予公开的信息不在门户发布", code="not_proactive")
    _refuse_unmasked(d, d.personal_data_confirmed, actor)
    now = timezone.now()
    if today is not None and today != timezone.localdate(now):
        # Recording a publication that happened on another day (imports, demo): keep date and time consistent.
        now = timezone.make_aware(dt.datetime.combine(today, timezone.localtime(now).time()))
    today = today or timezone.localdate(now)
    d.index_no = d.index_no or _next_index_no(d.organization, today)
    d.state, d.published_on, d.published_at = State.PUBLISHED, today, now
    d.save()
    Revision.objects.create(
        disclosure=d,
        number=1,
        status=RevisionStatus.PUBLISHED,
        content=_snapshot(d),
        proposed_by=d.created_by,
        decided_by=actor,
        published_at=now,
    )
    due = supervisor_copy_due(d.catalog_item, d.jurisdiction, d.formed_on)
    if due is not None:
        supervisor = Organization.objects.filter(jurisdiction=d.jurisdiction, is_supervisor=True).first()
        SupervisorCopy.objects.create(disclosure=d, supervisor=supervisor, due_on=due)
    _log(actor, "disclosure.published", d, index_no=d.index_no, published_on=today, due_on=d.due_on)
    disclosure_changed.send(sender=Disclosure, disclosure_id=d.pk, action="published")
    return d


def _snapshot(d: Disclosure) -> dict[str, Any]:
    content = content_of(d)
    content["index_no"] = d.index_no
    content["validity"] = d.validity
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in content.items()}


# --- after publishing ----------------------------------------------------------------------------------------


@transaction.atomic
def propose_correction(*, actor, disclosure: Disclosure, data: dict[str, Any], reason: str) -> Revision:
    """A correction (更正) is a new revision, proposed by a publisher and decided by a reviewer."""
    d = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    require(perms.can_propose_correction(actor, d))
    if not reason.strip():
        raise DomainError("更正须说明理由", code="reason_required")
    if d.revisions.filter(status=RevisionStatus.PROPOSED).exists():
        raise DomainError("已有待审核的更正，请先处理", code="correction_pending")
    content = content_of(d)
    changes = _clean(data)
    if "fields" in changes:  # a correction may name only the fields it changes
        changes["fields"] = {**(d.fields or {}), **(changes["fields"] or {})}
    content.update(changes)
    content["formed_on"] = d.formed_on  # the date formed stays the original information's
    _check(d, content)
    content["body"] = with_ending(content["body"], content["redacted"])
    number = (d.revisions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    revision = Revision.objects.create(
        disclosure=d,
        number=number,
        status=RevisionStatus.PROPOSED,
        content={k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in content.items()},
        reason=reason.strip(),
        proposed_by=actor,
    )
    _log(actor, "disclosure.correction_proposed", d, revision=number, reason=reason.strip())
    return revision


@transaction.atomic
def decide_correction(
    *, actor, revision: Revision, approve: bool, comment: str = "", confirm_personal_data: bool = False
) -> Revision:
    rev = Revision.objects.select_for_update().select_related("disclosure").get(pk=revision.pk)
    d = Disclosure.objects.select_for_update().get(pk=rev.disclosure_id)
    require(perms.can_decide_correction(actor, d, rev.proposed_by_id))
    if rev.status != RevisionStatus.PROPOSED:
        raise DomainError("该更正已处理", code="already_decided")
    now = timezone.now()
    if not approve:
        rev.status, rev.decided_by = RevisionStatus.REJECTED, actor
        rev.save()
        _log(actor, "disclosure.correction_rejected", d, revision=rev.number, comment=comment)
        return rev
    for key in (
        "title",
        "doc_no",
        "body",
        "redacted",
        "fields",
        "subject",
        "genre",
        "info_source",
        "keywords",
    ):
        setattr(d, key, rev.content.get(key, getattr(d, key)))
    d.valid_until = (
        dt.date.fromisoformat(rev.content["valid_until"]) if rev.content.get("valid_until") else None
    )
    _refuse_unmasked(d, confirm_personal_data or d.personal_data_confirmed, actor)
    d.save()
    d.revisions.filter(status=RevisionStatus.PUBLISHED).update(status=RevisionStatus.SUPERSEDED)
    rev.status, rev.decided_by, rev.published_at = RevisionStatus.PUBLISHED, actor, now
    rev.content = {**rev.content, "index_no": d.index_no, "validity": d.validity}
    rev.save()
    _log(actor, "disclosure.corrected", d, revision=rev.number, reason=rev.reason)
    disclosure_changed.send(sender=Disclosure, disclosure_id=d.pk, action="corrected")
    return rev


@transaction.atomic
def withdraw(*, actor, disclosure: Disclosure, reason: str) -> Disclosure:
    """撤回: the public page stays, as a notice of withdrawal with the reason."""
    d = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    require(perms.can_withdraw(actor, d))
    if not reason.strip():
        raise DomainError("撤回须说明理由", code="reason_required")
    d.state, d.withdrawal_reason, d.withdrawn_at = State.WITHDRAWN, reason.strip(), timezone.now()
    d.save()
    _log(actor, "disclosure.withdrawn", d, reason=reason.strip())
    disclosure_changed.send(sender=Disclosure, disclosure_id=d.pk, action="withdrawn")
    return d


@transaction.atomic
def change_validity(*, actor, disclosure: Disclosure, validity: str, reason: str) -> Disclosure:
    d = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    require(perms.can_change_validity(actor, d))
    if validity not in Validity.values:
        raise DomainError(f"效力状态“{validity}”无效", code="invalid_validity")
    if not reason.strip():
        raise DomainError("变更效力状态须说明理由", code="reason_required")
    before = d.validity
    d.validity = validity
    d.save()
    _log(actor, "disclosure.validity_changed", d, before=before, after=validity, reason=reason.strip())
    disclosure_changed.send(sender=Disclosure, disclosure_id=d.pk, action="validity")
    return d


@transaction.atomic
def link(*, actor, source: Disclosure, target: Disclosure, kind: str) -> DisclosureLink:
    if kind not in LinkKind.values:
        raise DomainError(f"关系“{kind}”无效", code="invalid_link")
    if source.pk == target.pk:
        raise DomainError("不能关联自己", code="invalid_link")
    if not (
        perms.has_perm(actor, source.organization, perms.Perm.DISCLOSURE_DRAFT)
        or perms.has_perm(actor, source.organization, perms.Perm.DISCLOSURE_REVIEW)
    ):
        raise PermissionDenied("只有本单位的信息发布员或审查员可以关联信息")
    if target.state not in (State.PUBLISHED, State.WITHDRAWN) and not perms.can_view_internal(actor, target):
        raise PermissionDenied("被关联的信息尚未发布")
    created_link, _ = DisclosureLink.objects.get_or_create(
        source=source, target=target, kind=kind, defaults={"created_by": actor}
    )
    _log(actor, "disclosure.linked", source, target=target.pk, kind=kind)
    return created_link


@transaction.atomic
def add_attachment(*, actor, disclosure: Disclosure, name: str, content: bytes) -> Attachment:
    """Attach a file: type by extension from a fixed list, size limited; stored outside the web root."""
    from pathlib import PurePath

    from django.core.files.base import ContentFile

    d = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    require(perms.can_edit(actor, d))
    ext = PurePath(name).suffix.lower()
    if ext not in ALLOWED_ATTACHMENT_TYPES:
        raise DomainError(
            f"不支持的附件类型“{ext or '无扩展名'}”，可上传：{'、'.join(ALLOWED_ATTACHMENT_TYPES)}",
            code="attachment_type",
        )
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise DomainError("附件不能超过 50MB", code="attachment_size")
    if not content:
        raise DomainError("附件为空", code="attachment_empty")
    digest = hashlib.sha256(content).hexdigest()
    attachment = Attachment(
        disclosure=d,
        name=PurePath(name).name[:200],
        content_type=ALLOWED_ATTACHMENT_TYPES[ext],
        size=len(content),
        sha256=digest,
        uploaded_by=actor,
    )
    attachment.file.save(f"{digest[:16]}{ext}", ContentFile(content), save=False)
    attachment.save()
    _log(actor, "disclosure.attachment_added", d, name=attachment.name, sha256=digest, size=len(content))
    return attachment


@transaction.atomic
def mark_copied(*, actor, disclosure: Disclosure, sent_on: dt.date | None = None) -> SupervisorCopy:
    d = Disclosure.objects.get(pk=disclosure.pk)
    require(perms.can_mark_copied(actor, d))
    copy = SupervisorCopy.objects.select_for_update().filter(disclosure=d).first()
    if copy is None:
        raise DomainError("这条信息无需抄送监管部门", code="no_copy_duty")
    copy.state, copy.sent_on, copy.sent_by = CopyState.SENT, sent_on or timezone.localdate(), actor
    copy.save()
    _log(actor, "disclosure.copied_to_supervisor", d, sent_on=copy.sent_on, due_on=copy.due_on)
    return copy
