"""Complaint helpers: a complainant's form data and a complaint submitted on a given day."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from gongkai.complaints import services

SHANGHAI = ZoneInfo("Asia/Shanghai")


DESCRIPTION = "2026年3月的老旧小区改造工程中标结果至今没有在网站上公开，已超过规定时限。"


def complaint_data(**overrides) -> dict:
    data = {
        "category": "not_disclosed",
        "subject_ref": "",
        "description": DESCRIPTION,
        "anonymous": False,
        "complainant_name": "王举报",
        "phone": "13900000001",
        "email": "wang@example.com",
    }
    data.update(overrides)
    return data


def at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(10), tzinfo=SHANGHAI)


def submit(org, day: dt.date = dt.date(2026, 3, 2), **overrides):
    return services.submit_complaint(organization=org, data=complaint_data(**overrides), now=at(day))
