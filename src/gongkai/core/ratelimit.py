"""Rate limits on public writes, by client address and by identity, that hold across processes.

Limits are settings (`RATE_LIMITS`: per scope, per dimension a count and a period in seconds), never numbers in
views. Counting uses the default cache, which must be shared by every process that serves requests (the
embedded default is Django's database cache; see settings). A fixed window per period is split into `count`
slots, and a request takes the first free slot with `cache.add` — atomic on the database cache (a unique
primary key), on memcached and on Redis — so concurrent requests in different processes can never take more
than `count` slots; a plain get-and-increment would let a burst through. A hint of the next free slot keeps
the usual cost at three cache queries per dimension.

Only SHA-256 hashes of addresses and identities are used as keys, so the cache holds no personal data.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from gongkai.core.errors import DomainError


class RateLimited(DomainError):
    """Too many writes: the API answers 429 with Retry-After, the pages a Chinese message with 429."""

    code = "rate_limited"
    status = 429

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = max(1, int(retry_after))
        self.headers = {"Retry-After": str(self.retry_after)}


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int


def limits_for(scope: str) -> dict[str, Limit]:
    """The limits of `scope` from settings.RATE_LIMITS, by dimension ("address", "identity")."""
    configured = getattr(settings, "RATE_LIMITS", {}).get(scope)
    if configured is None:
        raise KeyError(f"RATE_LIMITS has no scope {scope!r}")
    return {dim: Limit(int(v["count"]), int(v["seconds"])) for dim, v in configured.items()}


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or with RATE_LIMIT_PROXY_HOPS = N trusted reverse proxies in front,
    the N-th address from the right of X-Forwarded-For (the one the nearest trusted proxy saw)."""
    hops = int(getattr(settings, "RATE_LIMIT_PROXY_HOPS", 0))
    if hops > 0:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "") or "-"


def normalize_identity(value: str) -> str:
    """An identity as given, compared loosely: case and spacing ignored, phone punctuation dropped."""
    value = re.sub(r"\s+", "", str(value or "")).lower()
    if re.fullmatch(r"[+\d().\-]{7,}", value):
        value = re.sub(r"\D", "", value)
    return value


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:32]


@dataclass
class Ticket:
    """The slots one request took; `release()` gives them back (the write failed, nothing was filed)."""

    keys: list[str] = field(default_factory=list)

    def release(self) -> None:
        if self.keys:
            # The hints go too, so the freed slots are found again (the next request probes from 0).
            cache.delete_many(self.keys + [k.rsplit(":", 1)[0] + ":next" for k in self.keys])
            self.keys = []


def _take(base: str, limit: Limit, now: float) -> tuple[str | None, int]:
    window = int(now // limit.seconds)
    retry_after = int((window + 1) * limit.seconds - now) + 1
    prefix = f"rl:{base}:{limit.seconds}:{window}"
    hint_key = f"{prefix}:next"
    start = min(int(cache.get(hint_key) or 0), limit.count)
    for i in range(start, limit.count):
        key = f"{prefix}:{i}"
        if cache.add(key, 1, timeout=retry_after + 1):
            cache.set(hint_key, i + 1, timeout=retry_after + 1)
            return key, retry_after
    return None, retry_after


def acquire(
    scope: str, *, address: str | None = None, identities: Iterable[str] = (), now: float | None = None
) -> Ticket:
    """Take one slot for `scope` for the address and for each identity given (blank ones are ignored).

    Raises RateLimited (with the seconds until the fullest window ends) when any of them is used up, and
    then gives back what it took. Call `release()` on the ticket when the write is refused for another reason.
    """
    limits = limits_for(scope)
    now = time.time() if now is None else now
    wanted: list[tuple[str, Limit]] = []
    if address and "address" in limits:
        wanted.append((f"{scope}:a:{_digest(address)}", limits["address"]))
    if "identity" in limits:
        seen = {normalize_identity(i) for i in identities} - {""}
        wanted += [(f"{scope}:i:{_digest(i)}", limits["identity"]) for i in sorted(seen)]
    ticket = Ticket()
    for base, limit in wanted:
        key, retry_after = _take(base, limit, now)
        if key is None:
            ticket.release()
            minutes = max(1, (retry_after + 59) // 60)
            raise RateLimited(f"提交过于频繁，请在{minutes}分钟后再试", retry_after=retry_after)
        ticket.keys.append(key)
    return ticket


@contextmanager
def limited(
    scope: str, request: HttpRequest, data: Mapping[str, object], fields: Iterable[str]
) -> Iterator[None]:
    """Take the slots of one write of `scope` by the request's address and the identity `fields` of `data` (as
    given: ID number, phone, e-mail); give them back when the write inside fails. Raises RateLimited."""
    ticket = acquire(
        scope, address=client_address(request), identities=[str(data.get(f) or "") for f in fields]
    )
    try:
        yield
    except Exception:
        ticket.release()
        raise


def refused_page(response: HttpResponse, exc: RateLimited) -> HttpResponse:
    """A page that shows the form again with the Chinese message: status 429 and Retry-After."""
    response.status_code = 429
    for name, value in exc.headers.items():
        response[name] = value
    return response
