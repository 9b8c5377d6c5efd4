"""One published disclosure as a row of the open-data files: the public view only (the current published
revision; a withdrawn record keeps its metadata and the reason, not its body)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.urls import reverse

from gongkai.catalog.vocabulary import vocabulary
from gongkai.disclosures.choices import RevisionStatus, State, Validity
from gongkai.disclosures.models import Disclosure, Revision
from gongkai.disclosures.selectors import public_disclosures

SHOWN = (RevisionStatus.PUBLISHED, RevisionStatus.SUPERSEDED)


def public_queryset() -> QuerySet[Disclosure]:
    """Published and withdrawn disclosures with what a row needs, oldest first (a stable file order)."""
    shown = Revision.objects.filter(status__in=SHOWN).order_by("-number")
    return (
        public_disclosures()
        .select_related("transaction_step__transaction")
        .prefetch_related(Prefetch("revisions", queryset=shown, to_attr="shown_revisions"))
        .order_by("published_on", "pk")
    )


def record(d: Disclosure) -> dict[str, Any]:
    """The row's values by column key, plus `body` and `fields` (JSON Lines only)."""
    vocab = vocabulary()
    revisions = d.shown_revisions
    content = revisions[0].content if revisions else {}
    withdrawn = d.state == State.WITHDRAWN
    step = getattr(d, "transaction_step", None)
    item = d.catalog_item
    return {
        "id": d.pk,
        "url": reverse("portal:disclosure", args=[d.pk]),
        "title": content.get("title") or d.title,
        "index_no": d.index_no or "",
        "doc_no": content.get("doc_no") or "",
        "publisher": d.organization.name,
        "publisher_uscc": d.organization.uscc,
        "jurisdiction_code": d.jurisdiction.code,
        "jurisdiction": d.jurisdiction.name,
        "domain": item.domain.name,
        "catalog_item": item.category,
        "stage": item.stage.name if item.stage_id else "",
        "subject": vocab.subjects.get(content.get("subject") or "", ""),
        "genre": vocab.genres.get(content.get("genre") or "", ""),
        "formed_on": d.formed_on,
        "published_on": d.published_on,
        "due_on": d.due_on,
        "info_source": content.get("info_source") or d.organization.name,
        "keywords": content.get("keywords") or "",
        "validity": Validity(d.validity).label,
        "valid_until": content.get("valid_until") or None,
        "state": State(d.state).label,
        "withdrawal_reason": d.withdrawal_reason if withdrawn else "",
        "revisions": len(revisions),
        "transaction_code": step.transaction.code if step else "",
        "body": "" if withdrawn else content.get("body", ""),
        "fields": {} if withdrawn else content.get("fields") or {},
    }


def records(qs: QuerySet[Disclosure], chunk_size: int = 2000) -> Iterator[dict[str, Any]]:
    """Rows one at a time, read from the database in chunks: memory stays flat however many there are."""
    for d in qs.iterator(chunk_size=chunk_size):
        yield record(d)
