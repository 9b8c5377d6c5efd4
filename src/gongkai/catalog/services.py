"""Loading the vocabulary and jurisdiction files into the database, in one transaction, idempotently."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from gongkai.catalog.fileformat import Known, ParsedFile, parse_jurisdiction_file, read_header
from gongkai.catalog.models import (
    Catalog,
    CatalogItem,
    CatalogList,
    Domain,
    Jurisdiction,
    SourceDocument,
    Stage,
)
from gongkai.catalog.vocabulary import Vocabulary, vocabulary
from gongkai.core.errors import DataFileError


@dataclass(frozen=True)
class LoadResult:
    path: str
    code: str
    name: str
    jurisdiction: str  # created | updated | unchanged
    catalog: str | None  # created | unchanged | None (no catalog)
    items: int


def known_from_database() -> Known:
    known = Known()
    for code, level in Jurisdiction.objects.values_list("code", "level"):
        known.levels[code] = level
    for code, key in SourceDocument.objects.values_list("jurisdiction__code", "key"):
        known.documents.setdefault(code, set()).add(key)
    for d in Domain.objects.filter(jurisdiction__isnull=False).select_related("jurisdiction"):
        known.domains[d.code] = set(d.stages.values_list("code", flat=True))
        known.domain_owner[d.code] = d.jurisdiction.code
    return known


def _order_by_parent(paths: list[Path]) -> list[Path]:
    """Parents before children; files whose header cannot be read keep their place (their check reports it)."""
    headers = {p: read_header(p) for p in paths}
    codes_in_batch = {code for code, _ in headers.values() if code}
    ordered, placed = [], set()
    remaining = list(paths)
    while remaining:
        progress = False
        for p in list(remaining):
            code, parent = headers[p]
            if parent is None or parent not in codes_in_batch or parent in placed:
                ordered.append(p)
                placed.add(code)
                remaining.remove(p)
                progress = True
        if not progress:  # a cycle: keep the rest as they are; the check will name the missing parent
            ordered.extend(remaining)
            break
    return ordered


def check_files(paths: list[str | Path], vocab: Vocabulary | None = None) -> list[ParsedFile]:
    """Check files as one batch against the database and each other; raise DataFileError at the first bad one."""
    vocab = vocab or vocabulary()
    known = known_from_database()
    parsed = []
    for path in _order_by_parent([Path(p) for p in paths]):
        pf = parse_jurisdiction_file(path, vocab, known)
        _check_against_database(pf)
        known.levels[pf.code] = pf.jurisdiction["level"]
        known.documents.setdefault(pf.code, set()).update(d["key"] for d in pf.documents)
        for d in pf.domains:
            known.domains[d["code"]] = {s["code"] for s in d["stages"]}
            known.domain_owner[d["code"]] = pf.code
        parsed.append(pf)
    return parsed


def _check_against_database(pf: ParsedFile) -> None:
    if pf.catalog is None:
        return
    existing = Catalog.objects.filter(jurisdiction__code=pf.code, version=pf.catalog["version"]).first()
    if existing and existing.content_sha256 != pf.catalog_sha256:
        raise DataFileError(
            pf.path,
            [
                (
                    None,
                    f"目录版本“{pf.catalog['version']}”已载入且内容不同；目录有变化时请使用新的 version 和 effective_from，"
                    "以保留原版本",
                )
            ],
        )


def sync_vocabulary(vocab: Vocabulary | None = None) -> None:
    """Create or update the shared domains and their stages (idempotent)."""
    vocab = vocab or vocabulary()
    for position, (code, spec) in enumerate(vocab.domains.items()):
        _sync_domain(code, spec, position, None)


def _sync_domain(code: str, spec: dict, position: int, jurisdiction: Jurisdiction | None) -> None:
    domain, _ = Domain.objects.update_or_create(
        code=code,
        defaults={
            "name": spec["name"],
            "description": spec.get("description", ""),
            "position": position,
            "jurisdiction": jurisdiction,
        },
    )
    wanted = {s["code"]: (i, s["name"]) for i, s in enumerate(spec["stages"])}
    for stage in domain.stages.all():
        if stage.code not in wanted and not stage.items.exists():
            stage.delete()
    for scode, (i, sname) in wanted.items():
        Stage.objects.update_or_create(domain=domain, code=scode, defaults={"name": sname, "position": i})


@transaction.atomic
def load_files(paths: list[str | Path]) -> list[LoadResult]:
    """Check then load jurisdiction files; all or nothing. Loading the same files again changes nothing."""
    vocab = vocabulary()
    sync_vocabulary(vocab)
    parsed = check_files(paths, vocab)
    return [_write(pf, len(vocab.domains)) for pf in parsed]


def _write(pf: ParsedFile, domain_offset: int) -> LoadResult:
    j = pf.jurisdiction
    fields = {
        "name": j["name"],
        "short_name": j["short_name"],
        "level": j["level"],
        "parent": Jurisdiction.objects.get(code=j["parent"]) if j["parent"] else None,
        "ipv6": j["ipv6"],
        "profile": pf.profile,
        "profile_sources": pf.profile_sources,
        "file_sha256": pf.sha256,
        "source_file": Path(pf.path).name,
    }
    jur = Jurisdiction.objects.filter(code=pf.code).first()
    if jur is None:
        jur = Jurisdiction.objects.create(code=pf.code, **fields)
        jstatus = "created"
    elif jur.file_sha256 == pf.sha256:
        jstatus = "unchanged"
    else:
        for k, v in fields.items():
            setattr(jur, k, v)
        jur.save()
        jstatus = "updated"

    for d in pf.documents:
        SourceDocument.objects.update_or_create(
            jurisdiction=jur,
            key=d["key"],
            defaults={k: (v or "") if k != "issued_on" else v for k, v in d.items() if k != "key"},
        )
    for i, d in enumerate(pf.domains):
        _sync_domain(d["code"], d, domain_offset + i, jur)

    if pf.catalog is None:
        return LoadResult(pf.path, pf.code, jur.name, jstatus, None, 0)
    cat = pf.catalog
    if Catalog.objects.filter(jurisdiction=jur, version=cat["version"]).exists():
        return LoadResult(pf.path, pf.code, jur.name, jstatus, "unchanged", pf.item_count)
    catalog = Catalog.objects.create(
        jurisdiction=jur,
        version=cat["version"],
        effective_from=cat["effective_from"],
        effective_to=cat["effective_to"],
        extends=Jurisdiction.objects.get(code=cat["extends"]) if cat["extends"] else None,
        defaults=cat["defaults"],
        content_sha256=pf.catalog_sha256,
        source_file=Path(pf.path).name,
    )
    domains = {d.code: d for d in Domain.objects.all()}
    stages = {(s.domain.code, s.code): s for s in Stage.objects.select_related("domain")}
    documents = {}
    for code in filter(None, [pf.code, cat["extends"]]):
        for d in SourceDocument.objects.filter(jurisdiction__code=code):
            documents.setdefault(d.key, d)  # the file's own documents win over the extended catalog's
    items = []
    for li, lst in enumerate(cat["lists"]):
        clist = CatalogList.objects.create(catalog=catalog, title=lst["title"], position=li)
        for ii, it in enumerate(lst["items"]):
            items.append(
                CatalogItem(
                    catalog=catalog,
                    catalog_list=clist,
                    position=ii,
                    key=it["key"],
                    domain=domains[it["domain"]],
                    category=it["category"],
                    content=it["content"],
                    attribute=it["attribute"],
                    withheld_reason=it["withheld_reason"],
                    publishers=it["publishers"],
                    publisher_text=it["publisher_text"],
                    deadline=it["deadline"],
                    channels=it["channels"],
                    supervision=it["supervision"],
                    stage=stages.get((it["domain"], it["stage"])) if it["stage"] else None,
                    personal_data=it["personal_data"],
                    punitive=it["punitive"],
                    lawful_personal=it.get("lawful_personal", []),
                    lawful_basis=it.get("lawful_basis", ""),
                    fields=it["fields"],
                    source=documents[it["source"]["doc"]],
                    source_ref=it["source"]["ref"],
                )
            )
    CatalogItem.objects.bulk_create(items)
    return LoadResult(pf.path, pf.code, jur.name, jstatus, "created", len(items))


def jurisdiction_files(directory: str | Path | None = None) -> list[Path]:
    return sorted(Path(directory or Path(settings.DATA_DIR) / "jurisdictions").glob("*.yaml"))
