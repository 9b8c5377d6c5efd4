"""Credit helpers: a penalty decision and a blacklist entry as the forms send them, and a listing through both
steps (dates after 2026-04-01, when 《信用修复管理办法》 applies)."""

from __future__ import annotations

import datetime as dt

from gongkai.credit import services
from tests.helpers.disclosures import WINNER_USCC

HUAWEI = WINNER_USCC  # 华为技术有限公司, cn-rules §4.4


DECIDED = dt.date(2026, 5, 10)


AUTHORITY_USCC = "11341702486344515H"  # 宁国市商务局, a real code from cn-rules §4.4


def penalty_data(**overrides):
    data = {
        "kind": "penalty",
        "title": "行政处罚决定书（串通投标）",
        "content": "在六安市城区老旧小区改造工程施工招标中与其他投标人串通投标，处中标项目金额千分之五的罚款。",
        "decided_by_name": "六安市公共资源交易监督管理局",
        "decided_by_uscc": AUTHORITY_USCC,
        "decided_on": DECIDED,
        "doc_no": "六公管罚〔2026〕12号",
        "basis": "《中华人民共和国招标投标法》第五十三条",
        "severity": "general",
    }
    data.update(overrides)
    return data


def entry_data(**overrides):
    data = {
        "role": "bidder",
        "reason_category": "collusion",
        "reason": "在六安市城区老旧小区改造工程施工招标中与其他投标人串通投标，情节严重。",
        "legal_basis": "《中华人民共和国招标投标法》第五十三条；《招标投标法实施条例》第六十七条",
        "decided_by_name": "六安市公共资源交易监督管理局",
        "decided_by_uscc": AUTHORITY_USCC,
        "doc_no": "六公管信〔2026〕3号",
        "decided_on": DECIDED,
        "restricted_activities": "三年内禁止参加六安市依法必须进行招标的项目的投标。",
    }
    data.update(overrides)
    return data


def listed(entity, proposer, reviewer, centre, **overrides):
    entry = services.propose_listing(
        actor=proposer, organization=centre, entity=entity, data=entry_data(**overrides)
    )
    return services.review_listing(actor=reviewer, entry=entry, approve=True, comment="事实清楚，依据充分")
