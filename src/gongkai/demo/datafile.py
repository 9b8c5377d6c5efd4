"""Reading and checking the demo data files (docs/demo.md): `data/demo/disclosure-texts.yaml` (body templates,
default facts, field aliases) and `data/demo/disclosures/<slug>.yaml` (one jurisdiction's demo disclosures).

A file is checked as a whole and every problem is reported with its line, as for rule data, before anything is
written. Dates are relative to `today`: `{year@-215}` is the year 215 days before today (`{year@-30+1}` the year
after it, `{yy@-250}` its last two digits), and a value that is exactly `{date@-452}` or `{date@+2y}` is the day
452 days before today or two years after it. `@name` is a party of the file (or, left for the loader, one of its
organizations).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from gongkai.core.codes import uscc_problem
from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import line_of, read_yaml
from gongkai.demo.facts import Party, add_years, make_uscc

STATES = ("draft", "submitted", "reviewed", "approved", "published")
TOP_KEYS = {"code", "slug", "organizations", "extra_organizations", "facts", "parties", "sets", "records"}
FACT_KEYS = {"sets", "without", "facts"}
RECORD_KEYS = FACT_KEYS | {
    "item", "org", "title", "template", "body", "fields", "ago", "due_in", "state", "lag", "late", "subject",
    "genre", "doc_no", "keywords", "valid_until", "redacted", "mask", "confirm", "correct", "propose", "withdraw",
    "validity", "ref", "links", "copied",
}  # fmt: skip
INT_KEYS = ("ago", "due_in", "lag", "late")
BOOL_KEYS = ("redacted", "mask", "confirm", "copied")
TEXT_KEYS = ("state", "subject", "genre", "doc_no", "keywords", "valid_until", "withdraw", "ref")
PARTY_KEYS = {"name", "region", "prefix", "address", "rep", "uscc"}
YEAR_RE = re.compile(r"\{(year|yy)@-(\d+)([-+]\d+)?\}")
DATE_RE = re.compile(r"^\{date@(?:-(\d+)|\+(\d+)y)\}$")


@dataclass
class Rec:
    """One demo disclosure: what it is, who publishes it, when, and what happens to it afterwards.

    `title` and `body` are templates filled from the facts `c` (plus dates derived from the day it was formed).
    """

    item: str  # catalog item key
    org: str  # organization alias in the jurisdiction's `orgs`
    title: str
    body: str
    c: dict[str, Any] = field(default_factory=dict)
    f: dict[str, Any] = field(default_factory=dict)  # explicit structured fields
    ago: int = 60  # formed this many calendar days before today (moved back to a working day)
    due_in: int | None = None  # instead of `ago`: formed so that it falls due within this many working days
    state: str = "published"  # or draft / submitted / reviewed / approved
    lag: int = 2  # working days from formed to published
    late: int = 0  # if > 0: published this many working days after the due date
    subject: str = ""
    genre: str = "notice"
    doc_no: str = ""
    keywords: str = ""
    valid_until: str = ""
    redacted: bool = False
    mask: bool = False  # personal data in the body, masked by the reviewer before approval
    confirm: bool = False  # punitive notice: the reviewer confirms publishing the personal data
    correct: tuple[str, dict[str, Any]] | None = None  # (reason, changed facts) → a second revision
    propose: tuple[str, dict[str, Any]] | None = None  # a correction proposed and left for the reviewer
    withdraw: str = ""
    validity: tuple[str, str] | None = None  # (expired | repealed, reason)
    ref: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)  # (target ref, kind): this record → target
    copied: bool = False  # copy to the supervision bureau marked as sent
    line: int | None = None  # where the record is in its file


@dataclass
class Place:
    """A jurisdiction's demo: its organizations (alias → name, and extra ones to create) and records."""

    path: str
    code: str
    slug: str
    orgs: dict[str, str]  # alias → organization name
    extra: list[tuple[str, str, str, str]]  # (alias, name, kind, USCC prefix)
    facts: dict[str, Any]  # defaults for every record (platform, contacts, bodies)
    records: list[Rec]


@dataclass(frozen=True)
class Texts:
    """What every jurisdiction's records share: body templates, default facts and field aliases."""

    templates: dict[str, str]
    defaults: dict[str, Any]
    aliases: dict[str, tuple[str, ...]]
    comments: dict[str, str] = field(default_factory=dict)  # the reviewer's on approving and on a correction


def read_texts(path: str | Path) -> Texts:
    doc = read_yaml(path)
    data, problems = doc.data, []
    if not isinstance(data, CommentedMap) or set(data) != {"templates", "defaults", "aliases", "comments"}:
        raise DataFileError(doc.path, [(None, "应有且只有 templates、defaults、aliases、comments 四部分")])
    for key, text in data["templates"].items():
        if not isinstance(text, str):
            problems.append((line_of(data["templates"], key), f"正文模板“{key}”应为文本"))
    aliases: dict[str, tuple[str, ...]] = {}
    for key, sources in data["aliases"].items():
        sources = [sources] if isinstance(sources, str) else sources
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            problems.append((line_of(data["aliases"], key), f"字段别名“{key}”应为事实名或其列表"))
            continue
        aliases[str(key)] = tuple(str(s) for s in sources)
    if problems:
        raise DataFileError(doc.path, problems)
    return Texts(
        templates={str(k): str(v).strip() for k, v in data["templates"].items()},
        defaults=plain(data["defaults"]),
        aliases=aliases,
        comments=plain(data["comments"]),
    )


