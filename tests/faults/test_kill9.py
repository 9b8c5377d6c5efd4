"""The fault script: `kill -9` of the web server, the task worker and the publishing process in the middle of
bursts of online applications (POST /api/applications), client-API drafts (PUT and submit by external id, then
published by a second process) and subscription pushes (webhooks the worker delivers to a receiver started here);
they are restarted, the recovery jobs of data/schedule.yaml run (`gongkai tasks reap`, `gongkai subscriptions
deliver`), and then: every acknowledged application is there exactly once, every acknowledged draft exactly once
and published, every published record was pushed once (by delivery id; a push whose worker died mid-request
arrives again with the same id), and `gongkai audit verify` passes.

Real processes on a copy of the suite's database (SQLite file or PostgreSQL database, tests/live.py), real
signals, a real HTTP receiver. Alone: `uv run pytest -q tests/faults` (DATABASE_URL=postgres://… for PostgreSQL).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.live import LiveDatabase, free_port, query, wait_for

pytestmark = [pytest.mark.django_db, pytest.mark.faults]

APPLICATIONS = 200  # at most; the burst stops once the kills are over
DRAFTS = 16
STOP = "stop-publisher"

# Short recovery timings, so that a bounded test sees the recovery the schedule performs in production.
FAULT_ENV = {
    "TASK_RUNNING_TIMEOUT": "3",
    "SUBSCRIPTIONS_DELIVERY_LEASE": "3",
    "SUBSCRIPTIONS_WEBHOOK_ALLOW_PRIVATE": "1",
    "WEB_CONCURRENCY": "1",
}

PREPARE = """
import json, random
from gongkai.catalog.models import Jurisdiction
from gongkai.exchange.tokens import issue_token
from gongkai.orgs.models import Role
from gongkai.subscriptions import services as subscriptions
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory, make_uscc
org = OrganizationFactory(name="六安市公共资源交易中心（故障演练）", kind="trading_centre",
                          jurisdiction=Jurisdiction.objects.get(code="341500"), uscc=make_uscc("12", "341500", random.Random(41)))
admin = UserFactory(username="fault-admin", is_superuser=True, is_staff=True)
MembershipFactory(user=UserFactory(username="fault-rev"), organization=org, role=Role.REVIEWER)
token = issue_token(actor=admin, organization=org, name="故障演练", scopes=["disclosures:write", "disclosures:read"])
sub = subscriptions.create_subscription(email="fault@example.cn", params={}, send_email=False, webhook_url=RECEIVER_URL)
subscriptions.confirm_subscription(subscription=sub, actor=admin)
print(json.dumps({"org": org.pk, "token": token[1], "user": token[0].user.username, "secret": sub.webhook_secret, "sub": sub.pk}))
"""

# Takes every draft of the organization one step further, one transaction per step, until told to stop; a kill
# between steps leaves a record in some state, from which the next run carries on.
PUBLISHER = """
import os, pathlib, time
from django.contrib.auth import get_user_model
from gongkai.disclosures import services
from gongkai.disclosures.models import Disclosure
users = get_user_model().objects
reviewer, publisher = users.get(username="fault-rev"), users.get(username=os.environ["PUBLISHER"])
stop = pathlib.Path(os.environ["STOP_FILE"])
while not stop.exists():
    moved = 0
    for d in Disclosure.objects.filter(organization_id=int(os.environ["ORG"]), state__in=["submitted", "reviewed", "approved"]).order_by("pk")[:10]:
        if d.state == "submitted":
            services.review(actor=reviewer, disclosure=d, comment="无涉密内容")
        elif d.state == "reviewed":
            services.mask_personal_data(actor=reviewer, disclosure=d)
            services.approve(actor=reviewer, disclosure=d)
        else:
            services.publish(actor=publisher, disclosure=d)
        moved += 1
    if not moved:
        time.sleep(0.2)
