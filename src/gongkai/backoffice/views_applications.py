"""Staff pages for applications: the ledger (台账) with filters and its export (.xlsx, CSV), registering one
received offline, one application with its deadline derivation and the handling actions, the letters (.docx
and printable HTML), the letter templates, and the due-soon and overdue lists. Supervisors read the ledgers of
the jurisdictions they oversee. Services check every permission; the views validate, call one service and
answer."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.applications import exports, letters, selectors, services
from gongkai.applications import permissions as app_perms
from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.models import Application
from gongkai.applications.presenters import masked_id_number
from gongkai.applications.rules import APPLICANT_FIELDS
from gongkai.backoffice.forms_applications import (
    ConfirmForm,
    ConsultationAnswerForm,
    ConsultationForm,
    CorrectionForm,
    CorrectionRequestForm,
    DecisionForm,
    ExtensionForm,
    FeeForm,
    FeePaidForm,
    LedgerFilterForm,
    LetterTemplateForm,
    RegisterForm,
    RemedyDecisionForm,
    RemedyForm,
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


def _filtered(request: HttpRequest):
    from gongkai.orgs.models import Organization

    visible = selectors.staff_applications(request.user)
    organizations = Organization.objects.filter(pk__in=visible.values("organization_id")).order_by("name")
    form = LedgerFilterForm(request.GET or None, organizations=organizations)
    filters = dict(form.cleaned_data) if form.is_valid() else {}
    if filters.get("organization"):
        filters["organization"] = filters["organization"].pk
    rows = selectors.ledger(visible, **{k: v for k, v in filters.items() if v})
    return form, rows


@login_required
def application_list(request: HttpRequest) -> HttpResponse:
    form, rows = _filtered(request)
    can_register = organizations_with(request.user, Perm.APPLICATION_HANDLE).exists()
    query = request.GET.urlencode()
    return render(request, "backoffice/applications/list.html",
                  {"form": form, "rows": rows[:200], "count": rows.count(), "can_register": can_register,
                   "query": query})  # fmt: skip


@login_required
def application_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The ledger with the page's filters, as .xlsx or CSV."""
    _form, rows = _filtered(request)
    today = timezone.localdate()
    apps = list(selectors.for_export(rows))
    name = f"依申请公开台账-{today.isoformat()}"
    if fmt == "xlsx":
        content = exports.ledger_xlsx(apps, today)
        ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    elif fmt == "csv":
        content, ctype = exports.ledger_csv(apps, today), "text/csv; charset=utf-8"
    else:
        raise Http404("没有该格式")
    return _download(content, ctype, f"{name}.{fmt}")