def plain(value: Any) -> Any:
    """ruamel's round-trip nodes as plain dicts, lists and strings."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


class _Reader:
    def __init__(self, path: str, data: CommentedMap, texts: Texts, today: dt.date) -> None:
        self.path, self.data, self.texts, self.today = path, data, texts, today
        self.problems: list[tuple[int | None, str]] = []
        self.parties: dict[str, Party] = {}
        self.orgs: set[str] = set()
        self.sets: dict[str, dict[str, Any]] = {}

    def problem(self, node: Any, key: Any, message: str) -> None:
        self.problems.append((line_of(node, key), message))

    # values

    def value(self, node: Any, key: Any, value: Any) -> Any:
        """A fact with its marks resolved and parties in place (problems are noted against node[key])."""
        if isinstance(value, dict):
            return {str(k): self.value(value, k, v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.value(value, i, v) for i, v in enumerate(value)]
        if not isinstance(value, str):
            return value
        text = str(value)
        if text.startswith("@"):
            name = text[1:]
            if name in self.parties:
                return self.parties[name]
            if name not in self.orgs:
                self.problem(node, key, f"“{text}”既不是本文件的当事人（parties），也不是机构别名")
            return text
        if match := DATE_RE.match(text):
            days, years = match.groups()
            return add_years(self.today, int(years)) if years else self.today - dt.timedelta(days=int(days))
        if "{date@" in text:
            self.problem(node, key, f"日期标记只能单独作为值：{text}")
        whole = YEAR_RE.fullmatch(text)
        text = YEAR_RE.sub(self._year, text)
        return int(text) if whole and whole.group(1) == "year" else text

    def _year(self, match: re.Match) -> str:
        kind, days, plus = match.groups()
        year = (self.today - dt.timedelta(days=int(days))).year + int(plus or 0)
        return f"{year % 100:02d}" if kind == "yy" else str(year)

    def layered(self, node: CommentedMap, where: str) -> dict[str, Any]:
        """Facts from named sets, less `without`, plus `facts`."""
        out: dict[str, Any] = {}
        for i, name in enumerate(node.get("sets") or []):
            if name not in self.sets:
                self.problem(node["sets"], i, f"{where}：未定义（或定义在后）的事实组“{name}”")
                continue
            out.update(self.sets[name])
        for i, key in enumerate(node.get("without") or []):
            if out.pop(str(key), None) is None:
                self.problem(node["without"], i, f"{where}：要去掉的事实“{key}”不在所引用的事实组中")
        facts = node.get("facts") or {}
        if not isinstance(facts, dict):
            self.problem(node, "facts", f"{where}：facts 应为键值表")
            return out
        out.update(self.value(node, "facts", facts))
        return out

    # sections

    def read(self) -> Place:
        d = self.data
        for key in d:
            if key not in TOP_KEYS:
                self.problem(d, key, f"未知的键“{key}”（可用：{'、'.join(sorted(TOP_KEYS))}）")
        for key in ("code", "slug", "organizations", "records"):
            if key not in d:
                self.problem(d, None, f"缺少“{key}”")
        if self.problems:
            raise DataFileError(self.path, self.problems)
        orgs = {str(k): str(v) for k, v in d["organizations"].items()}
        extra = []
        for i, e in enumerate(d.get("extra_organizations") or []):
            if not isinstance(e, dict) or not {"alias", "name", "kind"} <= set(e):
                self.problem(d["extra_organizations"], i, "补充机构应有 alias、name、kind（可选 prefix）")
                continue
            extra.append((str(e["alias"]), str(e["name"]), str(e["kind"]), str(e.get("prefix", "12"))))
        self.orgs = set(orgs) | {e[0] for e in extra}
        self.read_parties(d.get("parties") or CommentedMap())
        facts = self.value(d, "facts", d.get("facts") or {})
        for name, node in (d.get("sets") or {}).items():
            self.check_keys(node, FACT_KEYS, f"事实组“{name}”")
            self.sets[str(name)] = self.layered(node, f"事实组“{name}”")
        records = [self.record(d["records"], i, node) for i, node in enumerate(d["records"])]
        refs = {r.ref for r in records if r.ref}
        for r, node in zip(records, d["records"], strict=True):
            for i, (target, _kind) in enumerate(r.links):
                if target not in refs:
                    self.problem(node["links"], i, f"关联的记录“{target}”在本文件中没有（ref）")
        if self.problems:
            raise DataFileError(self.path, self.problems)
        return Place(self.path, str(d["code"]), str(d["slug"]), orgs, extra, facts, records)

    def read_parties(self, node: CommentedMap) -> None:
        for alias, p in node.items():
            if not isinstance(p, dict) or "name" not in p or "region" not in p:
                self.problem(
                    node, alias, f"当事人“{alias}”应有 name 和 region（可选 prefix、address、rep、uscc）"
                )
                continue
            self.check_keys(p, PARTY_KEYS, f"当事人“{alias}”")
            if alias in self.orgs:
                self.problem(node, alias, f"当事人“{alias}”与机构别名重名")
            name, region, prefix = str(p["name"]), str(p["region"]), str(p.get("prefix", "91"))
            uscc = str(p["uscc"]) if "uscc" in p else make_uscc(name, region, prefix)
            if problem := uscc_problem(uscc):
                self.problem(p, "uscc", f"当事人“{alias}”的统一社会信用代码有误：{problem}")
            self.parties[str(alias)] = Party(name, uscc, str(p.get("address", "")), str(p.get("rep", "")))

    def check_keys(self, node: Any, allowed: set[str], what: str) -> None:
        if not isinstance(node, dict):
            self.problem(node, None, f"{what}应为键值表")
            return
        for key in node:
            if key not in allowed:
                self.problem(node, key, f"{what}中有未知字段“{key}”（可用：{'、'.join(sorted(allowed))}）")

    def record(self, seq: CommentedSeq, i: int, node: Any) -> Rec:
        where = f"第{i + 1}条记录"
        self.check_keys(node, RECORD_KEYS, where)
        if not isinstance(node, dict):
            return Rec("", "", "", "")
        for key in ("item", "org", "title"):
            if not isinstance(node.get(key), str):
                self.problem(seq, i, f"{where}缺少“{key}”")
        if ("template" in node) == ("body" in node):
            self.problem(seq, i, f"{where}应有 template（正文模板名）或 body（正文）之一")
        elif "template" in node and node["template"] not in self.texts.templates:
            self.problem(node, "template", f"{where}：未知的正文模板“{node['template']}”")
        if node.get("org") not in self.orgs:
            self.problem(node, "org", f"{where}：未知的机构别名“{node.get('org')}”")
        if node.get("state", "published") not in STATES:
            self.problem(node, "state", f"{where}：状态应为 {'、'.join(STATES)} 之一")
        kwargs: dict[str, Any] = {}
        for key in INT_KEYS + BOOL_KEYS + TEXT_KEYS:
            if key not in node:
                continue
            kind = int if key in INT_KEYS else bool if key in BOOL_KEYS else str
            if not isinstance(node[key], kind) or (kind is int and isinstance(node[key], bool)):
                self.problem(
                    node, key, f"{where}：“{key}”应为{ {int: '整数', bool: '是/否', str: '文本'}[kind] }"
                )
            kwargs[key] = self.value(node, key, node[key]) if kind is str else node[key]
        for key in ("correct", "propose"):
            if key in node:
                change = node[key]
                if not isinstance(change, dict) or set(change) != {"reason", "facts"}:
                    self.problem(node, key, f"{where}：“{key}”应有 reason 和 facts")
                    continue
                kwargs[key] = (str(change["reason"]), self.value(change, "facts", change["facts"]))
        if "validity" in node:
            v = node["validity"]
            if (
                not isinstance(v, dict)
                or set(v) != {"to", "reason"}
                or v["to"] not in ("expired", "repealed")
            ):
                self.problem(node, "validity", f"{where}：validity 应有 to（expired 或 repealed）和 reason")
            else:
                kwargs["validity"] = (str(v["to"]), str(v["reason"]))
        links = []
        for j, link in enumerate(node.get("links") or []):
            if not isinstance(link, dict) or set(link) != {"to", "kind"}:
                self.problem(node["links"], j, f"{where}：关联应有 to 和 kind")
                continue
            links.append((str(link["to"]), str(link["kind"])))
        template = node.get("template")
        body = self.texts.templates.get(template, "") if template else str(node.get("body", ""))
        return Rec(
            item=str(node.get("item", "")),
            org=str(node.get("org", "")),
            title=self.value(node, "title", node.get("title", "")),
            body=self.value(node, "body", body),
            c=self.layered(node, where),
            f=self.value(node, "fields", node.get("fields") or {}),
            links=links,
            line=line_of(seq, i),
            **kwargs,
        )


def read_place(path: str | Path, texts: Texts, today: dt.date) -> Place:
    """One jurisdiction's demo disclosures, checked; a DataFileError lists every problem with its line."""
    doc = read_yaml(path)
    if not isinstance(doc.data, CommentedMap):
        raise DataFileError(doc.path, [(None, "文件应为键值表")])
    return _Reader(doc.path, doc.data, texts, today).read()


def read_dated(path: str | Path, today: dt.date) -> Any:
    """A demo data file as plain values, its date marks resolved against `today` (a DataFileError names the line of
    a misplaced one)."""
    doc = read_yaml(path)
    reader = _Reader(doc.path, doc.data, Texts({}, {}, {}), today)
    value = reader.value(None, None, doc.data)
    if reader.problems:
        raise DataFileError(doc.path, reader.problems)
    return value
