"""Format rules of a disclosure (Lu'an arts. 25–28, 36), structured-field validation, body endings, deadlines."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from gongkai.catalog.models import CatalogItem, Jurisdiction
from gongkai.catalog.selectors import effective_profile
from gongkai.catalog.vocabulary import vocabulary
from gongkai.core.codes import uscc_problem
from gongkai.disclosures.choices import BODY_MARK_FULL, BODY_MARK_REDACTED
from gongkai.workdays.calendar import get_calendar

TITLE_MAX = 500
_ENDING_RE = re.compile(r"[\s（(]*(此件公开发布|本文有删减)[\s）)。.]*$")
_TRUNCATED_RE = re.compile(r"(\.\.\.|…|……)\s*$")
METADATA_KEYS = (
    "title", "doc_no", "subject", "genre", "info_source", "keywords", "valid_until", "body", "redacted", "fields",
    "formed_on", "attribute", "attribute_reason", "withheld_ground", "risk_flag",
)  # fmt: skip

Problems = list[tuple[str, str]]  # (field, message)


def strip_ending(body: str) -> str:
    return _ENDING_RE.sub("", body or "").rstrip()


def with_ending(body: str, redacted: bool) -> str:
    """The body ending with （此件公开发布）, or （本文有删减） when anything was withheld (Lu'an art. 27)."""
    mark = BODY_MARK_REDACTED if redacted else BODY_MARK_FULL
    return f"{strip_ending(body)}\n\n（{mark}）"


def check_content(item: CatalogItem, data: dict[str, Any], *, has_attachments: bool = False) -> Problems:
    """Every format rule a submitted disclosure must meet; an empty list when it meets them all."""
    problems: Problems = []
    vocab = vocabulary()
    title = (data.get("title") or "").strip()
    if not title:
        problems.append(("title", "标题名称必须填写，且应为正式印发的完整标题"))
    elif len(title) > TITLE_MAX:
        problems.append(("title", f"标题超过 {TITLE_MAX} 字"))
    elif _TRUNCATED_RE.search(title):
        problems.append(("title", "标题不得简化或删减（不能以省略号结尾），请填写完整标题"))
    body = strip_ending(data.get("body") or "")
    if not body.strip():
        if has_attachments:
            problems.append(("body", "正文必须全文公开，不得只以附件方式公开"))
        else:
            problems.append(("body", "正文必须填写"))
    attribute = data.get("attribute") or "proactive"
    if attribute not in vocab.attributes:
        problems.append(("attribute", f"公开属性“{attribute}”无效"))
    elif attribute != "proactive":
        if not (data.get("attribute_reason") or "").strip():
            problems.append(("attribute_reason", "依申请公开或不予公开须说明理由"))
        if data.get("withheld_ground") not in vocab.withheld_grounds:
            problems.append(("withheld_ground", "请选择不予公开或依申请公开所依据的情形"))
    for key, choices in (("subject", vocab.subjects), ("genre", vocab.genres)):
        if data.get(key) and data[key] not in choices:
            problems.append((key, f"{'主题分类' if key == 'subject' else '体裁分类'}“{data[key]}”无效"))
    formed_on = data.get("formed_on")
    if not isinstance(formed_on, dt.date):
        problems.append(("formed_on", "请填写信息形成或变更日期"))
    problems += check_fields(item, data.get("fields") or {})
    return problems


def _check_value(spec: dict, value: Any, where: str) -> str | None:
    kind = spec["type"]
    label = spec["label"]
    if kind in ("text", "textarea", "url"):
        if not isinstance(value, str):
            return f"{where}“{label}”应为文字"
        if kind == "url" and not re.match(r"^https?://\S+$", value):
            return f"{where}“{label}”应为以 http:// 或 https:// 开头的网址"
    elif kind == "integer":
        if (
            isinstance(value, bool)
            or not isinstance(value, int | str)
            or not str(value).lstrip("-").isdigit()
        ):
            return f"{where}“{label}”应为整数"
    elif kind in ("decimal", "money", "percent"):
        try:
            number = Decimal(str(value).replace(",", ""))
        except InvalidOperation:
            return f"{where}“{label}”应为数字"
        if kind == "money" and number < 0:
            return f"{where}“{label}”不能为负数"
        if kind == "percent" and not 0 <= number <= 100:
            return f"{where}“{label}”应在 0 到 100 之间"
    elif kind == "date":
        try:
            dt.date.fromisoformat(str(value))
        except ValueError:
            return f"{where}“{label}”应为日期（YYYY-MM-DD）"
    elif kind == "uscc":
        problem = uscc_problem(str(value))
        if problem:
            return f"{where}“{label}”：{problem}"
    elif kind == "boolean":
        if not isinstance(value, bool):
            return f"{where}“{label}”应为是或否"
    elif kind == "choice" and value not in spec.get("options", []):
        return f"{where}“{label}”应为以下之一：{'、'.join(spec.get('options', []))}"
    return None


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def check_fields(item: CatalogItem, values: dict[str, Any]) -> Problems:
    """Validate structured fields against the catalog item's field list."""
    problems: Problems = []
    known = {f["key"] for f in item.fields}
    for key in values:
        if key not in known:
            problems.append((f"fields.{key}", f"“{item.category}”没有字段“{key}”"))
    for spec in item.fields:
        key, value = spec["key"], values.get(spec["key"])
        if _empty(value):
            if spec.get("required"):
                problems.append((f"fields.{key}", f"“{spec['label']}”必须填写"))
            continue
        if spec["type"] == "table":
            if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
                problems.append((f"fields.{key}", f"“{spec['label']}”应为表格（多行）"))
                continue
            for i, row in enumerate(value, start=1):
                for col in spec.get("columns", []):
                    cell = row.get(col["key"])
                    if _empty(cell):
                        if col.get("required"):
                            problems.append(
                                (f"fields.{key}", f"“{spec['label']}”第{i}行“{col['label']}”必须填写")
                            )
                        continue
                    error = _check_value(col, cell, f"“{spec['label']}”第{i}行")
                    if error:
                        problems.append((f"fields.{key}", error))
            continue
        error = _check_value(spec, value, "")
        if error:
            problems.append((f"fields.{key}", error))
    return problems


@dataclass(frozen=True)
class DueDate:
    due_on: dt.date
    provisional: bool
    rule_text: str


def compute_due(item: CatalogItem, jurisdiction: Jurisdiction, formed_on: dt.date) -> DueDate:
    """The disclosure deadline from the date formed or changed, by the item's rule and the jurisdiction's profile."""
    from gongkai.catalog.selectors import describe_deadline

    profile = effective_profile(jurisdiction)
    rule = item.deadline.get("rule")
    text = describe_deadline(item.deadline, profile)
    if rule == "calendar_days":
        return DueDate(formed_on + dt.timedelta(days=item.deadline["days"]), False, text)
    days = {"proactive": profile["proactive_days"], "licence_penalty": profile["licence_penalty_days"]}.get(
        rule, item.deadline.get("days")
    )
    result = get_calendar().add_workdays(formed_on, int(days))
    return DueDate(result.due, result.provisional, text)


@dataclass(frozen=True)
class DeadlineState:
    code: str  # on_time | late | due | overdue
    text: str
    workdays: int


def deadline_state(
    due_on: dt.date | None, published_on: dt.date | None, today: dt.date
) -> DeadlineState | None:
    """按时公开 / 逾期 N 个工作日公开 / 还有 N 个工作日 / 已逾期 N 个工作日 — counted in working days."""
    if due_on is None:
        return None
    calendar = get_calendar()
    if published_on is not None:
        if published_on <= due_on:
            return DeadlineState("on_time", "按时公开", 0)
        late, _ = calendar.workdays_between(due_on, published_on)
        return DeadlineState("late", f"逾期 {late} 个工作日公开", late)
    if today <= due_on:
        left, _ = calendar.workdays_between(today, due_on)
        return DeadlineState("due", "今日到期" if left == 0 else f"还有 {left} 个工作日到期", left)
    late, _ = calendar.workdays_between(due_on, today)
    return DeadlineState("overdue", f"已逾期 {late} 个工作日", late)


def supervisor_copy_due(item: CatalogItem, jurisdiction: Jurisdiction, on: dt.date) -> dt.date | None:
    """Transaction information (contract, performance, changes, credit) is copied to the supervision bureau within
    the profile's days of the day it was made (Lu'an art. 33: 作出之日起); None where the jurisdiction sets no
    such duty or the item is not of that kind."""
    days = effective_profile(jurisdiction)["supervisor_copy_days"]
    if days is None:
        return None
    is_transaction_info = item.domain.code == "credit" or (
        item.stage is not None and item.stage.code in {"contract", "performance", "change"}
    )
    if not is_transaction_info:
        return None
    return get_calendar().add_workdays(on, int(days)).due


def format_index_no(pattern: str, *, uscc: str, on: dt.date, serial: int) -> str:
    return pattern.format(uscc=uscc, yyyy=f"{on:%Y}", yyyymm=f"{on:%Y%m}", serial=serial)


def index_period(pattern: str, on: dt.date) -> str:
    return f"{on:%Y%m}" if "{yyyymm}" in pattern else f"{on:%Y}"
