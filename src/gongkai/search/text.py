"""Text handling for search: normalisation, the bigram token stream, query terms and highlighted snippets.

Every searchable value is normalised character by character (NFKC, then case-folded; any whitespace becomes one
space), then written as the stream of its overlapping character bigrams — one token per character position, the
last character paired with an end marker — separated by spaces for tantivy's whitespace tokenizer. A query term
of two or more characters is a phrase of its bigrams at their character offsets, which matches exactly where the
normalised term occurs as a substring of a normalised value; a one-character term matches any token that starts
with it. Values of one field are joined with a separator token, so no match spans two values.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from array import array

SPACE = "\ue000"  # stands for a space inside a token (the tokenizer splits on real spaces)
SEPARATOR = "\ue001"  # a token between two values of one field
END = "\ue002"  # pairs with a value's last character, so every character starts a token
_PRIVATE = {SPACE, SEPARATOR, END}


class _Table(dict):
    """Code point → normalised text, filled lazily; `str.translate` uses it."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char.isspace():
            value = " "
        elif char in _PRIVATE:
            value = "\ufffd"
        else:
            value = unicodedata.normalize("NFKC", char).casefold()
            if any(c.isspace() for c in value):
                value = re.sub(r"\s", " ", value)
        self[code] = value
        return value


_TABLE = _Table()


def normalize(text: str) -> str:
    """The form both the index and the reference scan compare: per character NFKC + casefold, spaces unified.

    Per character (not per string) so that offsets map back to the original text for highlighting."""
    return text.translate(_TABLE)


def bigrams(normalized: str) -> str:
    """The token stream of one normalised value: its overlapping bigrams, the last character with END."""
    if not normalized:
        return ""
    chars = array("I", (normalized.replace(" ", SPACE) + END).encode("utf-32-le"))
    n = len(chars) - 1
    out = array("I", bytes(12 * n))
    out[0::3] = chars[:-1]
    out[1::3] = chars[1:]
    out[2::3] = _spaces(n)
    return out.tobytes().decode("utf-32-le")


_SPACES: dict[int, array] = {}


def _spaces(n: int) -> array:
    block = _SPACES.get(n)
    if block is None:
        block = array("I", [32]) * n
        if n <= 4096:
            _SPACES[n] = block
    return block


def token_stream(values: list[str]) -> str:
    """The text for one tantivy field holding several values (each normalised here)."""
    parts = [bigrams(normalize(v)) for v in values if v]
    return f" {SEPARATOR} ".join(p for p in parts if p)


def phrase_words(term: str, rarest: int | None = None) -> list[tuple[int, str]]:
    """(offset, bigram) pairs that pin a normalised term of 2+ characters: a cover of its characters by as few
    bigrams as possible, including the one at offset `rarest` (the rarest in the index drives the
    intersection; the others only confirm), else every other bigram and the last.

    Consecutive positions stand for consecutive characters, so bigrams at their offsets match exactly the same
    places as all of them would, with fewer postings to intersect."""
    t = term.replace(" ", SPACE)
    last = len(t) - 2
    anchor = 0 if rarest is None else max(0, min(rarest, last))
    offsets = {anchor}
    o = anchor - 2
    while o > 0:
        offsets.add(o)
        o -= 2
    if min(offsets) > 0:
        offsets.add(0)
    o = anchor + 2
    while o < last:
        offsets.add(o)
        o += 2
    if max(offsets) < last:
        offsets.add(last)
    return [(o, t[o : o + 2]) for o in sorted(offsets)]


def all_bigrams(term: str) -> list[str]:
    t = term.replace(" ", SPACE)
    return [t[o : o + 2] for o in range(len(t) - 1)]


def unigram_pattern(char: str) -> str:
    """A tantivy regex for the tokens starting with one character (a one-character query term)."""
    return f"\\x{{{ord(char):X}}}."


_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」')
_STRAY_QUOTES = re.compile(r'["“”「」]')


