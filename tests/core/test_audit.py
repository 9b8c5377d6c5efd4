"""The audit log: entries chain, verification finds the first altered or missing row, the database refuses
UPDATE and DELETE, and `gongkai audit` reports it."""

from __future__ import annotations

import datetime as dt
import decimal
import importlib
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, IntegrityError, InternalError, connection, transaction

from gongkai.core.audit import ChainReport, compute_hash, history_for, log_action, verify_chain
from gongkai.core.models import GENESIS_HASH, AuditEntry, AuditHead
from tests.factories import MembershipFactory, UserFactory

REFUSED = (IntegrityError, DatabaseError, InternalError)
TABLE = AuditEntry._meta.db_table
audit_migration = importlib.import_module("gongkai.core.migrations.0001_audit_log")


def _tamper(sql: str, params: tuple | None = None) -> None:
    """Run raw SQL on the audit table as someone going around the append-only triggers would.

    SQLite has no way to switch a trigger off, so the triggers are dropped and re-created around the
    statement; PostgreSQL disables and re-enables the trigger (allowed to the table owner and superusers:
    the test database's role). DDL is transactional on both, so the test's rollback would restore them too.
    Outside tests, the same recipes are what an operator would need: the chain is what reveals it.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for statement in audit_migration.SQLITE_DROP:
                cursor.execute(statement)
            cursor.execute(sql, params)
            for statement in audit_migration.SQLITE_CREATE:
                cursor.execute(statement)
        elif connection.vendor == "postgresql":
            # ALTER TABLE refuses while deferred foreign-key checks are pending: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER {TABLE}_append_only")
            cursor.execute(sql, params)
            cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER {TABLE}_append_only")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        else:  # pragma: no cover - the project runs on SQLite and PostgreSQL only
            pytest.fail(f"no tamper recipe for {connection.vendor}")


@pytest.fixture
def five_entries(db):
    user = UserFactory(username="auditor")
    return [
        log_action(actor=user, action="test.changed", obj=user, data={"step": n, "名称": f"第{n}步"})
        for n in range(1, 6)
    ]


def _row_count() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {TABLE}")  # noqa: S608 - our own table name
        return cursor.fetchone()[0]


def test_entries_chain_from_the_genesis_hash(five_entries):
    entries = list(AuditEntry.objects.all())
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev_hash == GENESIS_HASH
    for before, after in zip(entries, entries[1:], strict=False):
        assert after.prev_hash == before.hash
    first = entries[0]
    assert first.created_at.tzinfo is not None
    assert first.actor_name == "auditor"
    assert first.object_type == "auth.user"
    assert first.object_id == str(first.actor_id)
    assert first.hash == compute_hash(
        seq=1,
        created_at=first.created_at,
        actor_id=first.actor_id,
        actor_name="auditor",
        action="test.changed",
        object_type="auth.user",
        object_id=first.object_id,
        organization_id=None,
        data={"step": 1, "名称": "第1步"},
        prev_hash=GENESIS_HASH,
    )
    head = AuditHead.objects.get()
    assert (head.seq, head.hash) == (5, entries[-1].hash)


def test_a_clean_log_verifies(five_entries):
    assert verify_chain() == ChainReport(ok=True, checked=5, first_broken_seq=None, reason="")


def test_an_empty_log_verifies(db):
    report = verify_chain()
    assert report.ok
    assert report.checked == 0


def test_data_is_stored_as_json_and_still_verifies_after_the_round_trip(db):
    entry = log_action(
        action="test.values",
        data={
            "due": dt.date(2026, 1, 5),
            "at": dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.UTC),
            "fee": decimal.Decimal("12.50"),
            "ratio": 1.5,
            "big": 1e20,
            "whole": 2.0,
            "tags": {"乙", "甲"},
            "nested": {"list": [1, "二", None, True]},
        },
    )
    stored = AuditEntry.objects.get(pk=entry.pk).data
    assert stored["due"] == "2026-01-05"
    assert stored["at"] == "2026-01-05T09:30:00+00:00"
    assert stored["fee"] == "12.50"
    assert stored["tags"] == ["乙", "甲"]
    assert entry.actor_name == ""
    assert verify_chain().ok


def test_data_that_json_cannot_hold_is_refused(db):
    with pytest.raises(TypeError, match="无法序列化"):
        log_action(action="test.bad", data={"x": object()})
    assert not AuditEntry.objects.exists()


def test_organization_comes_from_the_object_when_not_given(db):
    membership = MembershipFactory()
    entry = log_action(action="membership.created", obj=membership)
    assert entry.organization_id == membership.organization_id
    assert entry.object_type == "orgs.membership"


def test_a_rolled_back_transaction_leaves_no_gap(db):
    def change_that_fails():
        with transaction.atomic():
            log_action(action="test.rolled_back")
            raise RuntimeError

    log_action(action="test.kept")
    with pytest.raises(RuntimeError):
        change_that_fails()
    entry = log_action(action="test.kept_again")
    assert entry.seq == 2
    assert verify_chain().ok


def test_an_altered_row_is_found_at_its_seq(five_entries):
    _tamper(f"UPDATE {TABLE} SET data = %s WHERE seq = 3", (json.dumps({"step": 99}),))  # noqa: S608
    report = verify_chain()
    assert not report.ok
    assert report.first_broken_seq == 3
    assert report.checked == 2
    assert report.reason == "第 3 条记录内容被改动"


def test_an_altered_actor_name_is_found(five_entries):
    _tamper(f"UPDATE {TABLE} SET actor_name = 'someone-else' WHERE seq = 1")  # noqa: S608
    report = verify_chain()
    assert (report.ok, report.first_broken_seq) == (False, 1)


def test_a_row_rewritten_with_a_fresh_hash_breaks_the_next_link(five_entries):
    third = AuditEntry.objects.get(seq=3)
    forged = {"step": 99}
    forged_hash = compute_hash(
        seq=3,
        created_at=third.created_at,
        actor_id=third.actor_id,
        actor_name=third.actor_name,
        action=third.action,
        object_type=third.object_type,
        object_id=third.object_id,
        organization_id=third.organization_id,
        data=forged,
        prev_hash=third.prev_hash,
    )
    _tamper(
        f"UPDATE {TABLE} SET data = %s, hash = %s WHERE seq = 3",  # noqa: S608
        (json.dumps(forged), forged_hash),
    )
    report = verify_chain()
    assert (report.ok, report.first_broken_seq) == (False, 4)
    assert report.reason == "第 4 条的前一哈希与第 3 条不符"


def test_a_deleted_middle_row_is_found(five_entries):
    _tamper(f"DELETE FROM {TABLE} WHERE seq = 3")  # noqa: S608
    assert _row_count() == 4
    report = verify_chain()
    assert (report.ok, report.first_broken_seq, report.checked) == (False, 3, 2)
    assert report.reason == "第 3 条记录缺失（序号不连续）"


def test_a_deleted_last_row_is_found_through_the_head(five_entries):
    _tamper(f"DELETE FROM {TABLE} WHERE seq = 5")  # noqa: S608
    report = verify_chain()
    assert (report.ok, report.first_broken_seq, report.checked) == (False, 5, 4)
    assert "第 5 条记录缺失" in report.reason
    assert "截断" in report.reason


def test_the_database_refuses_to_update_or_delete_entries(five_entries):
    entry = AuditEntry.objects.get(seq=2)
    entry.data = {"step": 99}
    with pytest.raises(REFUSED), transaction.atomic():
        entry.save()
    with pytest.raises(REFUSED), transaction.atomic():
        AuditEntry.objects.filter(seq=2).update(action="test.forged")
    with pytest.raises(REFUSED), transaction.atomic():
        AuditEntry.objects.get(seq=5).delete()
    with pytest.raises(REFUSED), transaction.atomic():
        AuditEntry.objects.all().delete()
    assert _row_count() == 5
    assert AuditEntry.objects.get(seq=2).data == {"step": 2, "名称": "第2步"}
    assert verify_chain().ok


def test_an_account_that_has_acted_cannot_be_deleted(five_entries):
    # Deleting it would null actor_id (SET_NULL), which the hash covers: the trigger refuses; deactivate instead.
    user = five_entries[0].actor
    with pytest.raises(REFUSED), transaction.atomic():
        user.delete()
    assert verify_chain().ok


def test_history_for_lists_an_objects_entries_oldest_first(db):
    a, b = UserFactory(), UserFactory()
    log_action(action="test.one", obj=a)
    log_action(action="test.other", obj=b)
    log_action(action="test.two", obj=a)
    assert [e.action for e in history_for(a)] == ["test.one", "test.two"]


def test_the_verify_command_reports_a_complete_log(five_entries):
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    assert out.getvalue().strip() == "审计日志完整：共 5 条"


def test_the_verify_command_fails_with_the_first_broken_seq(five_entries):
    _tamper(f"UPDATE {TABLE} SET action = 'test.forged' WHERE seq = 4")  # noqa: S608
    with pytest.raises(CommandError, match="第 4 条记录内容被改动") as excinfo:
        call_command("audit", "verify", stdout=io.StringIO())
    assert excinfo.value.returncode == 1


def test_the_show_command_lists_an_objects_entries(five_entries):
    other = UserFactory()
    log_action(action="test.elsewhere", obj=other)
    user_id = five_entries[0].object_id
    out = io.StringIO()
    call_command("audit", "show", "--object", f"auth.User:{user_id}", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("#1\t")
    assert "auditor\ttest.changed" in lines[0]
    assert '"名称": "第1步"' in lines[0]
    assert "test.elsewhere" not in out.getvalue()


def test_the_show_command_refuses_a_malformed_reference(db):
    with pytest.raises(CommandError, match="app.model:ID"):
        call_command("audit", "show", "--object", "user-3", stdout=io.StringIO())
