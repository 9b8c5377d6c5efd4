"""Reading public query parameters: bad values are ignored, unknown jurisdictions are a 404."""

from __future__ import annotations

from django.http import Http404

from gongkai.catalog import selectors as catalog_selectors
from gongkai.catalog.models import Jurisdiction
from gongkai.core.errors import NotFound


def int_param(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def jurisdiction_or_404(code: str) -> Jurisdiction:
    try:
        return catalog_selectors.get_jurisdiction(code)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def jurisdiction_param(params) -> Jurisdiction | None:
    """The `jurisdiction` parameter as a Jurisdiction (None when absent; 404 when unknown)."""
    return jurisdiction_or_404(params["jurisdiction"]) if params.get("jurisdiction") else None
