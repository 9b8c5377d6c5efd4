"""What the index holds of a disclosure, read from the database (the truth): the current published revision's
text and the record's metadata, in as few queries as a batch allows (three, whatever its size)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from gongkai.catalog.models import Jurisdiction
from gongkai.disclosures.choices import RevisionStatus
from gongkai.disclosures.models import Disclosure, Revision


@dataclass(frozen=True)
class Source:
    id: int
    title: str
    body: str
    doc_no: str
    index_no: str
    keywords: str
    field_values: tuple[str, ...]
    organization_id: int
    organization: str
    jurisdiction_code: str
    jurisdiction: str
    jurisdiction_path: tuple[str, ...]  # its own code and every ancestor's
    domain_code: str
    domain: str
    item_id: int
    stage_code: str
    stage: str
    validity: str
    state: str
    published_on: dt.date | None
    published_at: dt.datetime | None

    def searchable(self) -> dict[str, list[str]]:
        """The values full-text search looks in, per index field (title, body, and the rest as "meta")."""
        meta = [self.doc_no, self.index_no, self.organization, self.keywords, *self.field_values]
        return {"title": [self.title], "body": [self.body], "meta": [v for v in meta if v]}

    def all_values(self) -> list[str]:
        return [v for values in self.searchable().values() for v in values]


def string_values(value: Any) -> Iterator[str]:
    """Every string inside a structured-fields value (names of parties, table cells), keys left out."""
    if isinstance(value, str):
        if value.strip():
            yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from string_values(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from string_values(v)


class Jurisdictions:
    """All jurisdictions in memory (a few thousand at most): code, name and the chain of codes up to the root."""

    def __init__(self) -> None:
        self._rows = {pk: (code, name, parent) for pk, code, name, parent in
                      Jurisdiction.objects.values_list("pk", "code", "name", "parent_id")}  # fmt: skip
        self._paths: dict[int, tuple[str, ...]] = {}

    def code_name(self, pk: int) -> tuple[str, str]:
        code, name, _parent = self._rows[pk]
        return code, name

    def path(self, pk: int) -> tuple[str, ...]:
        if pk not in self._paths:
            chain, node, seen = [], pk, set()
            while node is not None and node not in seen:
                seen.add(node)
                code, _name, parent = self._rows[node]
                chain.append(code)
                node = parent
            self._paths[pk] = tuple(chain)
        return self._paths[pk]


_META = (
    "pk",
    "organization_id",
    "organization__name",
    "jurisdiction_id",
    "catalog_item_id",
    "catalog_item__domain__code",
    "catalog_item__domain__name",
    "catalog_item__stage__code",
    "catalog_item__stage__name",
    "state",
    "index_no",
    "validity",
    "published_on",
    "published_at",
)


def load_sources(ids: Iterable[int], jurisdictions: Jurisdictions | None = None) -> dict[int, Source]:
    """The public (published or withdrawn) ones among `ids`, by id; the others are simply absent."""
    ids = list(ids)
    if not ids:
        return {}
    jurisdictions = jurisdictions or Jurisdictions()
    rows = list(Disclosure.objects.published().filter(pk__in=ids).values_list(*_META))
    contents = dict(
        Revision.objects.filter(disclosure_id__in=[r[0] for r in rows], status=RevisionStatus.PUBLISHED)
        .order_by("number")
        .values_list("disclosure_id", "content")
    )
    missing = [r[0] for r in rows if r[0] not in contents]
    if missing:  # published before revisions existed, or data loaded by hand: the record itself is the text
        for pk, *values in Disclosure.objects.filter(pk__in=missing).values_list(
            "pk", "title", "doc_no", "body", "keywords", "fields"
        ):
            contents[pk] = dict(zip(("title", "doc_no", "body", "keywords", "fields"), values, strict=True))
    out = {}
    for (pk, org_id, org_name, jur_id, item_id, dcode, dname, scode, sname, state, index_no, validity,
         published_on, published_at) in rows:  # fmt: skip
        content = contents[pk]
        jcode, jname = jurisdictions.code_name(jur_id)
        out[pk] = Source(
            id=pk,
            title=content.get("title") or "",
            body=content.get("body") or "",
            doc_no=content.get("doc_no") or "",
            index_no=index_no or "",
            keywords=content.get("keywords") or "",
            field_values=tuple(string_values(content.get("fields") or {})),
            organization_id=org_id,
            organization=org_name,
            jurisdiction_code=jcode,
            jurisdiction=jname,
            jurisdiction_path=jurisdictions.path(jur_id),
            domain_code=dcode,
            domain=dname,
            item_id=item_id,
            stage_code=scode or "",
            stage=sname or "",
            validity=validity,
            state=state,
            published_on=published_on,
            published_at=published_at,
        )
    return out


def public_id_batches(batch: int) -> Iterator[list[int]]:
    """Ids of every public record in ascending batches (keyset pagination: steady cost at any depth)."""
    last = 0
    while True:
        ids = list(
            Disclosure.objects.published()
            .filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch]
        )
        if not ids:
            return
        yield ids
        last = ids[-1]


def iter_public_sources(batch: int = 2000) -> Iterator[Source]:
    jurisdictions = Jurisdictions()
    for ids in public_id_batches(batch):
        sources = load_sources(ids, jurisdictions)
        for pk in ids:
            if pk in sources:
                yield sources[pk]
