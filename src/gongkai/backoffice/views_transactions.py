"""Staff pages for transactions: the list with flags, registering one, its timeline with drafts, attaching and
detaching disclosures. Services check every permission; the views only validate, call one service and answer."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.backoffice.forms_transactions import AttachForm, TransactionForm
from gongkai.core.audit import history_for
from gongkai.core.errors import DomainError, NotFound
from gongkai.core.permissions import Perm
from gongkai.disclosures import selectors as disclosure_selectors
from gongkai.disclosures.models import Disclosure
from gongkai.orgs.roles import organizations_with
from gongkai.transactions import selectors, services
from gongkai.transactions.models import Transaction, TransactionStep


def _staff_transaction(request: HttpRequest, code: str) -> Transaction:
    try:
        return selectors.get_for_staff(request.user, code)
    except NotFound as exc:
        raise Http404(exc.message) from exc


@login_required
def transaction_list(request: HttpRequest) -> HttpResponse:
    flagged = request.GET.get("flagged") in ("1", "on", "true")
    rows = selectors.browse(selectors.staff_transactions(request.user), today=timezone.localdate(), flagged=flagged,
                            q=request.GET.get("q", "").strip(), domain=request.GET.get("domain") or None)  # fmt: skip
    can_register = organizations_with(request.user, Perm.TRANSACTION_MANAGE).exists()
    return render(request, "backoffice/transactions/list.html",
                  {"rows": rows[:200], "flagged": flagged, "can_register": can_register, "q": request.GET.get("q", "")})  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def transaction_create(request: HttpRequest) -> HttpResponse:
    organizations = organizations_with(request.user, Perm.TRANSACTION_MANAGE).select_related("jurisdiction")
    if not organizations.exists():
        raise Http404("您没有可登记交易项目的机构")
    form = TransactionForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            t = services.create_transaction(
                actor=request.user, organization=data["organization"], domain=data["domain"], title=data["title"],
                owner=data["owner"], agency=data["agency"], budget=data["budget"], procedure=data["procedure"],
                project_no=data["project_no"], project_code=data["project_code"], region_code=data["region_code"],
            )  # fmt: skip
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"交易项目已登记，统一交易标识码 {t.code}")
            return redirect("backoffice:transaction", code=t.code)
    return render(request, "backoffice/transactions/create.html", {"form": form})


@login_required
def transaction_detail(request: HttpRequest, code: str) -> HttpResponse:
    t = _staff_transaction(request, code)
    timeline = selectors.timeline(t, timezone.localdate(), public=False)
    context = {
        "transaction": t,
        "timeline": timeline,
        "attach_form": AttachForm(domain=t.domain),
        "history": history_for(t),
        "staff": True,
    }
    return render(request, "backoffice/transactions/detail.html", context)


def _find_disclosure(user, value: str) -> Disclosure:
    value = value.strip()
    qs = Disclosure.objects.published() | disclosure_selectors.staff_disclosures(user)
    found = qs.filter(index_no=value).first() or (
        qs.filter(pk=int(value)).first() if value.isdigit() else None
    )
    if found is None:
        raise DomainError(f"找不到索引号或编号为“{value}”的信息", code="disclosure_not_found")
    return found


@login_required
@require_POST
def transaction_attach(request: HttpRequest, code: str) -> HttpResponse:
    t = _staff_transaction(request, code)
    form = AttachForm(request.POST, domain=t.domain)
    if not form.is_valid():
        messages.error(request, "请填写公开信息的索引号或编号，并选择有效的环节")
        return redirect("backoffice:transaction", code=t.code)
    try:
        d = _find_disclosure(request.user, form.cleaned_data["disclosure"])
        step = services.attach_disclosure(
            actor=request.user, transaction=t, disclosure=d, stage=form.cleaned_data["stage"]
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已将“{d.title}”关联到“{step.stage.name}”环节")
    return redirect("backoffice:transaction", code=t.code)


@login_required
@require_POST
def transaction_detach(request: HttpRequest, code: str, step_id: int) -> HttpResponse:
    t = _staff_transaction(request, code)
    step = get_object_or_404(TransactionStep, pk=step_id, transaction=t)
    try:
        services.detach_disclosure(actor=request.user, step=step)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已取消关联")
    return redirect("backoffice:transaction", code=t.code)
