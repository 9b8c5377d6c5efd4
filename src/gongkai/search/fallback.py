"""The database reader that answers when the index cannot (health.py): the same records as the index would
find — every term a substring of some searchable value, under the same filters — listed by date.

It loads the candidates the filters leave (the searchable text lives in revision JSON, so the terms are matched
in Python, as `substring_scan` does), newest first; slower than the index, but it answers correctly. Relevance
needs the index: results are ordered by date, exact index and document numbers first, as with the index.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable

from gongkai.catalog.models import Jurisdiction
from gongkai.disclosures.choices import State, Validity
from gongkai.disclosures.models import Disclosure
from gongkai.search.documents import Jurisdictions, Source, load_sources
from gongkai.search.queries import preset_range
from gongkai.search.text import contains_all, exact_key, normalize

BATCH = 1000
EXACT_MAX = 50


def candidates(query, *, today: dt.date) -> list[int]:
    """Ids of public records passing every filter of `query`, newest first (the order of a date search)."""
    qs = Disclosure.objects.published()
    if query.jurisdiction:
        codes = Jurisdictions()
        subtree = [
            pk
            for pk in Jurisdiction.objects.values_list("pk", flat=True)
            if query.jurisdiction in codes.path(pk)
        ]
        qs = qs.filter(jurisdiction_id__in=subtree)
    if query.domain:
        qs = qs.filter(catalog_item__domain__code=query.domain)
    if query.item is not None:
        qs = qs.filter(catalog_item_id=int(query.item))
    if query.stage:
        qs = qs.filter(catalog_item__stage__code=query.stage)
    if query.organization is not None:
        qs = qs.filter(organization_id=int(query.organization))
    if query.validity:
        qs = qs.filter(validity=query.validity)
    if query.state:
        qs = qs.filter(state=query.state)
    lower, upper = query.date_from, query.date_to
    if query.date_preset:
        p_lower, p_upper = preset_range(query.date_preset, today)
        lower = max(lower, p_lower) if lower else p_lower
        upper = min(upper, p_upper) if upper else p_upper
    if lower:
        qs = qs.filter(published_on__gte=lower)
    if upper:
        qs = qs.filter(published_on__lte=upper)
    return list(qs.order_by("-published_at", "-pk").values_list("pk", flat=True))


def matching(query, terms: list[str], *, today: dt.date) -> list[Source]:
    """The records matching, exact index/document numbers first, then newest first."""
    ids = candidates(query, today=today)
    jurisdictions = Jurisdictions()
    found: list[Source] = []
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        sources = load_sources(batch, jurisdictions)
        found += [
            sources[pk] for pk in batch if pk in sources and contains_all(sources[pk].all_values(), terms)
        ]
    key = exact_key(query.q) if terms else ""
    if key:
        exact = [s for s in found if key in (normalize(s.index_no.strip()), normalize(s.doc_no.strip()))]
        if 0 < len(exact) <= EXACT_MAX:
            first = {s.id for s in exact}
            found = exact + [s for s in found if s.id not in first]
    return found


def facets(found: list[Source]) -> dict:
    """Counts per facet value over the results, in the shape the index gives (largest first)."""
    from gongkai.search.services import FACETS, FacetValue

    keys: dict[str, Callable[[Source], tuple[str, str] | None]] = {
        "domain": lambda s: (s.domain_code, s.domain),
        "jurisdiction": lambda s: (s.jurisdiction_code, s.jurisdiction),
        "organization": lambda s: (str(s.organization_id), s.organization),
        "validity": lambda s: (
            s.validity,
            Validity(s.validity).label if s.validity in Validity.values else s.validity,
        ),
        "stage": lambda s: (s.stage_code, s.stage) if s.stage_code else None,
        "year": lambda s: (str(s.published_on.year),) * 2 if s.published_on else None,
    }
    out = {}
    for name, (_field, size) in FACETS.items():
        counts = Counter(k for k in map(keys[name], found) if k is not None)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))[:size]
        out[name] = [FacetValue(value=v, label=label, count=n) for (v, label), n in ranked]
    return out


def search(query, terms: list[str], *, today: dt.date, page: int, per_page: int, started: float):
    """A SearchResult from the database, marked `fallback`."""
    from gongkai.search.services import MAX_WINDOW, SearchResult, make_hit

    found = matching(query, terms, today=today)
    offset = (page - 1) * per_page
    window = found[offset : offset + per_page] if offset < MAX_WINDOW else []
    hits = [
        make_hit(
            pk=s.id,
            title=s.title,
            body=s.body,
            meta="；".join(s.searchable()["meta"]),
            terms=terms,
            published_on=s.published_on,
            organization=s.organization,
            jurisdiction=s.jurisdiction,
            domain=s.domain,
            index_no=s.index_no,
            doc_no=s.doc_no,
            withdrawn=s.state == State.WITHDRAWN,
            score=0.0,
        )
        for s in window
    ]
    return SearchResult(
        hits=hits,
        count=len(found),
        facets=facets(found) if query.facets else {},
        page=page,
        per_page=per_page,
        took_ms=(time.perf_counter() - started) * 1000,
        terms=terms,
        fallback=True,
    )
