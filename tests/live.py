"""Real processes against a real database, for the recovery and fault tests.

`live_template` (once per module) copies the test database — migrated, rule data loaded — into a database of
its own: on SQLite with the online backup API into a file, on PostgreSQL with pg_dump/pg_restore into a new
database (the same code as `gongkai backup`). `live_db` gives each test a fresh copy of that template and runs
`gongkai` commands and servers against it as subprocesses, each in its own process group, killed at the end.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Template:
    vendor: str
    location: str  # SQLite: the file; PostgreSQL: the template database's name
    settings: dict
    tmp: Path


@dataclass
class LiveDatabase:
    """A database of its own for subprocesses, with helpers to run `gongkai` against it."""

    url: str
    vendor: str
    tmp: Path
    name: str
    procs: list[subprocess.Popen] = field(default_factory=list)
    extra_env: dict[str, str] = field(default_factory=dict)  # for every command this test runs

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_"))}
        env.update(
            DATABASE_URL=self.url,
            DJANGO_SETTINGS_MODULE="gongkai.settings",
            GONGKAI_VAR=str(self.tmp / "var"),
            GONGKAI_SEARCH_INDEX=str(self.tmp / "var" / "search-index"),
            SECRET_KEY="live-test-secret-key-not-for-production-0123456789",
            EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
            PYTHONPATH=os.pathsep.join([str(REPO / "src"), str(REPO)]),
            PYTHONUNBUFFERED="1",
            LOG_LEVEL="WARNING",
        )
        env.update(self.extra_env)
        return env

    def gongkai(self, *args: str, timeout: float = 120, check: bool = True, env: dict | None = None):
        done = subprocess.run(  # noqa: S603 - our own command line
            [sys.executable, "-m", "gongkai.cli", *args],
            env={**self.env, **(env or {})},
            cwd=self.tmp,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if check and done.returncode != 0:
            raise AssertionError(
                f"gongkai {' '.join(args)} → {done.returncode}\n{done.stdout}\n{done.stderr}"
            )
        return done

    def shell(self, code: str, timeout: float = 120) -> str:
        """Run Python in a `gongkai shell` against this database; returns what it printed."""
        return self.gongkai("shell", "-c", code, timeout=timeout).stdout

    def spawn(self, *args: str, name: str, env: dict | None = None) -> subprocess.Popen:
        log = open(self.tmp / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen(  # noqa: S603 - our own command line
            [sys.executable, "-m", "gongkai.cli", *args],
            env={**self.env, **(env or {})},
            cwd=self.tmp,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        proc.log = log  # type: ignore[attr-defined]
        self.procs.append(proc)
        return proc

    def kill9(self, proc: subprocess.Popen) -> None:
        """kill -9 of the process and everything it started (granian's workers)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        proc.log.close()  # type: ignore[attr-defined]

    def log(self, name: str) -> str:
        path = self.tmp / f"{name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def stop_all(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                self.kill9(proc)
            proc.log.close()  # type: ignore[attr-defined]


def _clone_test_database(tmp: Path) -> Template:
    from django.core.management import call_command
    from django.db import connection

    from gongkai.catalog.models import Jurisdiction
    from gongkai.ops import backup

    if not Jurisdiction.objects.exists():  # transactional tests before this one emptied the database
        call_command("setup", verbosity=0)
    db = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        path = tmp / "template.sqlite3"
        backup.sqlite_copy(connection.connection, path)
        migration = importlib.import_module("gongkai.core.migrations.0001_audit_log")
        con = sqlite3.connect(path)
        for sql in migration.SQLITE_DROP + migration.SQLITE_CREATE:  # browser tests lift them for their flush
            con.execute(sql)
        con.commit()
        con.close()
        return Template("sqlite", str(path), db, tmp)
    dump = tmp / "template.dump"
    backup.pg_dump(db, dump)
    name = f"gk_live_tpl_{os.getpid()}_{secrets.token_hex(3)}"
    _pg_admin(db, f'CREATE DATABASE "{name}"')
    backup.pg_restore({**db, "NAME": name}, dump)
    return Template("postgresql", name, db, tmp)


def _pg_admin(db: dict, sql: str) -> None:
    from gongkai.ops.backup import _pg_connect

    con = _pg_connect(db, "postgres")
    con.autocommit = True
    try:
        con.execute(sql)
    finally:
        con.close()


def pg_url(db: dict, name: str) -> str:
    auth = db.get("USER") or "postgres"
    if db.get("PASSWORD"):
        auth += f":{db['PASSWORD']}"
    return f"postgres://{auth}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{name}"


def new_database(template: Template, tmp: Path, label: str = "live") -> LiveDatabase:
    """An empty-of-processes copy of the template (or, with template None… always a copy)."""
    tmp.mkdir(parents=True, exist_ok=True)
    if template.vendor == "sqlite":
        path = tmp / f"{label}.sqlite3"
        from gongkai.ops.backup import sqlite_copy

        sqlite_copy(Path(template.location), path)
        con = sqlite3.connect(path)
        con.execute("PRAGMA journal_mode=WAL")
        con.close()
        return LiveDatabase(f"sqlite:///{path}", "sqlite", tmp, str(path))
    name = f"gk_{label}_{os.getpid()}_{secrets.token_hex(4)}"
    _pg_admin(template.settings, f'CREATE DATABASE "{name}" TEMPLATE "{template.location}"')
    return LiveDatabase(pg_url(template.settings, name), "postgresql", tmp, name)


def empty_database(template: Template, tmp: Path, label: str) -> LiveDatabase:
    """A database with nothing in it (restore targets)."""
    tmp.mkdir(parents=True, exist_ok=True)
    if template.vendor == "sqlite":
        path = tmp / f"{label}.sqlite3"
        return LiveDatabase(f"sqlite:///{path}", "sqlite", tmp, str(path))
    name = f"gk_{label}_{os.getpid()}_{secrets.token_hex(4)}"
    _pg_admin(template.settings, f'CREATE DATABASE "{name}"')
    return LiveDatabase(pg_url(template.settings, name), "postgresql", tmp, name)


def drop(template: Template, live: LiveDatabase) -> None:
    if live.vendor == "postgresql":
        with contextlib.suppress(Exception):
            _pg_admin(template.settings, f'DROP DATABASE IF EXISTS "{live.name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def live_template(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Template]:
    with django_db_blocker.unblock():
        template = _clone_test_database(tmp_path_factory.mktemp("live-template"))
    yield template
    if template.vendor == "postgresql":
        with contextlib.suppress(Exception):
            _pg_admin(template.settings, f'DROP DATABASE IF EXISTS "{template.location}" WITH (FORCE)')


@pytest.fixture
def live_db(live_template, tmp_path) -> Iterator[LiveDatabase]:
    live = new_database(live_template, tmp_path / "live")
    (live.tmp / "var").mkdir(exist_ok=True)
    try:
        yield live
    finally:
        live.stop_all()
        drop(live_template, live)


def wait_for(predicate, *, timeout: float, what: str, interval: float = 0.1):
    """Poll `predicate` until it returns something truthy (returned), or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def query(live: LiveDatabase, sql: str, params: tuple = ()) -> list[tuple]:
    """A direct query on the live database (no Django: quick enough to poll). Placeholders are %s."""
    if live.vendor == "sqlite":
        con = sqlite3.connect(live.name, timeout=30)
        try:
            return con.execute(sql.replace("%s", "?"), params).fetchall()
        finally:
            con.close()
    import psycopg

    with psycopg.connect(live.url.replace("postgres://", "postgresql://", 1)) as con:
        return con.execute(sql, params).fetchall()
