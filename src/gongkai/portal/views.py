"""Public pages. Each view reads through selectors and renders; no business rules here."""

from __future__ import annotations

import io
from collections import OrderedDict

import segno
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from gongkai.catalog import selectors as catalog_selectors
from gongkai.catalog.vocabulary import vocabulary
from gongkai.core.errors import NotFound
from gongkai.disclosures import permissions as disclosure_perms
from gongkai.disclosures import selectors as disclosure_selectors
from gongkai.disclosures.models import Attachment, Disclosure
from gongkai.disclosures.presenters import public_view
from gongkai.orgs.models import Organization
from gongkai.orgs.selectors import organizations_in
from gongkai.portal.forms import WorkdayForm
from gongkai.portal.params import PageParams, jurisdiction_or_404, jurisdiction_param
from gongkai.workdays.calendar import DateOutOfRange, get_calendar


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    counts = disclosure_selectors.counts_by_jurisdiction()
    entries = []
    for j in catalog_selectors.jurisdictions_with_catalogs():
        catalog = catalog_selectors.current_catalog(j)
        entries.append(
            {
                "jurisdiction": j,
                "catalog": catalog,
                "path": list(reversed(j.ancestors()))[1:],
                "count": counts.get(j.code, 0),
            }
        )
    context = {
        "entries": entries,
        "latest": disclosure_selectors.public_disclosures()[:10],
        "by_domain": disclosure_selectors.latest_by_domain(5),
        "total": sum(counts.values()),
    }
    return render(request, "portal/home.html", context)


@require_GET
def jurisdiction_detail(request: HttpRequest, code: str) -> HttpResponse:
    j = jurisdiction_or_404(code)
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


def _grouped_rows(items, profile, published: dict[int, int] | None = None) -> list[dict]:
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
                    "published": (published or {}).get(item.pk, 0),
                }
            )
    return rows


@require_GET
def catalog_detail(request: HttpRequest, code: str) -> HttpResponse:
    j = jurisdiction_or_404(code)
    catalog = catalog_selectors.current_catalog(j)
    if catalog is None:
        raise Http404(f"{j.name}没有现行有效的公开目录")
    profile = catalog_selectors.effective_profile(j)
    lists = catalog_selectors.catalog_lists(catalog)
    inherited = catalog_selectors.inherited_items(catalog)
    published = disclosure_selectors.item_counts(
        [i.pk for lst in lists for i in lst.items.all()] + [i.pk for i in inherited]
    )
    tables = [
        {
            "list": lst,
            "rows": _grouped_rows(lst.items.all(), profile, published),
            "count": len(lst.items.all()),
        }
        for lst in lists
    ]
    return render(
        request,
        "portal/catalog_detail.html",
        {
            "jurisdiction": j,
            "catalog": catalog,
            "tables": tables,
            "inherited_rows": _grouped_rows(inherited, profile, published),
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
        try:
            result = {"deadline": calendar.add_workdays(start, days), "start_day": calendar.day(start)}
        except DateOutOfRange as exc:
            form.add_error("start", exc.message)
    template = "portal/_workday_result.html" if request.headers.get("HX-Request") else "portal/workdays.html"
    return render(request, template, {"form": form, "result": result})


@require_GET
def disclosure_list(request: HttpRequest) -> HttpResponse:
    """Browse published records by jurisdiction (with its children), domain, catalog item, organization, year."""
    g = request.GET
    p = PageParams(g)
    jurisdiction = jurisdiction_param(g)
    qs = disclosure_selectors.browse(jurisdiction=jurisdiction, domain=p.text("domain", 40) or None,
                                     item=p.integer("item", "公开事项"), organization=p.integer("organization", "发布机构"),
                                     year=p.year())  # fmt: skip
    page = Paginator(qs, 20).get_page(g.get("page"))
    params = g.copy()
    params.pop("page", None)
    return render(
        request,
        "portal/disclosure_list.html",
        {"page": page, "jurisdiction": jurisdiction, "query": params.urlencode(), "param_notice": p.notice},
    )


@require_GET
def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    org = Organization.objects.select_related("jurisdiction").filter(pk=pk, active=True).first()
    if org is None:
        raise Http404("机构不存在")
    records = disclosure_selectors.browse(organization=org.pk)
    page = Paginator(records, 20).get_page(request.GET.get("page"))
    stats = disclosure_selectors.timeliness(Disclosure.objects.filter(organization=org), timezone.localdate())
    return render(
        request, "portal/organization_detail.html", {"organization": org, "page": page, "stats": stats}
    )


@require_GET
def disclosure_qr(request: HttpRequest, pk: int) -> HttpResponse:
    """A QR code (SVG) of the page's address, to open it on a phone."""
    d = _public_or_404(pk)
    url = request.build_absolute_uri(reverse("portal:disclosure", args=[d.pk]))
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=4, border=2, title=f"{d.title}（二维码）")
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def _public_or_404(pk: int):
    try:
        return disclosure_selectors.get_public(pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc


@require_GET
def disclosure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    d = _public_or_404(pk)
    context = public_view(d)
    context["print"] = request.GET.get("print") == "1"
    return render(request, "portal/disclosure_detail.html", context)


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


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    message = exception.args[0] if exception.args and isinstance(exception.args[0], str) else ""
    has_chinese = any("\u4e00" <= ch <= "\u9fff" for ch in message)
    return render(request, "400.html", {"message": message if has_chinese else ""}, status=400)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    message = exception.args[0] if exception.args and isinstance(exception.args[0], str) else ""
    return render(request, "404.html", {"message": message}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
