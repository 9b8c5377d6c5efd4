"""Public pages. Each view reads through selectors and renders; no business rules here."""

from __future__ import annotations

from collections import OrderedDict

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.catalog import selectors as catalog_selectors
from gongkai.catalog.vocabulary import vocabulary
from gongkai.core.errors import NotFound
from gongkai.disclosures import permissions as disclosure_perms
from gongkai.disclosures import selectors as disclosure_selectors
from gongkai.disclosures.models import Attachment
from gongkai.disclosures.presenters import public_view
from gongkai.orgs.selectors import organizations_in
from gongkai.portal.forms import WorkdayForm
from gongkai.workdays.calendar import get_calendar


def _jurisdiction_or_404(code: str):
    try:
        return catalog_selectors.get_jurisdiction(code)
    except NotFound as exc:
        raise Http404(exc.message) from exc


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    entries = []
    for j in catalog_selectors.jurisdictions_with_catalogs():
        catalog = catalog_selectors.current_catalog(j)
        entries.append({"jurisdiction": j, "catalog": catalog, "path": list(reversed(j.ancestors()))[1:]})
    return render(request, "portal/home.html", {"entries": entries})


@require_GET
def jurisdiction_detail(request: HttpRequest, code: str) -> HttpResponse:
    j = _jurisdiction_or_404(code)
    return render(
        request,
        "portal/jurisdiction_detail.html",
        {
            "jurisdiction": j,
            "ancestors": list(reversed(j.ancestors())),
            "profile": catalog_selectors.effective_profile(j).values.values(),
            "catalog": catalog_selectors.current_catalog(j),
            "children": j.children.all(),
            "organizations": organizations_in(j),
        },
    )


def _grouped_rows(items, profile) -> list[dict]:
    """Rows grouped by domain, as the seeds' annex tables lay them out (domain cell spans its rows)."""
    groups: OrderedDict = OrderedDict()
    for item in items:
        groups.setdefault(item.domain, []).append(item)
    vocab = vocabulary()
    rows = []
    number = 0
    for domain, domain_items in groups.items():
        for i, item in enumerate(domain_items):
            number += 1
            rows.append(
                {
                    "number": number,
                    "item": item,
                    "domain": domain,
                    "domain_rowspan": len(domain_items) if i == 0 else 0,
                    "deadline": catalog_selectors.describe_deadline(item.deadline, profile),
                    "channels": [vocab.channels.get(c, c) for c in item.channels],
                    "publishers": [vocab.body_kinds.get(p, p) for p in item.publishers],
                }
            )
    return rows


@require_GET
def catalog_detail(request: HttpRequest, code: str) -> HttpResponse:
    j = _jurisdiction_or_404(code)
    catalog = catalog_selectors.current_catalog(j)
    if catalog is None:
        raise Http404(f"{j.name}没有现行有效的公开目录")
    profile = catalog_selectors.effective_profile(j)
    tables = [
        {"list": lst, "rows": _grouped_rows(lst.items.all(), profile), "count": len(lst.items.all())}
        for lst in catalog_selectors.catalog_lists(catalog)
    ]
    inherited = catalog_selectors.inherited_items(catalog)
    return render(
        request,
        "portal/catalog_detail.html",
        {
            "jurisdiction": j,
            "catalog": catalog,
            "tables": tables,
            "inherited_rows": _grouped_rows(inherited, profile),
            "profile": profile,
        },
    )


@require_GET
def workday_calculator(request: HttpRequest) -> HttpResponse:
    form = WorkdayForm(request.GET or None)
    result = None
    if form.is_valid():
        calendar = get_calendar()
        start, days = form.cleaned_data["start"], form.cleaned_data["days"]
        result = {"deadline": calendar.add_workdays(start, days), "start_day": calendar.day(start)}
    template = "portal/_workday_result.html" if request.headers.get("HX-Request") else "portal/workdays.html"
    return render(request, template, {"form": form, "result": result})


@require_GET
def disclosure_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(disclosure_selectors.public_disclosures(), 20).get_page(request.GET.get("page"))
    return render(request, "portal/disclosure_list.html", {"page": page})


def _public_or_404(pk: int):
    try:
        return disclosure_selectors.get_public(pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc


@require_GET
def disclosure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    d = _public_or_404(pk)
    return render(request, "portal/disclosure_detail.html", public_view(d))


@require_GET
def disclosure_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    d = _public_or_404(pk)
    view = public_view(d, number=number)
    if view is None:
        raise Http404("没有这个版本")
    return render(request, "portal/disclosure_detail.html", view)


@require_GET
def attachment(request: HttpRequest, pk: int) -> HttpResponse:
    """Attachments of published disclosures (or, for staff, of their own drafts), as downloads with safe headers."""
    a = Attachment.objects.select_related("disclosure").filter(pk=pk).first()
    if a is None or not (
        a.disclosure.state == "published" or disclosure_perms.can_view_internal(request.user, a.disclosure)
    ):
        raise Http404("附件不存在")
    response = FileResponse(
        a.file.open("rb"), as_attachment=True, filename=a.name, content_type=a.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, max-age=0"
    return response


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    message = exception.args[0] if exception.args and isinstance(exception.args[0], str) else ""
    return render(request, "404.html", {"message": message}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
