"""Exact lookups, rebuilding (after losing the index, after a schema change) and the `gongkai search` command."""

from __future__ import annotations

import dataclasses
import io
import shutil

import pytest
from django.core.management import call_command

from gongkai.disclosures.models import Disclosure, Revision
from gongkai.search import index as ix
from gongkai.search import services
from gongkai.search.models import SearchOutbox
from gongkai.search.services import SearchQuery, SearchUnavailable
from tests.helpers.search import TODAY


@pytest.fixture
def decoys(corpus):
    """Two records that mention another record's index and document numbers many times (title and body), so
    they outrank it on relevance, and are newer, so they outrank it on date."""
    target = next(r for r in corpus if r.doc_no == "六政办〔2018〕55号")
    newest = max(r.published_at for r in corpus)
    out = []
    for i in range(2):
        d = Disclosure.objects.get(pk=corpus[i + 1].id)
        text = f"关于{target.index_no}和六政办〔2018〕55号的说明 " * 3
        content = {**d.revisions.get().content, "title": text, "body": text * 5, "doc_no": ""}
        Revision.objects.filter(disclosure=d).update(content=content)
        Disclosure.objects.filter(pk=d.pk).update(published_at=newest.replace(year=newest.year + 1))
        out.append(d.pk)
    services.index_disclosures(out)
    return target, out


def test_an_index_number_finds_its_record_first(decoys):
    target, others = decoys
    for sort in ("relevance", "date"):
        result = services.search(SearchQuery(q=target.index_no, sort=sort))
        assert result.hits[0].id == target.id  # the exact lookup first, although the decoys outrank it
        assert {h.id for h in result.hits[1:3]} == set(others)
        assert set(others) <= {h.id for h in result.hits}
        assert result.count == len(services.substring_scan(target.index_no))
    # typed in lower case, with spaces around, still exact
    assert services.search(SearchQuery(q=f"  {target.index_no.lower()} ")).hits[0].id == target.id
    # without the lookup, the decoys would win on relevance
    part = target.index_no[:-1]
    assert services.search(SearchQuery(q=part)).hits[0].id in others


def test_a_document_number_lists_its_records_first(decoys, corpus):
    target, others = decoys
    numbered = {r.id for r in corpus if r.doc_no == "六政办〔2018〕55号"} - set(others)
    result = services.search(SearchQuery(q="六政办〔2018〕55号", sort="date", per_page=100))
    ids = [h.id for h in result.hits]
    assert set(ids[: len(numbered)]) == numbered
    assert set(others) <= set(ids[len(numbered) :])
    assert result.count == len(set(ids)) == len(services.substring_scan("六政办〔2018〕55号"))
    # paging across the boundary between exact and other hits loses and repeats nothing
    paged = []
    for page in range(1, 30):
        paged += [
            h.id
            for h in services.search(
                SearchQuery(q="六政办〔2018〕55号", sort="date", per_page=3, page=page)
            ).hits
        ]
    assert paged == ids


def snapshot(queries):
    """Results as a rebuild must reproduce them: every page; by date in order, by relevance each record with
    its score (records of equal score come in index order, which a rebuild may change)."""
    out = []
    for q in queries:
        for sort in ("relevance", "date"):
            hits, page = [], 1
            while True:
                r = services.search(SearchQuery(q=q, sort=sort, per_page=100, page=page), today=TODAY)
                hits += [(round(h.score, 3), h.id, h.snippet, h.withdrawn, h.title) for h in r.hits]
                if len(r.hits) < 100:
                    break
                page += 1
            if sort == "relevance":
                hits.sort(key=lambda h: (-h[0], h[1]))
            out.append((q, sort, hits, r.count, r.facets))
    return out


QUERIES = ["软件", "中标候选人", "华为", "六政办〔2018〕55号", "x200", "局", ""]


def test_rebuild_after_losing_the_index_restores_identical_results(corpus):
    before = snapshot(QUERIES)
    shutil.rmtree(ix.index_dir())
    lost = services.search(SearchQuery(q="软件"))  # the database answers, not an empty index
    assert lost.fallback is True
    assert lost.count == len(services.substring_scan("软件")) > 0
    out = io.StringIO()
    call_command("search", "rebuild", "--batch", "37", stdout=out)
    assert f"重建完成：{len(corpus)} 条记录" in out.getvalue()
    assert snapshot(QUERIES) == before


def test_an_index_of_another_schema_version_needs_a_rebuild(corpus):
    before = snapshot(QUERIES[:2])
    (ix.index_dir() / ix.VERSION_FILE).write_text("gongkai-search 0\n")
    assert services.search(SearchQuery(q="软件")).fallback is True  # answered from the database meanwhile
    with pytest.raises(SearchUnavailable):
        services.index_disclosures([corpus[0].id])
    assert services.drain_outbox(wait=0).processed == 0  # rows stay pending, nothing is written
    status = io.StringIO()
    call_command("search", "status", stdout=status)
    assert "需要重建" in status.getvalue()
    assert services.rebuild(batch=50) == len(corpus)
    assert snapshot(QUERIES[:2]) == before


def test_rebuild_applies_changes_that_wait_in_the_outbox(corpus):
    record = next(r for r in corpus if r.state == "published")
    Disclosure.objects.filter(pk=record.id).update(state="withdrawn")
    SearchOutbox.objects.create(disclosure_id=record.id, action="withdrawn")
    assert services.status()["pending"] == 1
    services.rebuild()
    assert not SearchOutbox.objects.pending().exists()
    assert services.search(SearchQuery(q=record.index_no)).hits[0].withdrawn is True


def test_status_reports_the_index_and_the_backlog(corpus):
    out = io.StringIO()
    call_command("search", "status", stdout=out)
    text = out.getvalue()
    assert f"索引记录：{len(corpus)}" in text
    assert f"数据库公开记录：{len(corpus)}" in text
    assert "待处理：0" in text
    s = services.status()
    assert s["documents"] == s["public_records"] == len(corpus)
    assert s["problem"] is None


def test_search_query_defaults_list_everything_by_date(corpus):
    result = services.search(SearchQuery())
    assert result.count == len(corpus)
    assert len(result.hits) == 20
    assert dataclasses.asdict(result.hits[0])["url"].startswith("/disclosures/")
