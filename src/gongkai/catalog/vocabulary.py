"""The shared vocabulary of data/vocabulary.yaml: domains and their stages, channels, body kinds, rules."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import line_of, read_yaml

SECTIONS = (
    "domains", "body_kinds", "attributes", "channels", "deadline_rules", "field_types", "profile_keys",
    "withheld_grounds", "subjects", "genres",
)  # fmt: skip


@dataclass(frozen=True)
class Vocabulary:
    domains: dict[str, dict]  # code -> {name, description, stages: [{code, name}]}
    body_kinds: dict[str, str]
    attributes: dict[str, str]
    channels: dict[str, str]
    deadline_rules: dict[str, dict]
    field_types: dict[str, str]
    profile_keys: dict[str, str]
    withheld_grounds: dict[str, dict]  # code -> {name, article}
    subjects: dict[str, str]
    genres: dict[str, str]
    path: str
    sha256: str
    # profile key -> value type where it is not a number of working days ("kinds": a list of personal-data kinds)
    profile_key_types: dict[str, str] = field(default_factory=dict)


def read_vocabulary(path: str | Path) -> Vocabulary:
    doc = read_yaml(path)
    data, problems = doc.data, []
    if not isinstance(data, dict):
        raise DataFileError(doc.path, [(1, "词表文件应为映射")])
    out: dict[str, dict] = {}
    for section in SECTIONS:
        entries = data.get(section)
        if not isinstance(entries, list):
            problems.append((line_of(data, section) or 1, f"缺少 {section} 列表"))
            continue
        seen: dict[str, dict] = {}
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or not entry.get("code") or not entry.get("name"):
                problems.append((line_of(entries, i), f"{section} 的每一项都要有 code 和 name"))
                continue
            if entry["code"] in seen:
                problems.append((line_of(entries, i), f"{section} 中代码“{entry['code']}”重复"))
            seen[str(entry["code"])] = dict(entry)
        out[section] = seen
    if problems:
        raise DataFileError(doc.path, problems)
    return Vocabulary(
        domains={
            c: {
                "name": str(e["name"]),
                "description": str(e.get("description", "") or ""),
                "stages": [{"code": str(s["code"]), "name": str(s["name"])} for s in e.get("stages") or []],
            }
            for c, e in out["domains"].items()
        },
        body_kinds={c: str(e["name"]) for c, e in out["body_kinds"].items()},
        attributes={c: str(e["name"]) for c, e in out["attributes"].items()},
        channels={c: str(e["name"]) for c, e in out["channels"].items()},
        deadline_rules={c: dict(e) for c, e in out["deadline_rules"].items()},
        field_types={c: str(e["name"]) for c, e in out["field_types"].items()},
        profile_keys={c: str(e["name"]) for c, e in out["profile_keys"].items()},
        withheld_grounds={
            c: {"name": str(e["name"]), "article": str(e.get("article", ""))}
            for c, e in out["withheld_grounds"].items()
        },
        subjects={c: str(e["name"]) for c, e in out["subjects"].items()},
        genres={c: str(e["name"]) for c, e in out["genres"].items()},
        path=doc.path,
        sha256=doc.sha256,
        profile_key_types={c: str(e["type"]) for c, e in out["profile_keys"].items() if e.get("type")},
    )


@functools.cache
def vocabulary() -> Vocabulary:
    return read_vocabulary(Path(settings.DATA_DIR) / "vocabulary.yaml")
