"""The checks' parameters as data (data/transactions/checks.yaml): thresholds, minimum tender periods, required
stages and where the facts are in each domain's disclosures. Read once per process; every problem in the file is
reported with its line, and nothing is half-read."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.conf import settings

from gongkai.catalog.vocabulary import vocabulary
from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import line_of, read_yaml

CHECK_CODES = (
    "missing_stage", "stage_order", "award_over_budget", "deal_under_reserve", "tender_period", "party_codes",
    "blacklisted_party", "contract_change",
)  # fmt: skip
SEVERITIES = {"high": "严重", "medium": "中等", "low": "提示"}
DIRECTIONS = ("purchase", "sale", "none")
UNITS = {"calendar": "日", "workdays": "个工作日"}
VERIFIED = {"V": "已核对条文", "P": "仅见转述", "U": "未核对"}
VALUE_ROLES = (
    "budget",
    "reserve",
    "price",
    "deadline",
    "method",
    "award_date",
    "contract_price",
    "changed_price",
)


@dataclass(frozen=True)
class CheckSpec:
    code: str
    name: str
    severity: str
    cardinal: str = ""


@dataclass(frozen=True)
class TableColumn:
    key: str
    column: str


@dataclass(frozen=True)
class ValueSource:
    """Where a value is: the first of `keys` present in a disclosure of the first of `stages` that has one."""

    stages: tuple[str, ...]
    keys: tuple[str, ...] = ()
    tables: tuple[TableColumn, ...] = ()


@dataclass(frozen=True)
class PartyTable:
    key: str
    name: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class PartySource:
    stages: tuple[str, ...]
    role: str
    pairs: tuple[tuple[str, str], ...] = ()
    tables: tuple[PartyTable, ...] = ()


@dataclass(frozen=True)
class RequiredStage:
    stage: str
    allowance: int  # calendar days


@dataclass(frozen=True)
class DomainRules:
    code: str
    direction: str
    required: tuple[RequiredStage, ...]
    order: tuple[str, ...]
    changes: tuple[str, ...]
    values: dict[str, ValueSource]
    parties: tuple[PartySource, ...]


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    domains: tuple[str, ...]
    methods: tuple[str, ...]
    min_days: int
    unit: str
    period: str
    source: str
    verified: str

    @property
    def minimum_text(self) -> str:
        return f"{self.min_days}{UNITS[self.unit]}"


@dataclass(frozen=True)
class CheckRules:
    checks: dict[str, CheckSpec]
    contract_change_share: Decimal
    contract_change_source: str
    procedures: dict[str, Procedure]
    domains: dict[str, DomainRules] = field(default_factory=dict)
    path: str = ""

    def for_domain(self, code: str) -> DomainRules:
        """The domain's rules; a domain the file does not name has none (nothing required, no facts)."""
        return self.domains.get(code) or DomainRules(code, "none", (), (), (), {}, ())

    def procedures_for(self, domain: str) -> list[Procedure]:
        return [p for p in self.procedures.values() if domain in p.domains]

    def procedure_for_method(self, domain: str, method: str) -> Procedure | None:
        return next((p for p in self.procedures_for(domain) if method in p.methods), None)


