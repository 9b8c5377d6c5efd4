"""Staff pages for applications: the ledger (台账) with filters, registering one received offline, one
application with its deadline derivation and the handling actions, and the due-soon and overdue lists.
Services check every permission; the views validate, call one service and answer."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.applications import selectors, services
from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.models import Application
from gongkai.applications.rules import APPLICANT_FIELDS
from gongkai.backoffice.forms_applications import (
    ConfirmForm,
    ConsultationAnswerForm,
    ConsultationForm,
    CorrectionForm,
    CorrectionRequestForm,
    ExtensionForm,
    LedgerFilterForm,
    RegisterForm,
    ReplyForm,
)
from gongkai.core.audit import history_for
from gongkai.core.errors import DomainError, NotFound
from gongkai.core.permissions import Perm
from gongkai.orgs.roles import organizations_with

DUE_SOON_DAYS = 7  # calendar days ahead on the due-soon list: a display choice, not a rule


def _staff_application(request: HttpRequest, pk: int) -> Application:
    try:
        return selectors.get_for_staff(request.user, pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc


@login_required
def application_list(request: HttpRequest) -> HttpResponse:
    form = LedgerFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.ledger(
        selectors.staff_applications(request.user), **{k: v for k, v in filters.items() if v}
    )
    can_register = organizations_with(request.user, Perm.APPLICATION_HANDLE).exists()
    return render(request, "backoffice/applications/list.html",
                  {"form": form, "rows": rows[:200], "count": rows.count(), "can_register": can_register})  # fmt: skip


@login_required
def application_deadlines(request: HttpRequest) -> HttpResponse:
    """Due soon and overdue, selected from everything open — not what changed since an earlier look."""
    today = timezone.localdate()
    qs = selectors.staff_applications(request.user)
    context = {
        "today": today,
        "due_soon": selectors.due_soon(qs, today, today + dt.timedelta(days=DUE_SOON_DAYS)),
        "overdue": selectors.overdue(qs, today),
        "unconfirmed": selectors.unconfirmed(qs),
        "correction_expired": selectors.correction_expired(qs, today),
        "consultations_expired": selectors.consultations_expired(qs, today),
        "due_soon_days": DUE_SOON_DAYS,
    }
    return render(request, "backoffice/applications/deadlines.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def application_register(request: HttpRequest) -> HttpResponse:
    organizations = organizations_with(request.user, Perm.APPLICATION_HANDLE).select_related("jurisdiction")
    if not organizations.exists():
        raise Http404("您不是任何机构的依申请公开办理人")
    form = RegisterForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            app, code = services.register_offline(
                actor=request.user, organization=d["organization"], channel=d["channel"],
                data={k: d.get(k) or "" for k in APPLICANT_FIELDS}, submitted_on=d["submitted_on"],
                signed_on=d["signed_on"], confirmed_on=d["confirmed_on"],
            )  # fmt: skip
        except DomainError as exc:
            for problem in exc.details.get("problems", []):
                form.add_error(
                    problem["field"] if problem["field"] in form.fields else None, problem["message"]
                )
            if not exc.details.get("problems"):
                form.add_error(None, exc.message)
        else:
            # Rendered, not redirected: the tracking code is shown this once and kept nowhere (not in messages).
            return render(request, "backoffice/applications/registered.html",
                          {"application": app, "tracking_code": code})  # fmt: skip
    return render(request, "backoffice/applications/register.html", {"form": form})


@login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    app = _staff_application(request, pk)
    context = {
        "application": app,
        "deadline": compute_deadline(app, timezone.localdate()),
        "consultations": list(app.consultations.all()),
        "history": history_for(app),
        "forms": {
            "confirm": ConfirmForm(),
            "request_correction": CorrectionRequestForm(),
            "record_correction": CorrectionForm(),
            "consult": ConsultationForm(),
            "answer": ConsultationAnswerForm(),
            "extend": ExtensionForm(approvers=selectors.extension_approvers(app.organization)),
            "reply": ReplyForm(),
        },
    }
    return render(request, "backoffice/applications/detail.html", context)


def _act(request: HttpRequest, app: Application, action: str) -> str:
    """Run one handling step from its form; returns the success message or raises DomainError."""
    user, p = request.user, request.POST
    if action == "confirm":
        d = _valid(ConfirmForm(p))
        services.confirm_receipt(actor=user, application=app, confirmed_on=d["confirmed_on"])
        return "已确认收到申请"
    if action == "request_correction":
        d = _valid(CorrectionRequestForm(p))
        services.request_correction(actor=user, application=app, **d)
        return "已登记补正告知"
    if action == "record_correction":
        d = _valid(CorrectionForm(p))
        services.record_correction(actor=user, application=app, **d)
        return "已登记补正，答复期限重新起算"
    if action == "consult":
        d = _valid(ConsultationForm(p))
        services.start_consultation(actor=user, application=app, **d)
        return "已登记征求意见"
    if action == "answer":
        d = _valid(ConsultationAnswerForm(p))
        consultation = app.consultations.filter(pk=d.pop("consultation")).first()
        if consultation is None:
            raise DomainError("没有该征求意见记录", code="not_found")
        services.record_consultation_answer(actor=user, consultation=consultation, **d)
        return "已登记征求意见的答复"
    if action == "extend":
        d = _valid(ExtensionForm(p, approvers=selectors.extension_approvers(app.organization)))
        services.extend(actor=user, application=app, **d)
        return "已登记延期答复"
    if action == "reply":
        d = _valid(ReplyForm(p))
        services.reply(actor=user, application=app, **d)
        return "已答复"
    raise Http404("没有该操作")


def _valid(form) -> dict:
    if not form.is_valid():
        problems = "；".join(f"{form.fields[f].label if f in form.fields else ''}：{'，'.join(e)}"
                            for f, e in form.errors.items())  # fmt: skip
        raise DomainError(f"请检查填写的内容（{problems}）", code="invalid_form")
    return dict(form.cleaned_data)


@login_required
@require_POST
def application_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    app = _staff_application(request, pk)
    try:
        message = _act(request, app, action)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, message)
    return redirect("backoffice:application", pk=app.pk)
