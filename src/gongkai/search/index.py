"""The tantivy index on disk: its schema, opening (creating a missing one), the writer lock, documents.

Layout: settings.SEARCH_INDEX_DIR holds tantivy's files and `schema_version`. A directory whose version file
differs from SCHEMA_VERSION (or is missing beside existing index files) needs `gongkai search rebuild`; a missing
or empty directory is created. Each process keeps its Index open and reopens it when the version file changes
(a rebuild from scratch rewrites it), so a stat per search is all the checking costs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import tantivy
from django.conf import settings

from gongkai.core.errors import DomainError
from gongkai.search.documents import Source
from gongkai.search.text import token_stream

# Bump whenever the schema or the tokenisation (text.py) changes: existing indexes then need a rebuild.
SCHEMA_VERSION = "gongkai-search 3 (bigram stream, NFKC casefold)"
VERSION_FILE = "schema_version"

# Matching happens in one field holding every searchable value (one phrase evaluation per term, however many
# places the text comes from). The title goes in TITLE_COPIES times, so a match there weighs more in BM25
# without a second (costly) phrase query on a title field.
MATCH_FIELD = "all_t"
TITLE_COPIES = 3
NO_VALUE = "-"  # facet fields always hold a value: a column with gaps aggregates several times slower

WRITER_HEAP = 64_000_000
REBUILD_HEAP = 256_000_000


class SearchUnavailable(DomainError):
    code = "search_unavailable"
    status = 503


class WriterBusy(Exception):
    """Another process (or thread) holds the index writer."""


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("id", stored=True, indexed=True, fast=True)
    # Full text: pre-tokenised bigram streams (text.py), positions for phrase queries; not stored.
    sb.add_text_field(MATCH_FIELD, tokenizer_name="whitespace", index_option="position")
    # Exact lookups: the whole normalised index number and document number.
    sb.add_text_field("index_raw", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("doc_raw", tokenizer_name="raw", index_option="basic")
    # Filters.
    sb.add_text_field("jur_path", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("domain", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("stage", tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("org", indexed=True)
    sb.add_integer_field("item", indexed=True)
    sb.add_text_field("validity", tokenizer_name="raw", index_option="basic", fast=True)
    sb.add_text_field("state", stored=True, tokenizer_name="raw", index_option="basic", fast=True)
    sb.add_integer_field("pub_day", stored=True, indexed=True, fast=True)  # YYYYMMDD
    sb.add_integer_field("pub_ts", fast=True)  # microseconds since the epoch, for sorting by date
    # Facets: "value<TAB>label" so a bucket carries its label and no query is needed to name it.
    for name in ("f_domain", "f_jur", "f_org", "f_stage", "f_year"):
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic", fast=True)
    # What a hit shows, so a result page needs no database query.
    for name in (
        "title",
        "body",
        "organization",
        "jurisdiction",
        "domain_name",
        "index_no",
        "doc_no",
        "meta",
    ):
        sb.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    return sb.build()


SCHEMA = build_schema()
FACET_SEPARATOR = "\t"


def _day(d: dt.date | None) -> int:
    return d.year * 10000 + d.month * 100 + d.day if d else 0


def to_document(s: Source) -> tantivy.Document:
    from gongkai.search.text import normalize

    doc = tantivy.Document()
    doc.add_integer("id", s.id)
    texts = s.searchable()
    doc.add_text(MATCH_FIELD, token_stream([*texts["title"] * TITLE_COPIES, *texts["meta"], *texts["body"]]))
    if s.index_no:
        doc.add_text("index_raw", normalize(s.index_no.strip()))
    if s.doc_no:
        doc.add_text("doc_raw", normalize(s.doc_no.strip()))
    for code in s.jurisdiction_path:
        doc.add_text("jur_path", code)
    doc.add_text("domain", s.domain_code)
    if s.stage_code:
        doc.add_text("stage", s.stage_code)
        doc.add_text("f_stage", f"{s.stage_code}{FACET_SEPARATOR}{s.stage}")
    else:
        doc.add_text("f_stage", NO_VALUE)
    doc.add_integer("org", s.organization_id)
    doc.add_integer("item", s.item_id)
    doc.add_text("validity", s.validity)
    doc.add_text("state", s.state)
    doc.add_integer("pub_day", _day(s.published_on))
    doc.add_integer("pub_ts", int(s.published_at.timestamp() * 1_000_000) if s.published_at else 0)
    doc.add_text("f_domain", f"{s.domain_code}{FACET_SEPARATOR}{s.domain}")
    doc.add_text("f_jur", f"{s.jurisdiction_code}{FACET_SEPARATOR}{s.jurisdiction}")
    doc.add_text("f_org", f"{s.organization_id}{FACET_SEPARATOR}{s.organization}")
    doc.add_text("f_year", str(s.published_on.year) if s.published_on else NO_VALUE)
    doc.add_text("title", s.title)
    doc.add_text("body", s.body)
    doc.add_text("organization", s.organization)
    doc.add_text("jurisdiction", s.jurisdiction)
    doc.add_text("domain_name", s.domain)
    doc.add_text("index_no", s.index_no)
    doc.add_text("doc_no", s.doc_no)
    doc.add_text("meta", "；".join(texts["meta"]))
    return doc


# --- opening -----------------------------------------------------------------------------------------------


def index_dir() -> Path:
    return Path(settings.SEARCH_INDEX_DIR)


def _version_path() -> Path:
    return index_dir() / VERSION_FILE


def _has_index_files(path: Path) -> bool:
    return (path / "meta.json").exists()


def stored_version() -> str | None:
    try:
        return _version_path().read_text().strip()
    except FileNotFoundError:
        return None


def is_outdated() -> bool:
    """Index files exist but were written by another schema (or a rebuild from scratch is under way)."""
    return _has_index_files(index_dir()) and stored_version() != SCHEMA_VERSION


_lock = threading.Lock()
_cached: dict[str, object] = {}


def _stamp() -> tuple | None:
    try:
        st = os.stat(_version_path())
    except FileNotFoundError:
        return None
    return (str(index_dir()), st.st_ino, st.st_mtime_ns)


def _create(path: Path) -> tantivy.Index:
    path.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(SCHEMA, path=str(path), reuse=True)
    _write_version(path)
    return index


def _write_version(path: Path) -> None:
    tmp = path / f".{VERSION_FILE}.{os.getpid()}"
    tmp.write_text(SCHEMA_VERSION + "\n")
    os.replace(tmp, path / VERSION_FILE)


def generation() -> bytes:
    """Changes with every commit (meta.json names the segments, with random ids, and the opstamp): a key for
    caches of results. Reading and hashing a few kilobytes costs microseconds."""
    try:
        return hashlib.blake2b((index_dir() / "meta.json").read_bytes(), digest_size=16).digest()
    except FileNotFoundError:
        return b""


def get_index(*, create: bool = True) -> tantivy.Index:
    """This process's Index, opened (or created, when the directory is missing or empty) on first use.

    Raises SearchUnavailable when the files on disk belong to another schema version."""
    stamp = _stamp()
    cached = _cached.get("index")
    if cached is not None and stamp is not None and _cached.get("stamp") == stamp:
        return cached  # type: ignore[return-value]
    with _lock:
        path = index_dir()
        if stamp is None or stored_version() != SCHEMA_VERSION:
            if _has_index_files(path):
                raise SearchUnavailable("搜索索引与当前版本不符，需要重建（gongkai search rebuild）")
            if not create:
                raise SearchUnavailable("搜索索引尚未建立（gongkai search rebuild）")
            index = _create(path)
        else:
            index = tantivy.Index(SCHEMA, path=str(path), reuse=True)
        _cached["index"], _cached["stamp"] = index, _stamp()
        return index


def forget() -> None:
    """Drop this process's open Index (after the directory was replaced)."""
    with _lock:
        _cached.clear()


