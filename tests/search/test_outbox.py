"""The index follows the database through the outbox: publishing, correcting, withdrawing and changing validity
through the services are searchable as soon as their transaction commits."""

from __future__ import annotations

import io

from django.core.management import call_command

from gongkai.disclosures import services as disclosures
from gongkai.search import index as ix
from gongkai.search import services, tasks
from gongkai.search.models import SearchOutbox
from gongkai.search.receivers import process_after_commit
from gongkai.search.services import SearchQuery
from gongkai.search.tasks import process_search_outbox
from tests.helpers.disclosures import TODAY, draft, to_approved


def found(q: str, **filters) -> list[services.Hit]:
    return services.search(SearchQuery(q=q, **filters), today=TODAY).hits


def publish(publisher, reviewer, centre, award_item, capture, **overrides):
    d = to_approved(draft(publisher, centre, award_item, **overrides), publisher, reviewer)
    with capture(execute=True):
        return disclosures.publish(actor=publisher, disclosure=d, today=TODAY)


def test_published_corrected_withdrawn_and_revalued_records_are_searchable_after_commit(
    empty_index, publisher, reviewer, centre, award_item, django_capture_on_commit_callbacks
):
    assert found("老旧小区") == []
    d = publish(publisher, reviewer, centre, award_item, django_capture_on_commit_callbacks)
    [hit] = found("老旧小区")
    assert (hit.id, hit.withdrawn, hit.index_no) == (d.pk, False, d.index_no)
    assert [h.id for h in found("华为技术")] == [d.pk]  # the winner, a structured field
    assert not SearchOutbox.objects.pending().exists()

    revision = disclosures.propose_correction(
        actor=publisher,
        disclosure=d,
        data={"title": "六安市城区2026年棚户区改造工程施工中标结果公告"},
        reason="项目名称有误",
    )
    with django_capture_on_commit_callbacks(execute=True):
        disclosures.decide_correction(actor=reviewer, revision=revision, approve=True)
    assert [h.title for h in found("棚户区")] == ["六安市城区2026年棚户区改造工程施工中标结果公告"]
    assert found("老旧小区", per_page=5)[0].id == d.pk  # still in the structured project name
    assert "老旧小区" not in found("棚户区")[0].title

    with django_capture_on_commit_callbacks(execute=True):
        disclosures.change_validity(actor=reviewer, disclosure=d, validity="repealed", reason="已废止")
    assert [h.id for h in found("棚户区", validity="repealed")] == [d.pk]
    assert found("棚户区", validity="valid") == []

    with django_capture_on_commit_callbacks(execute=True):
        disclosures.withdraw(actor=reviewer, disclosure=d, reason="重复发布")
    [hit] = found("棚户区")
    assert hit.withdrawn is True
    assert [h.id for h in found("棚户区", state="withdrawn")] == [d.pk]
    assert found("棚户区", state="published") == []
    actions = list(SearchOutbox.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["published", "corrected", "validity", "withdrawn"]
    assert not SearchOutbox.objects.pending().exists()


def test_nothing_is_indexed_before_the_transaction_commits(
    empty_index, publisher, reviewer, centre, award_item, django_capture_on_commit_callbacks
):
    d = to_approved(draft(publisher, centre, award_item), publisher, reviewer)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        disclosures.publish(actor=publisher, disclosure=d, today=TODAY)
    ours = [c for c in callbacks if c is process_after_commit]
    assert len(ours) == 1
    assert SearchOutbox.objects.pending().count() == 1  # written in the publishing transaction
    assert found("老旧小区") == []
    ours[0]()
    assert [h.id for h in found("老旧小区")] == [d.pk]


def test_a_busy_writer_leaves_rows_pending_for_the_task_and_the_command(
    empty_index, publisher, reviewer, centre, award_item, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(tasks, "TASK_WAIT", 0.0)  # the immediate backend runs the queued task inline
    index = ix.get_index()
    with ix.writer(index, wait=0):  # another process is writing
        d = publish(publisher, reviewer, centre, award_item, django_capture_on_commit_callbacks)
        assert SearchOutbox.objects.pending().count() == 1
        assert services.drain_outbox(wait=0).busy
        assert process_search_outbox.call() == 0
    assert found("老旧小区") == []
    assert process_search_outbox.call() == 1
    assert [h.id for h in found("老旧小区")] == [d.pk]

    services.index_disclosures([d.pk])  # idempotent: delete, then add from the database
    assert [h.id for h in found("老旧小区")] == [d.pk]
    SearchOutbox.objects.create(disclosure_id=d.pk, action="published")
    out = io.StringIO()
    call_command("search", "process", stdout=out)
    assert "已处理 1 条待办" in out.getvalue()
    assert [h.id for h in found("老旧小区")] == [d.pk]


def test_a_record_that_is_no_longer_public_leaves_the_index(
    empty_index, publisher, reviewer, centre, award_item, django_capture_on_commit_callbacks
):
    d = publish(publisher, reviewer, centre, award_item, django_capture_on_commit_callbacks)
    assert found("老旧小区")
    type(d).objects.filter(pk=d.pk).update(state="draft")  # e.g. data repaired by hand
    assert services.index_disclosures([d.pk]) == 0
    assert found("老旧小区") == []
