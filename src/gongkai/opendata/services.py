"""Building the open-data files: streamed from the database, written atomically, rebuilt only when changed.

Each (scope, period) is one pass over its records that writes the three formats side by side: JSON Lines (the
native format, with body and structured fields), CSV (UTF-8 with BOM and CRLF, so Excel and WPS open it in
Chinese) and .xlsx (openpyxl's write-only mode, which streams rows to disk). Files are written under a temporary
name and renamed into place, and their row in DataFile (checksum, row count, time) is switched in the same
database transaction afterwards, so a download never sees a half-written file or a checksum of another version.
A file's name carries the first characters of its checksum, so the old version stays readable for a download
already under way and is removed after the switch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, QuerySet
from django.utils import timezone
from openpyxl import Workbook

from gongkai.catalog import selectors as catalog_selectors
from gongkai.core.spreadsheet import SafeWriter, append_row
from gongkai.disclosures.models import Disclosure
from gongkai.opendata.dictionary import columns
from gongkai.opendata.models import DataFile, Format
from gongkai.opendata.rows import public_queryset, records

ALL = "all"
EXTENSIONS = {Format.JSONL: "jsonl", Format.CSV: "csv", Format.XLSX: "xlsx"}


def data_dir() -> Path:
    return Path(settings.OPENDATA_DIR)


@dataclass(frozen=True)
class BuildResult:
    scope: str
    period: str
    rows: int
    built: bool  # False when nothing had changed since the last build


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def selection(scope: str, period: str) -> QuerySet[Disclosure]:
    qs = public_queryset()
    if scope != ALL:
        j = catalog_selectors.get_jurisdiction(scope)
        qs = qs.filter(jurisdiction_id__in=catalog_selectors.descendant_ids(j.pk))
    if period != ALL:
        year, month = (int(x) for x in period.split("-"))
        first = dt.date(year, month, 1)
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        qs = qs.filter(published_on__gte=first, published_on__lt=following)
    return qs


def fingerprint(qs: QuerySet[Disclosure]) -> str:
    """What the files of a selection were built from: how many records and when the latest of them changed (a
    correction, withdrawal or validity change saves the record), and the column list."""
    agg = qs.order_by().aggregate(n=Count("pk"), changed=Max("updated_at"))
    cols = hashlib.sha256("|".join(c.key for c in columns()).encode()).hexdigest()[:8]
    changed = agg["changed"].isoformat() if agg["changed"] else "-"
    return f"{agg['n']}:{changed}:{cols}"


def _cell(value: Any) -> Any:
    return "" if value is None else value


class _Writers:
    """The three files of one build, written side by side from one pass over the rows."""

    def __init__(self, folder: Path, stem: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.stem = folder, stem
        # Closed in finish() or discard(): the handles outlive this method by design.
        self.tmp = {
            fmt: tempfile.NamedTemporaryFile(  # noqa: SIM115
                dir=folder, prefix=f".{stem}.", suffix=f".{ext}.part", delete=False
            )
            for fmt, ext in EXTENSIONS.items()
        }
        self.cols = columns()
        self.jsonl = io.TextIOWrapper(self.tmp[Format.JSONL], encoding="utf-8", newline="\n")
        self.csv_text = io.TextIOWrapper(self.tmp[Format.CSV], encoding="utf-8-sig", newline="")
        self.csv = SafeWriter(self.csv_text, lineterminator="\r\n")
        self.csv.writerow([c.zh for c in self.cols])
        self.book = Workbook(write_only=True)
        self.sheet = self.book.create_sheet("公开信息")
        append_row(self.sheet, [c.zh for c in self.cols])
        self.rows = 0

    def add(self, row: dict[str, Any]) -> None:
        self.jsonl.write(json.dumps(row, ensure_ascii=False, default=_json_default, sort_keys=False) + "\n")
        values = [_cell(row.get(c.key)) for c in self.cols]
        self.csv.writerow([v.isoformat() if isinstance(v, dt.date) else v for v in values])
        append_row(self.sheet, values)
        self.rows += 1

    def finish(self) -> dict[str, Path]:
        self.jsonl.flush()
        self.csv_text.flush()
        dictionary = self.book.create_sheet("数据字典")
        append_row(dictionary, ["列名", "英文名", "类型", "来源规则"])
        for c in self.cols:
            append_row(dictionary, [c.zh, c.key, c.type, c.source])
        self.book.save(self.tmp[Format.XLSX].name)
        done = {}
        for fmt, handle in self.tmp.items():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            done[fmt] = Path(handle.name)
        return done

    def discard(self) -> None:
        for handle in self.tmp.values():
            handle.close()
            Path(handle.name).unlink(missing_ok=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def build(scope: str, period: str, *, force: bool = False) -> BuildResult:
    """Build the files of one jurisdiction (with its children, or `all`) and one month (`YYYY-MM`, or `all`)."""
    qs = selection(scope, period)
    mark = fingerprint(qs)
    existing = {f.fmt: f for f in DataFile.objects.filter(scope=scope, period=period)}
    if (
        not force
        and len(existing) == len(EXTENSIONS)
        and all(f.fingerprint == mark for f in existing.values())
    ):
        return BuildResult(scope, period, next(iter(existing.values())).rows, built=False)
    folder = data_dir() / scope
    writers = _Writers(folder, period)
    try:
        for row in records(qs):
            writers.add(row)
        parts = writers.finish()
    except BaseException:
        writers.discard()
        raise
    now = timezone.now()
    old_names = [f.name for f in existing.values()]
    new_names = []
    with transaction.atomic():
        for fmt, part in parts.items():
            digest = _sha256(part)
            name = f"{scope}/{period}.{digest[:12]}.{EXTENSIONS[fmt]}"
            os.replace(part, data_dir() / name)
            new_names.append(name)
            defaults = {
                "name": name,
                "rows": writers.rows,
                "size": (data_dir() / name).stat().st_size,
                "sha256": digest,
                "fingerprint": mark,
                "generated_at": now,
            }
            DataFile.objects.update_or_create(scope=scope, period=period, fmt=fmt, defaults=defaults)
    for name in old_names:
        if name not in new_names:
            (data_dir() / name).unlink(missing_ok=True)
    return BuildResult(scope, period, writers.rows, built=True)


def periods_of(scope: str) -> list[str]:
    """The months in which something of the scope was published, oldest first."""
    months = selection(scope, ALL).order_by().dates("published_on", "month")
    return [f"{m:%Y-%m}" for m in months]


def scopes() -> list[str]:
    """Every jurisdiction with a published record in it or below it, and `all`."""
    from gongkai.catalog.models import Jurisdiction

    with_records = set(public_queryset().order_by().values_list("jurisdiction_id", flat=True).distinct())
    codes = []
    for j in Jurisdiction.objects.order_by("code"):
        if with_records & set(catalog_selectors.descendant_ids(j.pk)):
            codes.append(j.code)
    return [ALL, *codes]


def build_all(*, force: bool = False, only: Iterable[str] | None = None) -> list[BuildResult]:
    """Every scope's full snapshot and months; what did not change is left as it is."""
    results = []
    for scope in only or scopes():
        results.append(build(scope, ALL, force=force))
        for period in periods_of(scope):
            results.append(build(scope, period, force=force))
    return results
