"""Staff pages for credit information (信用管理): entities, credit records, the blacklist with its two-person
review of listing and removal, and credit repair. Views validate, call one service and show its result or its
error; the services enforce permissions (the predicates here only decide which buttons to show)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.backoffice.actions import run_action
from gongkai.backoffice.forms_credit import (
    BlacklistForm,
    CreditRecordForm,
    EntityForm,
    RemovalForm,
    RepairForm,
)
from gongkai.core.audit import history_for
from gongkai.core.errors import DomainError, NotFound
from gongkai.core.permissions import Perm
from gongkai.credit import permissions as perms
from gongkai.credit import selectors, services
from gongkai.credit.choices import BlacklistState, RecordKind, RecordState
from gongkai.credit.models import Entity
from gongkai.orgs.roles import organizations_with


def _or_404(fn, *args):
    try:
        return fn(*args)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _require_credit_staff(request: HttpRequest) -> None:
    """Entity histories (records no longer public, entries removed) are for staff who do credit work."""
    if not perms.staff_organizations(request.user).exists():
        raise Http404("页面不存在")


def _problems_to_form(form, exc: DomainError) -> None:
    for problem in exc.details.get("problems", []):
        field = problem["field"] if problem["field"] in form.fields else None
        form.add_error(field, problem["message"])
    if not exc.details.get("problems"):
        form.add_error(None, exc.message)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "listing_queue": selectors.listing_queue(user)[:50],
        "repair_queue": selectors.repair_queue(user)[:50],
        "sent_back": selectors.my_sent_back(user)[:50],
        "entries": selectors.staff_entries(user).order_by("-updated_at")[:20],
        "records": selectors.staff_records(user).order_by("-created_at")[:20],
        "can_record": organizations_with(user, Perm.CREDIT_RECORD).exists(),
        "can_propose": organizations_with(user, Perm.BLACKLIST_PROPOSE).exists(),
    }
    return render(request, "backoffice/credit/dashboard.html", context)


@login_required
def entity_lookup(request: HttpRequest) -> HttpResponse:
    _require_credit_staff(request)
    q = request.GET.get("q", "").strip()[:100]
    results = selectors.search_entities(q)[:50] if q else []
    return render(request, "backoffice/credit/entity_lookup.html", {"q": q, "results": results})


@login_required
@require_http_methods(["GET", "POST"])
def entity_edit(request: HttpRequest) -> HttpResponse:
    """Register an entity, or update the registration of the one with the code given (?uscc=)."""
    _require_credit_staff(request)
    existing = selectors.entity_by_uscc(request.GET.get("uscc", ""))
    initial = {}
    if existing is not None:
        initial = {k: getattr(existing, k) for k in ("uscc", "name", "kind", *services.ENTITY_FIELDS)}
    form = EntityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            entity = services.register_entity(actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            _problems_to_form(form, exc)
        else:
            messages.success(request, "市场主体信息已保存")
            return redirect("backoffice:credit-entity", uscc=entity.uscc)
    return render(request, "backoffice/credit/entity_edit.html", {"form": form, "entity": existing})


@login_required
def entity_detail(request: HttpRequest, uscc: str) -> HttpResponse:
    """Everything recorded about an entity, in public view or not any more (history)."""
    _require_credit_staff(request)
    entity = _or_404(selectors.get_entity, uscc)
    today = timezone.localdate()
    visible = set(selectors.public_records(entity, today).values_list("pk", flat=True))
    context = {
        "entity": entity,
        "history": selectors.entity_history(entity),
        "visible_records": visible,
        "visible_entries": set(selectors.public_entries(entity, today).values_list("pk", flat=True)),
        "entity_log": history_for(entity),
    }
    return render(request, "backoffice/credit/entity_detail.html", context)


def _entity_for(form) -> Entity:
    entity = selectors.entity_by_uscc(form.cleaned_data["uscc"])
    if entity is None:
        raise DomainError("该统一社会信用代码的市场主体尚未登记，请先登记市场主体", code="entity_unknown")
    return entity


@login_required
@require_http_methods(["GET", "POST"])
def record_create(request: HttpRequest) -> HttpResponse:
    _require_credit_staff(request)
    orgs = organizations_with(request.user, Perm.CREDIT_RECORD)
    form = CreditRecordForm(request.POST or None, organizations=orgs,
                            initial={"uscc": request.GET.get("uscc", ""), "kind": RecordKind.PENALTY})  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            record = services.record_credit(actor=request.user, organization=form.cleaned_data["organization"],
                                            entity=_entity_for(form), data=form.to_data())  # fmt: skip
        except DomainError as exc:
            _problems_to_form(form, exc)
        else:
            messages.success(request, f"信用信息已录入（{record.get_state_display()}）")
            return redirect("backoffice:credit-record", pk=record.pk)
    return render(request, "backoffice/credit/record_form.html", {"form": form})


@login_required
def record_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = _or_404(selectors.get_staff_record, request.user, pk)
    user = request.user
    repairable = record.kind == RecordKind.PENALTY and record.state == RecordState.PUBLIC
    context = {
        "record": record,
        "in_publicity": selectors.public_records(record.entity).filter(pk=record.pk).exists(),
        "can_withdraw": record.state != RecordState.WITHDRAWN
        and perms.can_record(user, record.organization)[0],
        "can_repair": repairable and perms.can_record_repair(user, record.organization)[0],
        "repair_form": RepairForm(initial={"applied_on": timezone.localdate()}),
        "repairs": record.repairs.select_related("recorded_by", "decided_by"),
        "history": history_for(record),
    }
    return render(request, "backoffice/credit/record_detail.html", context)


@login_required
@require_POST
def record_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    record = _or_404(selectors.get_staff_record, request.user, pk)
    try:
        if action == "withdraw":
            services.withdraw_credit_record(
                actor=request.user, record=record, reason=request.POST.get("reason", "")
            )
            done = "已撤回"
        elif action == "repair":
            repair = _apply_repair(request, record)
            messages.success(request, "信用修复申请已登记，待审核")
            return redirect("backoffice:credit-repair", pk=repair.pk)
        else:
            raise Http404("没有这个操作")
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("backoffice:credit-record", pk=record.pk)


def _apply_repair(request: HttpRequest, target):
    form = RepairForm(request.POST)
    if not form.is_valid():
        raise DomainError("；".join(f"{form.fields[k].label}：{v[0]}" for k, v in form.errors.items()),
                          code="invalid_repair")  # fmt: skip
    return services.record_repair_application(actor=request.user, target=target, **form.cleaned_data)


@login_required
@require_http_methods(["GET", "POST"])
def entry_create(request: HttpRequest) -> HttpResponse:
    _require_credit_staff(request)
    orgs = organizations_with(request.user, Perm.BLACKLIST_PROPOSE)
    form = BlacklistForm(
        request.POST or None, organizations=orgs, initial={"uscc": request.GET.get("uscc", "")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.propose_listing(actor=request.user, organization=form.cleaned_data["organization"],
                                             entity=_entity_for(form), data=form.to_data())  # fmt: skip
        except DomainError as exc:
            _problems_to_form(form, exc)
        else:
            messages.success(request, "列入申请已提交，待另一名审核人审核")
            return redirect("backoffice:credit-entry", pk=entry.pk)
    return render(request, "backoffice/credit/entry_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _or_404(selectors.get_staff_entry, request.user, pk)
    orgs = organizations_with(request.user, Perm.BLACKLIST_PROPOSE).filter(pk=entry.organization_id)
    form = BlacklistForm(request.POST or None, organizations=orgs, initial=BlacklistForm.initial_from(entry))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_draft(actor=request.user, entry=entry, data=form.to_data())
        except DomainError as exc:
            _problems_to_form(form, exc)
        else:
            messages.success(request, "已修改并重新提交审核")
            return redirect("backoffice:credit-entry", pk=entry.pk)
    return render(request, "backoffice/credit/entry_form.html", {"form": form, "entry": entry})


@login_required
def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _or_404(selectors.get_staff_entry, request.user, pk)
    user = request.user
    actions = {
        "edit": perms.can_edit_draft(user, entry)[0],
        "review_listing": perms.can_review_listing(user, entry)[0],
        "propose_removal": perms.can_propose_removal(user, entry)[0],
        "review_removal": perms.can_review_removal(user, entry)[0],
        "repair": entry.state == BlacklistState.LISTED
        and perms.can_record_repair(user, entry.organization)[0],
    }
    context = {
        "entry": entry,
        "actions": actions,
        "on_public_list": selectors.public_entries(entry.entity).filter(pk=entry.pk).exists(),
        "removal_form": RemovalForm(),
        "repair_form": RepairForm(initial={"applied_on": timezone.localdate()}),
        "repairs": entry.repairs.select_related("recorded_by", "decided_by"),
        "history": history_for(entry),
    }
    return render(request, "backoffice/credit/entry_detail.html", context)


@login_required
@require_POST
def entry_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    entry = _or_404(selectors.get_staff_entry, request.user, pk)
    user, post = request.user, request.POST
    approve = post.get("decision") == "approve"
    comment = post.get("comment", "")
    handlers = {
        "review_listing": (lambda: services.review_listing(actor=user, entry=entry, approve=approve, comment=comment),
                           "已列入名单" if approve else "已退回修改"),
        "propose_removal": (lambda: services.propose_removal(actor=user, entry=entry, kind=post.get("kind", ""),
                                                             reason=post.get("reason", "")), "移出申请已提交，待另一名审核人审核"),
        "review_removal": (lambda: services.review_removal(actor=user, entry=entry, approve=approve, comment=comment),
                           "已移出名单" if approve else "不同意移出，仍在名单中"),
    }  # fmt: skip
    if action == "repair":
        try:
            repair = _apply_repair(request, entry)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect("backoffice:credit-entry", pk=entry.pk)
        messages.success(request, "信用修复申请已登记，待审核")
        return redirect("backoffice:credit-repair", pk=repair.pk)
    return run_action(request, handlers, action, "backoffice:credit-entry", pk=entry.pk)


@login_required
def repair_detail(request: HttpRequest, pk: int) -> HttpResponse:
    repair = _or_404(selectors.get_staff_repair, request.user, pk)
    context = {
        "repair": repair,
        "can_decide": perms.can_decide_repair(request.user, repair)[0],
        "history": history_for(repair),
    }
    return render(request, "backoffice/credit/repair_detail.html", context)


@login_required
@require_POST
def repair_decide(request: HttpRequest, pk: int) -> HttpResponse:
    repair = _or_404(selectors.get_staff_repair, request.user, pk)
    approve = request.POST.get("decision") == "approve"
    try:
        services.decide_repair(actor=request.user, repair=repair, approve=approve,
                               comment=request.POST.get("comment", ""))  # fmt: skip
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已准予信用修复，提前停止公示" if approve else "已决定不予修复")
    return redirect("backoffice:credit-repair", pk=repair.pk)
