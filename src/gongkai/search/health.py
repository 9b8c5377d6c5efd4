"""Is the index fit to answer? Missing, of another schema, incomplete or lagging behind the outbox, it is not:
search then answers from the database (fallback.py), staff see a notice and /readyz says not ready.

The check reads the index's document count and two cheap database figures (public records, the oldest
pending outbox row); `index_health()` keeps the answer for settings.SEARCH_HEALTH_TTL seconds per process (and
index generation) so that a busy search page does not count the records on every request.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from gongkai.disclosures.models import Disclosure
from gongkai.search import index as ix
from gongkai.search.models import SearchOutbox

DEFAULT_MAX_LAG = 600  # seconds an outbox row may wait; the scheduler drains it every 5 minutes
DEFAULT_TTL = 5.0

# Said to staff (no command names: the administrator's runbook, docs/deployment.md, has those).
MESSAGES = {
    "missing": "搜索索引不存在（目录已丢失或尚未建立），请系统管理员重建搜索索引",
    "outdated": "搜索索引与当前程序版本不符，请系统管理员重建搜索索引",
    "incomplete": "搜索索引的记录数与数据库不一致（索引 {documents} 条，数据库 {public_records} 条），请系统管理员重建搜索索引",
    "lagging": "搜索索引落后于数据库：最早的待更新记录已等待 {lag} 秒，请系统管理员检查后台任务进程",
}


@dataclass(frozen=True)
class IndexHealth:
    documents: int | None  # None: no readable index
    public_records: int
    pending: int
    oldest_pending_age: float | None  # seconds
    problem: str | None = None  # "missing", "outdated", "incomplete", "lagging"

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def message(self) -> str:
        if self.problem is None:
            return ""
        lag = f"{self.oldest_pending_age:.0f}" if self.oldest_pending_age is not None else "—"
        return MESSAGES[self.problem].format(
            documents=self.documents, public_records=self.public_records, lag=lag
        )

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "problem": self.problem,
            "documents": self.documents,
            "public_records": self.public_records,
            "pending": self.pending,
            "oldest_pending_age_seconds": self.oldest_pending_age,
        }


def max_lag() -> float:
    return float(getattr(settings, "SEARCH_INDEX_MAX_LAG", DEFAULT_MAX_LAG))


def check_index(*, now: dt.datetime | None = None) -> IndexHealth:
    """The index's state now (not cached)."""
    now = now or timezone.now()
    public = Disclosure.objects.published().count()
    pending = SearchOutbox.objects.pending()
    oldest = pending.values_list("created_at", flat=True).first()
    n_pending = pending.count() if oldest is not None else 0
    age = (now - oldest).total_seconds() if oldest is not None else None

    def health(documents: int | None, problem: str | None) -> IndexHealth:
        return IndexHealth(documents, public, n_pending, age, problem)

    if not (ix.index_dir() / "meta.json").exists():
        # A fresh installation has nothing to find yet: the first change creates the index.
        return health(None, "missing" if public else None)
    if ix.stored_version() != ix.SCHEMA_VERSION:
        return health(None, "outdated")
    try:
        index = ix.get_index(create=False)
        index.reload()
        documents = index.searcher().num_docs
    except (ix.SearchUnavailable, ValueError, OSError):
        return health(None, "missing")
    if age is not None and age > max_lag():
        return health(documents, "lagging")
    if documents != public and not n_pending:  # rows in flight excuse a difference, for a while
        return health(documents, "incomplete")
    return health(documents, None)


_lock = threading.Lock()
_cached: dict[str, tuple[float, IndexHealth]] = {}


def index_health() -> IndexHealth:
    """check_index(), kept for settings.SEARCH_HEALTH_TTL seconds in this process, or until the index changes
    (every commit, a rebuild or a lost directory changes its generation)."""
    ttl = float(getattr(settings, "SEARCH_HEALTH_TTL", DEFAULT_TTL))
    key = f"{ix.index_dir()}:{ix.generation().hex()}:{ix.stored_version()}"
    with _lock:
        hit = _cached.get(key)
    if hit is not None and time.monotonic() - hit[0] < ttl:
        return hit[1]
    result = check_index()
    with _lock:
        _cached[key] = (time.monotonic(), result)
    return result


def forget_health() -> None:
    with _lock:
        _cached.clear()
