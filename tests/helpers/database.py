"""The test database, built once and copied.

Migrating and loading the rule data (`gongkai setup`: holidays, vocabulary, every jurisdiction and catalog)
takes most of a minute, and its result depends only on the migrations, the loaders and the files under
data/. So it is built once into a template keyed by a hash of those inputs and each test session copies the
template:

- SQLite: the template is a database file in pytest's cache directory (.pytest_cache/d/gongkai-db/), copied
  into the session's in-memory test database with SQLite's backup API;
- PostgreSQL: the template is a database named `<NAME>_tpl_<hash>`, and the test database is created from it
  with `CREATE DATABASE … TEMPLATE …`.

Changing a migration, a loader or a data file changes the hash and the next session builds a new template;
`pytest --cache-clear` forces a rebuild on SQLite. Parallel workers (pytest -n) take a lock, so one builds
and the others wait and copy.

Transactional tests (the browser tests behind a live server) end with Django emptying every table, the rule
data with them: `restore_rule_data` puts the rows back from a snapshot taken at set-up, in a few milliseconds.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, transaction

# Rows written by Django's post_migrate handlers, which re-create them itself after each flush.
_RECREATED_AFTER_FLUSH = {"contenttypes.contenttype", "auth.permission"}
_PG_LOCK = 0x6B6F6E67  # any constant: the advisory lock that serializes building and cloning the template


def inputs() -> list[Path]:
    """The files whose content decides the migrated database with its rule data."""
    src = Path(settings.BASE_DIR)
    files = [Path(__file__)]
    files += src.glob("*/migrations/*.py")
    for package in ("catalog", "workdays", "core", "settings"):  # the loaders and what they import
        files += (src / package).rglob("*.py")
    data = Path(settings.DATA_DIR)
    files += (p for p in data.rglob("*") if p.is_file() and "demo" not in p.relative_to(data).parts)
    return sorted(set(files))


def key(vendor: str) -> str:
    digest = hashlib.sha256(f"{django.get_version()} {vendor}".encode())
    for path in inputs():
        digest.update(
            str(path.relative_to(settings.PROJECT_DIR)).encode() + b"\0" + path.read_bytes() + b"\0"
        )
    return digest.hexdigest()[:16]


def load_rule_data() -> None:
    call_command("setup", verbosity=0, stdout=io.StringIO())


@dataclass
class SessionDatabase:
    """A test database made from the template; `destroy()` drops it as Django's teardown does."""

    alias: str
    old_name: str
    built: bool  # True when this session had to build the template

    def destroy(self) -> None:
        connections[self.alias].creation.destroy_test_db(self.old_name, verbosity=0, keepdb=False)


def create(cache_dir: Path, *, alias: str = DEFAULT_DB_ALIAS, serialize: bool = False) -> SessionDatabase:
    """Create the session's test database from the template, building the template first if it is missing."""
    connection = connections[alias]
    old_name = connection.settings_dict["NAME"]
    vendor = connection.vendor
    if vendor == "sqlite":
        built = _create_sqlite(connection, cache_dir / f"template-{key(vendor)}.sqlite3")
    elif vendor == "postgresql":
        built = _create_postgresql(connection, f"{old_name}_tpl_{key(vendor)}")
    else:  # any other backend: migrate and load every time
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        load_rule_data()
        built = True
    if serialize:
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    return SessionDatabase(alias=alias, old_name=old_name, built=built)


def _migrate_and_load(connection) -> None:
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    load_rule_data()


def _switch_to(connection, test_name: str) -> None:
    """Point the connection at the test database, as `create_test_db` does after creating it."""
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name


def _create_sqlite(connection, template: Path) -> bool:
    with _file_lock(template.with_suffix(".lock")):
        if template.exists():
            test_name = connection.creation._get_test_db_name()
            connection.creation._create_test_db(verbosity=0, autoclobber=True, keepdb=False)
            _switch_to(connection, test_name)
            connection.ensure_connection()
            with contextlib.closing(sqlite3.connect(template)) as source:
                source.backup(connection.connection)
            call_command("createcachetable", database=connection.alias)
            return False
        _migrate_and_load(connection)
        for stale in template.parent.glob("template-*"):
            if stale.stem != template.stem:
                stale.unlink()
        partial = template.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        with contextlib.closing(sqlite3.connect(partial)) as target:
            connection.connection.backup(target)
        partial.replace(template)  # atomic: another session sees no template or a whole one
        return True


def _create_postgresql(connection, template: str) -> bool:
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [_PG_LOCK])
        try:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            if cursor.fetchone():
                test_name = connection.creation._get_test_db_name()
                quote = connection.ops.quote_name
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(test_name)}")
                cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
                _switch_to(connection, test_name)
                call_command("createcachetable", database=connection.alias)
                connection.ensure_connection()
                return False
            _migrate_and_load(connection)
            test_name = connection.settings_dict["NAME"]
            connection.close()  # a template may have no other session connected while it is copied
            prefix = template.rsplit("_", 1)[0] + "_"
            cursor.execute("SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [prefix])
            for (stale,) in cursor.fetchall():
                cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(stale)}")
            quote = connection.ops.quote_name
            cursor.execute(f"CREATE DATABASE {quote(template)} TEMPLATE {quote(test_name)}")
            connection.ensure_connection()
            return True
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [_PG_LOCK])


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


RuleData = list[tuple[type, list[dict]]]


def snapshot_rule_data() -> RuleData:
    """Every row in the database right after set-up, model by model (what a flush would take away)."""
    snapshot = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.label_lower in _RECREATED_AFTER_FLUSH or model._meta.proxy:
            continue
        rows = list(model._base_manager.values())
        if rows:
            snapshot.append((model, rows))
    return snapshot


def restore_rule_data(snapshot: RuleData, *, alias: str = DEFAULT_DB_ALIAS) -> None:
    """Put the snapshot's rows back into an emptied database (foreign keys are checked at commit)."""
    connection = connections[alias]
    with transaction.atomic(using=alias):
        for model, rows in snapshot:
            model._base_manager.using(alias).bulk_create(model(**row) for row in rows)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [model for model, _rows in snapshot]):
                cursor.execute(sql)


def has_rule_data(snapshot: RuleData) -> bool:
    model, _rows = snapshot[0]
    return model._base_manager.exists()


__all__ = [
    "RuleData",
    "SessionDatabase",
    "create",
    "has_rule_data",
    "restore_rule_data",
    "snapshot_rule_data",
]
