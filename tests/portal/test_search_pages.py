"""The search page and the search API over the tantivy index."""

from __future__ import annotations

import re

from gongkai.exchange.search_api import SearchOut


def hit_titles(html: str) -> list[str]:
    return re.findall(r'<li class="hit">\s*<h3><a href="[^"]+">([^<]+)</a>', html)


def test_a_two_character_word_matches_as_a_substring(client, search_corpus):
    html = client.get("/search/", {"q": "采购"}).content.decode()
    titles = hit_titles(html)
    assert sorted(titles) == sorted([search_corpus[k].title for k in ("procurement", "old", "hospital")])
    assert "<mark>采购</mark>" in html
    assert '找到 <span class="count">3</span> 条' in html


def test_part_of_a_word_is_found(client, search_corpus):
    titles = hit_titles(client.get("/search/", {"q": "软件"}).content.decode())
    assert titles == [search_corpus["software"].title]  # 软件 in 软件开发


def test_a_phrase_and_filters_and_facets(client, search_corpus):
    html = client.get("/search/", {"q": "中标结果公告"}).content.decode()
    assert len(hit_titles(html)) == 3
    assert re.search(r"工程建设项目招标投标</a> <span class=\"facet-count\">3</span>", html)
    narrowed = client.get("/search/", {"q": "公告", "domain": "medical"}).content.decode()
    assert sorted(hit_titles(narrowed)) == sorted(
        [search_corpus["procurement"].title, search_corpus["hospital"].title]
    )
    by_date = client.get(
        "/search/", {"q": "公告", "date_from": "2025-01-01", "date_to": "2025-12-31"}
    ).content.decode()
    assert hit_titles(by_date) == [search_corpus["old"].title]


def test_exact_index_number_lookup(client, search_corpus):
    record = search_corpus["roads"]
    assert hit_titles(client.get("/search/", {"q": record.index_no}).content.decode())[0] == record.title


def test_the_search_api(client, search_corpus):
    body = client.get("/api/search", {"q": "采购", "sort": "date"}).json()
    SearchOut.model_validate(body)  # the directly serialised body is what the OpenAPI schema documents
    assert set(body) == set(SearchOut.model_fields)
    assert body["count"] == 3
    first = body["items"][0]
    assert set(first) >= {"title", "url", "snippet", "published_on"}
    assert first["url"].startswith("/disclosures/")
    assert "<mark>" in first["snippet"]
    assert {f["label"]: f["count"] for f in body["facets"]["domain"]} == {
        "药品和医用耗材医用设备采购": 2,
        "工程建设项目招标投标": 1,
    }
    dated = [i["published_on"] for i in body["items"]]
    assert dated == sorted(dated, reverse=True)
    assert client.get("/api/search", {"date_preset": "nonsense"}).status_code == 400
