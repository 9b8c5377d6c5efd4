"""Pages that show one record to whoever holds its tracking code (applications, complaints)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from gongkai.core.errors import NotFound


def private(response: HttpResponse, *, referrer: str = "no-referrer") -> HttpResponse:
    """The tracking code is in the URL or on the page: keep it out of other sites' referrers and search engines
    (the views are never_cache). A page that posts a form needs "same-origin": with "no-referrer" the browser
    sends `Origin: null` and the CSRF check refuses the POST."""
    response["Referrer-Policy"] = referrer
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def track_context(
    code: str, lookup: Callable[[str], Any], present: Callable[[Any, Any], dict]
) -> tuple[dict, int]:
    """The tracking page's context for `code` and its status: the record's public view, or not found (404)."""
    context: dict = {"code": code, "view": None, "not_found": False}
    if not code:
        return context, 200
    try:
        context["view"] = present(lookup(code), timezone.localdate())
    except NotFound:
        context["not_found"] = True
        return context, 404
    return context, 200


def track_page(
    request: HttpRequest, template: str, lookup, present, *, referrer: str = "no-referrer"
) -> HttpResponse:
    context, status = track_context(request.GET.get("code", "").strip(), lookup, present)
    return private(render(request, template, context, status=status), referrer=referrer)
