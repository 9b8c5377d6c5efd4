"""The OCDS mapping as data (data/ocds/mapping.yaml): stage → kind of release, structured field → OCDS path, which
fields name which parties. Read once per process and checked as a whole: every problem is reported with its line,
and nothing is half-read."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from gongkai.catalog.vocabulary import vocabulary
from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import line_of, read_yaml

SECTIONS = ("planning", "tender", "awards", "contracts", "implementation")
FIELD_TYPES = ("text", "money", "date", "method", "integer")
FIELD_GROUPS = ("planning", "tender", "awards", "contracts", "contract_change", "amendment")
PARTY_GROUPS = ("owner", "agency", "winner", "candidate")


def ocds_dir() -> Path:
    return Path(settings.DATA_DIR) / "ocds"


@dataclass(frozen=True)
class Kind:
    code: str
    name: str
    section: str
    tag: str
    correction: str
    withdrawal: str
    document: str
    status: str = ""
    cancels: bool = False
    amendment: bool = False


@dataclass(frozen=True)
class FieldRule:
    path: tuple[str, ...]
    type: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class PartyTable:
    key: str
    name: str
    codes: tuple[str, ...]
    value: str = ""
    rank: str = ""


@dataclass(frozen=True)
class PartyRule:
    pairs: tuple[tuple[str, str], ...] = ()
    tables: tuple[PartyTable, ...] = ()
    award: bool = False


@dataclass(frozen=True)
class Mapping:
    kinds: dict[str, Kind]
    stages: dict[tuple[str, str], Kind]  # (domain, stage) → kind
    owner_roles: dict[str, tuple[str, ...]]  # domain → roles of the owner
    winner_roles: dict[str, tuple[str, ...]]  # domain → roles of a winner
    agency_roles: tuple[str, ...]
    candidate_roles: tuple[str, ...]
    fields: dict[str, tuple[FieldRule, ...]]
    parties: dict[str, PartyRule]
    methods: dict[str, str]
    certificates: dict[str, str]

    def kind_of(self, domain: str, stage: str) -> Kind | None:
        return self.stages.get((domain, stage))

    def stage_table(self) -> list[dict[str, Any]]:
        """Each domain with stages, and what each stage becomes (for the portal's policy page)."""
        out = []
        for domain_code, domain in vocabulary().domains.items():
            rows = [(s["name"], self.stages[(domain_code, s["code"])]) for s in domain["stages"]
                    if (domain_code, s["code"]) in self.stages]  # fmt: skip
            if rows:
                out.append({"name": domain["name"], "stages": rows})
        return out


def _codelist(name: str) -> set[str]:
    with (ocds_dir() / "schema" / "codelists" / f"{name}.csv").open(encoding="utf-8") as f:
        return {row["Code"] for row in csv.DictReader(f)}


def load_mapping(path: str | Path | None = None) -> Mapping:
    """Read and check the mapping file; a DataFileError lists every problem with its line."""
    doc = read_yaml(path or ocds_dir() / "mapping.yaml")
    data, errors = doc.data, []

    def err(node: Any, key: Any, message: str) -> None:
        errors.append((line_of(node, key), message))

    tags, documents = _codelist("releaseTag"), _codelist("documentType")
    roles, method_codes = _codelist("partyRole"), _codelist("method")
    kinds: dict[str, Kind] = {}
    for code, spec in (data.get("kinds") or {}).items():
        if spec.get("section") not in SECTIONS:
            err(spec, "section", f"类型 {code} 的 section 须为 {'、'.join(SECTIONS)} 之一")
            continue
        for key in ("tag", "correction", "withdrawal"):
            if spec.get(key) not in tags:
                err(spec, key, f"类型 {code} 的 {key} “{spec.get(key)}” 不在 releaseTag 代码表中")
        if spec.get("document") not in documents:
            err(
                spec,
                "document",
                f"类型 {code} 的 document “{spec.get('document')}” 不在 documentType 代码表中",
            )
        kinds[code] = Kind(
            code=code,
            name=str(spec.get("name") or code),
            section=spec["section"],
            tag=spec.get("tag", ""),
            correction=spec.get("correction", ""),
            withdrawal=spec.get("withdrawal", ""),
            document=spec.get("document", ""),
            status=spec.get("status", "") or "",
            cancels=bool(spec.get("cancels", False)),
            amendment=bool(spec.get("amendment", False)),
        )

    stage_map = data.get("stages") or {}
    stages: dict[tuple[str, str], Kind] = {}
    for domain_code, domain in vocabulary().domains.items():
        if not domain["stages"]:
            continue
        mapped = stage_map.get(domain_code)
        if mapped is None:
            err(stage_map, None, f"领域 {domain_code} 的环节未映射")
            continue
        for stage in domain["stages"]:
            kind = mapped.get(stage["code"])
            if kind not in kinds:
                err(mapped, stage["code"] if stage["code"] in mapped else None,
                    f"领域 {domain_code} 的环节 {stage['code']} 未映射到已定义的类型")  # fmt: skip
            else:
                stages[(domain_code, stage["code"])] = kinds[kind]

    owner_roles: dict[str, tuple[str, ...]] = {}
    winner_roles: dict[str, tuple[str, ...]] = {}
    for name, spec in (data.get("directions") or {}).items():
        for role in [*spec.get("owner", []), *spec.get("winner", [])]:
            if role not in roles:
                err(spec, None, f"方向 {name} 的角色 “{role}” 不在 partyRole 代码表中")
        for domain in spec.get("domains", []):
            owner_roles[domain] = tuple(spec.get("owner", []))
            winner_roles[domain] = tuple(spec.get("winner", []))
    for key in ("agency_roles", "candidate_roles"):
        for role in data.get(key) or []:
            if role not in roles:
                err(data, key, f"{key} 的角色 “{role}” 不在 partyRole 代码表中")

    fields: dict[str, tuple[FieldRule, ...]] = {}
    for group, rules in (data.get("fields") or {}).items():
        if group not in FIELD_GROUPS:
            err(data["fields"], group, f"字段映射组 “{group}” 未知")
            continue
        out = []
        for path, spec in rules.items():
            if spec.get("type") not in FIELD_TYPES:
                err(rules, path, f"{group}.{path} 的类型须为 {'、'.join(FIELD_TYPES)} 之一")
                continue
            out.append(FieldRule(tuple(str(path).split(".")), spec["type"], tuple(spec.get("keys") or ())))
        fields[group] = tuple(out)

    parties: dict[str, PartyRule] = {}
    for group, spec in (data.get("parties") or {}).items():
        if group not in PARTY_GROUPS:
            err(data["parties"], group, f"主体组 “{group}” 未知")
            continue
        parties[group] = PartyRule(
            pairs=tuple((str(a), str(b)) for a, b in spec.get("pairs") or ()),
            tables=tuple(
                PartyTable(
                    t["key"], t["name"], tuple(t.get("codes") or ()), t.get("value", ""), t.get("rank", "")
                )
                for t in spec.get("tables") or ()
            ),
            award=bool(spec.get("award", False)),
        )

    methods = {str(k): str(v) for k, v in (data.get("methods") or {}).items()}
    for word, code in methods.items():
        if code not in method_codes:
            err(data["methods"], word, f"方式 “{word}” 的代码 “{code}” 不在 method 代码表中")
    if errors:
        raise DataFileError(doc.path, errors)
    return Mapping(
        kinds=kinds,
        stages=stages,
        owner_roles=owner_roles,
        winner_roles=winner_roles,
        agency_roles=tuple(data.get("agency_roles") or ()),
        candidate_roles=tuple(data.get("candidate_roles") or ()),
        fields=fields,
        parties=parties,
        methods=methods,
        certificates=dict(data.get("certificates") or {}),
    )


@functools.cache
def mapping() -> Mapping:
    """The mapping in force (read once per process)."""
    return load_mapping()
