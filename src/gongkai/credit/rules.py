"""Publicity periods of credit information (信用信息公示期限), read from data/credit/publicity.yaml.

The file is the rule: the kinds of record of Lu'an art. 5 with their periods, and the schemes (《信用修复管理办法》,
发改办财金〔2019〕527号, 市场监管总局令第45号) whose classes (轻微/一般/严重 …) set the minimum and maximum for
penalties and the blacklist. `check_rules()` validates a file and names the line of each problem; `get_rules()`
gives the current file's rules, cached per process until the file changes.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from gongkai.core.errors import DataFileError, DomainError
from gongkai.core.yamlfile import line_of, read_yaml

RECORD_KINDS = ("registration", "licence", "penalty", "honour", "other")
KINDS = (*RECORD_KINDS, "blacklist")
STARTS = {"decision": "决定之日", "publication": "公示之日"}
VERIFIED = ("V", "P", "U")


class NoPublicityRule(DomainError):
    code = "no_publicity_rule"


def add_months(start: dt.date, months: int) -> dt.date:
    """The last day of a period of `months` months from `start` (民法典 第二百零一、二百零二条).

    The starting day is not counted; the period ends on the corresponding day of the last month, or on that
    month's last day when it has none (2026-01-31 + 1 → 2026-02-28).
    """
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Source:
    title: str
    doc_no: str = ""
    ref: str = ""
    url: str = ""
    verified: str = "U"
    note: str = ""

    @property
    def text(self) -> str:
        doc = f"《{self.title}》" + (f"（{self.doc_no}）" if self.doc_no else "")
        return doc + self.ref


@dataclass(frozen=True)
class PeriodClass:
    key: str
    label: str
    min_months: int | None
    max_months: int | None
    disclose: bool = True
    note: str = ""
    verified: str = ""


@dataclass(frozen=True)
class Scheme:
    key: str
    title: str
    effective_from: dt.date
    effective_to: dt.date | None
    default_for: tuple[str, ...]
    applies_to: tuple[str, ...]
    starts: str
    source: Source
    classes: dict[str, PeriodClass]

    def in_force(self, on: dt.date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


@dataclass(frozen=True)
class KindRule:
    key: str
    label: str
    description: str
    by_scheme: bool
    max_months: int | None
    source: Source


@dataclass(frozen=True)
class Period:
    """The publicity of one record or entry, fixed when it is recorded, with the rule it came from."""

    kind: str
    scheme: str
    severity: str
    starts_on: dt.date
    until: dt.date | None  # last day in public view; None = no end
    repair_from: dt.date | None  # first day a credit repair may end publicity early
    disclose: bool
    rule_text: str


@dataclass(frozen=True)
class PublicityRules:
    path: str
    sha256: str
    starts: str
    kinds: dict[str, KindRule]
    schemes: dict[str, Scheme] = field(default_factory=dict)

    def schemes_for(self, kind: str) -> list[Scheme]:
        """Every scheme that may be named on a record of this kind (default or explicitly applicable)."""
        return [s for s in self.schemes.values() if kind in s.default_for or kind in s.applies_to]

    def scheme_for(self, kind: str, on: dt.date, key: str = "") -> Scheme | None:
        """The scheme named (`key`), or the default for `kind` in force on the decision date `on`."""
        if key:
            scheme = self.schemes.get(key)
            if scheme is None or scheme not in self.schemes_for(kind):
                raise NoPublicityRule(
                    f"公示期限规则“{key}”不适用于{self.kinds[kind].label}", code="rule_not_applicable"
                )
            return scheme
        found = [s for s in self.schemes.values() if kind in s.default_for and s.in_force(on)]
        return found[0] if found else None

    def period(
        self,
        kind: str,
        *,
        decided_on: dt.date,
        published_on: dt.date | None = None,
        scheme: str = "",
        severity: str = "",
    ) -> Period:
        """The publicity period of a record of `kind` decided on `decided_on` (and published on `published_on`).

        Raises NoPublicityRule when the kind takes a scheme and none applies on that date (the record must then
        carry its own end date), or when the class (severity) is not one of the scheme's.
        """
        rule = self.kinds.get(kind)
        if rule is None:
            raise NoPublicityRule(f"没有“{kind}”类信用信息的公示期限规则", code="unknown_kind")
        published_on = published_on or decided_on
        if not rule.by_scheme:
            start = published_on if self.starts == "publication" else decided_on
            until = None if rule.max_months is None else add_months(start, rule.max_months)
            limit = "不设公示期限" if rule.max_months is None else f"公示{_months(rule.max_months)}"
            note = f"（{rule.source.note}）" if rule.source.note else ""
            return Period(
                kind, "", "", start, until, None, True, f"{rule.label}{limit}：{rule.source.text}{note}"
            )
        found = self.scheme_for(kind, decided_on, scheme)
        if found is None:
            raise NoPublicityRule(
                f"{decided_on:%Y-%m-%d}作出的{rule.label}没有适用的公示期限规则，请按决定文书填写截止日期",
                code="no_rule_in_force",
            )
        klass = found.classes.get(severity)
        if klass is None:
            names = "、".join(f"{c.label}（{c.key}）" for c in found.classes.values())
            raise NoPublicityRule(
                f"《{found.title}》的失信程度应为以下之一：{names}", code="invalid_severity"
            )
        start = published_on if found.starts == "publication" else decided_on
        until = None if klass.max_months is None else add_months(start, klass.max_months)
        if klass.min_months is None:
            repair_from = start
        else:
            repair_from = add_months(start, klass.min_months) + dt.timedelta(days=int(klass.min_months > 0))
        bounds = []
        if klass.min_months:
            bounds.append(f"最短{_months(klass.min_months)}")
        if klass.max_months is not None:
            bounds.append(f"最长{_months(klass.max_months)}")
        text = f"{klass.label}：自{STARTS[found.starts]}起{'、'.join(bounds) or '不设期限'}（{found.source.text}）"
        return Period(kind, found.key, klass.key, start, until, repair_from, klass.disclose, text)


def _months(n: int) -> str:
    if n and n % 12 == 0:
        return f"{n // 12}年"
    return f"{n}个月"


# --- reading and checking the file ------------------------------------------------------------------------------


def rules_path() -> Path:
    return Path(getattr(settings, "CREDIT_RULES_FILE", Path(settings.DATA_DIR) / "credit" / "publicity.yaml"))


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _months_value(node: dict, key: str, problems: list, line: int | None, *, allow_null: bool = True):
    if key not in node:
        problems.append((line, f"缺少 {key}（月数，或 null 表示不设期限）"))
        return None
    value = node[key]
    if value is None and allow_null:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 240:
        problems.append(
            (
                line_of(node, key) or line,
                f"{key} 应为 0 到 240 之间的整数月数{'或 null' if allow_null else ''}",
            )
        )
        return None
    return value


def _source(node: Any, problems: list, line: int | None) -> Source:
    if not isinstance(node, dict) or not node.get("title"):
        problems.append((line, "缺少 source.title（依据的文件名称）"))
        return Source(title="")
    verified = str(node.get("verified", "U"))
    if verified not in VERIFIED:
        problems.append(
            (line_of(node, "verified") or line, f"source.verified 应为 {'、'.join(VERIFIED)} 之一")
        )
    return Source(
        title=str(node["title"]),
        doc_no=str(node.get("doc_no") or ""),
        ref=str(node.get("ref") or ""),
        url=str(node.get("url") or ""),
        verified=verified,
        note=str(node.get("note") or ""),
    )


def _kinds(data: Any, problems: list, line: int | None) -> dict[str, KindRule]:
    if not isinstance(data, dict):
        problems.append((line, "缺少 kinds（各类信用信息的公示期限）"))
        return {}
    out = {}
    for key in data:
        if key not in KINDS:
            problems.append((line_of(data, key), f"未知的信用信息类别“{key}”（应为 {'、'.join(KINDS)}）"))
    for key in KINDS:
        node = data.get(key)
        at = line_of(data, key) or line
        if not isinstance(node, dict):
            problems.append((at, f"缺少信用信息类别 {key}"))
            continue
        if not node.get("label"):
            problems.append((at, f"{key} 缺少 label"))
        by_scheme = node.get("by_scheme", False)
        if not isinstance(by_scheme, bool):
            problems.append((line_of(node, "by_scheme"), "by_scheme 应为 true 或 false"))
            by_scheme = False
        max_months = None if by_scheme else _months_value(node, "max_months", problems, at)
        out[key] = KindRule(
            key=key,
            label=str(node.get("label") or key),
            description=str(node.get("description") or ""),
            by_scheme=by_scheme,
            max_months=max_months,
            source=_source(node.get("source"), problems, line_of(node, "source") or at),
        )
    return out


def _classes(data: Any, problems: list, line: int | None) -> dict[str, PeriodClass]:
    if not isinstance(data, list) or not data:
        problems.append((line, "缺少 classes（失信程度及其公示期限）"))
        return {}
    out: dict[str, PeriodClass] = {}
    for i, node in enumerate(data):
        at = line_of(data, i)
        if not isinstance(node, dict) or not node.get("key") or not node.get("label"):
            problems.append((at, "每个失信程度应有 key 和 label"))
            continue
        key = str(node["key"])
        if key in out:
            problems.append((at, f"失信程度“{key}”重复"))
        low = _months_value(node, "min_months", problems, at)
        high = _months_value(node, "max_months", problems, at)
        if low is not None and high is not None and low > high:
            problems.append((at, f"失信程度“{node['label']}”的最短公示期长于最长公示期"))
        disclose = node.get("disclose", True)
        if not isinstance(disclose, bool):
            problems.append((line_of(node, "disclose") or at, "disclose 应为 true 或 false"))
            disclose = True
        out[key] = PeriodClass(key, str(node["label"]), low, high, disclose, str(node.get("note") or ""),
                               str(node.get("verified") or ""))  # fmt: skip
    return out


def _kind_list(node: dict, key: str, allowed: set[str], problems: list, line: int | None) -> tuple[str, ...]:
    value = node.get(key) or []
    if not isinstance(value, list) or any(v not in allowed for v in value):
        problems.append(
            (line_of(node, key) or line, f"{key} 应为以下类别的列表：{'、'.join(sorted(allowed))}")
        )
        return ()
    return tuple(value)


def _schemes(data: Any, kinds: dict[str, KindRule], problems: list, line: int | None) -> dict[str, Scheme]:
    if not isinstance(data, list):
        problems.append((line, "缺少 schemes（按失信程度的公示期限规则）"))
        return {}
    by_scheme = {k for k, r in kinds.items() if r.by_scheme}
    out: dict[str, Scheme] = {}
    for i, node in enumerate(data):
        at = line_of(data, i)
        if not isinstance(node, dict) or not node.get("key") or not node.get("title"):
            problems.append((at, "每个规则应有 key 和 title"))
            continue
        key = str(node["key"])
        if key in out:
            problems.append((at, f"规则“{key}”重复"))
        start = _date(node.get("effective_from"))
        if start is None:
            problems.append((line_of(node, "effective_from") or at, "effective_from 应为 YYYY-MM-DD 日期"))
        end = None
        if node.get("effective_to") is not None:
            end = _date(node["effective_to"])
            if end is None or (start and end < start):
                problems.append(
                    (line_of(node, "effective_to"), "effective_to 应为不早于 effective_from 的日期")
                )
        starts = str(node.get("starts", "decision"))
        if starts not in STARTS:
            problems.append(
                (line_of(node, "starts"), "starts 应为 decision（决定之日）或 publication（公示之日）")
            )
        out[key] = Scheme(
            key=key,
            title=str(node["title"]),
            effective_from=start or dt.date.min,
            effective_to=end,
            default_for=_kind_list(node, "default_for", by_scheme, problems, at),
            applies_to=_kind_list(node, "applies_to", by_scheme, problems, at),
            starts=starts if starts in STARTS else "decision",
            source=_source(node.get("source"), problems, line_of(node, "source") or at),
            classes=_classes(node.get("classes"), problems, line_of(node, "classes") or at),
        )
    for kind in by_scheme:
        defaults = sorted((s for s in out.values() if kind in s.default_for), key=lambda s: s.effective_from)
        for earlier, later in zip(defaults, defaults[1:], strict=False):
            if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
                problems.append(
                    (
                        line_of(data, list(out).index(later.key)),
                        f"{kinds[kind].label}的默认规则“{earlier.key}”与“{later.key}”的施行期间重叠",
                    )  # fmt: skip
                )
    return out


def check_rules(path: str | Path | None = None) -> PublicityRules:
    """Read and validate a publicity-period file; raises DataFileError listing every problem with its line."""
    doc = read_yaml(path or rules_path())
    data, problems = doc.data, []
    if not isinstance(data, dict):
        raise DataFileError(doc.path, [(1, "文件内容应为一个映射（counting、kinds、schemes）")])
    counting = data.get("counting") or {}
    starts = str(counting.get("starts", "decision")) if isinstance(counting, dict) else "decision"
    if starts not in STARTS:
        problems.append((line_of(data, "counting"), "counting.starts 应为 decision 或 publication"))
    kinds = _kinds(data.get("kinds"), problems, line_of(data, "kinds"))
    schemes = _schemes(data.get("schemes"), kinds, problems, line_of(data, "schemes"))
    if problems:
        raise DataFileError(doc.path, problems)
    return PublicityRules(doc.path, doc.sha256, starts, kinds, schemes)


_cache: dict[str, tuple[float, PublicityRules]] = {}


def get_rules() -> PublicityRules:
    """The rules in the configured file, re-read when the file changes."""
    path = rules_path()
    mtime = path.stat().st_mtime
    cached = _cache.get(str(path))
    if cached is None or cached[0] != mtime:
        cached = (mtime, check_rules(path))
        _cache[str(path)] = cached
    return cached[1]


def reset_rules_cache() -> None:
    _cache.clear()
