"""Building tantivy queries: full-text terms (substring semantics), exact lookups, filters, date presets."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

import tantivy
from tantivy import Occur, Query

from gongkai.core.errors import DomainError
from gongkai.disclosures.choices import State, Validity
from gongkai.search.index import MATCH_FIELD, SCHEMA
from gongkai.search.text import all_bigrams, phrase_words, unigram_pattern

DATE_PRESETS = {"today": "今天", "3d": "近三天", "10d": "近十天", "1m": "近一个月", "3m": "近三个月"}


class InvalidQuery(DomainError):
    code = "invalid_query"


def _months_back(day: dt.date, months: int) -> dt.date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def preset_range(preset: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The inclusive range of a preset, ending today: "3d" is today and the two days before, "1m" the month
    ending today (from the day after the same date a month earlier), and so on."""
    if preset == "today":
        return today, today
    if preset == "3d":
        return today - dt.timedelta(days=2), today
    if preset == "10d":
        return today - dt.timedelta(days=9), today
    if preset == "1m":
        return _months_back(today, 1) + dt.timedelta(days=1), today
    if preset == "3m":
        return _months_back(today, 3) + dt.timedelta(days=1), today
    raise InvalidQuery(f"日期范围“{preset}”无效，可选：{'、'.join(DATE_PRESETS)}")


def _day(d: dt.date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def term_query(term: str, searcher=None) -> Query:
    """One normalised term anywhere in the searchable text: a bigram phrase anchored on its rarest bigram
    (2+ characters; document frequencies from `searcher`), or a unigram pattern (1 character)."""
    if len(term) == 1:
        return Query.regex_query(SCHEMA, MATCH_FIELD, unigram_pattern(term))
    words = phrase_words(term)
    if searcher is not None and len(term) > 3:
        # Anchor the phrase on a much rarer bigram when the default cover misses it: candidates come from the
        # rarest postings list, so this turns a scan of common bigrams into a few seeks.
        freqs = [searcher.doc_freq(MATCH_FIELD, g) for g in all_bigrams(term)]
        rarest = min(range(len(freqs)), key=freqs.__getitem__)
        if freqs[rarest] * 4 < min(freqs[o] for o, _w in words):
            words = phrase_words(term, rarest)
    if len(words) == 1:
        return Query.term_query(SCHEMA, MATCH_FIELD, words[0][1])
    return Query.phrase_query(SCHEMA, MATCH_FIELD, words)


def text_query(terms: list[str], searcher=None) -> Query | None:
    """Every term (AND), each matching as a substring of some searchable value."""
    if not terms:
        return None
    if len(terms) == 1:
        return term_query(terms[0], searcher)
    return Query.boolean_query([(Occur.Must, term_query(t, searcher)) for t in terms])


def exact_query(key: str) -> Query:
    return Query.boolean_query(
        [
            (Occur.Should, Query.term_query(SCHEMA, "index_raw", key)),
            (Occur.Should, Query.term_query(SCHEMA, "doc_raw", key)),
        ]
    )


@dataclass(frozen=True)
class Filter:
    query: Query
    expr: str  # the same in tantivy's query language (filter aggregations for facets; cache keys)


_SAFE = re.compile(r"[0-9A-Za-z_.\-]{1,80}")


def _code(value: str, label: str) -> str:
    value = str(value).strip()
    if not _SAFE.fullmatch(value):
        raise InvalidQuery(f"{label}“{value}”无效")
    return value


def _keyword(field: str, value: str, label: str) -> Filter:
    value = _code(value, label)
    return Filter(Query.term_query(SCHEMA, field, value), f'{field}:"{value}"')


def _number(field: str, value, label: str) -> Filter:
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise InvalidQuery(f"{label}“{value}”无效") from exc
    return Filter(Query.term_query(SCHEMA, field, number), f"{field}:{number}")


def filters(
    *,
    jurisdiction: str | None,
    domain: str | None,
    item: int | None,
    stage: str | None,
    organization: int | None,
    validity: str | None,
    state: str | None,
    date_preset: str | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    today: dt.date,
) -> dict[str, Filter]:
    """One filter per active criterion, keyed by the facet it narrows (so a facet can be counted without its
    own filter: "jurisdiction", "domain", "organization", "validity", "stage"; the others are "item", "state"
    and "date")."""
    out: dict[str, Filter] = {}
    if jurisdiction:
        out["jurisdiction"] = _keyword("jur_path", jurisdiction, "行政区划")
    if domain:
        out["domain"] = _keyword("domain", domain, "领域")
    if item is not None:
        out["item"] = _number("item", item, "公开事项")
    if stage:
        out["stage"] = _keyword("stage", stage, "环节")
    if organization is not None:
        out["organization"] = _number("org", organization, "发布机构")
    if validity:
        if validity not in Validity.values:
            raise InvalidQuery(f"效力状态“{validity}”无效")
        out["validity"] = _keyword("validity", validity, "效力状态")
    if state:
        if state not in (State.PUBLISHED, State.WITHDRAWN):
            raise InvalidQuery(f"状态“{state}”无效，可选：published、withdrawn")
        out["state"] = _keyword("state", state, "状态")
    lower, upper = date_from, date_to
    if date_preset:
        p_lower, p_upper = preset_range(date_preset, today)
        lower = max(lower, p_lower) if lower else p_lower
        upper = min(upper, p_upper) if upper else p_upper
    if lower or upper:
        low, high = (_day(lower) if lower else None), (_day(upper) if upper else None)
        out["date"] = Filter(
            Query.range_query(SCHEMA, "pub_day", tantivy.FieldType.Integer, low, high),
            f"pub_day:[{low if low else '*'} TO {high if high else '*'}]",
        )
    return out


def combine(main: Query | None, filter_queries, *, exclude: Query | None = None) -> Query:
    """main AND every filter (filters score nothing), optionally AND NOT `exclude`."""
    clauses = [(Occur.Must, main)] if main is not None else []
    clauses += [(Occur.Must, Query.const_score_query(f, 0.0)) for f in filter_queries]
    if exclude is not None:
        if not clauses:
            clauses.append((Occur.Must, Query.all_query()))
        clauses.append((Occur.MustNot, exclude))
    if not clauses:
        return Query.all_query()
    if len(clauses) == 1 and main is not None:
        return main
    return Query.boolean_query(clauses)
