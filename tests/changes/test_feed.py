"""The change feed (issue 11): every public change once, in commit order, never skipping a late commit."""

from __future__ import annotations

import datetime as dt
import io
import random
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from gongkai.changes.models import PublicChange
from gongkai.disclosures import services
from tests.disclosures.fixtures import item, publish_through_services


def page_all(client, **params) -> list[dict]:
    """Every item from the start, one small page at a time, as a monitor's script would."""
    seen, since = [], ""
    while True:
        body = client.get("/api/changes", {"since": since, "limit": 3, **params}).json()
        seen += body["items"]
        if not body["has_more"]:
            assert body["next"] == (body["items"][-1]["cursor"] if body["items"] else since or "0")
            return seen
        since = body["next"]


@pytest.fixture
def published(publisher, reviewer, centre, award_item):
    return publish_through_services(publisher, reviewer, centre, award_item, title="六安市某工程施工中标结果公告",
                                    body="根据评标委员会的评审结果，确定中标人如下。")  # fmt: skip


def test_publish_correct_withdraw_each_appear_once_in_order(client, published, publisher, reviewer):
    rev = services.propose_correction(actor=publisher, disclosure=published, data={"title": "六安市某工程施工中标结果公告（更正）"},
                                      reason="标题有误")  # fmt: skip
    services.decide_correction(actor=reviewer, revision=rev, approve=True, confirm_personal_data=True)
    services.withdraw(actor=reviewer, disclosure=published, reason="项目终止")

    items = page_all(client)
    mine = [
        (i["kind"], i["change"]) for i in items if i["kind"] == "disclosure" and i["id"] == str(published.pk)
    ]

    assert mine == [("disclosure", "published"), ("disclosure", "corrected"), ("disclosure", "withdrawn")]
    cursors = [i["cursor"] for i in items]
    assert len(cursors) == len(set(cursors)) == PublicChange.objects.count()
    assert [int(c) for c in cursors] == sorted(int(c) for c in cursors)
    withdrawn = next(i for i in items if i["change"] == "withdrawn")
    assert withdrawn["change_name"] == "撤回"
    assert withdrawn["url"] == f"/disclosures/{published.pk}/"
    assert withdrawn["jurisdiction"] == "341500"


def test_drafts_and_their_steps_are_not_changes(client, publisher, centre, award_item):
    from tests.disclosures.fixtures import required_fields

    data = {"title": "草稿不公开", "body": "正文。", "formed_on": dt.date(2026, 9, 25),
            "fields": required_fields(award_item)}  # fmt: skip
    d = services.create_draft(actor=publisher, organization=centre, item=award_item, data=data)
    services.submit(actor=publisher, disclosure=d)

    assert client.get("/api/changes").json()["items"] == []


def test_filters_by_jurisdiction_with_children_and_by_kind(client, published):
    assert [i["id"] for i in client.get("/api/changes", {"jurisdiction": "340000"}).json()["items"]] == [
        str(published.pk)
    ]  # 安徽省 includes 六安市
    assert client.get("/api/changes", {"jurisdiction": "220000"}).json()["items"] == []  # 吉林省 does not
    assert client.get("/api/changes", {"kind": "credit_record"}).json()["items"] == []
    assert len(client.get("/api/changes", {"kind": "disclosure"}).json()["items"]) == 1