"""

RECOVER = """
from django.core.management import call_command
call_command("tasks", "reap")
call_command("subscriptions", "scan")
call_command("subscriptions", "deliver")
"""


class Receiver:
    """A webhook receiver on 127.0.0.1 that checks signatures, records each push and answers slowly (so a worker
    is killed while a push is in flight)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.secret = ""
        self.received: list[tuple[str, int]] = []  # (delivery id, disclosure id)
        self.bad_signatures = 0
        self.in_flight = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                expected = "sha256=" + hmac.new(receiver.secret.encode(), body, hashlib.sha256).hexdigest()
                if not hmac.compare_digest(expected, self.headers.get("X-Gongkai-Signature", "")):
                    receiver.bad_signatures += 1
                receiver.received.append(
                    (self.headers["X-Gongkai-Delivery"], json.loads(body)["disclosure"]["id"])
                )
                receiver.in_flight.set()
                time.sleep(0.3)
                receiver.in_flight.clear()
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def call(method: str, url: str, body: dict | None = None, token: str | None = None) -> tuple[int, dict]:
    """One HTTP call; (0, {}) when the connection fails (the server was killed)."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers)  # noqa: S310 - our URL
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        try:
            return exc.code, json.loads(exc.read() or b"{}")
        except ValueError:
            return exc.code, {}
    except (urllib.error.URLError, OSError):
        return 0, {}


class Site:
    """The web server, the worker and the publisher of one live database, each restartable after a kill."""

    def __init__(self, live: LiveDatabase, ids: dict) -> None:
        self.live, self.ids = live, ids
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.web = self.worker = self.publisher = None

    def start_web(self) -> None:
        self.web = self.live.spawn("serve", "--port", str(self.port), name="web")
        wait_for(lambda: call("GET", f"{self.base}/healthz")[0] == 200, timeout=60, what="the web server")

    def start_worker(self) -> None:
        self.worker = self.live.spawn(
            "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1", "--queue-name", "*",
            name="worker",
        )  # fmt: skip

    def start_publisher(self) -> None:
        env = {"ORG": str(self.ids["org"]), "PUBLISHER": self.ids["user"],
               "STOP_FILE": str(self.live.tmp / STOP)}  # fmt: skip
        self.publisher = self.live.spawn("shell", "-c", PUBLISHER, name="publisher", env=env)


def send_applications(
    site: Site, acked: list[str], refused: list[str], answered: list[int], stop: threading.Event
) -> None:
    """Applications until told to stop, each once; one whose answer is lost is not retried (it may or may not
    have been filed), and the next waits a little for the server to come back."""
    for i in range(APPLICATIONS):
        if stop.is_set():
            return
        marker = f"故障演练申请 {i:03d}"
        status, body = call("POST", f"{site.base}/api/applications", {
            "organization_id": site.ids["org"], "applicant_kind": "natural_person", "applicant_name": "张三",
            "id_type": "resident_id", "id_number": "341502198001010012", "phone": "13800000000",
            "email": "zhangsan@example.com", "address": "六安市金安区梅山南路1号", "info_title": marker,
            "info_doc_no": "", "info_description": "请公开故障演练相关信息", "delivery_form": "electronic",
            "delivery_way": "email",
        })  # fmt: skip
        (acked if status == 201 else refused).append(marker)
        if status:
            answered.append(status)
        time.sleep(0.05 if status == 201 else 0.5)


def send_drafts(site: Site, acked: list[str], deadline: float) -> None:
    """Each draft PUT and submitted by its external id, retried until acknowledged (upserts are idempotent; a
    submit whose answer was lost reads back as no longer a draft)."""
    token = site.ids["token"]
    for j in range(DRAFTS):
        ext = f"FAULT-{j:04d}"
        draft = {
            "title": f"故障演练工程施工中标结果公告（第{j}号）", "doc_no": "", "formed_on": "2026-09-25",
            "subject": "urban_rural", "genre": "notice", "catalog_item": "construction.award",
            "body": f"根据评标委员会的评审结果，确定第{j}号工程的中标人如下。（此件公开发布）",
            "fields": {"project_name": f"故障演练工程第{j}号", "tenderer": "六安市城市建设投资有限公司",
                       "tenderer_uscc": "9134150052601815XN", "winner": "华为技术有限公司",
                       "winner_uscc": "914403001922038216", "bid_price": "12345678.00", "duration": "180日历天",
                       "managers": [{"name": "王建国", "role": "项目经理", "certificate": "一级建造师",
                                     "certificate_no": "皖134060812345"}]},
        }  # fmt: skip
        while time.monotonic() < deadline:
            status, _ = call("PUT", f"{site.base}/api/client/disclosures/{ext}", draft, token)
            if status in (200, 201):
                break
            time.sleep(0.3)
        while time.monotonic() < deadline:
            status, body = call("POST", f"{site.base}/api/client/disclosures/{ext}/submit", None, token)
            if status == 200 or (status == 400 and body.get("code") == "not_a_draft"):
                acked.append(ext)
                break
            time.sleep(0.3)


def test_kill_9_during_bursts_loses_and_duplicates_nothing(live_db):
    started = time.monotonic()
    deadline = started + 150
    live_db.extra_env = FAULT_ENV
    with Receiver() as receiver:
        ids = json.loads(
            live_db.shell(PREPARE.replace("RECEIVER_URL", repr(receiver.url)), timeout=120)
            .strip()
            .splitlines()[-1]
        )
        receiver.secret = ids["secret"]
        site = Site(live_db, ids)
        site.start_worker()
        site.start_publisher()
        site.start_web()

        apps_acked: list[str] = []
        apps_refused: list[str] = []
        drafts_acked: list[str] = []
        stop_applications = threading.Event()
        answers: list[int] = []  # HTTP statuses of applications (201, or e.g. 429 from a rate limit)
        clients = [
            threading.Thread(
                target=send_applications, args=(site, apps_acked, apps_refused, answers, stop_applications)
            ),
            threading.Thread(target=send_drafts, args=(site, drafts_acked, deadline)),
        ]
        for t in clients:
            t.start()

        # kill -9 the web server mid-burst, then start it again
        wait_for(lambda: len(apps_acked) >= 3 and len(drafts_acked) >= 2, timeout=60, what="the first writes")
        live_db.kill9(site.web)
        time.sleep(0.5)
        site.start_web()

        # kill -9 the worker while it is delivering a push (the receiver holds the request), then the publisher
        wait_for(receiver.in_flight.is_set, timeout=180, what="a push in flight", interval=0.01)
        live_db.kill9(site.worker)
        in_flight_when_killed = len(receiver.received)
        live_db.kill9(site.publisher)
        time.sleep(0.5)
        site.start_publisher()
        site.start_worker()
        after_kills = len(answers)
        wait_for(
            lambda: len(answers) >= after_kills + 2, timeout=60, what="applications answered after the kills"
        )
        stop_applications.set()

        for t in clients:
            t.join(timeout=max(1, deadline - time.monotonic()))
        assert not any(t.is_alive() for t in clients), "the clients did not finish in time"
        assert len(drafts_acked) == DRAFTS
        assert apps_acked, f"no application was acknowledged: {live_db.log('web')}"

        published = (
            "SELECT COUNT(*) FROM disclosures_disclosure WHERE organization_id = %s AND state = 'published'"
        )
        wait_for(
            lambda: query(live_db, published, (ids["org"],))[0][0] == DRAFTS,
            timeout=90,
            what="every draft published",
        )
        (live_db.tmp / STOP).touch()
        site.publisher.wait(timeout=30)

        # what the schedule does every few minutes: reap tasks whose worker died, scan, send what is due
        time.sleep(3.5)  # the recovery timings above
        live_db.shell(RECOVER)
        deliveries = "SELECT id, disclosure_id, state FROM subscriptions_delivery WHERE subscription_id = %s AND channel = 'webhook'"

        def all_pushed():
            rows = query(live_db, deliveries, (ids["sub"],))
            sent = {str(r[0]) for r in rows if r[2] == "sent"}
            return len(rows) == DRAFTS and len(sent) == DRAFTS and sent <= {d for d, _ in receiver.received}

        wait_for(all_pushed, timeout=60, what=f"every push delivered ({live_db.log('worker')})")
        # no task is left RUNNING by the killed worker (the reaper requeued it; the new worker finished it)
        running = "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'"
        wait_for(lambda: query(live_db, running)[0][0] == 0, timeout=30, what="no task stuck RUNNING")
        verify = live_db.gongkai("audit", "verify", timeout=120)

    # applications: every acknowledged one exactly once; none twice
    rows = query(
        live_db,
        "SELECT info_title, COUNT(*) FROM applications_application WHERE organization_id = %s GROUP BY info_title",
        (ids["org"],),
    )
    counts = dict(rows)
    assert {m: counts.get(m, 0) for m in apps_acked} == dict.fromkeys(apps_acked, 1)
    assert max(counts.values()) == 1
    assert set(counts) <= set(apps_acked) | set(apps_refused)
    # drafts: every acknowledged one exactly once, and published
    rows = query(
        live_db,
        "SELECT external_id, state FROM disclosures_disclosure WHERE organization_id = %s",
        (ids["org"],),
    )
    assert Counter(ext for ext, _ in rows) == Counter(drafts_acked)
    assert {state for _, state in rows} == {"published"}
    # pushes: one delivery per published record, each received (again, with the same id, if its worker died)
    rows = query(live_db, deliveries, (ids["sub"],))
    published_ids = {
        r[0]
        for r in query(
            live_db, "SELECT id FROM disclosures_disclosure WHERE organization_id = %s", (ids["org"],)
        )
    }
    assert sorted(r[1] for r in rows) == sorted(published_ids)
    assert {str(r[0]) for r in rows} == {d for d, _ in receiver.received}
    assert {(str(r[0]), r[1]) for r in rows} == set(receiver.received)
    assert receiver.bad_signatures == 0
    assert in_flight_when_killed >= 1
    assert "审计日志完整" in verify.stdout
    duplicates = len(receiver.received) - len(set(receiver.received))
    print(  # the figures, for `pytest -s tests/faults`
        f"applications {len(apps_acked)} acknowledged / {len(apps_refused)} not acknowledged; drafts {len(drafts_acked)}; "
        f"pushes {len(rows)} ({duplicates} received again after a kill); {time.monotonic() - started:.0f} s"
    )
