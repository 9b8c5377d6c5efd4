"""Staff pages for supervision (监督检查、考核评估): the monitoring dashboard with drill-downs and the .xlsx export,
scores with their breakdown, and inspection findings with their rectification. Supervisors (Perm.SUPERVISION_VIEW in
a supervising organization) see their jurisdiction and its children; everyone else gets 403 on the dashboard."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.catalog.models import Domain
from gongkai.core.errors import DomainError
from gongkai.oversight import params, presenters, scoring, services
from gongkai.oversight import permissions as perms
from gongkai.oversight import selectors as sel
from gongkai.oversight.models import Finding

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filters(request: HttpRequest) -> params.Filters:
    allowed = sel.jurisdiction_choices(request.user)
    if not allowed:
        raise PermissionDenied("您不是监督人员")
    f = params.parse(request.GET, allowed=allowed, today=timezone.localdate())
    for e in f.errors:
        messages.warning(request, e)
    return f


def _filter_context(request: HttpRequest, f: params.Filters) -> dict:
    return {
        "f": f,
        "jurisdictions": sel.jurisdiction_choices(request.user),
        "organizations": f.scope.organizations().filter(active=True).order_by("jurisdiction__code", "name"),
        "domains": Domain.objects.order_by("position", "code"),
        "presets": sel.PRESETS,
    }


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    f = _filters(request)
    scope = f.scope
    figures = sel.figures(scope)
    org_rows = sel.organization_rows(scope)
    trend = sel.quarterly_trend(scope, f.period.end.year)
    ranking = [{"name": r.organization.short_name or r.organization.name,
                "rate": None if r.rate is None else round(r.rate * 100, 1), "overdue": r.values.get("overdue", 0)}
               for r in org_rows]  # fmt: skip
    v = sel.values(figures)
    rate = sel.on_time_rate(v)
    context = {
        **_filter_context(request, f),
        "figures": figures,
        "groups": _grouped(figures),
        "org_rows": org_rows,
        "trend": trend,
        "chart_data": {"trend": trend, "ranking": ranking},
        "rate": None if rate is None else round(rate * 100, 1),
        "query": f.query(),
        # The daily scan's snapshots (whole jurisdiction, current quarter): cheap history without recomputing.
        "snapshots": [] if (f.organization or f.domain) else sel.latest_snapshots(f.jurisdiction, 10),
    }
    return render(request, "backoffice/oversight/dashboard.html", context)


GROUP_NAMES = {"timeliness": "公开时效", "completeness": "公开完整性", "copies": "抄送监管部门",
               "applications": "依申请公开", "correctness": "更正和撤回", "inspections": "监督检查",
               "complaints": "举报"}  # fmt: skip


def _grouped(figures: list[sel.Figure]) -> list[tuple[str, list[sel.Figure]]]:
    out: dict[str, list[sel.Figure]] = {}
    for fig in figures:
        out.setdefault(fig.group, []).append(fig)
    return [(GROUP_NAMES.get(g, g), figs) for g, figs in out.items()]


@login_required
def drilldown(request: HttpRequest, code: str) -> HttpResponse:
    if code not in sel.FIGURE_CODES:
        raise Http404("没有该监测指标")
    f = _filters(request)
    fig = sel.figure(f.scope, code)
    rows = presenters.rows(fig.kind, fig.records())
    context = {**_filter_context(request, f), "figure": fig, "headers": presenters.HEADERS[fig.kind], "rows": rows,
               "query": f.query()}  # fmt: skip
    return render(request, "backoffice/oversight/drilldown.html", context)


@login_required
def export(request: HttpRequest) -> HttpResponse:
    f = _filters(request)
    scope = f.scope
    data = presenters.workbook(f, sel.figures(scope), sel.organization_rows(scope))
    response = HttpResponse(data, content_type=XLSX)
    name = f"oversight-{f.jurisdiction.code}-{f.period.start:%Y%m%d}-{f.period.end:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def scores(request: HttpRequest) -> HttpResponse:
    f = _filters(request)
    period = f.period
    results = scoring.scores(f.scope, period)
    context = {**_filter_context(request, f), "scores": results, "scheme": scoring.scheme(), "period": period,
               "query": f.query()}  # fmt: skip
    return render(request, "backoffice/oversight/scores.html", context)


# --- inspection findings ---------------------------------------------------------------------------------------


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@login_required
@require_http_methods(["GET", "POST"])
def findings(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    supervisor = perms.is_supervisor(request.user)
    errors: list[str] = []
    if request.method == "POST":
        if not supervisor:
            raise PermissionDenied("只有监督人员可以登记检查发现的问题")
        org = (
            perms.supervised_organizations(request.user)
            .filter(pk=request.POST.get("organization") or 0)
            .first()
        )
        inspected_on = _parse_date(request.POST.get("inspected_on", ""))
        days = request.POST.get("rectify_days", "").strip()
        if org is None:
            errors.append("请选择被检查机构")
        if inspected_on is None:
            errors.append("请填写检查日期（YYYY-MM-DD）")
        if days and not days.isdigit():
            errors.append("整改期限（工作日）应为整数")
        if not errors:
            try:
                finding = services.record_finding(
                    actor=request.user, organization=org, inspected_on=inspected_on,
                    finding=request.POST.get("finding", ""), requirement=request.POST.get("requirement", ""),
                    rectify_days=int(days) if days else None,
                    rectify_by=_parse_date(request.POST.get("rectify_by", "")),
                )  # fmt: skip
            except DomainError as exc:
                errors.append(exc.message)
            else:
                messages.success(request, f"已登记，整改期限 {finding.rectify_by:%Y-%m-%d}")
                return redirect("backoffice:oversight-finding", pk=finding.pk)
    qs = perms.visible_findings(request.user, Finding.objects.select_related("organization", "supervisor"))
    if request.GET.get("overdue"):
        qs = qs.overdue(today)
    context = {
        "findings": qs.order_by("rectify_by", "pk"),
        "overdue_only": bool(request.GET.get("overdue")),
        "overdue_count": perms.visible_findings(request.user).overdue(today).count(),
        "supervisor": supervisor,
        "organizations": perms.supervised_organizations(request.user)
        .filter(active=True, is_supervisor=False)
        .order_by("jurisdiction__code", "name")
        if supervisor
        else [],
        "errors": errors,
        "post": request.POST,
        "today": today,
    }
    return render(request, "backoffice/oversight/findings.html", context, status=400 if errors else 200)


def _finding(request: HttpRequest, pk: int) -> Finding:
    f = perms.visible_findings(request.user, Finding.objects.select_related("organization__jurisdiction",
                                                                            "supervisor")).filter(pk=pk).first()  # fmt: skip
    if f is None:
        raise Http404("没有该检查记录")
    return f


@login_required
def finding_detail(request: HttpRequest, pk: int) -> HttpResponse:
    f = _finding(request, pk)
    today = timezone.localdate()
    context = {
        "finding": f,
        "overdue": f in Finding.objects.overdue(today),
        "can_rectify": perms.can_rectify(request.user, f)[0],
        "can_decide": perms.can_decide(request.user, f)[0],
        "today": today,
    }
    return render(request, "backoffice/oversight/finding.html", context)


@login_required
@require_POST
def finding_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    f = _finding(request, pk)
    today = timezone.localdate()
    try:
        if action == "rectify":
            services.record_rectification(actor=request.user, finding=f,
                                          rectification=request.POST.get("rectification", ""),
                                          rectified_on=_parse_date(request.POST.get("rectified_on", "")) or today)  # fmt: skip
            messages.success(request, "已提交整改情况，等待验收")
        elif action in ("accept", "reopen"):
            services.decide_rectification(actor=request.user, finding=f, accept=action == "accept",
                                          comment=request.POST.get("comment", ""), today=today,
                                          rectify_by=_parse_date(request.POST.get("rectify_by", "")))  # fmt: skip
            messages.success(request, "整改已验收" if action == "accept" else "已退回重新整改")
        else:
            raise Http404("没有该操作")
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("backoffice:oversight-finding", pk=f.pk)
