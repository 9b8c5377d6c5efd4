"""Anonymous public pages and API reads from a cache that a publish, correction or withdrawal empties at once.

A response is stored under a key that includes the *generation*: the id of the newest public change in the change
feed (changes.PublicChange, written in the committing transaction). Publishing, correcting or withdrawing
anything makes a new generation the moment it commits, in every process and on every server that reads the same
database, so no page older than the change is ever served again; nothing has to be deleted. What the change feed
does not carry (a catalog reloaded, an organization renamed) is cached for `PUBLIC_CACHE_SECONDS` at most, and the
day is part of the key because public pages decide by date (publicity periods, deadlines).

Only what anybody may see is cached: GET/HEAD from a visitor who is not logged in and sends no token, answered
200, with no cookie set and no CSRF token in the page (forms), outside the paths in `PUBLIC_CACHE_EXCLUDE`
(staff, admin, applications and complaints with their tracking codes, client API). Responses carry an ETag and
`Cache-Control: public, no-cache`, so a proxy or CDN in front may keep them but asks again (a cheap 304) before
reusing one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from gongkai.changes.selectors import latest_change_id

HEADER = "X-Gongkai-Cache"  # HIT or MISS, for benchmarks and operators


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or not getattr(settings, "PUBLIC_CACHE_ENABLED", True):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    path = request.path_info
    if any(path.startswith(prefix) for prefix in settings.PUBLIC_CACHE_EXCLUDE):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.META.get("CSRF_COOKIE_USED")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def page_key(request: HttpRequest, generation: int) -> str:
    """The cache key of a request: generation, day, htmx or not, and the full path with its query string."""
    raw = "|".join(
        [
            str(generation),
            timezone.localdate().isoformat(),
            request.headers.get("HX-Request", ""),
            request.get_full_path(),
        ]
    )
    return "page:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()


class PublicPageCacheMiddleware:
    """Serve anonymous public reads from the cache; see the module docstring for what is cached and why."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            return self.get_response(request)
        cache = caches[settings.PUBLIC_CACHE_ALIAS]
        # The generation is read before rendering: a page rendered while a change commits is stored under the
        # older generation, which the change has already made unreachable.
        key = page_key(request, latest_change_id())
        stored = cache.get(key)
        if stored is not None:
            response = HttpResponse(stored["content"], status=200)
            for name, value in stored["headers"]:
                response[name] = value
            response[HEADER] = "HIT"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            if not response.has_header("ETag"):
                response["ETag"] = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
            patch_cache_control(response, public=True, no_cache=True)
            patch_vary_headers(response, ["HX-Request"])
            headers = [(k, v) for k, v in response.items() if k.lower() not in ("set-cookie", HEADER.lower())]
            cache.set(key, {"content": response.content, "headers": headers}, settings.PUBLIC_CACHE_SECONDS)
            response[HEADER] = "MISS"
        return response
