"""A fresh machine: `make test` never reports success for browser tests that did not run, and every command the
README's command table shows runs as typed (issue 17)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _make(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {
        k: v for k, v in os.environ.items() if k not in {"SKIP_BROWSER_TESTS", "CHROMIUM", "MAKEFLAGS"}
    }
    environ.update(env)
    return subprocess.run(  # noqa: S603 - our own Makefile, fixed arguments
        ["make", "--no-print-directory", "-C", str(ROOT), *args],  # noqa: S607 - make from PATH, as a user types it
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
        check=False,
    )


# `UV=true` and `NPM=…` make the install steps no-ops, so the test exercises the browser step of the real
# `make test` target: without a browser and without apt it must stop there, before pytest, with the command.
NO_INSTALL = ("UV=true", "NPM=no-such-npm", "APT_GET=no-such-apt-get")


def test_make_test_fails_with_the_command_when_chromium_is_missing_and_cannot_be_installed():
    result = _make("test", *NO_INSTALL, "CHROMIUM=/nonexistent/chromium")

    assert result.returncode != 0
    assert "/nonexistent/chromium 不存在" in result.stderr
    assert "apt-get install -y chromium fonts-noto-cjk" in result.stderr
    assert "SKIP_BROWSER_TESTS=1" in result.stderr
    assert "pytest" not in result.stdout  # stopped before the suite, which would have skipped them


def test_make_test_skips_the_browser_only_when_asked_and_says_so():
    result = _make("browser", *NO_INSTALL, "CHROMIUM=/nonexistent/chromium", "SKIP_BROWSER_TESTS=1")

    assert result.returncode == 0, result.stderr
    assert "按要求跳过浏览器测试" in result.stdout


@pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists(), reason="needs the installed browser (make browser)"
)
def test_make_browser_passes_when_chromium_is_there():
    result = _make("browser", *NO_INSTALL, "CHROMIUM=/usr/bin/chromium")

    assert result.returncode == 0, result.stderr


def test_the_browser_fixture_fails_rather_than_skips_without_chromium(monkeypatch):
    from tests.browser import conftest

    monkeypatch.setattr(conftest, "CHROMIUM", "/nonexistent/chromium")
    monkeypatch.delenv("SKIP_BROWSER_TESTS", raising=False)
    with pytest.raises(pytest.fail.Exception, match="apt-get install -y chromium"):
        next(conftest.browser.__wrapped__())

    monkeypatch.setenv("SKIP_BROWSER_TESTS", "1")
    with pytest.raises(pytest.skip.Exception, match="SKIP_BROWSER_TESTS"):
        next(conftest.browser.__wrapped__())


def readme_commands() -> list[str]:
    """Every command line of README.md's command table, one per variant, placeholders dropped.

    `./gongkai search rebuild` / `process` / `status` gives three lines; `calendar check/load` two.
    """
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text[text.index("| command | what it does |") :]
    table = table[: table.index("\n\n")]
    commands: list[str] = []
    for row in table.splitlines()[2:]:
        cell = row.split("|")[1]
        stem: list[str] = []
        for quoted in re.findall(r"`([^`]+)`", cell):
            words = [
                w for w in re.sub(r"\[[^\]]*\]", "", quoted).split() if not re.fullmatch(r"[A-Z_]+|…", w)
            ]
            words = [
                w for w in words if not w.startswith("--")
            ]  # options with values are in the table, not typed
            if words[0] == "./gongkai":
                stem = words[:2]
                rest = words[2:3]
            else:  # `process` after `./gongkai search rebuild`: another subcommand of the same command
                rest = words[:1]
            for variant in rest[0].split("/") if rest else [""]:
                commands.append(" ".join([*stem, variant]).strip())
    return commands


def test_the_readme_table_is_read_whole():
    commands = readme_commands()

    assert "./gongkai search status" in commands
    assert "./gongkai calendar load" in commands
    assert "./gongkai audit show" in commands
    assert "./gongkai serve" in commands
    assert len(commands) >= 20


def test_every_command_in_the_readme_table_runs_as_typed():
    def run(command: str) -> tuple[str, int, str]:
        result = subprocess.run(  # noqa: S603 - the README's own commands with --help
            [*shlex.split(command), "--help"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        return command, result.returncode, result.stderr[-500:]

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(run, readme_commands()))

    failed = [(command, code, err) for command, code, err in results if code != 0]
    assert failed == []


def test_serve_collects_static_files_that_were_never_collected(tmp_path, settings):
    """`./gongkai serve` on an instance whose static files were never collected collects them first (a page naming
    css/site.css answered 500 with 'Missing staticfiles manifest entry' before)."""
    import io

    from django.contrib.staticfiles.storage import staticfiles_storage

    from gongkai.core.management.commands.serve import ensure_static_collected, static_files_stale

    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    out = io.StringIO()

    assert static_files_stale()
    assert ensure_static_collected(out) is True
    assert "正在收集" in out.getvalue()
    assert (tmp_path / "static" / "staticfiles.json").exists()
    assert staticfiles_storage.stored_name("css/site.css") != "css/site.css"  # hashed name from the manifest
    assert not static_files_stale()
    assert ensure_static_collected(io.StringIO()) is False
