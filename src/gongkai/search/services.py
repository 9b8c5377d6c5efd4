"""Full-text search over public disclosures (published and withdrawn), and keeping the index in step.

The database is the truth; the tantivy index under settings.SEARCH_INDEX_DIR is derived from it and can be
rebuilt at will (`rebuild`). Changes reach it through the outbox (models.SearchOutbox), drained right after the
changing transaction commits, by the `process_search_outbox` task and by `gongkai search process`.

Deep pages: results come from tantivy's top-docs collector with an offset, which costs O(offset + limit); pages
are served up to MAX_WINDOW results deep (500 pages of 20), beyond that the page is empty but the count stays.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import tantivy
from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils import timezone

from gongkai.disclosures.choices import State, Validity
from gongkai.disclosures.models import Disclosure
from gongkai.search import fallback, health, queries
from gongkai.search import index as ix
from gongkai.search.documents import Jurisdictions, iter_public_sources, load_sources, public_id_batches
from gongkai.search.index import SearchUnavailable, WriterBusy
from gongkai.search.models import SearchOutbox
from gongkai.search.queries import DATE_PRESETS, InvalidQuery
from gongkai.search.text import contains_all, exact_key, excerpt, highlight, parse_terms

__all__ = [
    "DATE_PRESETS",
    "FacetValue",
    "Hit",
    "InvalidQuery",
    "SearchQuery",
    "SearchResult",
    "SearchUnavailable",
    "drain_outbox",
    "index_disclosures",
    "process_outbox",
    "rebuild",
    "search",
    "status",
    "substring_scan",
]

logger = logging.getLogger(__name__)

MAX_PER_PAGE = 100
MAX_WINDOW = 10_000
MAX_QUERY_CHARS = 200
MAX_TERMS = 10
EXACT_MAX = 50  # more records than this sharing one number is not a lookup
OUTBOX_BATCH = 500
API_WAIT = 10.0
REBUILD_WAIT = 120.0
OUTBOX_KEEP = dt.timedelta(days=7)

# Facet name → (fast field, buckets returned).
FACETS = {
    "domain": ("f_domain", 50),
    "jurisdiction": ("f_jur", 100),
    "organization": ("f_org", 100),
    "validity": ("validity", 10),
    "stage": ("f_stage", 50),
    "year": ("f_year", 50),
}


@dataclass
class SearchQuery:
    q: str = ""
    jurisdiction: str | None = None
    domain: str | None = None
    item: int | None = None
    stage: str | None = None
    organization: int | None = None
    validity: str | None = None
    state: str | None = None
    date_preset: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "relevance"  # or "date"
    page: int = 1
    per_page: int = 20
    facets: bool = True  # callers that show no facets (feeds, subscriptions) save the aggregation


@dataclass
class Hit:
    id: int
    title: str
    url: str
    snippet: str  # HTML: escaped text, matches in <mark>
    published_on: dt.date
    organization: str
    jurisdiction: str
    domain: str
    index_no: str
    doc_no: str
    withdrawn: bool
    score: float  # BM25 of the query; 0 when sorted by date and for exact lookups listed first


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchResult:
    hits: list[Hit]
    count: int
    facets: dict[str, list[FacetValue]]
    page: int
    per_page: int
    took_ms: float
    terms: list[str] = field(default_factory=list)
    fallback: bool = False  # answered from the database because the index is missing or stale (health.py)


def search(query: SearchQuery, *, today: dt.date | None = None) -> SearchResult:
    """Published and withdrawn records matching every term of `query.q` as a substring (of the title, body,
    document or index number, organization, keywords or any structured field value), narrowed by the filters.

    A query equal to an index or document number lists that record first. An empty query lists by date.
    Facets count the results (under every filter); with settings.SEARCH_FACETS_EXCLUDE_OWN_FILTER each facet
    is counted without its own filter instead, so choosing one value still shows the others (one broader
    aggregation pass: slower when a selective filter meets a broad query)."""
    started = time.perf_counter()
    today = today or timezone.localdate()
    page = max(1, int(query.page or 1))
    per_page = max(1, min(int(query.per_page or 20), MAX_PER_PAGE))
    offset = (page - 1) * per_page
    if len(query.q or "") > MAX_QUERY_CHARS:
        raise InvalidQuery(f"检索词过长（最多 {MAX_QUERY_CHARS} 个字符）")
    terms = parse_terms(query.q)
    if len(terms) > MAX_TERMS:
        raise InvalidQuery(f"检索词过多（最多 {MAX_TERMS} 个）")
    if query.sort not in ("relevance", "date"):
        raise InvalidQuery(f"排序方式“{query.sort}”无效，可选：relevance、date")
    # One-character terms match by a constant-score pattern: there is no relevance to rank by.
    by_date = query.sort == "date" or all(len(t) == 1 for t in terms)
    filters = queries.filters(
        jurisdiction=query.jurisdiction,
        domain=query.domain,
        item=query.item,
        stage=query.stage,
        organization=query.organization,
        validity=query.validity,
        state=query.state,
        date_preset=query.date_preset,
        date_from=query.date_from,
        date_to=query.date_to,
        today=today,
    )
    if not health.index_health().ok:
        return fallback.search(query, terms, today=today, page=page, per_page=per_page, started=started)
    index = ix.get_index()
    generation = ix.generation()  # read before reloading: facets cached under it are never older than it
    index.reload()
    searcher = index.searcher()
    text = queries.text_query(terms, searcher)
    filter_queries = [f.query for f in filters.values()]

    # Facets aggregate over every match while the top hits are collected and rendered: tantivy releases the
    # GIL, so on two cores the aggregation costs little extra wall time (see docs/performance.md).
    facets: dict[str, list[FacetValue]] | None = {}
    pending = None
    if query.facets:
        facet_key = (
            generation,
            _facets_exclude_own(),
            tuple(terms),
            *sorted(f.expr for f in filters.values()),
        )
        facets = _facet_cache.get(facet_key)
        if facets is None:
            pending = _background(_facets, searcher, text, filters)

    # Exact lookups first: the records whose whole index or document number is the query.
    exact_addrs: list = []
    exact_q = None
    key = exact_key(query.q) if terms else ""
    if key:
        exact_q = queries.exact_query(key)
        found = searcher.search(queries.combine(exact_q, filter_queries), EXACT_MAX, order_by_field="pub_ts")
        if 0 < found.count <= EXACT_MAX:
            exact_addrs = [(0.0, addr) for _score, addr in found.hits]
        else:
            exact_q = None

    window = []
    if offset < MAX_WINDOW:
        window = exact_addrs[offset : offset + per_page]
    rest_limit = per_page - len(window)
    rest_query = queries.combine(text, filter_queries, exclude=exact_q)
    sort = {"order_by_field": "pub_ts", "order": tantivy.Order.Desc} if by_date else {}
    rest_offset = max(0, offset - len(exact_addrs))
    if offset >= MAX_WINDOW or rest_limit == 0:
        rest = searcher.search(rest_query, 1, **sort)
        rest_hits = []
    else:
        rest = searcher.search(rest_query, rest_limit, offset=rest_offset, **sort)
        rest_hits = [(0.0 if by_date else float(score), addr) for score, addr in rest.hits]
    count = len(exact_addrs) + rest.count

    hits = [_hit(searcher.doc(addr), score, terms) for score, addr in [*window, *rest_hits]]
    if pending is not None:
        facets = pending()
        _facet_cache.put(facet_key, facets)
    return SearchResult(
        hits=hits,
        count=count,
        facets=facets,
        page=page,
        per_page=per_page,
        took_ms=(time.perf_counter() - started) * 1000,
        terms=terms,
    )


def _first(doc, name: str, default=""):
    value = doc.get_first(name)
    return default if value is None else value


_URL_PLACEHOLDER = 987654321


@functools.lru_cache(maxsize=8)
def _url_template(prefix: str) -> str:
    return reverse("portal:disclosure", args=[_URL_PLACEHOLDER])


def _url(pk: int) -> str:
    """The public page of a record (reversed once per process, not once per hit)."""
    return _url_template(get_script_prefix()).replace(str(_URL_PLACEHOLDER), str(pk))


def _hit(doc, score: float, terms: list[str]) -> Hit:
    day = _first(doc, "pub_day", 0)
    return make_hit(
        pk=_first(doc, "id"),
        title=_first(doc, "title"),
        body=_first(doc, "body"),
        meta=_first(doc, "meta"),
        terms=terms,
        published_on=dt.date(day // 10000, day // 100 % 100, day % 100) if day else None,
        organization=_first(doc, "organization"),
        jurisdiction=_first(doc, "jurisdiction"),
        domain=_first(doc, "domain_name"),
        index_no=_first(doc, "index_no"),
        doc_no=_first(doc, "doc_no"),
        withdrawn=_first(doc, "state") == State.WITHDRAWN,
        score=score,
    )


def make_hit(*, pk: int, title: str, body: str, meta: str, terms: list[str], **shown: Any) -> Hit:
    """A hit with its link and snippet (the first match in the body, else the title, else the other values;
    the start of the body when nothing matches), from the index (`_hit`) or the database (fallback.py)."""
    snippet = None
    if terms:
        snippet = highlight(body, terms) or highlight(title, terms) or highlight(meta, terms)
    return Hit(id=pk, title=title, url=_url(pk), snippet=snippet or excerpt(body), **shown)


class _LRU:
    """A small thread-safe LRU cache. Facet counts depend only on the query, the filters and the index
    generation, so paging, re-sorting and popular queries reuse them until the next commit."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