def test_bad_cursor_and_kind_get_a_chinese_400(client, db):
    for since in ("abc", "-1", "1" * 19, "１２"):
        response = client.get("/api/changes", {"since": since})
        assert response.status_code == 400
        assert response.json()["code"] == "invalid_cursor"
        assert "游标无效" in response.json()["message"]
    response = client.get("/api/changes", {"kind": "tender"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_kind"


def test_etag_answers_304_until_something_changes(client, published, reviewer):
    first = client.get("/api/changes", {"since": "0"})
    etag = first["ETag"]

    assert client.get("/api/changes", {"since": "0"}, HTTP_IF_NONE_MATCH=etag).status_code == 304
    services.withdraw(actor=reviewer, disclosure=published, reason="项目终止")
    again = client.get("/api/changes", {"since": "0"}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200
    assert again.json()["items"][-1]["change"] == "withdrawn"


def test_a_transaction_changes_when_a_published_step_is_attached_or_changed(
    client, published, publisher, reviewer, centre
):
    from gongkai.catalog.models import Domain
    from gongkai.transactions import services as tx_services

    tx = tx_services.create_transaction(actor=publisher, organization=centre, domain=Domain.objects.get(code="construction"),
                                        title="六安市某工程施工")  # fmt: skip
    assert [i for i in page_all(client) if i["kind"] == "transaction"] == []  # nothing public in it yet

    tx_services.attach_disclosure(actor=publisher, transaction=tx, disclosure=published)
    services.withdraw(actor=reviewer, disclosure=published, reason="项目终止")

    changes = [(i["kind"], i["change"], i["ref"]) for i in page_all(client, kind="transaction")]
    assert changes == [("transaction", "updated", tx.code)] * 2
    assert page_all(client, kind="transaction")[0]["url"] == f"/transactions/{tx.code}/"


WRITERS, COMMITS = 4, int(__import__("os").environ.get("FEED_COMMITS", 250))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_reader_polling_during_interleaved_commits_sees_every_change_once(client, settings):
    """4 writers × 250 commits, each a real service call (效力变更) with a random pause inside its transaction, so
    commits interleave and some commit late; a reader pages through the feed the whole time."""
    from gongkai.orgs.models import Role
    from tests.disclosures.fixtures import member
    from tests.factories import OrganizationFactory, make_uscc

    # The search index follows each commit through a task; queue those tasks instead of running each inline, so
    # the writers' commits are what is timed and interleaved here.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    call_command("setup", verbosity=0, stdout=io.StringIO())
    from gongkai.catalog.models import Jurisdiction

    luan = Jurisdiction.objects.get(code="341500")
    award_item = item("341500", "construction.award")
    records, reviewers = [], []
    for n in range(WRITERS):
        org = OrganizationFactory(name=f"六安市测试交易中心{n}", kind="trading_centre", jurisdiction=luan,
                                  uscc=make_uscc("12", "341500", random.Random(100 + n)))  # fmt: skip
        pub, rev = member(org, Role.PUBLISHER, f"p{n}"), member(org, Role.REVIEWER, f"r{n}")
        records.append(
            publish_through_services(pub, rev, org, award_item, title=f"并发测试公告{n}", body="正文。")
        )
        reviewers.append(rev)
    start_id = PublicChange.objects.order_by("-id").values_list("id", flat=True).first() or 0
    errors: list[BaseException] = []

    def write(n: int) -> None:
        rng = random.Random(n)
        try:
            for k in range(COMMITS):
                with transaction.atomic():
                    services.change_validity(actor=reviewers[n], disclosure=records[n],
                                             validity=("expired", "valid")[k % 2], reason=f"第{k}次")  # fmt: skip
                    time.sleep(rng.random() * 0.004)  # commit a little later than the change was numbered
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for t in threads:
        t.start()
    seen: list[str] = []
    since = str(start_id)

    def poll() -> None:
        nonlocal since
        body = client.get("/api/changes", {"since": since, "limit": 7, "kind": "disclosure"}).json()
        seen.extend(i["cursor"] for i in body["items"])
        since = body["next"]

    while any(t.is_alive() for t in threads):
        poll()
        time.sleep(0.005)  # a polling client, not a busy loop holding the interpreter from the writers
    for t in threads:
        t.join()
    for _ in range(WRITERS * COMMITS):  # drain what committed after the last poll
        before = len(seen)
        poll()
        if len(seen) == before:
            break

    assert errors == []
    expected = list(
        PublicChange.objects.filter(id__gt=start_id, change="validity_changed").values_list("id", flat=True)
    )
    assert len(expected) == WRITERS * COMMITS
    assert len(seen) == len(set(seen))  # nothing twice
    assert sorted(int(c) for c in seen) == sorted(expected)  # nothing missed
