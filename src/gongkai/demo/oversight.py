"""Demo inspection findings (监督检查) for Lu'an: one overdue rectification against the trading centre, one
rectified and awaiting acceptance, recorded by the demo supervisor through the services. Dates are relative to
today so the overdue one stays overdue."""

from __future__ import annotations

import datetime as dt
import logging

from django.contrib.auth import get_user_model
from django.utils import timezone

from gongkai.core.errors import DomainError
from gongkai.orgs.models import Organization
from gongkai.oversight import services
from gongkai.oversight.models import Finding

logger = logging.getLogger(__name__)

CENTRE_USCC = "12341500805393446X"  # 六安市公共资源交易中心 (data/demo/organizations.yaml)
HOUSING_USCC = "11341500638295805E"  # 六安市住房和城乡建设局
SUPERVISOR, PUBLISHER = "luan-supervisor", "luan-publisher"
OVERDUE = "部分工程建设项目中标结果未在7个工作日内公开（六政办〔2018〕55号第二十九条）"
RECTIFIED = "合同订立信息未在2个工作日内抄送市公共资源交易监督管理局（六政办〔2018〕55号第三十三条）"
HOUSING = "保障性住房分配结果公示未标注信息来源"


def load_demo_oversight(today: dt.date | None = None) -> list[Finding]:
    """Idempotent: a finding with the same text is not recorded twice."""
    today = today or timezone.localdate()
    users = get_user_model().objects
    sup, pub = users.filter(username=SUPERVISOR).first(), users.filter(username=PUBLISHER).first()
    centre = Organization.objects.filter(uscc=CENTRE_USCC).first()
    housing = Organization.objects.filter(uscc=HOUSING_USCC).first()
    if not (sup and pub and centre and housing):
        return []
    out = []
    try:
        if not Finding.objects.filter(finding=OVERDUE).exists():
            out.append(services.record_finding(
                actor=sup, organization=centre, inspected_on=today - dt.timedelta(days=60), finding=OVERDUE,
                requirement="补充公开逾期信息，建立发布时限提醒，书面报告整改情况",
                rectify_by=today - dt.timedelta(days=10)))  # fmt: skip
        if not Finding.objects.filter(finding=RECTIFIED).exists():
            f = services.record_finding(
                actor=sup, organization=centre, inspected_on=today - dt.timedelta(days=30), finding=RECTIFIED,
                requirement="补充抄送并说明原因", rectify_days=15)  # fmt: skip
            out.append(services.record_rectification(
                actor=pub, finding=f, rectification="已补充抄送，并在合同信息发布流程中增加抄送提醒",
                rectified_on=today - dt.timedelta(days=5)))  # fmt: skip
        if not Finding.objects.filter(finding=HOUSING).exists():
            out.append(services.record_finding(
                actor=sup, organization=housing, inspected_on=today - dt.timedelta(days=3), finding=HOUSING,
                requirement="补充信息来源", rectify_days=10))  # fmt: skip
    except DomainError as exc:  # demo data must never stop the demo from starting
        logger.warning("demo oversight findings not loaded: %s", exc.message)
    return out
