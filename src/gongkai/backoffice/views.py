"""Staff pages (工作台): drafts, review queue, deadlines, forms from the catalog item's fields, actions.

Views validate input, call one service, and show its result or its error; permissions are enforced in the
services (the views only use the predicates to decide which buttons to show).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.backoffice.actions import run_action
from gongkai.backoffice.forms import DisclosureForm
from gongkai.catalog.models import CatalogItem
from gongkai.catalog.selectors import effective_items
from gongkai.core.audit import history_for
from gongkai.core.errors import DomainError, NotFound
from gongkai.disclosures import permissions as perms
from gongkai.disclosures import selectors, services
from gongkai.disclosures.choices import LinkKind, RevisionStatus, Validity
from gongkai.disclosures.models import Disclosure, Revision
from gongkai.disclosures.rules import deadline_state
from gongkai.ops.selectors import notices_for
from gongkai.orgs.models import Role
from gongkai.orgs.selectors import organizations_of
from gongkai.workdays.calendar import get_calendar

DUE_SOON_WORKDAYS = 5


def _staff_disclosure(request: HttpRequest, pk: int) -> Disclosure:
    try:
        return selectors.get_for_staff(request.user, pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _with_state(items, today):
    return [(d, deadline_state(d.due_on, d.published_on, today)) for d in items]


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    until = get_calendar().add_workdays(today, DUE_SOON_WORKDAYS).due
    user = request.user
    context = {
        "drafts": _with_state(selectors.my_drafts(user)[:50], today),
        "queue": _with_state(selectors.review_queue(user)[:50], today),
        "ready": _with_state(selectors.ready_to_publish(user)[:50], today),
        "due_soon": _with_state(selectors.due_soon(user, today, until)[:50], today),
        "overdue": _with_state(selectors.overdue(user, today)[:100], today),
        "copies": selectors.pending_copies(user)[:50],
        "memberships": user.memberships.select_related("organization"),
        "due_days": DUE_SOON_WORKDAYS,
        "notices": notices_for(user),
    }
    return render(request, "backoffice/dashboard.html", context)


@login_required
def search(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    results = selectors.search_staff(request.user, q)[:100] if q else []
    return render(request, "backoffice/search.html", {"q": q, "results": results})


@login_required
def choose_item(request: HttpRequest) -> HttpResponse:
    """Pick the organization and the catalog item to disclose (only items the organization's kind may publish)."""
    orgs = list(organizations_of(request.user, Role.PUBLISHER).select_related("jurisdiction"))
    choices = []
    for org in orgs:
        items = [
            i
            for i in effective_items(org.jurisdiction)
            if org.kind in i.publishers and i.attribute == "proactive"
        ]
        choices.append((org, items))
    return render(request, "backoffice/choose_item.html", {"choices": choices})


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, org_id: int, item_id: int) -> HttpResponse:
    org = get_object_or_404(organizations_of(request.user, Role.PUBLISHER), pk=org_id)
    item = get_object_or_404(CatalogItem.objects.select_related("domain"), pk=item_id)
    form = DisclosureForm(
        request.POST or None,
        item=item,
        initial={"attribute": item.attribute, "formed_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            d = services.create_draft(actor=request.user, organization=org, item=item, data=form.to_data())
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "草稿已保存")
            return redirect("backoffice:disclosure", pk=d.pk)
    return render(request, "backoffice/edit.html", {"form": form, "item": item, "organization": org})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    d = _staff_disclosure(request, pk)
    initial = DisclosureForm.initial_from({**services.content_of(d), "fields": d.fields})
    form = DisclosureForm(request.POST or None, item=d.catalog_item, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_draft(actor=request.user, disclosure=d, data=form.to_data())
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "草稿已保存")
            return redirect("backoffice:disclosure", pk=d.pk)
    return render(
        request,
        "backoffice/edit.html",
        {"form": form, "item": d.catalog_item, "organization": d.organization, "disclosure": d},
    )


def _findings_context(d: Disclosure, user) -> dict:
    findings = services.personal_data_findings(d)
    can_mask = d.state in ("draft", "submitted", "reviewed", "approved") and (
        perms.can_edit(user, d)[0] or perms.has_perm(user, d.organization, perms.Perm.DISCLOSURE_REVIEW)
    )
    return {
        "disclosure": d,
        "findings": findings,
        "can_mask": can_mask,
        "maskable": any(not loc.lawful for loc in findings),
        "lawful_count": sum(loc.lawful for loc in findings),
        "personal_data_message": services.personal_data_message(findings, punitive=d.catalog_item.punitive),
    }


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    d = _staff_disclosure(request, pk)
    user = request.user
    proposed = d.revisions.filter(status=RevisionStatus.PROPOSED).first()
    actions = {
        "edit": perms.can_edit(user, d)[0],
        "submit": perms.can_submit(user, d)[0],
        "review": perms.can_review(user, d)[0],
        "approve": perms.can_approve(user, d)[0],
        "send_back": perms.can_send_back(user, d)[0],
        "publish": perms.can_publish(user, d)[0],
        "correct": perms.can_propose_correction(user, d)[0] and proposed is None,
        "decide": proposed is not None and perms.can_decide_correction(user, d, proposed.proposed_by_id)[0],
        "withdraw": perms.can_withdraw(user, d)[0],
        "validity": perms.can_change_validity(user, d)[0],
        "copy": hasattr(d, "supervisor_copy")
        and d.supervisor_copy.state == "pending"
        and perms.can_mark_copied(user, d)[0],
    }
    context = {
        **_findings_context(d, user),
        "actions": actions,
        "proposed": proposed,
        "deadline": deadline_state(d.due_on, d.published_on, timezone.localdate()),
        "history": history_for(d),
        "revisions": d.revisions.order_by("-number"),
        "links": selectors.links_of(d, public=False),
        "validity_choices": Validity.choices,
        "link_kinds": LinkKind.choices,
    }
    return render(request, "backoffice/detail.html", context)


@login_required
@require_POST
def mask(request: HttpRequest, pk: int) -> HttpResponse:
    """One-click masking of a finding (or all, without `where`); answers the findings panel together with the body
    and fields it checked, for htmx (the panel alone would leave the unmasked body on screen)."""
    d = _staff_disclosure(request, pk)
    where = request.POST.get("where") or None
    start = int(request.POST["start"]) if request.POST.get("start", "").isdigit() else None
    try:
        services.mask_personal_data(actor=request.user, disclosure=d, where=where, start=start)
    except DomainError as exc:
        messages.error(request, exc.message)
    d.refresh_from_db()
    if request.headers.get("HX-Request"):
        return render(request, "backoffice/_checked_content.html", _findings_context(d, request.user))
    return redirect("backoffice:disclosure", pk=d.pk)


def _flag(request: HttpRequest, name: str) -> bool:
    return request.POST.get(name) in ("1", "on", "true")


@login_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Run one workflow action; its service checks permission and state and says why when it refuses."""
    d = _staff_disclosure(request, pk)
    user, post = request.user, request.POST
    handlers = {
        "submit": (lambda: services.submit(actor=user, disclosure=d), "已提交保密审查"),
        "review": (lambda: services.review(actor=user, disclosure=d, comment=post.get("comment", ""),
                                           risk_decision=post.get("risk_decision", ""),
                                           confirm_personal_data=_flag(request, "confirm_personal_data")), "保密审查已通过"),
        "approve": (lambda: services.approve(actor=user, disclosure=d, comment=post.get("comment", ""),
                                             confirm_personal_data=_flag(request, "confirm_personal_data")), "已审批"),
        "send_back": (lambda: services.send_back(actor=user, disclosure=d, comment=post.get("comment", "")), "已退回修改"),
        "publish": (lambda: services.publish(actor=user, disclosure=d), "已发布"),
        "withdraw": (lambda: services.withdraw(actor=user, disclosure=d, reason=post.get("reason", "")), "已撤回"),
        "validity": (lambda: services.change_validity(actor=user, disclosure=d, validity=post.get("validity", ""),
                                                      reason=post.get("reason", "")), "效力状态已变更"),
        "copy": (lambda: services.mark_copied(actor=user, disclosure=d), "已登记抄送"),
        "link": (lambda: services.link(actor=user, source=d, target=_link_target(user, post.get("target", "")),
                                       kind=post.get("kind", "")), "已关联"),
        "attach": (lambda: _attach(request, d), "附件已上传"),
    }  # fmt: skip
    return run_action(request, handlers, action, "backoffice:disclosure", pk=d.pk)


def _link_target(user, value: str) -> Disclosure:
    value = value.strip()
    qs = Disclosure.objects.published() | selectors.staff_disclosures(user)
    target = qs.filter(index_no=value).first() or (
        qs.filter(pk=int(value)).first() if value.isdigit() else None
    )
    if target is None:
        raise DomainError(f"找不到索引号或编号为“{value}”的信息", code="link_target_not_found")
    return target


def _attach(request: HttpRequest, d: Disclosure):
    upload = request.FILES.get("file")
    if upload is None:
        raise DomainError("请选择要上传的文件", code="attachment_missing")
    return services.add_attachment(actor=request.user, disclosure=d, name=upload.name, content=upload.read())


@login_required
@require_http_methods(["GET", "POST"])
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    d = _staff_disclosure(request, pk)
    initial = DisclosureForm.initial_from({**services.content_of(d), "fields": d.fields})
    initial["body"] = services.strip_ending(d.body)
    form = DisclosureForm(request.POST or None, item=d.catalog_item, initial=initial)
    reason = request.POST.get("reason", "")
    if request.method == "POST" and form.is_valid():
        try:
            services.propose_correction(actor=request.user, disclosure=d, data=form.to_data(), reason=reason)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "更正已提交，待审查员审核")
            return redirect("backoffice:disclosure", pk=d.pk)
    return render(request, "backoffice/edit.html", {"form": form, "item": d.catalog_item, "organization": d.organization,
                                                    "disclosure": d, "correction": True, "reason": reason})  # fmt: skip


@login_required
@require_POST
def decide(request: HttpRequest, pk: int, revision_id: int) -> HttpResponse:
    d = _staff_disclosure(request, pk)
    revision = get_object_or_404(Revision, pk=revision_id, disclosure=d)
    approve = request.POST.get("decision") == "approve"
    try:
        services.decide_correction(actor=request.user, revision=revision, approve=approve, comment=request.POST.get("comment", ""),
                                   confirm_personal_data=_flag(request, "confirm_personal_data"))  # fmt: skip
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "更正已发布" if approve else "更正未通过")
    return redirect("backoffice:disclosure", pk=d.pk)
