"""Jurisdiction files: clear errors with lines, all-or-nothing loads, idempotence, versions."""

from __future__ import annotations

import io
import textwrap

import pytest
from django.core.management import CommandError, call_command

from gongkai.catalog.models import Catalog, CatalogItem, Domain, Jurisdiction
from gongkai.catalog.services import load_files
from gongkai.core.errors import DataFileError

GOOD = textwrap.dedent(
    """\
    jurisdiction:
      code: "341502"
      name: 金安区
      level: county
      parent: "341500"
    profile:
      proactive_days: 5
      sources:
        proactive_days: {doc: jinan-2019, ref: 第三条}
    documents:
      - key: jinan-2019
        title: 金安区公共资源配置领域信息公开目录
        issued_on: 2019-03-01
    catalog:
      version: "2019-03"
      effective_from: 2019-03-01
      extends: "341500"
      defaults:
        channels: [gov_website]
        deadline: {rule: proactive}
      lists:
        - title: 金安区公开目录
          items:
            - key: construction.award
              domain: construction
              category: 中标结果
              content: 中标人、中标价格
              attribute: proactive
              publishers: [owner, trading_centre]
              stage: award
              fields:
                - {key: winner, label: 中标人, type: text, required: true}
                - {key: winner_uscc, label: 中标人统一社会信用代码, type: uscc, required: true}
              source: {doc: jinan-2019, ref: 第五条}
            - key: procurement.notice
              domain: procurement
              category: 采购公告
              content: 采购项目公告
              attribute: proactive
              publishers: [owner]
              source: {doc: jinan-2019, ref: 第六条}
    """
)


def write(tmp_path, text: str, name: str = "341502-jinan.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def counts() -> tuple[int, int, int, int]:
    return (
        Jurisdiction.objects.count(),
        Catalog.objects.count(),
        CatalogItem.objects.count(),
        Domain.objects.count(),
    )


def test_a_new_county_is_a_new_file(db, tmp_path):
    [result] = load_files([write(tmp_path, GOOD)])
    assert (result.jurisdiction, result.catalog, result.items) == ("created", "created", 2)
    county = Jurisdiction.objects.get(code="341502")
    assert county.parent.code == "341500"
    item = CatalogItem.objects.get(catalog__jurisdiction=county, key="construction.award")
    assert item.stage.code == "award"
    assert item.fields[1]["type"] == "uscc"


def test_loading_the_same_file_twice_changes_nothing(db, tmp_path):
    path = write(tmp_path, GOOD)
    load_files([path])
    before = counts(), list(CatalogItem.objects.order_by("id").values_list("id", "content"))
    [again] = load_files([path])
    assert (again.jurisdiction, again.catalog) == ("unchanged", "unchanged")
    assert (counts(), list(CatalogItem.objects.order_by("id").values_list("id", "content"))) == before


def test_the_shipped_files_load_again_without_change(db):
    before = counts()
    results = load_files(sorted(__import__("pathlib").Path("data/jurisdictions").glob("*.yaml")))
    assert {r.jurisdiction for r in results} == {"unchanged"}
    assert {r.catalog for r in results} <= {"unchanged", None}
    assert counts() == before


def test_a_changed_catalog_needs_a_new_version(db, tmp_path):
    load_files([write(tmp_path, GOOD)])
    changed = GOOD.replace("中标人、中标价格", "中标人、中标价格、工期")
    with pytest.raises(DataFileError, match="已载入且内容不同"):
        load_files([write(tmp_path, changed)])
    bumped = changed.replace('version: "2019-03"', 'version: "2020-01"').replace(
        "effective_from: 2019-03-01", "effective_from: 2020-01-01"
    )
    [result] = load_files([write(tmp_path, bumped)])
    assert result.catalog == "created"
    assert Catalog.objects.filter(jurisdiction__code="341502").count() == 2


BAD_CASES = [
    pytest.param(
        GOOD.replace("domain: procurement", "domain: fishing"), 36, "领域“fishing”未定义", id="unknown-domain"
    ),
    pytest.param(
        GOOD.replace("          category: 采购公告\n", ""), 35, "缺少字段 category", id="missing-field"
    ),
    pytest.param(
        GOOD.replace("key: procurement.notice", "key: construction.award"), 35, "重复", id="duplicate-item"
    ),
    pytest.param(GOOD.replace('code: "341502"', 'code: "34150X"'), 2, "应为6位数字", id="bad-code"),
    pytest.param(GOOD.replace("  name: 金安区", "  name: [金安区"), 4, "YAML 语法错误", id="yaml-error"),
    pytest.param(
        GOOD.replace("stage: award", "stage: shipping"), 30, "环节“shipping”不属于领域", id="bad-stage"
    ),
    pytest.param(
        GOOD.replace("publishers: [owner]", "publishers: [mayor]"), 40, "公开主体类型“mayor”", id="bad-body"
    ),
    pytest.param(
        GOOD.replace(
            "attribute: proactive\n          publishers: [owner]",
            "attribute: withheld\n          publishers: [owner]",
        ),
        39,
        "withheld_reason",
        id="withheld-no-reason",
    ),  # fmt: skip
    pytest.param(GOOD.replace('parent: "341500"', 'parent: "999900"'), 5, "尚未载入", id="unknown-parent"),
    pytest.param(GOOD.replace("type: uscc", "type: colour"), 33, "类型“colour”无效", id="bad-field-type"),
    pytest.param(
        GOOD.replace("proactive_days: 5\n", "proactive_days: 500\n"), 7, "0到60之间", id="bad-profile"
    ),
    pytest.param(
        GOOD.replace("{doc: jinan-2019, ref: 第六条}", "{doc: nowhere, ref: 第六条}"),
        41,
        "依据文件“nowhere”",
        id="bad-source",
    ),  # fmt: skip
]


@pytest.mark.parametrize(("text", "line", "message"), BAD_CASES)
def test_a_bad_file_names_its_line_and_loads_nothing(db, tmp_path, text, line, message):
    assert text != GOOD
    before = counts()
    good_first = write(
        tmp_path, GOOD.replace("341502", "341503").replace("金安区", "裕安区"), "341503-yuan.yaml"
    )
    bad = write(tmp_path, text)
    with pytest.raises(DataFileError) as info:
        load_files([good_first, bad])
    problems = info.value.problems
    assert any(ln == line and message in msg for ln, msg in problems), problems
    assert counts() == before  # the good file in the same load is not written either


def test_the_command_prints_file_line_and_message(db, tmp_path):
    bad = write(tmp_path, GOOD.replace("domain: procurement", "domain: fishing"))
    before = counts()
    with pytest.raises(CommandError) as info:
        call_command("catalog", "load", str(bad), stdout=io.StringIO())
    assert f"{bad}:36: 事项“procurement.notice”的领域“fishing”未定义" in str(info.value)
    assert "未载入任何内容" in str(info.value)
    assert counts() == before


def test_check_reports_without_loading(db, tmp_path):
    out = io.StringIO()
    call_command("catalog", "check", str(write(tmp_path, GOOD)), stdout=out)
    assert "2 个事项，格式正确" in out.getvalue()
    assert not Jurisdiction.objects.filter(code="341502").exists()
