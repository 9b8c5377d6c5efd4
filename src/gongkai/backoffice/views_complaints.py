"""Staff pages for complaints (举报). Supervisors of the office a complaint is routed to see it in their queue,
open it and handle it (accept, transfer, ask the organization to explain, decide, close). The complained-about
organization's publishers see only the explanation requests and the result, never the complainant. Services
check every permission; the views validate, call one service and answer (missing and forbidden are 404)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.backoffice.forms_complaints import (
    AcceptForm,
    AnswerForm,
    CloseForm,
    DecideForm,
    ExplanationRequestForm,
    QueueFilterForm,
    RectificationForm,
    TransferForm,
)
from gongkai.complaints import permissions as perms
from gongkai.complaints import selectors, services
from gongkai.complaints.models import Complaint
from gongkai.complaints.presenters import organization_view
from gongkai.complaints.routing import handling_period
from gongkai.complaints.rules import rules
from gongkai.core.audit import history_for
from gongkai.core.errors import DomainError, NotFound


def _handled(request: HttpRequest, pk: int) -> Complaint:
    try:
        return selectors.get_for_handler(request.user, pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _concerning(request: HttpRequest, pk: int) -> Complaint:
    try:
        return selectors.get_for_organization(request.user, pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc


@login_required
def complaint_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = QueueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = selectors.handler_queue(request.user, state=filters.get("state", ""), mark=filters.get("mark", ""),
                                 today=today)  # fmt: skip
    names = dict(rules().choices())
    rows = [(c, selectors.due_mark(c, today), names.get(c.category, c.category)) for c in qs[:200]]
    context = {
        "form": form,
        "rows": rows,
        "count": qs.count(),
        "organization_rows": list(selectors.organization_queue(request.user)[:200]),
        "open_explanations": list(selectors.open_explanations(request.user)),
        "today": today,
    }
    return render(request, "backoffice/complaints/list.html", context)


@login_required
def complaint_detail(request: HttpRequest, pk: int) -> HttpResponse:
    c = _handled(request, pk)
    context = {
        "complaint": c,
        "category": rules().category(c.category),
        "mark": selectors.due_mark(c, timezone.localdate()),
        "period": handling_period(c.jurisdiction),
        "steps": list(c.steps.all()),
        "explanations": list(c.explanations.all()),
        "history": history_for(c),
        "forms": {
            "accept": AcceptForm(),
            "transfer": TransferForm(targets=perms.transfer_targets(c)),
            "request_explanation": ExplanationRequestForm(),
            "decide": DecideForm(),
            "close": CloseForm(),
        },
    }
    return render(request, "backoffice/complaints/detail.html", context)


def _valid(form) -> dict:
    if not form.is_valid():
        problems = "；".join(f"{form.fields[f].label if f in form.fields else ''}：{'，'.join(e)}"
                            for f, e in form.errors.items())  # fmt: skip
        raise DomainError(f"请检查填写的内容（{problems}）", code="invalid_form")
    return dict(form.cleaned_data)


def _act(request: HttpRequest, c: Complaint, action: str) -> str:
    user, p = request.user, request.POST
    if action == "accept":
        services.accept(actor=user, complaint=c, **_valid(AcceptForm(p)))
        return "已受理"
    if action == "transfer":
        services.transfer(
            actor=user, complaint=c, **_valid(TransferForm(p, targets=perms.transfer_targets(c)))
        )
        return "已转办"
    if action == "request_explanation":
        services.request_explanation(actor=user, complaint=c, **_valid(ExplanationRequestForm(p)))
        return "已要求被举报单位说明情况"
    if action == "decide":
        services.decide(actor=user, complaint=c, **_valid(DecideForm(p)))
        return "已作出认定"
    if action == "close":
        services.close(actor=user, complaint=c, **_valid(CloseForm(p)))
        return "已办结"
    raise Http404("没有该操作")


@login_required
@require_POST
def complaint_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    c = _handled(request, pk)
    try:
        message = _act(request, c, action)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, message)
    if action == "transfer" and not perms.can_handle(request.user, Complaint.objects.get(pk=c.pk))[0]:
        return redirect("backoffice:complaint-list")
    return redirect("backoffice:complaint", pk=c.pk)


@login_required
def organization_complaint(request: HttpRequest, pk: int) -> HttpResponse:
    c = _concerning(request, pk)
    view = organization_view(c)
    context = {
        "view": view,
        "answer_forms": {e.pk: AnswerForm(initial={"explanation": e.pk}) for e in view["explanations"]},
        "rectification_form": RectificationForm(),
    }
    return render(request, "backoffice/complaints/organization.html", context)


@login_required
@require_POST
def organization_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    c = _concerning(request, pk)
    try:
        if action == "answer":
            d = _valid(AnswerForm(request.POST))
            explanation = c.explanations.filter(pk=d["explanation"]).first()
            if explanation is None:
                raise DomainError("没有该情况说明要求", code="not_found")
            services.answer_explanation(actor=request.user, explanation=explanation, answer=d["answer"])
            message = "已提交情况说明"
        elif action == "rectify":
            services.record_rectification(
                actor=request.user, complaint=c, **_valid(RectificationForm(request.POST))
            )
            message = "已反馈整改情况"
        else:
            raise Http404("没有该操作")
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, message)
    return redirect("backoffice:complaint-organization", pk=c.pk)
