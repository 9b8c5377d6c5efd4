"""`gongkai backup` and `gongkai restore`: the database, the uploaded files and a manifest, verified on restore.

A backup is a directory:
  database.sqlite3 or database.dump   SQLite's online backup (sqlite3.Connection.backup: one consistent snapshot
                                      while others keep writing) or PostgreSQL's `pg_dump -Fc`
  media/                              the uploaded files (settings.MEDIA_ROOT)
  manifest.json                       format, time, engine, the row count of every table and the audit log's
                                      head *as in the snapshot*, and the SHA-256 of the database file and of
                                      every uploaded file

On PostgreSQL the counts and the dump come from one snapshot: a REPEATABLE READ transaction exports it
(pg_export_snapshot), counts in it and hands it to `pg_dump --snapshot`. Files are copied after the database, so
every file a backed-up row names is already there (uploads are written before their row commits).

Restoring checks the checksums before touching anything, loads the database into the configured one (empty,
unless forced) and the files into MEDIA_ROOT, then verifies: the row count of every table equals the manifest's,
the audit chain verifies (`gongkai audit verify`) and ends at the manifest's head, and every file is there with
its checksum.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

from gongkai.core.audit import log_action, verify_chain
from gongkai.core.errors import DomainError

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.dump"
MEDIA = "media"


class BackupError(DomainError):
    code = "backup_failed"


@dataclass
class Verification:
    ok: bool
    problems: list[str] = field(default_factory=list)
    tables: int = 0
    rows: int = 0
    files: int = 0
    audit_entries: int = 0


# --- helpers ---------------------------------------------------------------------------------------------


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def pg_tool(name: str) -> str:
    """pg_dump / pg_restore / psql: from PG_BIN, the PATH, or the newest /usr/lib/postgresql/*/bin (Debian keeps
    them off the PATH)."""
    if os.environ.get("PG_BIN"):
        return str(Path(os.environ["PG_BIN"]) / name)
    found = shutil.which(name)
    if found:
        return found
    dirs = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(Path(d).parent.name.split(".")[0])
    )
    for d in reversed(dirs):
        if (Path(d) / name).exists():
            return str(Path(d) / name)
    raise BackupError(f"找不到 PostgreSQL 工具 {name}（可用环境变量 PG_BIN 指定其目录）")


def _pg_env(db: dict) -> dict[str, str]:
    env = {**os.environ}
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[var] = str(db[key])
    env["PGDATABASE"] = db["NAME"]
    return env


def _run(cmd: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)  # noqa: S603 - our arguments
    if done.returncode != 0:
        raise BackupError(f"{Path(cmd[0]).name} 失败：{done.stderr.strip()[-2000:]}")


def _count_tables(cursor, tables: list[str], quote) -> dict[str, int]:
    counts = {}
    for t in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(t)}")  # noqa: S608 - table names from the catalog
        counts[t] = cursor.fetchone()[0]
    return counts


def _audit_head(cursor) -> dict[str, Any] | None:
    try:
        cursor.execute("SELECT seq, hash FROM core_audithead WHERE id = 1")
    except Exception:  # noqa: BLE001 - a database without the audit tables (not migrated) has no head
        return None
    row = cursor.fetchone()
    return {"seq": row[0], "hash": row[1]} if row else {"seq": 0, "hash": None}


def _sqlite_quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sqlite_counts(path: Path) -> tuple[dict[str, int], dict | None]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cur = con.cursor()
        cur.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        tables = [r[0] for r in cur.fetchall()]
        return _count_tables(cur, tables, _sqlite_quote), _audit_head(cur)
    finally:
        con.close()


def _pg_connect(db: dict, dbname: str | None = None):
    import psycopg

    return psycopg.connect(
        dbname=dbname or db["NAME"],
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
    )


def _pg_tables(cur) -> list[str]:
    cur.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return [r[0] for r in cur.fetchall()]


def _pg_quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# --- copying a database ----------------------------------------------------------------------------------


def sqlite_copy(source: Path | sqlite3.Connection, target: Path) -> None:
    """SQLite's online backup from `source` (a file, or an open connection such as an in-memory test database)
    into the file `target`, in one step: one consistent snapshot, whoever is writing meanwhile."""
    src = source if isinstance(source, sqlite3.Connection) else sqlite3.connect(str(source), timeout=60)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file, no -wal beside it
    finally:
        dst.close()
        if src is not source:
            src.close()


def pg_dump(db: dict, target: Path) -> tuple[dict[str, int], dict | None]:
    """`pg_dump -Fc` of `db` into `target`, and the row counts and audit head of the same snapshot."""
    con = _pg_connect(db)
    try:
        con.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cur = con.cursor()
        cur.execute("SELECT pg_export_snapshot()")
        snapshot = cur.fetchone()[0]
        counts = _count_tables(cur, _pg_tables(cur), _pg_quote)
        head = _audit_head(cur)
        _run(
            [pg_tool("pg_dump"), "-Fc", "--no-owner", f"--snapshot={snapshot}", "-f", str(target)],
            _pg_env(db),
        )
        con.rollback()
    finally:
        con.close()
    return counts, head


def pg_restore(db: dict, source: Path, *, clean: bool = False) -> None:
    cmd = [pg_tool("pg_restore"), "--no-owner", "--exit-on-error", "-d", db["NAME"], str(source)]
    if clean:
        cmd[1:1] = ["--clean", "--if-exists"]
    _run(cmd, _pg_env(db))


# --- backup ----------------------------------------------------------------------------------------------


def create_backup(destination: Path | None = None, *, actor=None) -> tuple[Path, dict]:
    """Write a backup directory (default: settings.BACKUP_DIR/gongkai-<time>) and return it with its manifest.

    The backup is recorded in the audit log first, so the copy holds its own entry."""
    now = timezone.localtime()
    target = Path(destination or Path(settings.BACKUP_DIR) / f"gongkai-{now:%Y%m%d-%H%M%S}")
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"目录 {target} 已存在且不为空")
    target.mkdir(parents=True, exist_ok=True, mode=0o700)
    db = connections["default"].settings_dict
    log_action(actor=actor, action="ops.backup", data={"directory": target.name, "engine": connection.vendor})
    if connection.vendor == "sqlite":
        name = SQLITE_FILE
        sqlite_copy(Path(db["NAME"]), target / name)
        counts, head = sqlite_counts(target / name)
    elif connection.vendor == "postgresql":
        name = PG_FILE
        counts, head = pg_dump(db, target / name)
    else:
        raise BackupError(f"不支持的数据库：{connection.vendor}")
    files = _copy_media(Path(settings.MEDIA_ROOT), target / MEDIA)
    manifest = {
        "format": FORMAT,
        "created_at": now.isoformat(),
        "engine": connection.vendor,
        "database": {"file": name, "sha256": sha256(target / name), "bytes": (target / name).stat().st_size},
        "tables": counts,
        "audit_head": head,
        "media": files,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True))
    return target, manifest


def _copy_media(source: Path, target: Path) -> dict[str, str]:
    target.mkdir(parents=True, exist_ok=True)
    out = {}
    if not source.exists():
        return out
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        rel = path.relative_to(source).as_posix()
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)
        out[rel] = sha256(dest)
    return out


# --- restore ---------------------------------------------------------------------------------------------


def read_manifest(source: Path) -> dict:
    try:
        manifest = json.loads((Path(source) / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"读不到备份清单 {Path(source) / MANIFEST}：{exc}") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"备份格式 {manifest.get('format')} 不受支持（应为 {FORMAT}）")
    return manifest


def check_files(source: Path, manifest: dict) -> list[str]:
    """Checksums of the database file and every uploaded file against the manifest."""
    problems = []
    db_file = Path(source) / manifest["database"]["file"]
    if not db_file.exists() or sha256(db_file) != manifest["database"]["sha256"]:
        problems.append(f"数据库文件 {db_file.name} 缺失或校验和不符")
    for rel, digest in manifest["media"].items():
        path = Path(source) / MEDIA / rel
        if not path.is_file() or sha256(path) != digest:
            problems.append(f"上传文件 {rel} 缺失或校验和不符")
    return problems


def database_is_empty() -> bool:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    return "django_migrations" not in tables


def restore_backup(source: Path, *, force: bool = False) -> Verification:
    """Load a backup into the configured database and MEDIA_ROOT, then verify it (see `verify_restored`)."""
    source = Path(source)
    manifest = read_manifest(source)
    problems = check_files(source, manifest)
    if problems:
        raise BackupError("备份文件已损坏，未作任何改动：" + "；".join(problems))
    if manifest["engine"] != connection.vendor:
        raise BackupError(f"备份来自 {manifest['engine']}，当前数据库是 {connection.vendor}")
    if not force and not database_is_empty():
        raise BackupError("当前数据库不是空的；确认要覆盖时请加 --force")
    db = connections["default"].settings_dict
    connections.close_all()
    if connection.vendor == "sqlite":
        target = Path(db["NAME"])
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        target.unlink(missing_ok=True)
        sqlite_copy(source / manifest["database"]["file"], target)
        con = sqlite3.connect(str(target))
        con.execute("PRAGMA journal_mode=WAL")  # as settings open it
        con.close()
    else:
        pg_restore(db, source / manifest["database"]["file"], clean=force)
    media = Path(settings.MEDIA_ROOT)
    for rel in manifest["media"]:
        dest = media / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / MEDIA / rel, dest)
    return verify_restored(manifest)


def verify_restored(manifest: dict) -> Verification:
    """Does the configured database (and MEDIA_ROOT) hold exactly what the manifest says?"""
    problems = []
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        quote = connection.ops.quote_name
        counts = _count_tables(cursor, [t for t in tables if t in manifest["tables"]], quote)
        head = _audit_head(cursor)
    for table, expected in sorted(manifest["tables"].items()):
        if table not in counts:
            problems.append(f"表 {table} 缺失")
        elif counts[table] != expected:
            problems.append(f"表 {table}：{counts[table]} 行，备份清单为 {expected} 行")
    report = verify_chain()
    if not report.ok:
        problems.append(f"审计日志校验失败：{report.reason}（第 {report.first_broken_seq} 条）")
    if head != manifest["audit_head"]:
        problems.append(f"审计日志头 {head} 与备份清单 {manifest['audit_head']} 不符")
    media = Path(settings.MEDIA_ROOT)
    for rel, digest in manifest["media"].items():
        path = media / rel
        if not path.is_file() or sha256(path) != digest:
            problems.append(f"上传文件 {rel} 缺失或校验和不符")
    return Verification(
        ok=not problems,
        problems=problems,
        tables=len(counts),
        rows=sum(counts.values()),
        files=len(manifest["media"]),
        audit_entries=report.checked,
    )
