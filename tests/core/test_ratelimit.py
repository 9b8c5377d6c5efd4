"""The rate limiter (core/ratelimit.py): slots per window in the shared cache, by address and by identity."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache

from gongkai.core import ratelimit
from gongkai.core.ratelimit import RateLimited, acquire, normalize_identity

NOW = 1_800_000_000.0  # a fixed instant: windows are computed from it, no sleeping


@pytest.fixture
def small_limits(settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "test": {"address": {"count": 3, "seconds": 60}, "identity": {"count": 2, "seconds": 3600}},
    }


def test_default_cache_is_shared_by_processes(settings):
    """Several granian workers share counters only through a cache outside the process (not LocMemCache)."""
    backend = settings.CACHES["default"]["BACKEND"]
    assert backend.rsplit(".", 1)[-1] not in {"LocMemCache", "DummyCache"}
    assert isinstance(caches["default"], DatabaseCache)


@pytest.mark.django_db
def test_address_limit_then_next_window(small_limits):
    for _ in range(3):
        acquire("test", address="10.0.0.1", now=NOW)
    with pytest.raises(RateLimited) as refused:
        acquire("test", address="10.0.0.1", now=NOW)
    assert refused.value.status == 429
    assert refused.value.code == "rate_limited"
    assert "分钟后再试" in refused.value.message
    assert 0 < refused.value.retry_after <= 61
    assert refused.value.headers["Retry-After"] == str(refused.value.retry_after)
    acquire("test", address="10.0.0.2", now=NOW)  # another address has its own count
    acquire("test", address="10.0.0.1", now=NOW + 60)  # the next window


@pytest.mark.django_db
def test_identity_limit_is_loose_about_spelling_and_releases_on_failure(small_limits):
    acquire("test", address="a", identities=["zhang@example.com"], now=NOW)
    ticket = acquire("test", address="b", identities=[" ZHANG@example.com"], now=NOW)
    with pytest.raises(RateLimited):
        acquire("test", address="c", identities=["zhang@example.com"], now=NOW)
    ticket.release()  # the write failed: its slots are given back
    acquire("test", address="c", identities=["zhang@example.com"], now=NOW)
    assert normalize_identity("138 0013-8000") == normalize_identity("13800138000")


@pytest.mark.django_db
def test_refusal_takes_nothing(small_limits):
    """A request refused on its identity does not use up its address's slots."""
    acquire("test", identities=["x"], now=NOW)
    acquire("test", identities=["x"], now=NOW)
    for _ in range(3):
        with pytest.raises(RateLimited):
            acquire("test", address="10.0.0.9", identities=["x"], now=NOW)
    acquire("test", address="10.0.0.9", now=NOW)


@pytest.mark.django_db
def test_counts_are_shared_between_cache_connections(small_limits, monkeypatch):
    """Two cache clients on the same table (as two worker processes have) share one count: the limiter takes
    slots with the atomic `add`, never a count kept in the process."""
    other_process = caches.create_connection("default")
    assert other_process is not caches["default"]
    acquire("test", address="10.0.0.1", now=NOW)
    acquire("test", address="10.0.0.1", now=NOW)
    monkeypatch.setattr(ratelimit, "cache", other_process)
    acquire("test", address="10.0.0.1", now=NOW)
    with pytest.raises(RateLimited):
        acquire("test", address="10.0.0.1", now=NOW)


def test_proxy_hops(rf, settings):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.1.1.1, 2.2.2.2", REMOTE_ADDR="127.0.0.1")
    assert ratelimit.client_address(request) == "127.0.0.1"
    settings.RATE_LIMIT_PROXY_HOPS = 1
    assert ratelimit.client_address(request) == "2.2.2.2"
