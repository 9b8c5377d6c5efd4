"""The mapping is data (data/ocds/mapping.yaml): every stage of every domain maps to a kind, and a broken file is
refused with the line of each problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.catalog.vocabulary import vocabulary
from gongkai.core.errors import DataFileError
from gongkai.ocds.mapping import load_mapping, ocds_dir


def test_every_stage_of_every_domain_is_mapped(db):
    m = load_mapping()
    for code, domain in vocabulary().domains.items():
        for stage in domain["stages"]:
            assert m.kind_of(code, stage["code"]) is not None, (code, stage["code"])
    assert m.kind_of("construction", "candidates").status == "pending"
    assert m.kind_of("construction", "award").withdrawal == "awardCancellation"
    assert m.methods["公开招标"] == "open"


def test_a_broken_mapping_names_each_problem_and_its_line(db, tmp_path: Path):
    text = (ocds_dir() / "mapping.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "tag: tender, correction: tenderAmendment", "tag: tenderNotice, correction: tenderAmendment", 1
    )
    text = text.replace("    candidates: candidates\n", "", 1)
    text = text.replace("公开招标: open", "公开招标: opened", 1)
    broken = tmp_path / "mapping.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        load_mapping(broken)
    messages = [m for _, m in exc.value.problems]
    assert any("tenderNotice" in m and "releaseTag" in m for m in messages)
    assert any("construction 的环节 candidates 未映射" in m for m in messages)
    assert any("opened" in m for m in messages)
    assert all(line for line, _ in exc.value.problems)
