"""Parsing and checking jurisdiction files (docs/catalog-format.md).

Every problem is collected with its line, so one run of `gongkai catalog check` shows them all. Nothing here
touches the database: the caller passes what is already known (loaded jurisdictions, their documents and
domains), so a directory can be checked as a whole before anything is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai.catalog.choices import BodyKind, Level
from gongkai.catalog.vocabulary import Vocabulary
from gongkai.core.deidentify import KIND_LABELS
from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import line_of, read_yaml

KEY_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
FIELD_KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
CODE_RE = re.compile(r"^\d{6}$")
PROFILE_INT_RANGE = (0, 60)
NUMBERED_RULES = {"workdays", "calendar_days"}
TOP_KEYS = {"jurisdiction", "profile", "documents", "domains", "catalog"}
ITEM_KEYS = {
    "key", "domain", "category", "content", "attribute", "withheld_reason", "publishers", "publisher_text",
    "deadline", "channels", "supervision", "stage", "personal_data", "punitive", "fields", "source", "note",
    "lawful_personal", "lawful_basis",
}  # fmt: skip
DEFAULT_KEYS = {"channels", "supervision", "deadline", "publishers", "attribute"}


@dataclass
class Known:
    """What is already loaded (or earlier in the same batch), for cross-file references."""

    levels: dict[str, str] = field(default_factory=dict)  # jurisdiction code -> level
    documents: dict[str, set[str]] = field(default_factory=dict)  # jurisdiction code -> document keys
    domains: dict[str, set[str]] = field(default_factory=dict)  # local domain code -> stage codes
    domain_owner: dict[str, str] = field(default_factory=dict)  # local domain code -> jurisdiction code


@dataclass
class ParsedFile:
    path: str
    sha256: str
    jurisdiction: dict
    profile: dict
    profile_sources: dict
    documents: list[dict]
    domains: list[dict]
    catalog: dict | None
    catalog_sha256: str | None = None

    @property
    def code(self) -> str:
        return self.jurisdiction["code"]

    @property
    def item_count(self) -> int:
        return sum(len(lst["items"]) for lst in self.catalog["lists"]) if self.catalog else 0


class _Checker:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[tuple[int | None, str]] = []

    def add(self, line: int | None, message: str) -> None:
        self.problems.append((line, message))

    def text(self, node: dict, key: str, what: str, *, required: bool = True, max_len: int = 2000) -> str:
        value = node.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(line_of(node), f"{what}缺少字段 {key}")
            return ""
        if not isinstance(value, str | int | float):
            self.add(line_of(node, key), f"{what}的 {key} 应为文字")
            return ""
        value = str(value).strip()
        if len(value) > max_len:
            self.add(line_of(node, key), f"{what}的 {key} 超过 {max_len} 字")
        return value

    def date(self, node: dict, key: str, what: str, *, required: bool = True) -> dt.date | None:
        value = node.get(key)
        if value is None:
            if required:
                self.add(line_of(node), f"{what}缺少字段 {key}")
            return None
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.add(line_of(node, key), f"{what}的 {key}“{value}”不是 YYYY-MM-DD 格式的日期")
            return None

    def unknown_keys(self, node: dict, allowed: set[str], what: str) -> None:
        for key in node:
            if key not in allowed:
                self.add(
                    line_of(node, key), f"{what}中有未知字段“{key}”（可用：{'、'.join(sorted(allowed))}）"
                )


def _kinds(c: _Checker, node: dict, key: str, what: str) -> list[str] | None:
    """A list of personal-data kinds (core/deidentify.py), e.g. [name, certificate]."""
    value = node.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        c.add(line_of(node, key), f"{what}应为个人信息类别的列表，如 [name, certificate]")
        return None
    unknown = [v for v in value if v not in KIND_LABELS]
    if unknown:
        c.add(
            line_of(node, key),
            f"{what}中有未知的个人信息类别“{'、'.join(unknown)}”（可用：{'、'.join(KIND_LABELS)}）",
        )
        return None
    return [str(v) for v in value]


def parse_jurisdiction_file(path: str | Path, vocab: Vocabulary, known: Known) -> ParsedFile:
    """Check a jurisdiction file against the vocabulary and what is known; raise DataFileError listing problems."""
    doc = read_yaml(path)
    c = _Checker(doc.path)
    data = doc.data
    if not isinstance(data, dict):
        raise DataFileError(doc.path, [(1, "文件内容应为映射（jurisdiction、profile、documents、catalog）")])
    c.unknown_keys(data, TOP_KEYS, "文件顶层")

    jur = _parse_jurisdiction(c, data, known)
    documents = _parse_documents(c, data)
    doc_keys = {d["key"] for d in documents}
    profile, profile_sources = _parse_profile(c, data, vocab, jur, doc_keys)
    domains = _parse_domains(c, data, vocab, jur, known)
    stages = {code: {s["code"] for s in d["stages"]} for code, d in vocab.domains.items()}
    stages.update(known.domains)
    stages.update({d["code"]: {s["code"] for s in d["stages"]} for d in domains})
    catalog = _parse_catalog(c, data, vocab, jur, known, doc_keys, stages)

    if c.problems:
        raise DataFileError(doc.path, sorted(c.problems, key=lambda p: p[0] or 0))
    parsed = ParsedFile(doc.path, doc.sha256, jur, profile, profile_sources, documents, domains, catalog)
    if catalog is not None:
        canonical = json.dumps({"catalog": catalog, "documents": documents}, sort_keys=True, default=str)
        parsed.catalog_sha256 = hashlib.sha256(canonical.encode()).hexdigest()
    return parsed


def _parse_jurisdiction(c: _Checker, data: dict, known: Known) -> dict:
    node = data.get("jurisdiction")
    if not isinstance(node, dict):
        c.add(line_of(data, "jurisdiction") or 1, "缺少 jurisdiction（行政区域：code、name、level、parent）")
        return {"code": "", "name": "", "level": "", "parent": None, "short_name": "", "ipv6": False}
    c.unknown_keys(node, {"code", "name", "level", "parent", "short_name", "ipv6"}, "jurisdiction")
    code = str(node.get("code", "")).strip()
    if not CODE_RE.match(code):
        c.add(
            line_of(node, "code") or line_of(node), f"行政区划代码“{code}”应为6位数字（GB/T 2260），并加引号"
        )
    name = c.text(node, "name", "jurisdiction", max_len=60)
    level = str(node.get("level", ""))
    if level not in Level.values:
        c.add(
            line_of(node, "level") or line_of(node), f"层级“{level}”无效，应为 {'、'.join(Level.values)} 之一"
        )
    parent = node.get("parent")
    parent = str(parent).strip() if parent is not None else None
    if level == Level.NATIONAL:
        if parent:
            c.add(line_of(node, "parent"), "国家层级不应有上级")
    elif not parent:
        c.add(line_of(node), "缺少 parent（上级行政区划代码）")
    elif parent not in known.levels:
        c.add(line_of(node, "parent"), f"上级“{parent}”尚未载入，请先载入上级的文件")
    elif parent == code:
        c.add(line_of(node, "parent"), "上级不能是自己")
    else:
        from gongkai.catalog.choices import LEVEL_ORDER

        plevel = known.levels[parent]
        if level in Level.values and LEVEL_ORDER[Level(plevel)] >= LEVEL_ORDER[Level(level)]:
            c.add(line_of(node, "parent"), f"上级“{parent}”的层级（{plevel}）不高于本级（{level}）")
    ipv6 = node.get("ipv6", False)
    if not isinstance(ipv6, bool):
        c.add(line_of(node, "ipv6"), "ipv6 应为 true 或 false")
        ipv6 = False
    short = c.text(node, "short_name", "jurisdiction", required=False, max_len=30)
    return {"code": code, "name": name, "level": level, "parent": parent, "short_name": short, "ipv6": ipv6}


def _parse_documents(c: _Checker, data: dict) -> list[dict]:
    nodes = data.get("documents") or []
    if not isinstance(nodes, list):
        c.add(line_of(data, "documents"), "documents 应为列表")
        return []
    out, seen = [], set()
    for i, node in enumerate(nodes):
        if not isinstance(node, dict):
            c.add(line_of(nodes, i), "documents 的每一项应为映射")
            continue
        c.unknown_keys(node, {"key", "title", "doc_no", "issuer", "issued_on", "url"}, "文件")
        key = c.text(node, "key", "文件", max_len=60)
        if key in seen:
            c.add(line_of(node, "key"), f"文件键“{key}”重复")
        seen.add(key)
        issued = c.date(node, "issued_on", "文件", required=False)
        out.append(
            {
                "key": key,
                "title": c.text(node, "title", "文件", max_len=200),
                "doc_no": c.text(node, "doc_no", "文件", required=False, max_len=60),
                "issuer": c.text(node, "issuer", "文件", required=False, max_len=100),
                "issued_on": issued.isoformat() if issued else None,
                "url": c.text(node, "url", "文件", required=False, max_len=200),
            }
        )
    return out


def _parse_profile(
    c: _Checker, data: dict, vocab: Vocabulary, jur: dict, doc_keys: set[str]
) -> tuple[dict, dict]:
    node = data.get("profile")
    if node is None:
        node = {}
    if not isinstance(node, dict):
        c.add(line_of(data, "profile"), "profile 应为映射")
        return {}, {}
    profile, sources = {}, {}
    for key, value in node.items():
        if key == "sources":
            continue
        if key not in vocab.profile_keys:
            c.add(line_of(node, key), f"规则配置中有未知键“{key}”（可用：{'、'.join(vocab.profile_keys)}）")
            continue
        if vocab.profile_key_types.get(key) == "kinds":
            kinds = _kinds(c, node, key, f"规则配置的 {key}")
            if kinds is not None:
                profile[key] = kinds
            continue
        if key == "index_no_pattern":
            if not isinstance(value, str) or "{serial" not in value:
                c.add(line_of(node, key), '索引号格式应为含 {serial} 的文字，如 "{uscc}/{yyyy}-{serial:05d}"')
                continue
        elif value is not None and (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not PROFILE_INT_RANGE[0] <= value <= PROFILE_INT_RANGE[1]
        ):
            c.add(line_of(node, key), f"{vocab.profile_keys[key]}应为0到60之间的整数（工作日），或 null")
            continue
        profile[key] = value
    raw_sources = node.get("sources") or {}
    if not isinstance(raw_sources, dict):
        c.add(line_of(node, "sources"), "profile.sources 应为映射")
        raw_sources = {}
    for key, src in raw_sources.items():
        if key not in profile:
            c.add(line_of(raw_sources, key), f"profile.sources 中的“{key}”在本文件的规则配置中没有设置")
            continue
        if not isinstance(src, dict) or not src.get("doc"):
            c.add(line_of(raw_sources, key), "依据应写成 {doc: 文件键, ref: 条款}")
            continue
        if src["doc"] not in doc_keys:
            c.add(line_of(raw_sources, key), f"依据文件“{src['doc']}”不在本文件的 documents 中")
        sources[key] = {"doc": str(src["doc"]), "ref": str(src.get("ref", "") or "")}
    if jur.get("level") == Level.NATIONAL:
        missing = [k for k in vocab.profile_keys if k not in profile]
        if missing:
            c.add(
                line_of(data, "profile") or 1, f"国家层级的规则配置须设置全部键，缺少：{'、'.join(missing)}"
            )
    return profile, sources


def _parse_domains(c: _Checker, data: dict, vocab: Vocabulary, jur: dict, known: Known) -> list[dict]:
    nodes = data.get("domains") or []
    if not isinstance(nodes, list):
        c.add(line_of(data, "domains"), "domains 应为列表")
        return []
    out = []
    for i, node in enumerate(nodes):
        if not isinstance(node, dict):
            c.add(line_of(nodes, i), "domains 的每一项应为映射")
            continue
        c.unknown_keys(node, {"code", "name", "description", "stages"}, "领域")
        code = c.text(node, "code", "领域", max_len=40)
        if code and not FIELD_KEY_RE.match(code):
            c.add(line_of(node, "code"), f"领域代码“{code}”只能用小写字母、数字和下划线")
        if code in vocab.domains:
            c.add(line_of(node, "code"), f"领域“{code}”已在共享词表中，无需重复定义")
        owner = known.domain_owner.get(code)
        if owner and owner != jur["code"]:
            c.add(line_of(node, "code"), f"领域代码“{code}”已被行政区域 {owner} 使用，请换一个代码")
        stages, seen = [], set()
        for j, s in enumerate(node.get("stages") or []):
            if not isinstance(s, dict) or not s.get("code") or not s.get("name"):
                c.add(line_of(node.get("stages"), j), "环节应写成 {code, name}")
                continue
            if s["code"] in seen:
                c.add(line_of(node.get("stages"), j), f"环节代码“{s['code']}”重复")
            seen.add(s["code"])
            stages.append({"code": str(s["code"]), "name": str(s["name"])})
        out.append(
            {
                "code": code,
                "name": c.text(node, "name", "领域", max_len=60),
                "description": c.text(node, "description", "领域", required=False, max_len=200),
                "stages": stages,
            }
        )
    return out


def _parse_deadline(c: _Checker, node: Any, line: int | None, vocab: Vocabulary, what: str) -> dict | None:
    if not isinstance(node, dict):
        c.add(line, f"{what}的 deadline 应写成 {{rule: proactive}} 等形式")
        return None
    rule = node.get("rule")
    if rule not in vocab.deadline_rules:
        c.add(
            line_of(node, "rule") or line,
            f"{what}的时限规则“{rule}”无效（可用：{'、'.join(vocab.deadline_rules)}）",
        )
        return None
    out: dict[str, Any] = {"rule": rule}
    days = node.get("days")
    if rule in NUMBERED_RULES:
        if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 365:
            c.add(line_of(node, "days") or line, f"{what}的时限规则 {rule} 需要 days（0 到 365 的整数）")
        else:
            out["days"] = days
    elif days is not None:
        c.add(line_of(node, "days"), f"{what}的时限规则 {rule} 的天数取自规则配置，不应写 days")
    if node.get("text"):
        out["text"] = str(node["text"])
    c.unknown_keys(node, {"rule", "days", "text"}, f"{what}的 deadline")
    return out


def _parse_fields(
    c: _Checker, nodes: Any, line: int | None, vocab: Vocabulary, what: str, *, nested=False
) -> list:
    if nodes is None:
        return []
    if not isinstance(nodes, list):
        c.add(line, f"{what}的 fields 应为列表")
        return []
    out, seen = [], set()
    for i, node in enumerate(nodes):
        fl = line_of(nodes, i)
        if not isinstance(node, dict):
            c.add(fl, f"{what}的字段应为映射 {{key, label, type}}")
            continue
        c.unknown_keys(
            node,
            {
                "key",
                "label",
                "type",
                "required",
                "personal",
                "lawful_personal",
                "lawful_basis",
                "options",
                "columns",
                "help",
            },
            "字段",
        )
        key = str(node.get("key", ""))
        if not FIELD_KEY_RE.match(key):
            c.add(fl, f"{what}的字段键“{key}”无效（小写字母开头，只含小写字母、数字、下划线）")
        elif key in seen:
            c.add(fl, f"{what}的字段键“{key}”重复")
        seen.add(key)
        if not node.get("label"):
            c.add(fl, f"{what}的字段“{key}”缺少 label")
        ftype = node.get("type")
        if ftype not in vocab.field_types:
            c.add(fl, f"{what}的字段“{key}”类型“{ftype}”无效（可用：{'、'.join(vocab.field_types)}）")
            continue
        entry: dict[str, Any] = {"key": key, "label": str(node.get("label", "")), "type": ftype}
        for flag in ("required", "personal"):
            if node.get(flag) is not None:
                if not isinstance(node[flag], bool):
                    c.add(fl, f"{what}的字段“{key}”的 {flag} 应为 true 或 false")
                entry[flag] = bool(node[flag])
        if node.get("help"):
            entry["help"] = str(node["help"])
        if node.get("lawful_personal") is not None:
            kinds = _kinds(c, node, "lawful_personal", f"{what}的字段“{key}”的 lawful_personal")
            if kinds:
                entry["lawful_personal"] = kinds
                if node.get("lawful_basis"):
                    entry["lawful_basis"] = str(node["lawful_basis"])
        if ftype == "choice":
            options = node.get("options")
            if not isinstance(options, list) or not options:
                c.add(fl, f"{what}的选项字段“{key}”须列出 options")
            else:
                entry["options"] = [str(o) for o in options]
        if ftype == "table":
            if nested:
                c.add(fl, f"{what}的表格列不能再是表格")
            elif not node.get("columns"):
                c.add(fl, f"{what}的表格字段“{key}”须列出 columns")
            else:
                entry["columns"] = _parse_fields(
                    c, node["columns"], fl, vocab, f"{what}的表格“{key}”", nested=True
                )
        out.append(entry)
    return out


def _parse_catalog(
    c: _Checker,
    data: dict,
    vocab: Vocabulary,
    jur: dict,
    known: Known,
    doc_keys: set[str],
    stages: dict[str, set[str]],
) -> dict | None:
    node = data.get("catalog")
    if node is None:
        return None
    if not isinstance(node, dict):
        c.add(line_of(data, "catalog"), "catalog 应为映射")
        return None
    c.unknown_keys(
        node, {"version", "effective_from", "effective_to", "extends", "defaults", "lists"}, "catalog"
    )
    version = c.text(node, "version", "catalog", max_len=40)
    start = c.date(node, "effective_from", "catalog")
    end = c.date(node, "effective_to", "catalog", required=False)
    if start and end and end <= start:
        c.add(line_of(node, "effective_to"), "失效日期应晚于生效日期")
    extends = node.get("extends")
    extends = str(extends) if extends is not None else None
    cited_docs = set(doc_keys)
    if extends is not None:
        if extends == jur["code"]:
            c.add(line_of(node, "extends"), "目录不能继承自己")
        elif extends not in known.levels:
            c.add(line_of(node, "extends"), f"被继承的目录“{extends}”尚未载入")
        else:
            cited_docs |= known.documents.get(extends, set())

    defaults = node.get("defaults") or {}
    if not isinstance(defaults, dict):
        c.add(line_of(node, "defaults"), "defaults 应为映射")
        defaults = {}
    c.unknown_keys(defaults, DEFAULT_KEYS, "defaults")

    lists = node.get("lists")
    if not isinstance(lists, list) or not lists:
        c.add(line_of(node, "lists") or line_of(node), "catalog 须有 lists（至少一个目录表）")
        lists = []
    out_lists, keys_seen = [], {}
    for li, lst in enumerate(lists):
        if not isinstance(lst, dict):
            c.add(line_of(lists, li), "lists 的每一项应为映射 {title, items}")
            continue
        c.unknown_keys(lst, {"title", "items"}, "目录表")
        title = c.text(lst, "title", "目录表", max_len=200)
        items = lst.get("items")
        if not isinstance(items, list) or not items:
            c.add(line_of(lst), f"目录表“{title}”没有事项（items）")
            items = []
        out_items = []
        for ii, item in enumerate(items):
            il = line_of(items, ii)
            if not isinstance(item, dict):
                c.add(il, "事项应为映射")
                continue
            merged = {**dict(defaults.items()), **item}
            parsed = _parse_item(c, merged, item, il, vocab, stages, cited_docs)
            if parsed is None:
                continue
            if parsed["key"] in keys_seen:
                c.add(il, f"事项代码“{parsed['key']}”重复（第 {keys_seen[parsed['key']]} 行已有）")
            keys_seen[parsed["key"]] = il
            out_items.append(parsed)
        out_lists.append({"title": title, "items": out_items})
    return {
        "version": version,
        "effective_from": start.isoformat() if start else None,
        "effective_to": end.isoformat() if end else None,
        "extends": extends,
        "defaults": _plain(defaults),
        "lists": out_lists,
    }


def _plain(value: Any) -> Any:
    """ruamel's commented containers → plain dicts and lists (for JSON columns and hashing)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _parse_item(
    c: _Checker,
    merged: dict,
    own: dict,
    line: int | None,
    vocab: Vocabulary,
    stages: dict[str, set[str]],
    docs: set[str],
) -> dict | None:
    c.unknown_keys(own, ITEM_KEYS, "事项")
    key = str(own.get("key", ""))
    what = f"事项“{key}”" if key else "事项"
    if not key:
        c.add(line, "事项缺少 key")
    elif not KEY_RE.match(key):
        c.add(line_of(own, "key"), f"事项代码“{key}”无效（小写字母、数字、点、下划线、连字符）")
    domain = str(merged.get("domain", ""))
    if not domain:
        c.add(line, f"{what}缺少 domain")
    elif domain not in stages:
        c.add(line_of(own, "domain") or line, f"{what}的领域“{domain}”未定义（词表或本文件 domains 中没有）")
    category = c.text(own, "category", what, max_len=200)
    content = c.text(own, "content", what, max_len=4000)
    attribute = merged.get("attribute")
    if attribute not in vocab.attributes:
        c.add(
            line_of(own, "attribute") or line,
            f"{what}的公开属性“{attribute}”无效（可用：{'、'.join(vocab.attributes)}）",
        )
    reason = c.text(merged, "withheld_reason", what, required=False)
    if attribute in vocab.attributes and attribute != "proactive" and not reason:
        c.add(
            line_of(own, "attribute") or line,
            f"{what}不是主动公开，须写明 withheld_reason（不公开或依申请公开的理由）",
        )
    publishers = merged.get("publishers")
    if not isinstance(publishers, list) or not publishers:
        c.add(line, f"{what}缺少 publishers（公开主体类型，至少一个）")
        publishers = []
    for p in publishers:
        if p not in BodyKind.values:
            c.add(
                line_of(own, "publishers") or line,
                f"{what}的公开主体类型“{p}”无效（可用：{'、'.join(BodyKind.values)}）",
            )
    deadline = None
    if "deadline" not in merged:
        c.add(line, f"{what}缺少 deadline（公开时限）")
    else:
        deadline = _parse_deadline(c, merged["deadline"], line_of(own, "deadline") or line, vocab, what)
    channels = merged.get("channels") or []
    if not isinstance(channels, list):
        c.add(line_of(own, "channels") or line, f"{what}的 channels 应为列表")
        channels = []
    for ch in channels:
        if ch not in vocab.channels:
            c.add(
                line_of(own, "channels") or line,
                f"{what}的公开渠道“{ch}”无效（可用：{'、'.join(vocab.channels)}）",
            )
    stage = own.get("stage")
    if stage is not None and domain in stages and stage not in stages[domain]:
        c.add(
            line_of(own, "stage"),
            f"{what}的环节“{stage}”不属于领域 {domain}（可用：{'、'.join(sorted(stages[domain])) or '无'}）",
        )
    for flag in ("personal_data", "punitive"):
        if own.get(flag) is not None and not isinstance(own[flag], bool):
            c.add(line_of(own, flag), f"{what}的 {flag} 应为 true 或 false")
    fields = _parse_fields(c, own.get("fields"), line_of(own, "fields") or line, vocab, what)
    lawful: dict[str, Any] = {}
    if own.get("lawful_personal") is not None:
        kinds = _kinds(c, own, "lawful_personal", f"{what}的 lawful_personal")
        if kinds:
            lawful["lawful_personal"] = kinds
            lawful["lawful_basis"] = c.text(own, "lawful_basis", what, max_len=300)
    elif own.get("lawful_basis") is not None:
        if not any(f.get("lawful_personal") for f in _all_fields(fields)):
            c.add(
                line_of(own, "lawful_basis"),
                f"{what}写了 lawful_basis，本事项及其字段却都没有 lawful_personal",
            )
        lawful["lawful_basis"] = c.text(own, "lawful_basis", what, max_len=300)
    source = own.get("source")
    src_doc, src_ref = "", ""
    if not isinstance(source, dict) or not source.get("doc") or not source.get("ref"):
        c.add(line_of(own, "source") or line, f"{what}缺少 source（{{doc: 文件键, ref: 条款或附件行}}）")
    else:
        src_doc, src_ref = str(source["doc"]), str(source["ref"])
        if src_doc not in docs:
            c.add(line_of(own, "source"), f"{what}的依据文件“{src_doc}”不在 documents 中")
    return {
        "key": key,
        "domain": domain,
        "category": category,
        "content": content,
        "attribute": attribute,
        "withheld_reason": reason,
        "publishers": [str(p) for p in publishers],
        "publisher_text": c.text(own, "publisher_text", what, required=False, max_len=300),
        "deadline": deadline,
        "channels": [str(ch) for ch in channels],
        "supervision": c.text(merged, "supervision", what, required=False, max_len=300),
        "stage": str(stage) if stage is not None else None,
        "personal_data": bool(own.get("personal_data", False)),
        "punitive": bool(own.get("punitive", False)),
        "fields": fields,
        "source": {"doc": src_doc, "ref": src_ref},
        # only when set, so that catalogs without it keep their content hash
        **lawful,
    }


def _all_fields(fields: list[dict]) -> list[dict]:
    return [f for field in fields for f in (field, *field.get("columns", []))]


def read_header(path: str | Path) -> tuple[str | None, str | None]:
    """(code, parent) of a jurisdiction file without checking it, to order a batch by parent."""
    try:
        data = read_yaml(path).data
    except DataFileError:
        return None, None
    node = data.get("jurisdiction") if isinstance(data, dict) else None
    if not isinstance(node, dict):
        return None, None
    parent = node.get("parent")
    return str(node.get("code", "")) or None, (str(parent) if parent is not None else None)
