"""Staff pages for annual reports: the list with due dates and states, starting a report, one report with its
narrative form, the computed tables and the validation problems, publishing, correcting and the draft's
exports. Services check every permission."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.backoffice.actions import run_action
from gongkai.catalog.models import Jurisdiction
from gongkai.core.errors import DomainError, NotFound
from gongkai.reports import exports, selectors, services
from gongkai.reports import permissions as report_perms
from gongkai.reports.models import Report
from gongkai.reports.presenters import sections
from gongkai.reports.template import get_template


class NarrativeForm(forms.Form):
    overview = forms.CharField(
        label="一、总体情况", required=False, widget=forms.Textarea(attrs={"rows": 10})
    )
    improvements = forms.CharField(label="五、存在的主要问题及改进情况", required=False,
                                   widget=forms.Textarea(attrs={"rows": 6}))  # fmt: skip
    other_matters = forms.CharField(label="六、其他需要报告的事项", required=False,
                                    widget=forms.Textarea(attrs={"rows": 6}))  # fmt: skip


def _report(request: HttpRequest, pk: int) -> Report:
    try:
        return selectors.get_for_staff(request.user, pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = selectors.staff_rows(request.user, today)
    return render(request, "backoffice/reports/list.html",
                  {"rows": [(r, r.overdue(today)) for r in rows], "today": today})  # fmt: skip


@login_required
@require_POST
def report_start(request: HttpRequest) -> HttpResponse:
    """Start (or open) the report of one organization or jurisdiction for one year."""
    year = request.POST.get("year", "")
    org_id, jur_id = request.POST.get("organization", ""), request.POST.get("jurisdiction", "")
    if not year.isdigit() or not (org_id.isdigit() or jur_id.isdigit()):
        raise Http404("参数不完整")
    organization = (
        report_perms.report_organizations(request.user).filter(pk=org_id).first()
        if org_id.isdigit()
        else None
    )
    jurisdiction = Jurisdiction.objects.filter(pk=jur_id).first() if jur_id.isdigit() else None
    if organization is None and jurisdiction is None:
        raise Http404("机构不存在")
    try:
        report = services.create_draft(actor=request.user, year=int(year), organization=organization,
                                       jurisdiction=jurisdiction if organization is None else None)  # fmt: skip
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("backoffice:report-list")
    return redirect("backoffice:report", pk=report.pk)


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    if request.method == "POST":
        form = NarrativeForm(request.POST)
        if form.is_valid():
            try:
                services.edit_narrative(actor=request.user, report=report, data=form.cleaned_data)
            except DomainError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, "已保存")
                return redirect("backoffice:report", pk=report.pk)
    else:
        form = NarrativeForm(initial={f: getattr(report, f) for f in NarrativeForm.base_fields})
    hints = {s["code"]: s.get("hint", "") for s in get_template().sections}
    for name, field in form.fields.items():
        field.help_text = hints.get(name, "")
        if field.help_text:
            field.widget.attrs["aria-describedby"] = f"id_{name}-hint"
        field.widget.attrs.setdefault("style", "width: 100%; font: inherit")
    content = services.snapshot(report)
    return render(request, "backoffice/reports/detail.html", {
        "report": report, "form": form, "content": content, "sections": sections(content),
        "problems": services.validate(report), "versions": selectors.versions_of(report),
        "due_on": services.due_date(report.year, consolidated=report.is_consolidated),
        "editable": report.state == "draft",
    })  # fmt: skip


@login_required
@require_POST
def report_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    report = _report(request, pk)
    reason = request.POST.get("reason", "")
    handlers = {
        "refresh": (lambda: services.refresh(actor=request.user, report=report), "已按最新台账和公开记录重新统计"),
        "publish": (lambda: services.publish(actor=request.user, report=report, reason=reason), "年度报告已发布"),
        "reopen": (lambda: services.reopen(actor=request.user, report=report, reason=reason),
                   "已启动更正：修改后重新发布，公众仍可看到已发布的版本"),
    }  # fmt: skip
    return run_action(request, handlers, action, "backoffice:report", pk=report.pk)


@login_required
def report_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The working copy (a draft included) as .docx or .xlsx, with the figures as last computed."""
    try:
        return exports.http_response(services.snapshot(_report(request, pk)), fmt)
    except NotFound as exc:
        raise Http404(exc.message) from exc
