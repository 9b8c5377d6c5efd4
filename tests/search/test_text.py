"""Normalisation, the bigram stream, query terms and snippets, without an index."""

from __future__ import annotations

import pytest

from gongkai.search.text import (
    END,
    SEPARATOR,
    bigrams,
    exact_key,
    highlight,
    normalize,
    parse_terms,
    phrase_words,
    token_stream,
)


def test_normalize_folds_width_and_case_and_unifies_spaces():
    assert normalize("ＡＢＣ－１２３（一）") == "abc-123(一)"
    assert normalize("Model\u3000X200\n软件") == "model x200 软件"
    assert normalize(SEPARATOR + END) == "\ufffd\ufffd"  # the index's markers cannot come from text


def test_every_character_starts_one_token():
    assert bigrams("软件开发").split() == ["软件", "件开", "开发", "发" + END]
    assert bigrams("a b").split() == ["a\ue000", "\ue000b", "b" + END]
    assert bigrams("") == ""
    assert token_stream(["六安", "", "ab"]).split() == ["六安", "安" + END, SEPARATOR, "ab", "b" + END]


@pytest.mark.parametrize(
    ("term", "words"),
    [
        ("软件", [(0, "软件")]),
        ("软件开发", [(0, "软件"), (2, "开发")]),
        ("中标候选人", [(0, "中标"), (2, "候选"), (3, "选人")]),
        ("a b", [(0, "a\ue000"), (1, "\ue000b")]),
    ],
)
def test_a_term_is_pinned_by_every_other_bigram_and_the_last(term, words):
    assert phrase_words(term) == words


@pytest.mark.parametrize(
    ("term", "rarest", "offsets"),
    [
        ("11341500mb/202609-00001", 10, [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 21]),
        ("11341500mb/202609-00001", 9, [0, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21]),
        ("中标候选人", 1, [0, 1, 3]),
        ("中标候选人", 3, [0, 1, 3]),
    ],
)
def test_a_term_can_be_anchored_on_its_rarest_bigram(term, rarest, offsets):
    words = phrase_words(term, rarest)
    assert [o for o, _w in words] == offsets
    covered = {o + i for o, _w in words for i in (0, 1)}
    assert covered == set(range(len(term)))


def test_query_terms_split_on_spaces_and_keep_quoted_phrases_whole():
    assert parse_terms('软件  六安 "Tencent Cloud" “中标 结果” 软件') == [
        "tencent cloud",
        "中标 结果",
        "软件",
        "六安",
    ]
    assert parse_terms("ＡＢＣ") == ["abc"]
    assert parse_terms('"软件 开发') == ["软件", "开发"]  # an unbalanced quote is dropped
    assert parse_terms("   ") == []
    assert exact_key(" “六政办〔2018〕55号” ") == "六政办〔2018〕55号"


def test_snippet_marks_matches_and_escapes_everything_else():
    text = "<script>alert(1)</script> 关于软件开发项目的公告 & 附件：软件清单"
    html = highlight(text, ["软件"])
    assert "<mark>软件</mark>开发" in html
    assert "<mark>软件</mark>清单" in html
    assert "&lt;script&gt;" in html
    assert "<script>" not in html
    assert "&amp;" in html


def test_snippet_maps_folded_matches_back_to_the_original_characters():
    assert highlight("型号：ＡＢＣ－１２３，数量2", ["abc-123"]) == "型号：<mark>ＡＢＣ－１２３</mark>，数量2"
    # A character that folds to several (㈱ → "(株)") keeps the offsets of everything after it right.
    assert highlight("㈱公司 ABC 有限", ["abc"]) == "㈱公司 <mark>ABC</mark> 有限"


def test_snippet_is_a_window_around_the_first_match():
    text = "前" * 300 + "软件开发" + "后" * 300
    html = highlight(text, ["软件开发"])
    assert html.startswith("…")
    assert html.endswith("…")
    plain = html.replace("<mark>", "").replace("</mark>", "").strip("…")
    assert len(plain) == 120
    assert plain.index("软件开发") == 30
    assert highlight("毫不相干", ["软件"]) is None