_facet_cache = _LRU(getattr(settings, "SEARCH_FACET_CACHE_SIZE", 128))


_pool = ThreadPoolExecutor(
    max_workers=getattr(settings, "SEARCH_FACET_THREADS", 4), thread_name_prefix="facets"
)
_pool_slots = threading.BoundedSemaphore(getattr(settings, "SEARCH_FACET_THREADS", 4))


def _background(fn: Callable, *args) -> Callable[[], Any]:
    """Start `fn(*args)` on the facet pool and return a function that waits for its result; when every pool
    thread is busy (many concurrent searches) run it inline instead, so a search never queues behind others."""
    if not _pool_slots.acquire(blocking=False):
        result = fn(*args)
        return lambda: result

    def run():
        try:
            return fn(*args)
        finally:
            _pool_slots.release()

    try:
        future = _pool.submit(run)
    except RuntimeError:  # interpreter shutting down
        _pool_slots.release()
        result = fn(*args)
        return lambda: result
    return future.result


def _facets_exclude_own() -> bool:
    """Count each facet without its own filter (settings.SEARCH_FACETS_EXCLUDE_OWN_FILTER). Off by default:
    counting under all filters visits only the results, which keeps a selective filter on a broad query fast
    (measured at 300,000 records: 中标候选人 + one organization 4 ms against 50 ms)."""
    return getattr(settings, "SEARCH_FACETS_EXCLUDE_OWN_FILTER", False)


