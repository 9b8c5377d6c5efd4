"""Property tests of every parser of identifiers and query values: for any text at all they answer (a reason, a
bool, None) and never raise; what they accept is what they were meant to accept."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from gongkai.core.codes import (
    USCC_CHARS,
    is_valid_phone,
    is_valid_resident_id,
    is_valid_uscc,
    org_check_char,
    uscc_check_char,
    uscc_problem,
)
from gongkai.core.params import FIRST_DAY, LAST_DAY, MAX_ID, clean_text, parse_date, parse_int
from gongkai.transactions import codes as transaction_codes

# Text as hostile clients send it: any Unicode (other digits, superscripts, ß whose capital is two letters,
# control characters), and text shaped like the identifier so the deeper branches are reached.
ANY_TEXT = st.text(max_size=40)
DIGITISH = st.text(alphabet="0123456789²³¹١٢٣０１２Xxß \x00-", min_size=15, max_size=20)


def resident_id(body17: str) -> str:
    total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(body17))
    return body17 + "10X98765432"[total % 11]


@given(st.one_of(ANY_TEXT, DIGITISH, st.text(alphabet=USCC_CHARS + "IOSVZ²١", min_size=18, max_size=18)))
@example("91340000MA2NX6WK3²")
@example("ß" * 17 + "1")
def test_the_credit_code_parser_answers_any_text(text):
    problem = uscc_problem(text)
    assert problem is None or isinstance(problem, str) and "统一社会信用代码" in problem
    assert is_valid_uscc(text) == (problem is None)


@given(
    st.text(alphabet="0123456789", min_size=8, max_size=8),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
)
def test_a_credit_code_with_its_check_characters_is_accepted(body, region):
    code17 = "91" + region + body + org_check_char(body)
    assert is_valid_uscc(code17 + uscc_check_char(code17))


@given(st.one_of(ANY_TEXT, DIGITISH))
@example("²" * 17 + "1")
@example("11010519491231002²")
@example("1101051949123100ß")
@example("²10105194912310021")
@example("１１0105194912310021")
def test_the_resident_id_parser_answers_any_text(text):
    assert is_valid_resident_id(text) in (True, False)


@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
    st.integers(0, 999),
    st.sampled_from(["110105", "341502"]),
)
def test_a_resident_id_with_its_check_character_is_accepted_and_a_changed_one_is_not(born, serial, region):
    number = resident_id(f"{region}{born:%Y%m%d}{serial:03d}")
    assert is_valid_resident_id(number)
    assert is_valid_resident_id(number.lower())
    wrong = "0" if number[-1] != "0" else "1"
    assert not is_valid_resident_id(number[:-1] + wrong)


@given(st.one_of(ANY_TEXT, st.text(alphabet="0123456789+-() 转abc²", max_size=45)))
@example("abc")
@example("-----")
def test_the_phone_parser_wants_digits(text):
    valid = is_valid_phone(text)
    if valid:
        assert sum(ch in "0123456789" for ch in text) >= 5
        assert set(text) <= set("0123456789+-() ")


@given(
    st.one_of(
        ANY_TEXT, st.text(alphabet="0123456789-－— _ABCDEFGHJKLMNPQRTUWXYabc²", min_size=30, max_size=40)
    )
)
@example("91340000MA2NX6WK3X-20250101-000001-²")
def test_the_transaction_code_parser_answers_any_text(text):
    problem = transaction_codes.code_problem(text)
    assert (
        problem is None
        or "统一交易标识码" in problem
        or "校验" in problem
        or "日期" in problem
        or "流水号" in problem
    )
    if problem is None:
        parts = transaction_codes.parse(text)
        assert (
            transaction_codes.compose(parts.operator_uscc, parts.issued_on, parts.serial)[-1] == parts.check
        )


@given(st.one_of(st.none(), ANY_TEXT, st.integers().map(str), st.floats().map(str)))
@example("9223372036854775808")
@example("²")
@example("١٢")
def test_parse_int_is_none_or_in_range(text):
    value = parse_int(text)
    assert value is None or 1 <= value <= MAX_ID
    if value is not None:
        assert str(value) == text.strip().lstrip("0") or int(text.strip()) == value


@given(st.one_of(st.none(), ANY_TEXT, st.dates().map(dt.date.isoformat)))
@example("9999-12-31")
@example("0001-01-01")
@example("2025-02-30")
@example("20250101")
def test_parse_date_is_none_or_a_date_in_range(text):
    value = parse_date(text)
    assert value is None or FIRST_DAY <= value <= LAST_DAY
    if value is not None:
        assert value.isoformat() == text.strip()


@given(st.one_of(st.none(), st.text()), st.integers(0, 300))
def test_clean_text_has_no_control_characters(text, limit):
    cleaned = clean_text(text, limit)
    assert len(cleaned) <= limit
    assert not any(ord(ch) < 32 and ch not in "\t\n\r" for ch in cleaned)
    assert "\x00" not in cleaned
    assert "\x7f" not in cleaned
