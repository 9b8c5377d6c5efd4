"""OCDS merging written for speed (gongkai.ocds.merge): the rules of the standard, and the same results as the
reference implementation (ocdsmerge, which `ocdskit compile` uses)."""

from __future__ import annotations

import copy
import random

from ocdsmerge import Merger

from gongkai.ocds.merge import compile_release, release_schema, versioned_release

OCID = "ocds-test00-X"


def release(rid: str, date: str, **sections):
    return {"ocid": OCID, "id": rid, "date": date, "tag": ["tender"], "initiationType": "tender", **sections}


def test_latest_value_wins_and_null_deletes():
    first = release(
        "r1",
        "2026-01-01T00:00:00+08:00",
        tender={"id": "T", "title": "旧", "value": {"amount": 5, "currency": "CNY"}, "description": "说明"},
    )
    second = release(
        "r2", "2026-02-01T00:00:00+08:00", tender={"id": "T", "title": "新", "description": None}
    )
    compiled = compile_release([second, first])  # out of order on purpose: merged by date
    assert compiled["tender"]["title"] == "新"
    assert "description" not in compiled["tender"]
    assert compiled["tender"]["value"] == {"amount": 5, "currency": "CNY"}
    assert compiled["tag"] == ["compiled"]
    assert compiled["id"] == f"{OCID}-2026-02-01T00:00:00+08:00"
    assert compiled["date"] == "2026-02-01T00:00:00+08:00"

    versioned = versioned_release([first, second])
    assert [v["value"] for v in versioned["tender"]["title"]] == ["旧", "新"]
    assert [v["value"] for v in versioned["tender"]["description"]] == ["说明", None]
    assert versioned["tender"]["title"][1]["releaseID"] == "r2"
    assert "id" not in versioned
    assert versioned["ocid"] == OCID


def test_arrays_of_objects_merge_by_id_and_others_are_replaced():
    first = release("r1", "2026-01-01T00:00:00+08:00",
                    awards=[{"id": "a1", "status": "pending", "value": {"amount": 1}}, {"id": "a2", "status": "pending"}],
                    parties=[{"id": "p1", "roles": ["tenderer"]}])  # fmt: skip
    second = release("r2", "2026-02-01T00:00:00+08:00",
                     awards=[{"id": "a2", "status": "active"}, {"id": "a3", "status": "active"}],
                     parties=[{"id": "p1", "roles": ["supplier"]}])  # fmt: skip
    compiled = compile_release([first, second])
    assert [(a["id"], a["status"]) for a in compiled["awards"]] == [
        ("a1", "pending"),
        ("a2", "active"),
        ("a3", "active"),
    ]
    assert compiled["awards"][0]["value"] == {"amount": 1}
    assert compiled["parties"] == [{"id": "p1", "roles": ["supplier"]}]  # a list of strings is replaced whole

    versioned = versioned_release([first, second])
    assert [a["id"] for a in versioned["awards"]] == ["a1", "a2", "a3"]  # ids stay plain values
    assert [v["value"] for v in versioned["awards"][1]["status"]] == ["pending", "active"]


def _random_releases(rng: random.Random, n: int) -> list[dict]:
    out = []
    for i in range(n):
        r = release(f"r{i}", f"2026-01-{i + 1:02d}T09:00:00+08:00")
        r["tender"] = {
            "id": "T",
            "title": rng.choice(["甲", "乙", None]),
            "status": rng.choice(["active", "cancelled"]),
        }
        if rng.random() < 0.5:
            r["tender"]["value"] = {"amount": rng.randint(1, 9), "currency": "CNY"}
        r["awards"] = [{"id": f"a{k}", "status": rng.choice(["pending", "active"]),
                        "projectManagerCertificates": [{"name": "一级建造师", "number": str(rng.randint(1, 5))}]}
                       for k in rng.sample([1, 2, 3], rng.randint(0, 2))]  # fmt: skip
        r["parties"] = [{"id": f"p{k}", "roles": rng.sample(["buyer", "supplier", "tenderer"], 2),
                         "name": rng.choice(["某公司", "另一公司"])} for k in rng.sample([1, 2, 3], 2)]  # fmt: skip
        out.append(r)
    return out


def test_same_results_as_the_reference_implementation():
    merger = Merger(release_schema())
    rng = random.Random(7)
    for _ in range(30):
        releases = _random_releases(rng, rng.randint(1, 8))
        expected_compiled = merger.create_compiled_release(copy.deepcopy(releases))
        expected_versioned = merger.create_versioned_release(copy.deepcopy(releases))
        assert compile_release(copy.deepcopy(releases)) == expected_compiled
        assert versioned_release(copy.deepcopy(releases)) == expected_versioned
