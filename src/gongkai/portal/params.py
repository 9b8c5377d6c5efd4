"""Reading public query parameters: a bad value is ignored and named in a Chinese notice on the page (never a
500); an unknown jurisdiction is a 404."""

from __future__ import annotations

from collections.abc import Mapping

from django.http import Http404

from gongkai.catalog import selectors as catalog_selectors
from gongkai.catalog.models import Jurisdiction
from gongkai.core.errors import NotFound
from gongkai.core.params import clean_text, parse_int

YEARS = (1900, 2100)


class PageParams:
    """The query string of a list page. Each reader returns None (or a default) for a missing value and, for a
    malformed one, also records the filter's label in `ignored`; `notice` is the sentence the page shows."""

    def __init__(self, query: Mapping[str, str]) -> None:
        self.query = query
        self.ignored: list[str] = []

    def _raw(self, name: str) -> str:
        return clean_text(self.query.get(name), 200)

    def integer(self, name: str, label: str) -> int | None:
        raw = self._raw(name)
        value = parse_int(raw)
        if raw and value is None:
            self.ignored.append(label)
        return value

    def year(self, name: str = "year", label: str = "年度") -> int | None:
        raw = self._raw(name)
        value = parse_int(raw, low=YEARS[0], high=YEARS[1])
        if raw and value is None:
            self.ignored.append(label)
        return value

    def text(self, name: str, limit: int = 100) -> str:
        return clean_text(self.query.get(name), limit)

    @property
    def notice(self) -> str:
        return f"已忽略无效的查询条件：{'、'.join(self.ignored)}" if self.ignored else ""


def int_param(value: str | None) -> int | None:
    """A positive record number or year from a query string; None when absent, malformed or out of range."""
    return parse_int(value)


def jurisdiction_or_404(code: str) -> Jurisdiction:
    try:
        return catalog_selectors.get_jurisdiction(code)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def jurisdiction_param(params) -> Jurisdiction | None:
    """The `jurisdiction` parameter as a Jurisdiction (None when absent; 404 when unknown)."""
    code = clean_text(params.get("jurisdiction"), 20)
    return jurisdiction_or_404(code) if code else None
