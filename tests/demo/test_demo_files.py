"""The demo data files are checked like rule data: every problem with its file and line, before anything is written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings

from gongkai.core.errors import DataFileError
from gongkai.demo.datafile import read_dated, read_place, read_texts
from gongkai.demo.facts import Party
from gongkai.demo.transactions import read_deals

DEMO = Path(settings.DATA_DIR) / "demo"
TODAY = dt.date(2026, 11, 16)

GOOD = """\
code: '341500'
slug: luan
organizations: {tc: 六安市公共资源交易中心}
parties:
  ph: {name: 安徽淠河建设工程有限公司, region: '341502'}
sets:
  deal:
    facts: {project: '工程{year@-215}', winner: '@ph', owner: '@tc', year_only: '{year@-600}', day: '{date@-452}'}
records:
  - item: construction.award
    org: tc
    title: '{project}中标结果公告'
    template: award
    sets: [deal]
    ref: award
  - item: construction.contract
    org: tc
    title: '{project}合同'
    body: 合同{project}
    sets: [deal]
    without: [winner]
    facts: {price: '1.00'}
    links: [{to: award, kind: stage}]
"""


@pytest.fixture
def texts():
    return read_texts(DEMO / "disclosure-texts.yaml")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "place.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_place_file_reads_into_records_with_dates_relative_to_today(tmp_path, texts):
    place = read_place(write(tmp_path, GOOD), texts, TODAY)
    award, contract = place.records
    assert award.c["project"] == "工程2026"  # 215 days before 2026-11-16
    assert award.c["year_only"] == 2025
    assert award.c["day"] == dt.date(2025, 8, 21)
    assert isinstance(award.c["winner"], Party)
    assert award.c["winner"].uscc.startswith("91341502")
    assert award.c["owner"] == "@tc"  # organizations are resolved by the loader
    assert award.body == texts.templates["award"]
    assert "winner" not in contract.c
    assert contract.c["price"] == "1.00"
    assert contract.links == [("award", "stage")]
    assert (award.line, contract.line) == (10, 16)


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (
            ("org: tc\n    title: '{project}合同'", "org: tcc\n    title: '{project}合同'"),
            17,
            "未知的机构别名“tcc”",
        ),
        (("template: award", "template: awards"), 13, "未知的正文模板“awards”"),
        (("{to: award, kind: stage}", "{to: awrd, kind: stage}"), 23, "关联的记录“awrd”"),
        (("    ref: award\n", "    ref: award\n    colour: red\n"), 16, "未知字段“colour”"),
        (("winner: '@ph'", "winner: '@pp'"), 8, "“@pp”既不是"),
        (("day: '{date@-452}'", "day: '第{date@-452}'"), 8, "日期标记只能单独作为值"),
        (("region: '341502'}", "region: '341502', uscc: '91341502MA2N0XXX0X'}"), 5, "统一社会信用代码有误"),
        (("sets: [deal]\n    ref", "sets: [dael]\n    ref"), 14, "未定义（或定义在后）的事实组“dael”"),
        (("without: [winner]", "without: [loser]"), 21, "要去掉的事实“loser”"),
    ],
)
def test_a_bad_place_file_names_the_file_and_line(tmp_path, texts, change, line, message):
    old, new = change
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(DataFileError) as err:
        read_place(path, texts, TODAY)
    assert err.value.path == str(path)
    assert any(ln == line and message in m for ln, m in err.value.problems), err.value.problems


def test_the_shipped_demo_files_read_without_problems(texts):
    for slug in ("hunchun", "tinghu", "luan", "anxi", "taiyuan"):
        place = read_place(DEMO / "disclosures" / f"{slug}.yaml", texts, TODAY)
        assert len(place.records) >= 30, slug
        read_dated(DEMO / "credit" / f"{slug}.yaml", TODAY)
    for slug in ("luan", "anxi", "taiyuan"):
        assert read_deals(DEMO / "transactions" / f"{slug}.yaml").deals


def test_a_bad_transaction_file_names_the_line(tmp_path):
    path = tmp_path / "deals.yaml"
    path.write_text(
        "code: '341500'\nslug: luan\norganizations: {school: {name: 学校, kind: owner}}\ndeals:\n"
        "  - {domain: procurement, title: 采购, owner: schol, steps: [{item: procurement.notice, ago: 9}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as err:
        read_deals(path)
    assert err.value.problems == [(5, "未知的机构键“schol”（可用：school）")]
