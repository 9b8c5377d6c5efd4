"""The unified transaction code: ISO 7064 MOD 37-2 against known vectors, tampering detected, issuing codes."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.factories import OrganizationFactory, make_uscc
from tests.helpers.disclosures import member

from gongkai.catalog.models import Domain
from gongkai.core.errors import PermissionDenied
from gongkai.orgs.models import Role
from gongkai.transactions import services
from gongkai.transactions.codes import (
    MOD37_ALPHABET,
    code_problem,
    compose,
    is_valid_code,
    mod37_2_check_char,
    mod37_2_is_valid,
    normalize,
    parse,
)

CENTRE_USCC = "12341500805393446X"  # 六安市公共资源交易中心 in the demo data (valid GB 32100)

# Computed independently with python-stdnum 2.2 (stdnum.iso7064.mod_37_2.calc_check_digit); the first is the
# example in stdnum's documentation.
VECTORS = [
    ("G123489654321", "Y"),
    ("12341500805393446X20260105000001", "P"),
    ("12341500805393446X20260105000002", "N"),
    ("12341500805393446X20260105000054", "*"),
    ("12222404883300161A20250315000001", "3"),
    ("91341500035799107P20261231999999", "A"),
]


@pytest.mark.parametrize(("data", "check"), VECTORS)
def test_mod37_2_matches_known_vectors(data, check):
    assert mod37_2_check_char(data) == check
    assert mod37_2_is_valid(data + check)


def test_check_is_the_iso_formula():
    """Σ of value × 2^i mod 37 from the right (i from 1); the check makes Σ + c ≡ 1 (mod 37)."""
    data = "12341500805393446X20260105000001"
    total = sum(MOD37_ALPHABET.index(c) * pow(2, i, 37) for i, c in enumerate(reversed(data), start=1))
    assert MOD37_ALPHABET.index(mod37_2_check_char(data)) == (38 - total % 37) % 37
    assert (total + MOD37_ALPHABET.index("P")) % 37 == 1


def test_a_valid_code_and_its_parts():
    code = compose(CENTRE_USCC, dt.date(2026, 1, 5), 1)
    assert code == "12341500805393446X20260105000001P"
    assert len(code) == 33
    assert is_valid_code(code)
    assert code_problem(code) is None
    parts = parse(code)
    assert (parts.operator_uscc, parts.issued_on, parts.serial, parts.check) == (
        CENTRE_USCC,
        dt.date(2026, 1, 5),
        1,
        "P",
    )
    assert parts.display == "12341500805393446X-20260105-000001-P"
    assert normalize(parts.display.lower()) == code


def test_every_single_character_change_is_detected():
    code = compose(CENTRE_USCC, dt.date(2026, 1, 5), 54)
    assert code.endswith("*")
    for i in range(33):
        for char in MOD37_ALPHABET:
            if char != code[i]:
                tampered = code[:i] + char + code[i + 1 :]
                assert not mod37_2_is_valid(tampered), (i, char)


def test_adjacent_transpositions_are_detected():
    code = compose(CENTRE_USCC, dt.date(2026, 11, 23), 12345)
    for i in range(32):
        if code[i] != code[i + 1]:
            swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
            assert not mod37_2_is_valid(swapped), i


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("12341500805393446X20260105000001", "应为33位"),
        ("12341500805393446X20260105000001N", "校验码不正确（应为“P”）"),
        ("12341500805393446Y20260105000001P", "统一社会信用代码"),
        ("12341500805393446X20261305000001P", "不是有效日期"),
        ("12341500805393446X20260105000000P", "流水号不能为000000"),
        ("12341500805393446X2026010500000aP", "组成"),
    ],
)
def test_invalid_codes_say_why(code, reason):
    assert reason in code_problem(code)
    assert not is_valid_code(code)


@given(serial=st.integers(1, 999_999), day=st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)))
def test_every_composed_code_is_valid(serial, day):
    code = compose(CENTRE_USCC, day, serial)
    assert is_valid_code(code)
    assert parse(code).serial == serial
    assert parse(code).issued_on == day


def test_codes_are_issued_per_operator_and_day(owner, owner_publisher, centre):
    construction = Domain.objects.get(code="construction")

    def register(day):
        return services.create_transaction(actor=owner_publisher, organization=owner, domain=construction,
                                           title="测试工程", today=day)  # fmt: skip

    first, second = register(dt.date(2026, 3, 2)), register(dt.date(2026, 3, 2))
    next_day = register(dt.date(2026, 3, 3))
    # The jurisdiction's trading centre runs the platform: its code opens every transaction's code.
    assert first.code[:18] == second.code[:18] == centre.uscc == first.operator_uscc
    assert [parse(t.code).serial for t in (first, second, next_day)] == [1, 2, 1]
    assert first.code[18:26] == "20260302"
    assert next_day.code[18:26] == "20260303"
    assert all(is_valid_code(t.code) for t in (first, second, next_day))


def test_without_a_trading_centre_the_registering_body_is_the_operator(db):
    from gongkai.catalog.models import Jurisdiction

    anxi = Jurisdiction.objects.get(code="350524")
    org = OrganizationFactory(name="安溪县某中学（测试）", kind="owner", jurisdiction=anxi,
                              uscc=make_uscc("12", "350524", random.Random(5)))  # fmt: skip
    user = member(org, Role.PUBLISHER, "anxi-pub")
    t = services.create_transaction(actor=user, organization=org, domain=Domain.objects.get(code="procurement"),
                                    title="测试采购", today=dt.date(2026, 4, 1))  # fmt: skip
    assert t.code.startswith(org.uscc)
    assert is_valid_code(t.code)


def test_only_publishers_register(owner, owner_reviewer):
    with pytest.raises(PermissionDenied):
        services.create_transaction(actor=owner_reviewer, organization=owner,
                                    domain=Domain.objects.get(code="construction"), title="测试工程")  # fmt: skip
