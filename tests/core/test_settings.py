"""The suite runs on the database DATABASE_URL names (CI runs it on SQLite and on PostgreSQL)."""

from __future__ import annotations

import os

from django.conf import settings
from django.db import connection


def test_the_configured_database_is_the_one_in_use(db):
    url = os.environ.get("DATABASE_URL", "sqlite://")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected


def test_locale_and_time_zone():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert settings.USE_TZ is True
    assert settings.DEBUG is False


def test_defaults_without_environment(tmp_path):
    """No DATABASE_URL or SECRET_KEY: a WAL-mode SQLite file and a generated key, both under GONGKAI_VAR."""
    import subprocess
    import sys

    script = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='gongkai.settings'; django.setup();"
        "from django.conf import settings; from django.db import connection;"
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); mode = c.fetchone()[0];"
        "c.execute('PRAGMA busy_timeout'); busy = c.fetchone()[0];"
        "print(settings.DATABASES['default']['NAME'], mode, busy, settings.DEBUG, len(settings.SECRET_KEY))"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}}
    env["GONGKAI_VAR"] = str(tmp_path)
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)  # noqa: S603
    name, mode, busy, debug, key_len = out.stdout.split()
    assert name == str(tmp_path / "gongkai.sqlite3")
    assert (mode, int(busy), debug) == ("wal", 20000, "False")
    assert int(key_len) >= 50
    key_file = tmp_path / "secret_key"
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
