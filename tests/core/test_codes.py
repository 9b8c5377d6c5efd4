"""GB 32100 credit codes and GB 11643 identity numbers, with the real vectors of cn-rules.md §4.4."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.core.codes import USCC_CHARS, is_valid_resident_id, is_valid_uscc, uscc_check_char, uscc_problem


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y43",  # the worked example of GB 32100
        "914403001922038216",  # 华为技术有限公司
        "11341702486344515H",  # 宁国市商务局
        "113417030032499282",  # 孙埠镇人民政府
        "11370812004339255B",  # 兖州区人民政府办公室
        "11100000000013127D",
    ],
)
def test_real_credit_codes_are_valid(code):
    assert is_valid_uscc(code)
    assert is_valid_uscc(code.lower())


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91350100M000100Y4Z", "不允许的字符“Z”"),  # the standard's invalid example
        ("91110108717809965C", "校验位"),  # circulates in mock data, fails the checksum
        ("91110000800088421P", "校验位"),
        ("9135010OM000100Y43", "不允许的字符“O”"),
        ("91350100M000100Y4", "应为18位"),
        ("91ABCDEFM000100Y43", "行政区划代码"),
    ],
)
def test_invalid_credit_codes_say_why(code, reason):
    assert not is_valid_uscc(code)
    assert reason in uscc_problem(code)


@given(st.text(alphabet=USCC_CHARS, min_size=9, max_size=9), st.sampled_from(["11", "12", "91", "92", "51"]))
def test_a_generated_code_with_its_check_character_is_valid_and_any_other_is_not(body, prefix):
    code17 = prefix + "341500" + body
    good = uscc_check_char(code17)
    assert is_valid_uscc(code17 + good)
    for wrong in USCC_CHARS.replace(good, ""):
        assert not is_valid_uscc(code17 + wrong)


@pytest.mark.parametrize(("number", "valid"), [("11010519491231002X", True), ("440524188001010014", True),
                                                ("110105194912310021", False), ("11010519491331002X", False)])  # fmt: skip
def test_resident_identity_numbers(number, valid):
    assert is_valid_resident_id(number) is valid
