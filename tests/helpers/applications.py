"""Application helpers: an applicant's form data and an application handed in at the counter."""

from __future__ import annotations

import datetime as dt

from gongkai.applications import services

PERSON_ID = "341502198001010012"  # valid GB 11643 check character


COMPANY_USCC = "914403001922038216"


def person(**overrides) -> dict:
    data = {
        "applicant_kind": "natural_person",
        "applicant_name": "张三",
        "id_type": "resident_id",
        "id_number": PERSON_ID,
        "phone": "13800000000",
        "email": "zhangsan@example.com",
        "address": "六安市金安区梅山南路1号",
        "info_title": "2025年老旧小区改造工程招标文件",
        "info_doc_no": "",
        "info_description": "请公开2025年老旧小区改造工程施工招标的招标文件及评标报告",
        "delivery_form": "electronic",
        "delivery_way": "email",
    }
    data.update(overrides)
    return data


def company(**overrides) -> dict:
    data = {
        "applicant_kind": "business",
        "applicant_name": "某某建设有限公司",
        "id_type": "uscc",
        "id_number": COMPANY_USCC,
    }
    data.update(overrides)
    return person(**data)


def in_person(org, actor, on: dt.date, **data):
    """An application handed in at the counter on `on` (its receipt date)."""
    app, _code = services.register_offline(actor=actor, organization=org, channel="in_person",
                                           data=person(**data), submitted_on=on, today=on)  # fmt: skip
    return app
