"""A simple guard against complaint spam: at most `max_per_ip_per_hour` complaints per IP address per clock
hour (data/complaints/categories.yaml), counted in the cache. Only a hash of the address is used as the key.
Forms sent back with errors are not counted: only complaints actually registered."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.utils import timezone

from gongkai.complaints.rules import rules
from gongkai.core.errors import DomainError


class RateLimited(DomainError):
    code = "rate_limited"
    status = 429


def _key(ip: str) -> str:
    hour = timezone.now().strftime("%Y%m%d%H")
    return f"complaints:ip:{hashlib.sha256((ip or '-').encode()).hexdigest()[:32]}:{hour}"


def check_rate(ip: str) -> None:
    """Raise RateLimited when `ip` has used up this hour's complaints."""
    if (cache.get(_key(ip)) or 0) >= rules().max_per_ip_per_hour:
        raise RateLimited("提交过于频繁，请一小时后再试")


def count_submission(ip: str) -> None:
    key = _key(ip)
    if not cache.add(key, 1, timeout=3600):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=3600)