def _download(content: bytes, ctype: str, filename: str) -> HttpResponse:
    from urllib.parse import quote

    response = HttpResponse(content, content_type=ctype)
    ascii_name = "download." + filename.rsplit(".", 1)[-1]
    response["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    )
    response["Cache-Control"] = "private, no-store"
    return response


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


def _reply_form(app: Application, data=None, **kwargs) -> ReplyForm:
    initial = {"repeat_of": app.possible_repeat_of_id} if app.possible_repeat_of_id else None
    return ReplyForm(data, initial=initial, earlier=selectors.earlier_applications(app),
                     items=selectors.publishable_items(app), **kwargs)  # fmt: skip


@login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    app = _staff_application(request, pk)
    can_act = app_perms.can_handle(request.user, app.organization)[0]
    consultations, remedies = list(app.consultations.all()), list(app.remedies.all())
    if can_act:  # one form per record, with its own element ids
        for c in consultations:
            c.answer_form = ConsultationAnswerForm(auto_id=f"answer-{c.pk}-%s")
            c.decide_form = DecisionForm(auto_id=f"decide-{c.pk}-%s")
        for r in remedies:
            r.decide_form = RemedyDecisionForm(auto_id=f"remedy-decide-{r.pk}-%s")
    context = {
        "application": app,
        "can_act": can_act,
        "id_number": masked_id_number(app),
        "deadline": compute_deadline(app, timezone.localdate()),
        "consultations": consultations,
        "remedies": remedies,
        "fee": getattr(app, "fee", None),
        "history": history_for(app),
        "forms": {
            "confirm": ConfirmForm(auto_id="confirm-%s"),
            "request_correction": CorrectionRequestForm(auto_id="correction-request-%s"),
            "record_correction": CorrectionForm(auto_id="correction-%s"),
            "consult": ConsultationForm(auto_id="consult-%s"),
            "extend": ExtensionForm(
                approvers=selectors.extension_approvers(app.organization), auto_id="extend-%s"
            ),
            "fee": FeeForm(auto_id="fee-%s"),
            "fee_paid": FeePaidForm(auto_id="fee-paid-%s"),
            "reply": _reply_form(app, auto_id="reply-%s") if can_act else None,
            "remedy": RemedyForm(auto_id="remedy-%s"),
        }
        if can_act
        else {},
    }
    return render(request, "backoffice/applications/detail.html", context)


def _letter(request: HttpRequest, app: Application, which: str) -> letters.Letter:
    if which == "reply":
        if not app.reply_type:
            raise Http404("尚未答复")
        url = ""
        if app.disclosure_id and app.disclosure.state == "published":
            url = request.build_absolute_uri(reverse("portal:disclosure", args=[app.disclosure_id]))
        return letters.reply_letter(app, url=url)
    kind, _sep, cid = which.partition("-")
    c = app.consultations.filter(pk=int(cid)).first() if cid.isdigit() else None
    if c is None:
        raise Http404("没有该文书")
    if kind == "consultation" and c.letter_text:
        return letters.stored_letter(app, "consultation.title", c.letter_text)
    if kind == "notice" and c.notice_text:
        return letters.stored_letter(app, "third_party_notice.title", c.notice_text)
    raise Http404("没有该文书")


@login_required
def application_letter(request: HttpRequest, pk: int, which: str) -> HttpResponse:
    """A letter as a printable page."""
    app = _staff_application(request, pk)
    letter = _letter(request, app, which)
    return render(request, "backoffice/applications/letter.html",
                  {"application": app, "letter": letter, "which": which})  # fmt: skip


@login_required
def application_letter_docx(request: HttpRequest, pk: int, which: str) -> HttpResponse:
    """A letter as a Word document."""
    app = _staff_application(request, pk)
    letter = _letter(request, app, which)
    return _download(letters.to_docx(letter),
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     f"{letter.title}-{app.registration_no}.docx")  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def letter_templates(request: HttpRequest) -> HttpResponse:
    """The letter templates of an organization: the default text or the organization's own, editable by its
    disclosure office head or administrator; each save is versioned in the audit log."""
    from gongkai.orgs.selectors import organizations_of

    editable = [o for o in organizations_of(request.user).filter(active=True).order_by("name")
                if app_perms.can_edit_letters(request.user, o)[0]]  # fmt: skip
    if not editable:
        raise Http404("您不能维护文书模板")
    org_id = request.POST.get("organization") or request.GET.get("organization")
    organization = next((o for o in editable if str(o.pk) == str(org_id)), editable[0])
    if request.method == "POST":
        form = LetterTemplateForm(request.POST)
        if form.is_valid():
            try:
                services.save_letter_template(actor=request.user, organization=organization,
                                              key=form.cleaned_data["key"], text=form.cleaned_data["text"])  # fmt: skip
            except DomainError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, f"已保存“{letters.KEY_LABELS.get(form.cleaned_data['key'], '')}”")
        return redirect(f"{reverse('backoffice:application-letters')}?organization={organization.pk}")
    from gongkai.applications.models import LetterTemplate

    own = {t.key: t for t in LetterTemplate.objects.filter(organization=organization)}
    defaults = letters.defaults()
    templates = [{"key": k, "label": label, "text": own[k].text if k in own else defaults[k],
                  "version": own[k].version if k in own else None, "default": defaults[k]}
                 for k, label in letters.KEY_LABELS.items()]  # fmt: skip
    return render(request, "backoffice/applications/letters.html",
                  {"organizations": editable, "organization": organization, "templates": templates,
                   "placeholders": letters.PLACEHOLDERS})  # fmt: skip


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
        consultation = selectors.consultation_of(app, d.pop("consultation"))
        services.record_consultation_answer(actor=user, consultation=consultation, **d)
        return "已登记征求意见的答复"
    if action == "extend":
        d = _valid(ExtensionForm(p, approvers=selectors.extension_approvers(app.organization)))
        services.extend(actor=user, application=app, **d)
        return "已登记延期答复"
    if action == "decide":
        d = _valid(DecisionForm(p))
        consultation = selectors.consultation_of(app, d.pop("consultation"))
        services.decide_after_consultation(actor=user, consultation=consultation, **d)
        return "已登记决定"
    if action == "fee":
        d = _valid(FeeForm(p))
        fee = services.issue_fee_notice(actor=user, application=app, **d)
        return f"已发出收费通知：{fee.amount}元，答复期限自通知之日起暂停至缴费之日"
    if action == "fee_paid":
        d = _valid(FeePaidForm(p))
        services.record_fee_payment(actor=user, application=app, **d)
        return "已登记缴费，答复期限继续计算"
    if action == "reply":
        d = _valid(_reply_form(app, p))
        item = d.pop("publish_item")
        title, body, formed_on = d.pop("publish_title"), d.pop("publish_body"), d.pop("publish_formed_on")
        publication = (
            services.Publication(item=item, title=title, body=body, formed_on=formed_on) if item else None
        )
        done = services.reply(actor=user, application=app, publication=publication, **d)
        return "已答复" + (f"；{done.publication_note}" if done.publication_note else "")
    if action == "remedy":
        d = _valid(RemedyForm(p))
        services.record_remedy(actor=user, application=app, **d)
        return "已登记行政复议或行政诉讼"
    if action == "remedy_decide":
        d = _valid(RemedyDecisionForm(p))
        remedy = selectors.remedy_of(app, d.pop("remedy"))
        services.decide_remedy(actor=user, remedy=remedy, **d)
        return "已登记结果"
    raise Http404("没有该操作")


def _valid(form) -> dict:
    if not form.is_valid():
        problems = "；".join(f"{form.fields[f].label if f in form.fields else ''}：{'，'.join(e)}".lstrip("：")
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


@login_required
@require_POST
def application_id_number(request: HttpRequest, pk: int) -> HttpResponse:
    """查看完整证件号码: the full number for a handler of the application, written to the audit log; not cached."""
    app = _staff_application(request, pk)
    try:
        number = services.reveal_id_number(actor=request.user, application=app)
    except DomainError as exc:
        raise PermissionDenied(exc.message) from exc
    response = render(
        request, "backoffice/applications/id_number.html", {"application": app, "id_number": number}
    )
    response["Cache-Control"] = "private, no-store"
    return response
