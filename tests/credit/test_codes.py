"""Entities are keyed by a valid unified social credit code (GB 32100): real codes from cn-rules §4.4."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.core.codes import USCC_CHARS, is_valid_uscc, uscc_check_char
from gongkai.credit import selectors, services
from gongkai.credit.choices import EntityKind
from gongkai.credit.models import Entity, NameHistory
from gongkai.credit.services import InvalidCreditData

REAL = {
    "91350100M000100Y43": "GB 32100 worked example",
    "914403001922038216": "华为技术有限公司",
    "11341702486344515H": "宁国市商务局",
    "113417030032499282": "孙埠镇人民政府",
    "11370812004339255B": "兖州区人民政府办公室",
    "11100000000013127D": "公安部（未核实）",
}
INVALID = {
    "91350100M000100Y4Z": "the standard's invalid example",
    "91110108717809965C": "mock data that fails the checksum",
    "91110000800088421P": "mock data that fails the checksum",
    "9135010OM000100Y43": "an O where a digit belongs",
    "91350100M000100Y4": "17 characters",
}


@pytest.mark.parametrize("code", REAL)
def test_real_codes_are_valid_and_register(code, publisher):
    assert is_valid_uscc(code)
    entity = services.register_entity(actor=publisher, uscc=code.lower(), name=REAL[code])
    assert entity.uscc == code  # stored upper case
    assert selectors.entity_by_uscc(f" {code.lower()} ") == entity


@pytest.mark.parametrize("code", INVALID)
def test_invalid_codes_are_refused_with_a_reason(code, publisher):
    assert not is_valid_uscc(code)
    with pytest.raises(InvalidCreditData) as exc:
        services.register_entity(actor=publisher, uscc=code, name="某某有限公司")
    assert "统一社会信用代码" in exc.value.message
    assert not Entity.objects.exists()


def test_the_check_character_is_named(publisher):
    with pytest.raises(InvalidCreditData, match="校验位不正确（应为“3”）"):
        services.register_entity(actor=publisher, uscc="91350100M000100Y42", name="某某有限公司")


@given(st.text(alphabet=USCC_CHARS, min_size=8, max_size=8), st.text(alphabet="0123456789", min_size=6, max_size=6),
       st.sampled_from(USCC_CHARS))  # fmt: skip
def test_exactly_one_check_character_fits(body, region, other):
    code17 = "91" + region + body + "0"
    right = uscc_check_char(code17)
    assert is_valid_uscc(code17 + right)
    assert is_valid_uscc(code17 + other) == (other == right)


def test_kind_from_the_code_and_renaming_keeps_the_old_name(publisher):
    shop = services.register_entity(actor=publisher, uscc="92341500MA2N0LXW1Y"[:17] + uscc_check_char("92341500MA2N0LXW1"),
                                     name="金安区老王五金店")  # fmt: skip
    assert shop.kind == EntityKind.INDIVIDUAL_BUSINESS
    entity = services.register_entity(
        actor=publisher, uscc="914403001922038216", name="深圳市华为技术有限公司"
    )
    assert entity.kind == EntityKind.LEGAL_PERSON
    services.register_entity(actor=publisher, uscc="914403001922038216", name="华为技术有限公司")
    entity.refresh_from_db()
    assert entity.name == "华为技术有限公司"
    assert list(NameHistory.objects.filter(entity=entity).values_list("name", flat=True)) == [
        "深圳市华为技术有限公司"
    ]
    assert list(selectors.search_entities("深圳市华为")) == [entity]  # found by its former name


def test_only_publishers_register_entities(reviewer):
    from gongkai.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.register_entity(actor=reviewer, uscc="914403001922038216", name="华为技术有限公司")
