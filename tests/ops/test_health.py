"""/healthz (liveness, no database) and /readyz (database, task backlog, search index) for load balancers."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import urllib.error
import urllib.request

import pytest
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from gongkai.search import index as ix
from gongkai.search import services
from gongkai.search.models import SearchOutbox
from tests.live import free_port, wait_for


@pytest.fixture
def healthy(db):
    services.rebuild()  # an index matching this test's database


def enqueue(**fields) -> DBTaskResult:
    return DBTaskResult.objects.create(
        task_path="gongkai.search.tasks.process_search_outbox",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=get_date_max(),
        **fields,
    )


def test_liveness_answers_without_the_database(client):
    response = client.get("/healthz")  # no db fixture: any query would raise
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


def test_ready_when_database_tasks_and_index_are_fine(client, healthy):
    response = client.get("/readyz")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "ready"
    assert set(body["checks"]) == {"database", "tasks", "search"}
    assert all(c["ok"] for c in body["checks"].values())
    assert body["checks"]["tasks"]["ready"] == 0
    assert body["checks"]["search"]["documents"] == body["checks"]["search"]["public_records"]


def test_not_ready_when_the_oldest_ready_task_waits_too_long(client, healthy, settings):
    settings.READY_MAX_TASK_AGE = 60
    task = enqueue()
    assert client.get("/readyz").status_code == 200  # just enqueued
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - dt.timedelta(seconds=90))
    response = client.get("/readyz")
    assert response.status_code == 503
    tasks = response.json()["checks"]["tasks"]
    assert tasks["ok"] is False
    assert tasks["ready"] == 1
    assert tasks["oldest_ready_age"] >= 90
    # a delayed task is due from its run_after, not from when it was enqueued
    DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now() - dt.timedelta(seconds=5))
    assert client.get("/readyz").status_code == 200


def test_not_ready_while_a_task_is_stuck_running(client, healthy, settings):
    settings.TASK_RUNNING_TIMEOUT = 600
    enqueue(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - dt.timedelta(minutes=11),
        worker_ids=["w"],
    )
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["tasks"]["stale_running"] == 1


def test_not_ready_when_the_search_index_is_lost_or_lagging(client, search_corpus, settings):
    assert client.get("/readyz").status_code == 200
    settings.SEARCH_INDEX_MAX_LAG = 60
    row = SearchOutbox.objects.create(disclosure_id=search_corpus["roads"].pk, action="corrected")
    SearchOutbox.objects.filter(pk=row.pk).update(created_at=row.created_at - dt.timedelta(seconds=61))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["search"]["problem"] == "lagging"
    SearchOutbox.objects.filter(pk=row.pk).delete()
    shutil.rmtree(ix.index_dir())
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["search"]["problem"] == "missing"


def test_staff_are_told_when_the_index_is_lost(client, search_corpus, publisher):
    client.force_login(publisher)
    assert "全文检索索引异常" not in client.get("/staff/").content.decode()
    shutil.rmtree(ix.index_dir())
    page = client.get("/staff/").content.decode()
    assert "全文检索索引异常" in page
    assert "请系统管理员重建搜索索引" in page


@pytest.mark.django_db
def test_a_real_server_whose_database_is_down_is_alive_but_not_ready(live_db):
    """`gongkai serve` against a PostgreSQL address where nothing listens: /healthz 200, /readyz 503."""
    port = free_port()
    dead = f"postgres://postgres@127.0.0.1:{free_port()}/gongkai"
    live_db.spawn("serve", "--port", str(port), "--workers", "1", name="web", env={"DATABASE_URL": dead})
    base = f"http://127.0.0.1:{port}"
    wait_for(lambda: get(f"{base}/healthz")[0] == 200, timeout=60, what="the web server")
    status, body = get(f"{base}/readyz")
    assert status == 503
    assert body["status"] == "not_ready"
    assert body["checks"]["database"] == {"ok": False, "error": "OperationalError"}


def get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our local URL
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())
    except (urllib.error.URLError, OSError):
        return 0, {}
