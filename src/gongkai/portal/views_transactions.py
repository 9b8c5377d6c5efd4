"""Public transaction pages: the list with filters, and one transaction's timeline with its checks."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from gongkai.catalog import selectors as catalog_selectors
from gongkai.catalog.models import Domain
from gongkai.core.errors import NotFound
from gongkai.portal.params import PageParams, jurisdiction_param
from gongkai.transactions import selectors


@require_GET
def transaction_list(request: HttpRequest) -> HttpResponse:
    """Transactions by domain, jurisdiction (with its children) and, on request, only those with flags."""
    g = request.GET
    p = PageParams(g)
    jurisdiction = jurisdiction_param(g)
    flagged = g.get("flagged") in ("1", "on", "true")
    rows = selectors.browse(selectors.public_transactions(), today=timezone.localdate(), domain=p.text("domain", 40) or None,
                            jurisdiction=jurisdiction, flagged=flagged, q=p.text("q"))  # fmt: skip
    page = Paginator(rows, 20).get_page(g.get("page"))
    params = g.copy()
    params.pop("page", None)
    context = {
        "page": page,
        "domains": Domain.objects.filter(stages__isnull=False).distinct().order_by("position"),
        "jurisdictions": catalog_selectors.jurisdictions_with_catalogs(),
        "selected": {"domain": g.get("domain", ""), "jurisdiction": g.get("jurisdiction", ""), "flagged": flagged,
                     "q": g.get("q", "")},
        "query": params.urlencode(),
    }  # fmt: skip
    return render(request, "portal/transactions/list.html", context)


@require_GET
def transaction_detail(request: HttpRequest, code: str) -> HttpResponse:
    try:
        t = selectors.get_public(code)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    timeline = selectors.timeline(t, timezone.localdate(), public=True)
    return render(request, "portal/transactions/detail.html", {"transaction": t, "timeline": timeline})
