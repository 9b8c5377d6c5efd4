"""Public credit pages: entity search, the entity page (registration, names, credit records in publicity, blacklist
status, the disclosures naming it) and the blacklist. Reads through gongkai.credit.selectors only."""

from __future__ import annotations

from collections import OrderedDict

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from gongkai.catalog import selectors as catalog_selectors
from gongkai.core.errors import NotFound
from gongkai.credit import selectors
from gongkai.credit.choices import BlacklistReason, RecordKind
from gongkai.portal.params import PageParams, jurisdiction_param

PAGE_SIZE = 20


def _query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@require_GET
def entity_search(request: HttpRequest) -> HttpResponse:
    """Search market entities by name (or former name) or by unified social credit code."""
    q = PageParams(request.GET).text("q")
    page = None
    if q:
        page = Paginator(selectors.search_entities(q), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/credit/entity_search.html",
        {"q": q, "page": page, "query": _query_without_page(request)},
    )


@require_GET
def entity_detail(request: HttpRequest, uscc: str) -> HttpResponse:
    try:
        entity = selectors.get_entity(uscc)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    today = timezone.localdate()
    records: OrderedDict[str, list] = OrderedDict((label, []) for _v, label in RecordKind.choices)
    for record in selectors.public_records(entity, today):
        records[record.get_kind_display()].append(record)
    context = {
        "entity": entity,
        "names": entity.names.all(),
        "entries": list(selectors.public_entries(entity, today)),
        "records": [(label, items) for label, items in records.items() if items],
        "mentions": selectors.public_mentions(entity),
        "today": today,
    }
    return render(request, "portal/credit/entity_detail.html", context)


@require_GET
def blacklist(request: HttpRequest) -> HttpResponse:
    """The public blacklist (严重失信主体名单): in force today by default, with filters."""
    g = request.GET
    p = PageParams(g)
    jurisdiction = jurisdiction_param(g)
    reason = g.get("reason") if g.get("reason") in BlacklistReason.values else ""
    state = g.get("state") if g.get("state") in selectors.PUBLIC_STATES else "listed"
    year = p.year()
    q = p.text("q")
    qs = selectors.public_blacklist(jurisdiction=jurisdiction, reason=reason, year=year, state=state, q=q)
    page = Paginator(qs, PAGE_SIZE).get_page(g.get("page"))
    return render(
        request,
        "portal/credit/blacklist.html",
        {
            "page": page,
            "query": _query_without_page(request),
            "jurisdictions": catalog_selectors.jurisdictions().exclude(level="national"),
            "reasons": BlacklistReason.choices,
            "years": selectors.blacklist_years(),
            "selected": {
                "jurisdiction": jurisdiction.code if jurisdiction else "",
                "reason": reason,
                "year": year,
                "state": state,
                "q": q,
            },
            "today": timezone.localdate(),
            "param_notice": p.notice,
        },
    )
