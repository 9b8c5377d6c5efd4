"""Reading the change feed: pages after a cursor, in commit order."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.changes.models import PublicChange

MAX_LIMIT = 1000


@dataclass(frozen=True)
class Page:
    items: list[PublicChange]
    next_cursor: int
    has_more: bool


def changes_after(
    cursor: int,
    *,
    limit: int = 100,
    jurisdiction_ids: list[int] | None = None,
    kinds: list[str] | None = None,
) -> Page:
    """The changes after `cursor` (a change id; 0 for the start), oldest first, at most `limit`.

    `next_cursor` is the id of the last change returned (or `cursor` when there is none): pass it back to get
    the next page; a change that commits after this read gets a higher id and is never skipped.
    """
    qs = PublicChange.objects.filter(id__gt=cursor).select_related("jurisdiction").order_by("id")
    if jurisdiction_ids is not None:
        qs = qs.filter(jurisdiction_id__in=jurisdiction_ids)
    if kinds:
        qs = qs.filter(kind__in=kinds)
    rows = list(qs[: limit + 1])
    items = rows[:limit]
    return Page(items=items, next_cursor=items[-1].id if items else cursor, has_more=len(rows) > limit)


def latest_change_id() -> int:
    """The newest change's id (0 before the first): the cache generation of public pages."""
    return PublicChange.objects.order_by("-id").values_list("id", flat=True).first() or 0
