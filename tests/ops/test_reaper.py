"""Tasks whose worker died are reaped: requeued (bounded) or failed with an alert to administrators."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from gongkai.core.audit import verify_chain
from gongkai.core.models import AuditEntry
from gongkai.ops.models import OpsAlert
from gongkai.ops.reaper import reap_stale_tasks
from tests.factories import UserFactory
from tests.live import query, wait_for


def test_a_task_whose_worker_was_killed_is_requeued_and_finished_by_the_next_worker(live_db):
    marker = live_db.tmp / "started"
    live_db.shell(f"from tests.ops.jobs import hold; hold.enqueue({str(marker)!r})")
    args = ("db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2")
    first = live_db.spawn(*args, "--worker-id", "worker-1", name="worker-1")
    wait_for(marker.exists, timeout=60, what="the task to start")
    live_db.kill9(first)

    status = "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult WHERE task_path = %s"
    tid = "tests.ops.jobs.hold"
    assert query(live_db, status, (tid,))[0][0] == "RUNNING"  # the defect: nothing else would ever change it
    out = live_db.gongkai("tasks", "reap", "--timeout", "0").stdout
    assert "重新排队 1 个" in out
    assert query(live_db, status, (tid,))[0][0] == "READY"

    live_db.spawn(*args, "--worker-id", "worker-2", name="worker-2")
    done = wait_for(
        lambda: query(live_db, status, (tid,))[0][0] == "SUCCESSFUL", timeout=60, what="the retry to finish"
    )
    assert done
    row = query(
        live_db,
        "SELECT return_value, worker_ids FROM django_tasks_database_dbtaskresult WHERE task_path = %s",
        (tid,),
    )
    assert "retried" in str(row[0][0])
    assert "worker-1" in str(row[0][1])
    assert "worker-2" in str(row[0][1])
    assert "审计日志完整" in live_db.gongkai("audit", "verify").stdout
    actions = [r[0] for r in query(live_db, "SELECT action FROM core_auditentry ORDER BY seq")]
    assert "ops.task_requeued" in actions


def _running(started_ago: dt.timedelta, workers: list[str]) -> DBTaskResult:
    return DBTaskResult.objects.create(
        task_path="gongkai.search.tasks.process_search_outbox",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=get_date_max(),
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - started_ago,
        worker_ids=workers,
    )


@pytest.fixture
def admin(db):
    return UserFactory(username="ops-admin", email="ops-admin@example.cn", is_superuser=True, is_staff=True)


def test_a_task_lost_too_often_is_failed_and_administrators_are_alerted(
    admin, settings, django_capture_on_commit_callbacks, client
):
    settings.TASK_RUNNING_TIMEOUT, settings.TASK_MAX_ATTEMPTS = 600, 3
    lost = _running(dt.timedelta(minutes=11), ["a", "b", "c"])
    retry = _running(dt.timedelta(minutes=11), ["a"])
    young = _running(dt.timedelta(minutes=5), ["a", "b", "c"])
    with django_capture_on_commit_callbacks(execute=True):
        report = reap_stale_tasks()
    assert report.failed == [str(lost.pk)]
    assert report.requeued == [str(retry.pk)]
    lost.refresh_from_db(), retry.refresh_from_db(), young.refresh_from_db()
    assert (lost.status, retry.status, young.status) == ("FAILED", "READY", "RUNNING")
    assert lost.exception_class_path == "gongkai.ops.reaper.WorkerLost"
    alert = OpsAlert.objects.get()
    assert alert.key == str(lost.pk)
    assert alert.resolved_at is None
    assert [m.to for m in mail.outbox] == [["ops-admin@example.cn"]]
    assert "process_search_outbox" in mail.outbox[0].body
    assert {"ops.task_failed", "ops.task_requeued", "ops.alert_raised"} <= set(
        AuditEntry.objects.values_list("action", flat=True)
    )
    assert verify_chain().ok

    # reaping again changes nothing and alerts nobody twice
    with django_capture_on_commit_callbacks(execute=True):
        again = reap_stale_tasks()
    assert again.failed == []
    assert len(mail.outbox) == 1

    # the administrator sees it in the back office (in Chinese, without the task's code name) and closes it
    client.force_login(admin)
    page = client.get("/staff/").content.decode()
    assert "后台任务多次中断后失败" in page
    assert "process_search_outbox" not in page
    assert client.post(f"/staff/alerts/{alert.pk}/resolve/").status_code == 302
    alert.refresh_from_db()
    assert alert.resolved_at is not None
    assert "后台任务多次中断后失败" not in client.get("/staff/").content.decode()


def test_only_administrators_see_and_resolve_alerts(admin, client, publisher):
    _running(dt.timedelta(hours=2), ["a", "b", "c"])
    reap_stale_tasks()
    alert = OpsAlert.objects.get()
    client.force_login(publisher)
    assert "后台任务多次中断后失败" not in client.get("/staff/").content.decode()
    assert client.post(f"/staff/alerts/{alert.pk}/resolve/").status_code == 404
    alert.refresh_from_db()
    assert alert.resolved_at is None


def test_the_reaper_is_scheduled():
    from gongkai.scheduler.schedule import read_schedule

    jobs = {j.task: j for j in read_schedule()}
    assert jobs["gongkai.ops.tasks.reap_stale_tasks_task"].every == 5


def test_tasks_status_and_reap_commands(db, settings):
    import io

    from django.core.management import call_command

    settings.TASK_RUNNING_TIMEOUT = 600
    _running(dt.timedelta(minutes=20), ["a"])
    out = io.StringIO()
    call_command("tasks", "status", stdout=out)
    assert "执行中 1 个" in out.getvalue()
    assert "运行超时 1 个" in out.getvalue()
    out = io.StringIO()
    call_command("tasks", "reap", stdout=out)
    assert "重新排队 1 个，标记失败 0 个" in out.getvalue()
    out = io.StringIO()
    call_command("tasks", "status", stdout=out)
    assert "待执行 1 个" in out.getvalue()
    assert "运行超时 0 个" in out.getvalue()