def parse_terms(q: str) -> list[str]:
    """Normalised query terms: quoted phrases ("…", “…”, 「…」) whole, the rest split on whitespace; no duplicates."""
    terms: list[str] = []
    rest: list[str] = []
    pos = 0
    for m in _QUOTED.finditer(q or ""):
        rest.append(q[pos : m.start()])
        phrase = next(g for g in m.groups() if g is not None)
        terms.append(normalize(phrase.strip()))
        pos = m.end()
    rest.append((q or "")[pos:])
    for chunk in rest:
        terms += normalize(_STRAY_QUOTES.sub(" ", chunk)).split()
    out: list[str] = []
    for t in terms:
        if t and t not in out:
            out.append(t)
    return out


def exact_key(q: str) -> str:
    """The whole query as one normalised value, compared with index and document numbers as they are."""
    return normalize((q or "").strip().strip('"“”「」').strip())


def contains_all(values: list[str], terms: list[str]) -> bool:
    """The reference semantics: every term is a substring of some normalised value."""
    normalized = [normalize(v) for v in values if v]
    return all(any(t in v for v in normalized) for t in terms)


# --- snippets ----------------------------------------------------------------------------------------------

SNIPPET_CHARS = 120
_CONTEXT_BEFORE = 30
_WS = re.compile(r"\s+")


def _char_pattern(c: str) -> str:
    """The characters of an original text that fold to the query character `c` (case, full width, spaces)."""
    if c == " ":
        return r"\s"
    if "!" <= c <= "~":
        variants = {c, c.upper(), chr(ord(c) + 0xFEE0), chr(ord(c.upper()) + 0xFEE0)}
        return "[" + "".join(re.escape(v) for v in sorted(variants)) + "]"
    return re.escape(c)


@functools.lru_cache(maxsize=256)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern:
    alternatives = sorted(terms, key=len, reverse=True)
    return re.compile("|".join("".join(_char_pattern(c) for c in t) for t in alternatives), re.IGNORECASE)


def highlight(text: str, terms: list[str], *, width: int = SNIPPET_CHARS) -> str | None:
    """An HTML excerpt of about `width` characters around the first match, matches in <mark>; None if no match.

    Matches are found in the original text by a pattern that folds case, full-width forms and spaces, so no
    normalised copy (and no offset map) is needed: a long body costs one regular-expression scan. Rarer
    compatibility forms (㈱, ligatures) that the index folds are not marked."""
    if not text or not terms:
        return None
    pattern = _terms_pattern(tuple(terms))
    first = pattern.search(text)
    if first is None:
        return None
    start = max(0, min(first.start() - _CONTEXT_BEFORE, len(text) - width))
    end = min(len(text), max(start + width, first.end()))
    spans = [m.span() for m in pattern.finditer(text, start, end) if m.end() > m.start()]
    if not spans or spans[0][0] > first.start():  # a match cut by the window's start
        spans.insert(0, first.span())
    return _render(text, start, end, spans)


def excerpt(text: str, *, width: int = SNIPPET_CHARS) -> str:
    """The beginning of a text as escaped HTML (no match to show)."""
    return _render(text or "", 0, min(len(text or ""), width), [])


def _render(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """The window [start, end) as escaped HTML with the spans in <mark>: the marks go in as control characters
    that neither escaping nor whitespace folding touches, so the window is escaped in one pass."""
    pieces = []
    pos = start
    for s, e in spans:
        if e <= pos or s >= end:
            continue
        s, e = max(s, pos), min(e, end)
        pieces += (text[pos:s], _OPEN, text[s:e], _CLOSE)
        pos = e
    pieces.append(text[pos:end])
    raw = "".join(pieces)
    if _OPEN in text or _CLOSE in text:  # never in real text; keep the marks unambiguous anyway
        raw = "".join(p if p in (_OPEN, _CLOSE) else p.replace(_OPEN, "").replace(_CLOSE, "") for p in pieces)
    body = _plain(raw).replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


_OPEN, _CLOSE = "\x02", "\x03"


def _plain(segment: str) -> str:
    return html.escape(_WS.sub(" ", segment))