def _facets(searcher, match, filters: dict[str, queries.Filter]) -> dict[str, list[FacetValue]]:
    """One aggregation pass. With no facet filter active it counts under every filter; otherwise it runs over
    the documents matching the query and the other filters (item, state, date), and each facet counts under
    the *other* facets' filters (a filter aggregation), so the values of a chosen facet stay visible."""
    facet_filters = {n: f for n, f in filters.items() if n in FACETS} if _facets_exclude_own() else {}
    base = queries.combine(match, [f.query for n, f in filters.items() if n not in facet_filters])
    spec = {}
    for name, (fast_field, size) in FACETS.items():
        terms = {"terms": {"field": fast_field, "size": size}}
        others = [f.expr for n, f in facet_filters.items() if n != name]
        spec[name] = {"filter": " AND ".join(others), "aggs": {"terms": terms}} if others else terms
    result = searcher.aggregate(base, spec)
    out = {}
    for name in FACETS:
        agg = result.get(name, {})
        out[name] = _buckets(name, agg.get("terms", agg))
    return out


def _buckets(name: str, agg: dict) -> list[FacetValue]:
    out = []
    for b in agg.get("buckets", []):
        key = b["key"]
        if key == ix.NO_VALUE:
            continue
        if name == "year":
            value = label = str(key)
        elif name == "validity":
            value, label = key, Validity(key).label if key in Validity.values else key
        else:
            value, _, label = str(key).partition(ix.FACET_SEPARATOR)
        out.append(FacetValue(value=value, label=label, count=int(b["doc_count"])))
    return out


# --- keeping the index in step -----------------------------------------------------------------------------


def _reindex(w, ids: Iterable[int], jurisdictions: Jurisdictions | None = None) -> int:
    """Delete each id from the index and add back the public ones as the database has them now."""
    ids = list(dict.fromkeys(int(i) for i in ids))
    sources = load_sources(ids, jurisdictions)
    ix.delete_ids(w, ids)
    for pk in ids:
        if pk in sources:
            w.add_document(ix.to_document(sources[pk]))
    return len(sources)