class _Reader:
    """Collects every problem with its line before giving up, like the catalog loader."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[tuple[int | None, str]] = []

    def fail(self, node: Any, key: Any, message: str) -> None:
        self.problems.append((line_of(node, key), message))

    def strings(self, node: Any, key: str, where: str, *, required: bool = False) -> tuple[str, ...]:
        value = node.get(key) if isinstance(node, dict) else None
        if value is None:
            if required:
                self.fail(node, key, f"{where}缺少 {key}")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(node, key, f"{where}的 {key} 应为文字列表")
            return ()
        return tuple(value)

    def text(self, node: Any, key: str, where: str) -> str:
        value = node.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(node, key, f"{where}缺少 {key}（文字）")
            return ""
        return value.strip()

    def integer(self, node: Any, key: str, where: str, low: int, high: int) -> int:
        value = node.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(node, key, f"{where}的 {key} 应为 {low} 到 {high} 的整数")
            return low
        return value


def read_check_rules(path: str | Path) -> CheckRules:
    """Read and check the file as a whole; a DataFileError lists every problem with its line."""
    doc = read_yaml(path)
    data = doc.data
    r = _Reader(doc.path)
    if not isinstance(data, dict):
        raise DataFileError(doc.path, [(1, "检查规则文件应为映射")])
    vocab_domains = vocabulary().domains

    checks: dict[str, CheckSpec] = {}
    node = data.get("checks")
    if not isinstance(node, dict):
        r.fail(data, "checks", "缺少 checks（每项检查的名称和严重程度）")
        node = {}
    for code, spec in node.items():
        where = f"检查“{code}”"
        if code not in CHECK_CODES:
            r.fail(node, code, f"没有名为“{code}”的检查（可用：{'、'.join(CHECK_CODES)}）")
            continue
        if not isinstance(spec, dict):
            r.fail(node, code, f"{where}应为映射")
            continue
        severity = spec.get("severity")
        if severity not in SEVERITIES:
            r.fail(spec, "severity", f"{where}的 severity 应为 {'、'.join(SEVERITIES)} 之一")
        checks[code] = CheckSpec(
            code, r.text(spec, "name", where), str(severity), str(spec.get("cardinal") or "")
        )
    for code in CHECK_CODES:
        if code not in node:
            r.fail(data, "checks", f"checks 缺少“{code}”")

    change = data.get("contract_change")
    share, change_source = Decimal("0.10"), ""
    if not isinstance(change, dict):
        r.fail(data, "contract_change", "缺少 contract_change（合同价款变更比例）")
    else:
        try:
            share = Decimal(str(change.get("max_share")))
            if not Decimal(0) < share < Decimal(10):
                raise InvalidOperation
        except InvalidOperation:
            r.fail(change, "max_share", "contract_change.max_share 应为大于 0 的比例（如 0.10）")
        change_source = r.text(change, "source", "contract_change")
        if change.get("verified") not in VERIFIED:
            r.fail(change, "verified", "contract_change.verified 应为 V、P 或 U")

    procedures: dict[str, Procedure] = {}
    plist = data.get("procedures")
    if not isinstance(plist, list):
        r.fail(data, "procedures", "缺少 procedures 列表")
        plist = []
    for i, p in enumerate(plist):
        if not isinstance(p, dict) or not p.get("code"):
            r.fail(plist, i, "procedures 的每一项都要有 code")
            continue
        where = f"交易方式“{p['code']}”"
        if p["code"] in procedures:
            r.fail(plist, i, f"{where}重复")
        domains = r.strings(p, "domains", where, required=True)
        for d in domains:
            if d not in vocab_domains:
                r.fail(p, "domains", f"{where}：没有领域“{d}”")
        if p.get("unit") not in UNITS:
            r.fail(p, "unit", f"{where}的 unit 应为 calendar 或 workdays")
        if p.get("verified") not in VERIFIED:
            r.fail(p, "verified", f"{where}的 verified 应为 V、P 或 U")
        procedures[p["code"]] = Procedure(
            code=str(p["code"]),
            name=r.text(p, "name", where),
            domains=domains,
            methods=r.strings(p, "methods", where),
            min_days=r.integer(p, "min_days", where, 1, 365),
            unit=str(p.get("unit")),
            period=r.text(p, "period", where),
            source=r.text(p, "source", where),
            verified=str(p.get("verified")),
        )

    domains: dict[str, DomainRules] = {}
    dnode = data.get("domains")
    if not isinstance(dnode, dict):
        r.fail(data, "domains", "缺少 domains（各领域的必经环节和字段）")
        dnode = {}
    for code, spec in dnode.items():
        rules = _read_domain(r, dnode, str(code), spec, vocab_domains)
        if rules is not None:
            domains[rules.code] = rules

    if r.problems:
        raise DataFileError(doc.path, r.problems)
    return CheckRules(checks, share, change_source, procedures, domains, doc.path)


def _read_domain(r: _Reader, parent: dict, code: str, spec: Any, vocab_domains: dict) -> DomainRules | None:
    where = f"领域“{code}”"
    if code not in vocab_domains:
        r.fail(parent, code, f"词表中没有领域“{code}”")
        return None
    if not isinstance(spec, dict):
        r.fail(parent, code, f"{where}应为映射")
        return None
    stages = {s["code"] for s in vocab_domains[code]["stages"]}

    def known(node: Any, key: str, codes: tuple[str, ...]) -> None:
        for s in codes:
            if s not in stages:
                r.fail(node, key, f"{where}没有环节“{s}”（可用：{'、'.join(sorted(stages))}）")

    if spec.get("direction") not in DIRECTIONS:
        r.fail(spec, "direction", f"{where}的 direction 应为 purchase、sale 或 none")
    required: list[RequiredStage] = []
    rlist = spec.get("required") or []
    if not isinstance(rlist, list):
        r.fail(spec, "required", f"{where}的 required 应为列表")
        rlist = []
    for i, item in enumerate(rlist):
        if not isinstance(item, dict) or not isinstance(item.get("stage"), str):
            r.fail(rlist, i, f"{where}的 required 每一项应为 {{stage, allowance}}")
            continue
        known(item, "stage", (item["stage"],))
        required.append(RequiredStage(item["stage"], r.integer(item, "allowance", where, 0, 3650)))
    order = r.strings(spec, "order", where)
    changes = r.strings(spec, "changes", where)
    known(spec, "order", order)
    known(spec, "changes", changes)

    values: dict[str, ValueSource] = {}
    parties: list[PartySource] = []
    fields = spec.get("fields") or {}
    if not isinstance(fields, dict):
        r.fail(spec, "fields", f"{where}的 fields 应为映射")
        fields = {}
    for role, src in fields.items():
        if role == "parties":
            parties += _read_parties(r, fields, src, where, known)
            continue
        if role not in VALUE_ROLES:
            r.fail(
                fields, role, f"{where}：未知的字段用途“{role}”（可用：{'、'.join(VALUE_ROLES)}、parties）"
            )
            continue
        if not isinstance(src, dict):
            r.fail(fields, role, f"{where}的 {role} 应为 {{stages, keys}}")
            continue
        src_stages = r.strings(src, "stages", f"{where}的 {role}", required=True)
        known(src, "stages", src_stages)
        tables = []
        for t in src.get("tables") or []:
            if not isinstance(t, dict) or not t.get("key") or not t.get("column"):
                r.fail(src, "tables", f"{where}的 {role}.tables 每一项应为 {{key, column}}")
                continue
            tables.append(TableColumn(str(t["key"]), str(t["column"])))
        values[role] = ValueSource(src_stages, r.strings(src, "keys", f"{where}的 {role}"), tuple(tables))
    return DomainRules(
        code, str(spec.get("direction")), tuple(required), order, changes, values, tuple(parties)
    )


def _read_parties(r: _Reader, fields: dict, src: Any, where: str, known) -> list[PartySource]:
    if not isinstance(src, list):
        r.fail(fields, "parties", f"{where}的 parties 应为列表")
        return []
    out = []
    for i, p in enumerate(src):
        if not isinstance(p, dict):
            r.fail(src, i, f"{where}的 parties 每一项应为映射")
            continue
        stages = r.strings(p, "stages", f"{where}的 parties", required=True)
        known(p, "stages", stages)
        pairs = []
        for pair in p.get("pairs") or []:
            if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(k, str) for k in pair):
                r.fail(p, "pairs", f"{where}的 parties.pairs 每一项应为 [名称字段, 代码字段]")
                continue
            pairs.append((pair[0], pair[1]))
        tables = []
        for t in p.get("tables") or []:
            if not isinstance(t, dict) or not t.get("key") or not t.get("name") or not t.get("codes"):
                r.fail(p, "tables", f"{where}的 parties.tables 每一项应为 {{key, name, codes}}")
                continue
            tables.append(PartyTable(str(t["key"]), str(t["name"]), tuple(str(c) for c in t["codes"])))
        out.append(PartySource(stages, r.text(p, "role", f"{where}的 parties"), tuple(pairs), tuple(tables)))
    return out


@functools.cache
def check_rules() -> CheckRules:
    """The rules of data/transactions/checks.yaml (read once per process)."""
    return read_check_rules(Path(settings.DATA_DIR) / "transactions" / "checks.yaml")
