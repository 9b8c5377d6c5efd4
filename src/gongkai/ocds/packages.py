"""OCDS release and record packages of public transactions: selection, paging, records, package metadata.

The service API other exports build on (the change feed, bulk files): `releases_for_transaction(t)` (releases.py),
`record_for(ocid)` / `record_of(t)`, `release_package(...)`, `record_package(...)`, `releases_page(...)`.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from gongkai.catalog.models import Jurisdiction
from gongkai.catalog.selectors import descendant_ids
from gongkai.core.errors import DomainError, NotFound
from gongkai.disclosures.choices import State
from gongkai.ocds.merge import compile_release, versioned_release
from gongkai.ocds.releases import (
    Blacklist,
    code_from_ocid,
    ocid_for,
    parse_release_id,
    party_codes,
    releases_for_transaction,
)
from gongkai.transactions import selectors as transaction_selectors
from gongkai.transactions.models import Transaction, TransactionStep

OCDS_VERSION = "1.1"
MAX_PAGE = 100


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def extension_url() -> str:
    return _absolute(reverse("api:ocds_extension", args=["extension.json"]))


def publisher(jurisdiction: Jurisdiction | None = None) -> dict[str, str]:
    """The publisher: the platform, and the jurisdiction the data is about when there is one."""
    name = settings.OCDS_PUBLISHER_NAME
    if jurisdiction is not None:
        return {
            "name": f"{name}（{jurisdiction.name}）",
            "uri": _absolute(reverse("portal:jurisdiction-detail", args=[jurisdiction.code])),
        }
    return {"name": name, "uri": _absolute("/")}


def _metadata(uri: str, jurisdiction: Jurisdiction | None) -> dict[str, Any]:
    return {
        "uri": uri,
        "version": OCDS_VERSION,
        "extensions": [extension_url()],
        "publishedDate": timezone.localtime().isoformat(timespec="seconds"),
        "publisher": publisher(jurisdiction),
        "license": settings.OCDS_LICENSE,
        "publicationPolicy": _absolute(reverse("portal:ocds-policy")),
    }


def release_package(
    releases: list[dict[str, Any]], *, uri: str, jurisdiction: Jurisdiction | None = None
) -> dict[str, Any]:
    """A release package: the metadata, then the releases."""
    return {**_metadata(uri, jurisdiction), "releases": releases}


def record_package(
    records: list[dict[str, Any]], *, uri: str, jurisdiction: Jurisdiction | None = None
) -> dict[str, Any]:
    """A record package; `packages` lists the release package URL of each record's releases."""
    meta = _metadata(uri, jurisdiction)
    packages = [_absolute(reverse("api:ocds_record", args=[r["ocid"]])) for r in records]
    return {**meta, "packages": packages, "records": records}


# --- selection -------------------------------------------------------------------------------------------------


def public_transactions(jurisdiction: Jurisdiction | None = None) -> QuerySet[Transaction]:
    """Transactions with at least one published or withdrawn step, in a stable order (first registered first)."""
    qs = transaction_selectors.public_transactions().order_by("pk")
    if jurisdiction is not None:
        qs = qs.filter(jurisdiction_id__in=descendant_ids(jurisdiction.pk))
    return qs


def record_of(t: Transaction, *, blacklist: Blacklist | None = None) -> dict[str, Any]:
    """The record of a transaction: its releases, the compiled release and the versioned release."""
    releases = releases_for_transaction(t, blacklist=blacklist)
    return {
        "ocid": ocid_for(t.code),
        "releases": releases,
        "compiledRelease": compile_release(releases),
        "versionedRelease": versioned_release(releases),
    }


def _public_by_code(code: str) -> Transaction:
    t = transaction_selectors.with_details(public_transactions()).filter(code=code).first()
    if t is None:
        raise NotFound("该开放合同数据标识不存在或尚未公开")
    return t


def transaction_for(ocid: str) -> Transaction:
    """The public transaction an ocid names (NotFound otherwise, also for another publisher's prefix)."""
    code = code_from_ocid(ocid)
    if not code:
        raise NotFound("该开放合同数据标识不存在或尚未公开")
    return _public_by_code(code)


def record_for(ocid: str) -> dict[str, Any]:
    """The record of any public ocid."""
    return record_of(transaction_for(ocid))


def find_release(release_id: str) -> tuple[Transaction, dict[str, Any]]:
    """A release by its id, with its transaction (NotFound for an unknown, unpublished or no longer shown one)."""
    parsed = parse_release_id(release_id)
    step = None
    if parsed is not None:
        step = (
            TransactionStep.objects.filter(
                disclosure_id=parsed[0], disclosure__state__in=[State.PUBLISHED, State.WITHDRAWN]
            )
            .select_related("transaction")
            .first()
        )
    if step is not None:
        t = _public_by_code(step.transaction.code)
        for release in releases_for_transaction(t):
            if release["id"] == release_id:
                return t, release
    raise NotFound("该发布不存在或已不再公开")


# --- paging ----------------------------------------------------------------------------------------------------


class InvalidCursor(DomainError):
    code = "invalid_cursor"
    status = 422


def encode_cursor(pk: int) -> str:
    return base64.urlsafe_b64encode(f"t{pk}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raw = ""
    digits = raw[1:]
    if not raw.startswith("t") or not (digits.isascii() and digits.isdigit()) or len(digits) > 18:
        raise InvalidCursor("翻页标记无效，请使用上一页返回的 links.next")
    return int(digits)


@dataclass
class Page:
    releases: list[dict[str, Any]]
    next_cursor: str | None


def releases_page(
    *, jurisdiction: Jurisdiction | None = None, cursor: str | None = None, limit: int = 20
) -> Page:
    """The releases of up to `limit` public transactions after the cursor (transactions in registration order, each
    with all its releases), and the cursor of the next page (None on the last page)."""
    limit = max(1, min(limit, MAX_PAGE))
    qs = public_transactions(jurisdiction)
    if cursor:
        qs = qs.filter(pk__gt=decode_cursor(cursor))
    transactions = list(transaction_selectors.with_details(qs)[: limit + 1])
    more = len(transactions) > limit
    transactions = transactions[:limit]
    blacklist = Blacklist()
    blacklist.prime(party_codes(transactions))
    releases = [r for t in transactions for r in releases_for_transaction(t, blacklist=blacklist)]
    return Page(releases, encode_cursor(transactions[-1].pk) if more else None)
