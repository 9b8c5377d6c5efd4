"""Checking what an applicant gives (第二十九条) and making registration numbers and tracking codes."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from gongkai.applications.choices import (
    ApplicantKind,
    DeliveryForm,
    DeliveryWay,
    IdType,
)
from gongkai.core.codes import is_valid_phone, is_valid_resident_id, uscc_problem
from gongkai.core.errors import InvalidFields

# Letters and digits that cannot be mistaken for one another when read out or copied by hand.

APPLICANT_FIELDS = (
    "applicant_kind", "applicant_name", "id_type", "id_number", "contact_person", "phone", "email", "address",
    "postcode", "info_title", "info_doc_no", "info_description", "delivery_form", "delivery_way",
)  # fmt: skip
# What identifies an applicant for the rate limit on online applications (settings.RATE_LIMITS["applications"]).
APPLICANT_IDENTITY_FIELDS = ("id_number", "phone", "email")
REQUIRED = {
    "applicant_kind": "申请人类型",
    "applicant_name": "申请人姓名或名称",
    "id_type": "证件类型",
    "id_number": "证件号码或统一社会信用代码",
    "info_description": "所需信息的内容描述",
    "delivery_form": "提供形式",
    "delivery_way": "获取方式",
}


class InvalidApplication(InvalidFields):
    code = "invalid_application"


def format_registration_no(organization_id: int, year: int, serial: int) -> str:
    return f"YSQ-{organization_id}-{year}-{serial:05d}"


def normalize_text(value: str) -> str:
    return re.sub(r"\s+", "", value or "")


def clean_applicant(data: dict) -> dict:
    """The applicant's fields, stripped and checked; raises InvalidApplication with every problem found."""
    out = {k: (data.get(k) or "").strip() if isinstance(data.get(k, ""), str) else data.get(k)
           for k in APPLICANT_FIELDS}  # fmt: skip
    problems: list[tuple[str, str]] = []
    for key, label in REQUIRED.items():
        if not out[key]:
            problems.append((key, f"{label}必须填写"))
    for key, choices in (("applicant_kind", ApplicantKind), ("id_type", IdType), ("delivery_form", DeliveryForm),
                         ("delivery_way", DeliveryWay)):  # fmt: skip
        if out[key] and out[key] not in choices.values:
            problems.append((key, f"“{out[key]}”不是有效的选项"))
    out["id_number"] = out["id_number"].upper()
    kind, id_type, number = out["applicant_kind"], out["id_type"], out["id_number"]
    if kind and id_type and number:
        if kind == ApplicantKind.NATURAL_PERSON:
            if id_type == IdType.USCC:
                problems.append(("id_type", "自然人应提供身份证件，而不是统一社会信用代码"))
            elif id_type == IdType.RESIDENT_ID and not is_valid_resident_id(number):
                problems.append(("id_number", "居民身份证号码不正确（位数、出生日期或校验位有误）"))
        elif id_type != IdType.USCC:
            problems.append(("id_type", "法人或其他组织应提供统一社会信用代码"))
        elif problem := uscc_problem(number):
            problems.append(("id_number", problem))
    if not (out["phone"] or out["email"] or out["address"]):
        problems.append(("phone", "请至少填写一种联系方式（电话、电子邮箱或通信地址）"))
    if out["phone"] and not is_valid_phone(out["phone"]):
        problems.append(("phone", "联系电话格式不正确"))
    if out["email"]:
        try:
            validate_email(out["email"])
        except ValidationError:
            problems.append(("email", "电子邮箱格式不正确"))
    if out["delivery_way"] == DeliveryWay.EMAIL and not out["email"]:
        problems.append(("email", "选择以电子邮件获取时须填写电子邮箱"))
    if out["delivery_way"] == DeliveryWay.POST and not out["address"]:
        problems.append(("address", "选择邮寄时须填写通信地址"))
    if out["delivery_way"] == DeliveryWay.FAX and not out["phone"]:
        problems.append(("phone", "选择传真时须填写联系电话（传真号码）"))
    if problems:
        raise InvalidApplication(problems)
    return out
