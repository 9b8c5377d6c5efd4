"""Compile speed: Gongkai's own OCDS merge (gongkai.ocds.merge) against `ocdskit compile` on the same releases.

    uv run python bench/ocds_compile_bench.py [--releases 100000] [--per-process 10]

Builds N releases shaped like Gongkai's (a tender notice and its correction, candidates as pending awards, the
award, the contract and its change, performance; parties with credit codes and blacklist details, documents with
the extension's fields), grouped into contracting processes of `--per-process` releases, shuffled. Then, side by
side in one run, compiles every process's record: with ocdskit's `merge` (what `ocdskit compile` runs: grouping by
ocid, then ocdsmerge, with our extended release schema) and with `compile_many` (grouping by ocid, then
`compile_release`). Checks
that both give the same compiled releases for a sample, and prints releases per second of each and the ratio.
No database is needed. Wall-clock and CPU time are both printed: on a shared machine the CPU time (this process's
own) is the steadier figure.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")

import django  # noqa: E402

django.setup()

from ocdskit.combine import merge as ocdskit_merge  # noqa: E402

from gongkai.ocds.merge import compile_many, release_schema  # noqa: E402

STEPS = ("tender", "tenderAmendment", "award", "award", "contract", "contractAmendment", "implementation")


def _party(code: str, name: str, roles: list[str], listed: bool, day: str) -> dict:
    return {
        "id": f"CN-SAIC-{code}",
        "name": name,
        "identifier": {"scheme": "CN-SAIC", "id": code, "legalName": name},
        "roles": roles,
        "details": {"blacklist": {"listed": listed, "asOf": day}},
    }


def _document(pk: int, kind: str, revision: int, day: str) -> dict:
    return {
        "id": f"d{pk}",
        "documentType": kind,
        "title": f"某某项目{kind}",
        "url": f"https://example.gov.cn/disclosures/{pk}/",
        "datePublished": day,
        "dateModified": day,
        "format": "text/html",
        "language": "zh",
        "indexNumber": f"11341500003200000X/2026-{pk:05d}",
        "informationSource": "六安市公共资源交易中心",
        "revision": revision,
        "catalogItem": {
            "id": "construction.award",
            "category": "中标结果",
            "domain": "construction",
            "stage": "award",
        },
    }


def process_releases(n: int, size: int, rng: random.Random) -> list[dict]:
    ocid = f"ocds-test00-12341500805393446X20260724{n:06d}A"
    owner = _party(f"12341500MB{n:08d}", "六安市第二中学", ["buyer", "procuringEntity"], False, "2026-01-01")
    budget = rng.randint(100, 900) * 10000
    out = []
    for i in range(size):
        step = STEPS[i % len(STEPS)]
        day = f"2026-{1 + i // 28:02d}-{1 + i % 28:02d}T09:{rng.randint(10, 59)}:00+08:00"
        pk = n * 100 + i
        release = {
            "ocid": ocid,
            "id": f"d{pk}-v1",
            "date": day,
            "tag": [step],
            "initiationType": "tender",
            "language": "zh",
            "transactionCode": ocid[-33:],
            "buyer": {"id": owner["id"], "name": owner["name"]},
            "parties": [owner],
        }
        if step.startswith("tender"):
            release["tender"] = {
                "id": ocid[-33:],
                "title": "某某综合楼建设工程施工",
                "status": "active",
                "value": {"amount": budget, "currency": "CNY"},
                "tenderPeriod": {"startDate": day, "endDate": "2026-03-25T00:00:00+08:00"},
                "procurementMethod": "open",
                "procurementMethodDetails": "公开招标",
                "documents": [_document(pk, "tenderNotice", 1, day)],
            }
            if step == "tenderAmendment":
                release["tender"]["amendments"] = [
                    {"id": release["id"], "date": day, "rationale": "更正投标截止时间"}
                ]
        elif step == "award":
            suppliers = [
                _party(f"91340100MA{n:04d}{k:04d}", f"安徽某建设工程有限公司{k}", ["tenderer"], k == 2, day)
                for k in range(3)
            ]
            release["parties"] = [owner, *suppliers]
            release["awards"] = [
                {
                    "id": f"d{n}-{k}",
                    "status": "pending" if i < 3 else ("active" if k == 0 else "unsuccessful"),
                    "value": {"amount": budget - k * 1000, "currency": "CNY"},
                    "suppliers": [{"id": s["id"], "name": s["name"]}],
                    "candidateRank": k + 1,
                    "publicityPeriod": {"startDate": day, "endDate": day},
                    "documents": [_document(pk, "awardNotice", 1, day)],
                }
                for k, s in enumerate(suppliers)
            ]
        else:
            contract = {"id": f"c{n}", "awardID": f"d{n}-0", "status": "active",
                        "value": {"amount": budget - rng.randint(0, 9) * 1000, "currency": "CNY"},
                        "dateSigned": day, "documents": [_document(pk, "contractSigned", 1, day)]}  # fmt: skip
            if step == "contractAmendment":
                contract["amendments"] = [{"id": release["id"], "date": day, "rationale": "签订补充协议"}]
            if step == "implementation":
                contract = {"id": f"c{n}", "awardID": f"d{n}-0",
                            "implementation": {"documents": [_document(pk, "physicalProgressReport", 1, day)]}}  # fmt: skip
            release["contracts"] = [contract]
        out.append(release)
    return out


def ours(releases: list[dict]) -> list[dict]:
    return compile_many(releases)


def reference(releases: list[dict], schema: dict) -> list[dict]:
    return list(ocdskit_merge(iter(releases), schema=schema, ignore_version=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=100_000)
    parser.add_argument("--per-process", type=int, default=10)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    processes = max(1, args.releases // args.per_process)
    releases = [r for n in range(processes) for r in process_releases(n, args.per_process, rng)]
    rng.shuffle(releases)
    schema = release_schema()
    print(
        f"{len(releases):,} releases in {processes:,} contracting processes; Python {sys.version.split()[0]}"
    )

    sample = [r for r in releases if r["ocid"].endswith(("000001A", "000002A", "000003A"))]
    mine = {c["ocid"]: c for c in ours(copy.deepcopy(sample))}
    theirs = {c["ocid"]: c for c in reference(copy.deepcopy(sample), schema)}
    if mine != theirs:
        raise SystemExit("the two compiled releases differ")
    print(f"same compiled releases for a sample of {len(mine)} processes: yes")

    results = {}
    for name, run in (("ocdskit compile (ocdsmerge)", lambda: reference(releases, schema)),
                      ("gongkai.ocds.merge.compile_many", lambda: ours(releases))):  # fmt: skip
        start, cpu_start = time.perf_counter(), time.process_time()
        compiled = run()
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        if len(compiled) != processes:
            raise SystemExit(f"{name}: {len(compiled)} compiled releases for {processes} processes")
        results[name] = (seconds, cpu)
        print(f"{name:36s} wall {seconds:7.2f} s {len(releases) / seconds:9,.0f} releases/s"
              f"   CPU {cpu:7.2f} s {len(releases) / cpu:9,.0f} releases/s")  # fmt: skip
    (slow, slow_cpu), (fast, fast_cpu) = results.values()
    print(f"speed-up: {slow / fast:.1f}x wall clock, {slow_cpu / fast_cpu:.1f}x CPU time")


if __name__ == "__main__":
    main()
