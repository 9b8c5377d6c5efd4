"""Search finds exactly what a substring scan finds: every term of two or more characters matches as a
substring, whatever the word boundaries (软件 finds 软件开发), in titles, bodies, numbers, organization names
and structured field values; drafts never appear."""

from __future__ import annotations

from gongkai.search import services
from gongkai.search.services import SearchQuery
from gongkai.search.text import parse_terms
from tests.helpers.search import all_ids, scan

QUERIES = [
    # Chinese words, parts of words, phrases
    "软件",
    "软件开发",
    "件开",
    "开发",
    "中标",
    "中标候选人",
    "候选",
    "中标结果公告",
    "老旧小区改造工程施工",
    "改造 施工",
    "软件 六安",
    "软件 华为 有限",
    "软 件",  # two one-character terms
    '"软 件"',  # the phrase with its space: only the text that has it
    "根据《中华人民共和国招标投标法》",
    # document numbers and their parts
    "六政办〔2018〕55号",
    "〔2018〕",
    "55号",
    "2018",
    "皖财购",
    # index-number fragments
    "/2026",
    "202609-",
    "-0001",
    "00012",
    # organizations and parties (structured fields)
    "财政局",
    "六安市财政局",
    "公共资源交易中心",
    "华为",
    "华为技术有限公司",
    "安徽软件开发有限公司",
    "茶业集团",
    # ASCII, case and width folded
    "model",
    "X200",
    "x200 model",
    "abc-123",
    "ＡＢＣ",
    "tencent cloud",
    '"tencent cloud"',
    "co., ltd.",
    "la-2026-01",
    "0564-3371234",
    # punctuation and markup in text
    "<采购需求>",
    "&",
    # single characters (unigrams)
    "局",
    "x",
    # nothing
    "不存在的词语",
    "软件开发区",
]


def test_results_equal_a_substring_scan(corpus):
    wrong = {}
    for q in QUERIES:
        expected = services.substring_scan(q)
        ids = all_ids(q)
        count = services.search(SearchQuery(q=q)).count
        if len(ids) != len(set(ids)) or set(ids) != expected or count != len(expected):
            wrong[q] = {"missing": expected - set(ids), "extra": set(ids) - expected, "count": count}
    assert wrong == {}


def test_the_reference_scan_agrees_with_the_generated_text_and_is_not_vacuous(corpus):
    counts = {}
    for q in QUERIES:
        expected = services.substring_scan(q)
        assert expected == scan(corpus, parse_terms(q)), q
        counts[q] = len(expected)
    assert counts["不存在的词语"] == counts["软件开发区"] == 0
    assert 0 < counts["软件开发"] < counts["软件"] < len(corpus)
    assert 0 < counts['"软 件"'] < counts["软 件"]
    assert 0 < counts['"tencent cloud"'] <= counts["tencent cloud"]
    assert sum(1 for c in counts.values() if c) >= len(QUERIES) - 2


def test_drafts_are_never_found(corpus):
    public = {r.id for r in corpus}
    assert set(all_ids("软件")) <= public
    assert set(all_ids("")) == public
