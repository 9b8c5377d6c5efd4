"""`gongkai backup` taken while another process keeps writing restores, with `gongkai restore`, to a copy that
holds every table's rows as the manifest counts them and whose audit chain verifies; a damaged backup is refused."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.live import empty_database, query, wait_for

pytestmark = (
    pytest.mark.django_db
)  # the test database is set up and copied for the subprocesses (tests/live.py)

WRITER = """
import itertools, os, pathlib, time
from django.conf import settings
from django.db import transaction
from gongkai.core.audit import log_action
from gongkai.ops.models import OpsAlert
stop = pathlib.Path(os.environ["STOP_FILE"])
media = pathlib.Path(settings.MEDIA_ROOT) / "uploads"
media.mkdir(parents=True, exist_ok=True)
for i in itertools.count():
    if stop.exists():
        break
    (media / f"file-{i}.txt").write_text(f"附件 {i}")
    with transaction.atomic():
        alert = OpsAlert.objects.create(kind="task_failed", key=f"w{i}", title=f"写入 {i}", message="x")
        log_action(action="test.write", obj=alert, data={"i": i, "file": f"uploads/file-{i}.txt"})
print(i)
"""


def start_writer(live):
    stop = live.tmp / "stop-writer"
    proc = subprocess.Popen(  # noqa: S603 - our own command line
        [sys.executable, "-m", "gongkai.cli", "shell", "-c", WRITER],
        env={**live.env, "STOP_FILE": str(stop)},
        cwd=live.tmp,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    return proc, stop


def rows(live) -> int:
    return query(live, "SELECT COUNT(*) FROM ops_opsalert")[0][0]


def test_a_backup_taken_during_writes_restores_to_a_copy_that_verifies(live_db, live_template, tmp_path):
    writer, stop = start_writer(live_db)
    try:
        wait_for(lambda: rows(live_db) >= 20, timeout=60, what="the writer to get going")
        out = live_db.gongkai("backup", "--output", str(tmp_path / "backup")).stdout
        assert "备份完成" in out
        after_backup = rows(live_db)
        wait_for(lambda: rows(live_db) >= after_backup + 10, timeout=60, what="writes after the backup")
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    total = int(out.strip().splitlines()[-1])
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    taken = manifest["tables"]["ops_opsalert"]
    assert 20 <= taken < total  # a snapshot from the middle of the writes
    assert manifest["tables"]["core_auditentry"] == manifest["audit_head"]["seq"]
    assert (
        len([f for f in manifest["media"] if f.startswith("uploads/")]) >= taken
    )  # files copied after the rows

    target = empty_database(live_template, tmp_path / "restored", "restored")
    (target.tmp / "var").mkdir(exist_ok=True)
    try:
        restored = target.gongkai("restore", str(tmp_path / "backup"), timeout=300)
        assert "校验通过" in restored.stdout
        assert "审计日志完整" in target.gongkai("audit", "verify").stdout
        assert rows(target) == taken
        # every row is there with its audit entry and its file, and nothing written after the snapshot
        keys = {r[0] for r in query(target, "SELECT key FROM ops_opsalert")}
        assert keys == {f"w{i}" for i in range(taken)}
        writes = query(target, "SELECT COUNT(*) FROM core_auditentry WHERE action = 'test.write'")[0][0]
        assert writes == taken
        assert all(
            (target.tmp / "var" / "media" / "uploads" / f"file-{i}.txt").exists() for i in range(taken)
        )
        # restoring over a database that holds data needs --force
        again = target.gongkai("restore", str(tmp_path / "backup"), check=False)
        assert again.returncode != 0
        assert "--force" in again.stderr
    finally:
        from tests.live import drop

        drop(live_template, target)


def test_a_damaged_backup_is_refused_before_anything_is_touched(live_db, live_template, tmp_path):
    live_db.gongkai("backup", "--output", str(tmp_path / "backup"))
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    db_file = tmp_path / "backup" / manifest["database"]["file"]
    data = bytearray(db_file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    db_file.write_bytes(bytes(data))
    target = empty_database(live_template, tmp_path / "restored", "damaged")
    try:
        done = target.gongkai("restore", str(tmp_path / "backup"), check=False)
        assert done.returncode != 0
        assert "备份文件已损坏" in done.stderr
        if target.vendor == "sqlite":
            import pathlib

            assert not pathlib.Path(target.name).exists() or pathlib.Path(target.name).stat().st_size == 0
        else:
            assert query(target, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'")[0][0] == 0
    finally:
        from tests.live import drop

        drop(live_template, target)


@pytest.mark.parametrize("missing", ["manifest.json"])
def test_a_directory_without_a_manifest_is_not_a_backup(live_db, tmp_path, missing):
    (tmp_path / "empty").mkdir()
    done = live_db.gongkai("restore", str(tmp_path / "empty"), check=False)
    assert done.returncode != 0
    assert "读不到备份清单" in done.stderr
