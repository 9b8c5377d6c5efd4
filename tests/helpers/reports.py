"""A hand-built application ledger across the 2024/2025/2026 year boundaries, written straight to the models
(the statistics read the ledger, whatever service wrote it). The counts the tests expect are worked out by
hand in tests/applications/test_statistics.py."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from decimal import Decimal

from django.utils import timezone

from gongkai.applications.choices import GROUNDS_BY_TYPE, State
from gongkai.applications.models import Application, FeeNotice, Remedy

KINDS = ["natural_person", "business", "research", "nonprofit", "legal_service", "other_org"]
_serial = itertools.count(1)


def app(
    org, kind: str, received: dt.date | None, done: dt.date | None = None, result: str = ""
) -> Application:
    n = next(_serial)
    reply_type, _, ground = result.partition(".")
    return Application.objects.create(
        registration_no=f"T-{uuid.uuid4().hex[:12]}-{n}",
        tracking_hash=uuid.uuid4().hex + uuid.uuid4().hex,
        organization=org,
        jurisdiction=org.jurisdiction,
        applicant_kind=kind,
        applicant_name=f"申请人{n}",
        id_type="uscc" if kind != "natural_person" else "resident_id",
        id_number="914403001922038216",
        info_description="请公开某项目的招标文件",
        delivery_form="electronic",
        delivery_way="email",
        channel="in_person",
        submitted_at=timezone.make_aware(dt.datetime.combine(received or dt.date(2025, 6, 1), dt.time(9))),
        receipt_date=received,
        state=(State.REPLIED if done else State.RECEIVED) if received else State.PENDING,
        reply_type=reply_type,
        reply_ground=ground,
        replied_on=done,
        completed_on=done,
    )


def rotated_codes() -> list[str]:
    """The result rows other than (一) and (二): every numbered ground of (三)–(六), 19 in all."""
    return [f"{t}.{g.value}" for t, grounds in GROUNDS_BY_TYPE.items() for g in grounds]


def build_ledger(org, other_org, user) -> dict:
    """See the module docstring; returns the notable applications by name."""
    apps = {
        # before 2025
        "P1": app(org, "natural_person", dt.date(2024, 12, 28), dt.date(2025, 1, 6), "disclosed"),
        "P2": app(org, "research", dt.date(2024, 11, 1)),  # still open
        "P3": app(org, "business", dt.date(2024, 12, 30), dt.date(2024, 12, 31), "disclosed"),
        # 2025
        "N1": app(org, "natural_person", dt.date(2025, 1, 2), dt.date(2025, 1, 20), "partial"),
        "N_dec": app(org, "nonprofit", dt.date(2025, 12, 29), dt.date(2026, 1, 5), "withheld.state_secret"),
        "N_open": app(org, "legal_service", dt.date(2025, 12, 31)),
        # never counted for `org`
        "unconfirmed": app(org, "natural_person", None),
        "elsewhere": app(other_org, "natural_person", dt.date(2025, 5, 1), dt.date(2025, 5, 8), "disclosed"),
        # 2026
        "Y26": app(org, "business", dt.date(2026, 1, 3)),
    }
    for i, code in enumerate(rotated_codes()):
        apps[code] = app(org, KINDS[i % 6], dt.date(2025, 3, 2), dt.date(2025, 4, 1), code)

    def remedy(application, kind, filed, result="pending", decided=None):
        return Remedy.objects.create(application=application, kind=kind, body="某某人民政府", filed_on=filed,
                                     result=result, decided_on=decided, created_by=user)  # fmt: skip

    remedy(apps["P1"], "reconsideration", dt.date(2025, 2, 1), "upheld", dt.date(2025, 5, 1))
    remedy(apps["N1"], "reconsideration", dt.date(2025, 11, 1), "corrected", dt.date(2026, 2, 1))
    remedy(apps["N1"], "litigation_direct", dt.date(2025, 3, 1), "other", dt.date(2025, 12, 31))
    remedy(apps["P1"], "litigation_after", dt.date(2025, 6, 1))
    remedy(apps["P3"], "litigation_after", dt.date(2024, 12, 15), "upheld", dt.date(2025, 3, 1))
    remedy(apps["elsewhere"], "reconsideration", dt.date(2025, 6, 1))

    def fee(application, amount, paid_on, outcome):
        return FeeNotice.objects.create(application=application, method="per_piece", quantity=11,
                                        amount=Decimal(amount), basis="第11件，100元/件", reason="数量明显超过合理范围",
                                        notice_sent_on=dt.date(2025, 1, 1), pay_by=dt.date(2025, 2, 1),
                                        paid_on=paid_on, outcome=outcome, created_by=user)  # fmt: skip

    fee(apps["P1"], "100.00", dt.date(2025, 3, 1), "paid")
    fee(apps["N_dec"], "200.00", dt.date(2026, 1, 2), "paid")
    fee(apps["N1"], "300.00", None, "unpaid")
    fee(apps["elsewhere"], "400.00", dt.date(2025, 6, 1), "paid")
    return apps


NARRATIVE = {
    "overview": "2025年，本中心认真贯彻《政府信息公开条例》，主动公开交易信息。\n依申请公开工作规范有序。",
    "improvements": "信息公开的及时性有待提高，将加强培训。",
    "other_matters": "无其他需要报告的事项。",
}


# Table 三 of 国办公开办函〔2021〕30号, row by row, as cn-rules.md §2.3 writes it out.
TABLE_3_ROWS = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "（四）无法提供",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "（五）不予处理",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
]


TABLE_3_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