def wipe() -> tantivy.Index:
    """Delete the index directory's contents and create an empty index of the current schema.

    The version file is written last (by `mark_current`), so other processes see "needs rebuild", not an
    empty index, until the rebuild has committed."""
    path = index_dir()
    forget()
    if path.exists():
        for child in path.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
    path.mkdir(parents=True, exist_ok=True)
    return tantivy.Index(SCHEMA, path=str(path), reuse=False)


def mark_current() -> None:
    _write_version(index_dir())
    forget()


# --- writing -----------------------------------------------------------------------------------------------


@contextlib.contextmanager
def writer(
    index: tantivy.Index, *, wait: float, heap: int = WRITER_HEAP, threads: int = 1
) -> Iterator[tantivy.IndexWriter]:
    """The index's single writer, waiting up to `wait` seconds for another holder to let go (WriterBusy
    after that). On leaving, background merges are allowed to finish, then the lock is released."""
    deadline = time.monotonic() + wait
    while True:
        try:
            w = index.writer(heap, threads)
            break
        except ValueError as exc:
            if "LockBusy" not in str(exc):
                raise
            if time.monotonic() >= deadline:
                raise WriterBusy(str(exc)) from exc
            time.sleep(0.02)
    try:
        yield w
    except BaseException:
        with contextlib.suppress(Exception):
            w.rollback()
        raise
    finally:
        with contextlib.suppress(Exception):
            w.wait_merging_threads()


def delete_ids(w: tantivy.IndexWriter, ids) -> None:
    for pk in ids:
        w.delete_documents_by_term("id", int(pk))
