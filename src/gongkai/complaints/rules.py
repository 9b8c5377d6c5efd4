"""The rules of complaints kept as data (data/complaints/categories.yaml), the checks of what a complainant
gives, and registration numbers and tracking codes (hashed as for applications: only the SHA-256 is kept)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from gongkai.core.codes import is_valid_phone
from gongkai.core.errors import DataFileError, InvalidFields
from gongkai.core.yamlfile import line_of, read_yaml

PROFILE_KEY = "complaint_days"  # a jurisdiction's own handling period, when its profile sets one

COMPLAINANT_FIELDS = (
    "category", "subject_ref", "description", "anonymous", "complainant_name", "phone", "email",
)  # fmt: skip
# What identifies a complainant for the rate limit (settings.RATE_LIMITS["complaints"]); anonymous ones give none.
COMPLAINANT_IDENTITY_FIELDS = ("phone", "email")


class InvalidComplaint(InvalidFields):
    code = "invalid_complaint"


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    hint: str


@dataclass(frozen=True)
class ComplaintRules:
    default_handling_days: int
    explanation_days: int
    due_soon_workdays: int
    categories: tuple[Category, ...]

    def category(self, code: str) -> Category | None:
        return next((c for c in self.categories if c.code == code), None)

    def choices(self) -> list[tuple[str, str]]:
        return [(c.code, c.name) for c in self.categories]


def read_rules(path: str | Path) -> ComplaintRules:
    doc = read_yaml(path)
    data, problems = doc.data, []
    if not isinstance(data, dict):
        raise DataFileError(str(path), [(None, "文件应为映射")])
    numbers = {}
    for key in ("default_handling_days", "explanation_days", "due_soon_workdays"):
        value = data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            problems.append((line_of(data, key), f"{key} 应为正整数"))
            value = 1
        numbers[key] = value
    categories, seen = [], set()
    for i, c in enumerate(data.get("categories") or []):
        if not isinstance(c, dict) or not c.get("code") or not c.get("name"):
            problems.append((line_of(data["categories"], i), "categories 每一项应有 code 和 name"))
            continue
        if c["code"] in seen:
            problems.append((line_of(data["categories"], i), f"类别代码“{c['code']}”重复"))
        seen.add(c["code"])
        categories.append(Category(str(c["code"]), str(c["name"]), str(c.get("hint") or "")))
    if not categories:
        problems.append((line_of(data, "categories"), "至少需要一个举报类别"))
    if problems:
        raise DataFileError(str(path), problems)
    return ComplaintRules(categories=tuple(categories), **numbers)


@functools.cache
def rules() -> ComplaintRules:
    """data/complaints/categories.yaml, read once per process."""
    return read_rules(Path(settings.DATA_DIR) / "complaints" / "categories.yaml")


def format_registration_no(supervisor_id: int, year: int, serial: int) -> str:
    return f"JB-{supervisor_id}-{year}-{serial:05d}"


def clean_complaint(data: dict) -> dict:
    """The complainant's fields, stripped and checked; raises InvalidComplaint with every problem found."""
    out = {}
    for key in COMPLAINANT_FIELDS:
        value = data.get(key)
        out[key] = value.strip() if isinstance(value, str) else value
    out["anonymous"] = bool(out["anonymous"])
    for key in ("category", "subject_ref", "description", "complainant_name", "phone", "email"):
        out[key] = out[key] or ""
    problems: list[tuple[str, str]] = []
    if not out["category"]:
        problems.append(("category", "请选择举报类别"))
    elif rules().category(out["category"]) is None:
        problems.append(("category", f"“{out['category']}”不是有效的举报类别"))
    if not out["description"]:
        problems.append(("description", "请填写举报内容"))
    elif len(out["description"]) < 10:
        problems.append(("description", "举报内容过短，请具体说明未依法履行公开义务的事实（至少10个字）"))
    elif len(out["description"]) > 5000:
        problems.append(("description", "举报内容不能超过5000字"))
    if len(out["subject_ref"]) > 300:
        problems.append(("subject_ref", "涉及的信息或事项不能超过300字"))
    if out["anonymous"]:
        # Anonymous: nothing that identifies the complainant is kept, even if it was typed in.
        out["complainant_name"] = out["phone"] = out["email"] = ""
    else:
        if not out["complainant_name"]:
            problems.append(("complainant_name", "请填写姓名或名称，或选择匿名举报"))
        elif len(out["complainant_name"]) > 120:
            problems.append(("complainant_name", "姓名或名称不能超过120字"))
        if not (out["phone"] or out["email"]):
            problems.append(("phone", "请至少填写一种联系方式（电话或电子邮箱），或选择匿名举报"))
        if out["phone"] and not is_valid_phone(out["phone"]):
            problems.append(("phone", "联系电话格式不正确"))
        if out["email"]:
            try:
                validate_email(out["email"])
            except ValidationError:
                problems.append(("email", "电子邮箱格式不正确"))
    if problems:
        raise InvalidComplaint(problems)
    return out
