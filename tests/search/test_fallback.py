"""With the index missing, incomplete or lagging, search answers from the database (search/fallback.py) with
the results the index would give, staff are told, and the public page says so politely."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from gongkai.search import fallback, health, services
from gongkai.search import index as ix
from gongkai.search.models import SearchOutbox
from gongkai.search.services import SearchQuery
from tests.search.corpus import TODAY

CASES = [
    {"q": "软件"},
    {"q": "中标候选人", "domain": "construction"},
    {"q": "有限公司", "jurisdiction": "350000"},
    {"q": "华为", "validity": "valid", "state": "published"},
    {"q": "x200"},
    {"q": "局", "stage": "award"},
    {"q": "", "date_preset": "3m"},
    {"q": "采购", "date_from": dt.date(2025, 1, 1), "date_to": dt.date(2025, 12, 31)},
    {"q": "六政办〔2018〕55号"},
]


def every_page(query: SearchQuery, reader) -> tuple[list[int], int, dict]:
    ids, page = [], 1
    while True:
        r = reader(SearchQuery(**{**query.__dict__, "page": page, "per_page": 50}))
        ids += [h.id for h in r.hits]
        if len(r.hits) < 50:
            return ids, r.count, r.facets
        page += 1


def by_index(query):
    return services.search(query, today=TODAY)


def by_database(query):
    terms = services.parse_terms(query.q)
    return fallback.search(query, terms, today=TODAY, page=query.page, per_page=query.per_page, started=0.0)


@pytest.mark.parametrize("case", CASES, ids=[str(c) for c in CASES])
def test_the_database_reader_finds_what_the_index_finds_in_the_same_order(corpus, case):
    query = SearchQuery(**case, sort="date")
    assert health.check_index().ok
    index_ids, index_count, index_facets = every_page(query, by_index)
    db_ids, db_count, db_facets = every_page(query, by_database)
    assert db_count == index_count
    assert db_ids == index_ids
    for name in services.FACETS:
        assert {(f.value, f.count) for f in db_facets[name]} == {
            (f.value, f.count) for f in index_facets[name]
        }


def test_a_lost_index_directory_is_answered_from_the_database(corpus):
    expected = every_page(SearchQuery(q="软件", sort="date"), by_index)
    shutil.rmtree(ix.index_dir())
    assert health.check_index().problem == "missing"
    result = services.search(SearchQuery(q="软件", sort="date"), today=TODAY)
    assert result.fallback is True
    assert every_page(SearchQuery(q="软件", sort="date"), by_index)[:2] == expected[:2]
    assert not ix.index_dir().exists()  # searching does not create an empty index that would hide the loss
    services.rebuild()
    assert services.search(SearchQuery(q="软件")).fallback is False


def test_an_index_recreated_empty_is_seen_as_incomplete(corpus):
    shutil.rmtree(ix.index_dir())
    services.process_outbox()  # the next commit's drain creates an empty index
    state = health.check_index()
    assert state.problem == "incomplete"
    assert state.documents == 0
    assert state.public_records == len({r.id for r in corpus if r.public})
    assert services.search(SearchQuery(q="软件")).fallback is True


def test_an_index_lagging_behind_the_outbox_is_stale(corpus, settings):
    settings.SEARCH_INDEX_MAX_LAG = 60
    row = SearchOutbox.objects.create(disclosure_id=corpus[0].id, action="corrected")
    assert health.check_index().ok  # a fresh row is in flight
    SearchOutbox.objects.filter(pk=row.pk).update(created_at=row.created_at - dt.timedelta(seconds=61))
    assert health.check_index().problem == "lagging"
    health.forget_health()
    assert services.search(SearchQuery(q="软件")).fallback is True


def test_the_public_page_says_so_and_still_lists_the_records(client, corpus):
    shutil.rmtree(ix.index_dir())
    page = client.get("/search/", {"q": "软件", "sort": "date"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "检索服务正在维护" in text
    assert f'<span class="count">{len(services.substring_scan("软件"))}</span>' in text
    services.rebuild()
    assert "检索服务正在维护" not in client.get("/search/", {"q": "软件"}).content.decode()
