"""De-identification as data: the profile's blocking kinds and the items' and fields' lawful_personal."""

from __future__ import annotations

import pytest

from gongkai.catalog.models import CatalogItem, Jurisdiction
from gongkai.catalog.selectors import effective_profile
from gongkai.catalog.services import load_files
from gongkai.core.errors import DataFileError
from tests.catalog.test_loading import GOOD, write

ITEM = " " * 10  # the indentation of an item's keys in GOOD
LAWFUL = GOOD.replace(
    "stage: award\n",
    f"stage: award\n{ITEM}lawful_personal: [name, certificate]\n{ITEM}lawful_basis: 《招标投标法实施条例》第五十四条\n",
).replace(
    "type: text, required: true}\n",
    "type: text, required: true}\n"
    f"{ITEM}  - {{key: manager, label: 项目负责人, type: text, personal: true, lawful_personal: [name]}}\n",
)
STRICT = GOOD.replace(
    "  proactive_days: 5\n", "  proactive_days: 5\n  deid_blocking_kinds: [resident_id, landline]\n"
)


def test_lawful_personal_is_loaded_for_items_and_fields(db, tmp_path):
    load_files([write(tmp_path, LAWFUL)])
    award = CatalogItem.objects.get(catalog__jurisdiction__code="341502", key="construction.award")
    assert (award.lawful_personal, award.lawful_basis) == (
        ["name", "certificate"],
        "《招标投标法实施条例》第五十四条",
    )
    assert next(f for f in award.fields if f["key"] == "manager")["lawful_personal"] == ["name"]
    notice = CatalogItem.objects.get(catalog__jurisdiction__code="341502", key="procurement.notice")
    assert (notice.lawful_personal, notice.lawful_basis) == ([], "")


def test_the_profile_names_blocking_kinds_and_inherits_them(db, tmp_path):
    load_files([write(tmp_path, STRICT)])
    own = effective_profile(Jurisdiction.objects.get(code="341502"))
    assert own["deid_blocking_kinds"] == ["resident_id", "landline"]
    assert own.values["deid_blocking_kinds"].kinds == ["居民身份证号码", "固定电话"]
    inherited = effective_profile(Jurisdiction.objects.get(code="341500")).values["deid_linked_kinds"]
    assert (inherited.value, inherited.jurisdiction_code) == (["landline", "email"], "100000")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (LAWFUL.replace("[name, certificate]", "[name, passport]"), "未知的个人信息类别“passport”"),
        (LAWFUL.replace("lawful_personal: [name]}", "lawful_personal: name}"), "应为个人信息类别的列表"),
        (
            LAWFUL.replace(f"{ITEM}lawful_basis: 《招标投标法实施条例》第五十四条\n", ""),
            "缺少字段 lawful_basis",
        ),
        (STRICT.replace("[resident_id, landline]", "resident_id"), "应为个人信息类别的列表"),
        (STRICT.replace("[resident_id, landline]", "[id_card]"), "未知的个人信息类别“id_card”"),
    ],
)
def test_bad_kinds_are_reported(db, tmp_path, text, message):
    with pytest.raises(DataFileError) as info:
        load_files([write(tmp_path, text)])
    assert any(message in msg for _line, msg in info.value.problems), info.value.problems


def test_the_jurisdiction_page_names_the_kinds_in_chinese(client, db):
    html = client.get("/jurisdictions/341500/").content.decode()
    assert "未遮蔽即阻止审查和审批的个人信息" in html
    assert "居民身份证号码、手机号码、银行卡号、个人执业资格证书编号、自然人姓名" in html
    assert "resident_id" not in html
