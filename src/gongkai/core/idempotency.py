"""Idempotency keys (`Idempotency-Key` header, as Stripe and the IETF httpapi draft use it) on write APIs.

A client that did not get an answer sends the same request again with the same key. The first request that
succeeds stores its status and body under (client, key) in the same transaction as the write itself, so either
both are committed or neither is. A retry then finds the row and gets the stored answer (status and body, with
`Idempotent-Replayed: true`); nothing runs twice. A retry that arrives while the first is still running waits
on the unique constraint (PostgreSQL: the insert blocks until the first commits; SQLite: writers are serialised)
and then replays it. The same key with another body is refused with 422. Failed writes store nothing: the
client may retry them with the same key. Keys are per client — the API token, or the client address for
public writes — and expire after settings.IDEMPOTENCY_KEY_TTL_SECONDS.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

from gongkai.core.models import IdempotencyKey
from gongkai.core.ratelimit import client_address

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"


def _digest(value: bytes) -> str:
    return hashlib.sha256(value).hexdigest()


def client_of(request: HttpRequest) -> str:
    """Whose keys these are: the bearer token (hashed) when one is sent, otherwise the client address."""
    auth = request.headers.get("Authorization", "")
    if auth.lower().startswith("bearer "):
        return "token:" + _digest(auth[7:].strip().encode())[:40]
    return "address:" + _digest(client_address(request).encode())[:40]


def fingerprint(request: HttpRequest) -> str:
    """Method, path and body; a JSON body is compared by content (key order and spacing do not matter)."""
    body = request.body
    with contextlib.suppress(ValueError):
        body = json.dumps(json.loads(body), sort_keys=True, ensure_ascii=False).encode()
    return _digest(b"\n".join([request.method.encode(), request.path.encode(), body]))


def _error(status: int, code: str, message: str, **headers: str) -> JsonResponse:
    response = JsonResponse({"code": code, "message": message}, status=status,
                            json_dumps_params={"ensure_ascii": False})  # fmt: skip
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _replay(row: IdempotencyKey) -> HttpResponse:
    response = HttpResponse(row.body, status=row.status, content_type=row.content_type)
    response[REPLAYED_HEADER] = "true"
    return response


def valid_key(key: str) -> bool:
    return 1 <= len(key) <= 255 and key.isascii() and key.isprintable()


def idempotent_view(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a view (request → response) so a request with an Idempotency-Key is answered at most once."""

    @wraps(run)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = request.headers.get(HEADER)
        if key is None:
            return run(request, *args, **kwargs)
        key = key.strip()
        if not valid_key(key):
            return _error(
                422, "invalid_idempotency_key", "幂等键（Idempotency-Key）应为1至255个可见的英文字符"
            )
        client, fp, now = client_of(request), fingerprint(request), timezone.now()
        with transaction.atomic():
            try:
                with transaction.atomic():
                    IdempotencyKey.objects.filter(expires_at__lte=now).delete()
                    row = IdempotencyKey.objects.create(
                        client=client, key=key, fingerprint=fp, created_at=now,
                        expires_at=now + dt.timedelta(seconds=settings.IDEMPOTENCY_KEY_TTL_SECONDS),
                    )  # fmt: skip
            except IntegrityError:
                # Committed by an earlier request (a concurrent one was waited for by the insert).
                first = IdempotencyKey.objects.filter(client=client, key=key).first()
                if first is None:  # expired and removed in between: the client retries
                    return _error(409, "idempotency_conflict", "相同幂等键的请求正在处理，请稍后重试",
                                  Retry_After="1")  # fmt: skip
                if first.fingerprint != fp:
                    return _error(422, "idempotency_key_reused",
                                  "该幂等键已用于内容不同的请求，请为新的请求使用新的幂等键")  # fmt: skip
                return _replay(first)
            response = run(request, *args, **kwargs)
            if 200 <= response.status_code < 300 and not getattr(response, "streaming", False):
                row.status = response.status_code
                row.content_type = response.get("Content-Type", "application/json")
                row.body = response.content.decode("utf-8")
                row.save(update_fields=["status", "content_type", "body"])
            else:
                transaction.set_rollback(True)  # nothing was written; the key stays free for a retry
            return response

    return wrapper