def index_disclosures(ids: Iterable[int]) -> int:
    """Re-index these disclosures now (idempotent); returns how many are public and so in the index."""
    ids = list(ids)
    index = ix.get_index()
    with ix.writer(index, wait=API_WAIT) as w:
        n = _reindex(w, ids)
        w.commit()
    return n


@dataclass(frozen=True)
class DrainOutcome:
    processed: int
    busy: bool  # the writer was held elsewhere: rows are left pending


def drain_outbox(*, wait: float, prune: bool = False) -> DrainOutcome:
    """Process pending outbox rows until none are left. The writer is taken before the rows are read, so
    whoever indexes later also read the database later; a busy writer leaves rows pending for the next run."""
    try:
        index = ix.get_index()
    except SearchUnavailable as exc:
        logger.warning("search outbox left pending: %s", exc.message)
        return DrainOutcome(0, busy=False)
    try:
        with ix.writer(index, wait=wait) as w:
            processed = _drain_with(w)
    except WriterBusy:
        return DrainOutcome(0, busy=True)
    if prune:
        SearchOutbox.objects.filter(processed_at__lt=timezone.now() - OUTBOX_KEEP).delete()
    return DrainOutcome(processed, busy=False)


def _drain_with(w, jurisdictions: Jurisdictions | None = None) -> int:
    total = 0
    while True:
        rows = list(SearchOutbox.objects.pending().values_list("pk", "disclosure_id")[:OUTBOX_BATCH])
        if not rows:
            return total
        _reindex(w, [d for _pk, d in rows], jurisdictions)
        w.commit()
        SearchOutbox.objects.filter(pk__in=[pk for pk, _d in rows]).update(processed_at=timezone.now())
        total += len(rows)


def process_outbox(*, wait: float = 1.0) -> int:
    """Drain the outbox; returns the number of rows processed. Waits at most `wait` seconds for the writer (it
    may run in a request, after commit); if another process holds it, rows stay pending for the next run."""
    return drain_outbox(wait=wait).processed


def rebuild(batch: int = 2000, *, progress: Callable[[int, float], None] | None = None) -> int:
    """Rebuild the whole index from the database (published and withdrawn records), in batches; returns the
    number of records indexed. A healthy index is rebuilt in place and readers keep the old one until the
    single commit; a missing, empty or outdated one is recreated. Changes made meanwhile wait in the outbox
    and are applied before returning."""
    started = time.perf_counter()
    fresh = ix.is_outdated() or not (ix.index_dir() / "meta.json").exists()
    index = ix.wipe() if fresh else ix.get_index()
    jurisdictions = Jurisdictions()
    count = 0
    with ix.writer(index, wait=REBUILD_WAIT, heap=ix.REBUILD_HEAP, threads=2) as w:
        w.delete_all_documents()
        for ids in public_id_batches(batch):
            sources = load_sources(ids, jurisdictions)
            for pk in ids:
                if pk in sources:
                    w.add_document(ix.to_document(sources[pk]))
            count += len(sources)
            if progress:
                progress(count, time.perf_counter() - started)
        w.commit()
        _drain_with(w, jurisdictions)
    if fresh:
        ix.mark_current()
    health.forget_health()
    return count


def status() -> dict:
    """What `gongkai search status` shows: where the index is, whether it is current, what it holds, and the
    outbox backlog."""
    path = ix.index_dir()
    pending = SearchOutbox.objects.pending()
    oldest = pending.values_list("created_at", flat=True).first()
    out = {
        "path": str(path),
        "schema_version": ix.stored_version(),
        "expected_version": ix.SCHEMA_VERSION,
        "documents": None,
        "segments": None,
        "public_records": Disclosure.objects.published().count(),
        "pending": pending.count(),
        "oldest_pending": oldest,
        "problem": None,
    }
    try:
        index = ix.get_index(create=False)
        index.reload()
        searcher = index.searcher()
        out["documents"], out["segments"] = searcher.num_docs, searcher.num_segments
        if out["documents"] != out["public_records"]:
            out["problem"] = "索引中的记录数与数据库不一致，请运行 gongkai search process 或 rebuild"
    except SearchUnavailable as exc:
        out["problem"] = exc.message
    return out


def substring_scan(q: str) -> set[int]:
    """The reference for search: ids of public records whose searchable text contains every term of `q` as a
    substring, by a plain scan of the database (slow; for tests and the benchmark)."""
    terms = parse_terms(q)
    return {s.id for s in iter_public_sources() if contains_all(s.all_values(), terms)}
