"""Demo annual reports: the Lu'an people's government office's report for 2025, published, and its draft for
2026. The figures are computed from whatever the demo ledger and disclosures hold (run after them): the demo
applications are dated shortly before today, so they show in the 2026 draft."""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.utils import timezone

from gongkai.core.errors import DomainError
from gongkai.orgs.models import Organization
from gongkai.reports import services
from gongkai.reports.models import State

logger = logging.getLogger(__name__)

DEMO_USCC = "113415002794215491"  # 六安市人民政府办公室 (data/demo/organizations.yaml)
DEMO_AUTHOR = "luan-publisher"
NARRATIVE_2025 = {
    "overview": (
        "2025年，六安市人民政府办公室深入贯彻《中华人民共和国政府信息公开条例》，围绕公共资源配置领域政府信息公开"
        "工作要点，依托政府门户网站和公共资源交易平台主动公开政府采购、工程建设项目招标投标、国有土地使用权出让等信息，"
        "做到应公开尽公开。\n"
        "依申请公开方面，本机关规范受理、登记、办理和答复流程，按法定期限答复申请人。\n"
        "政府信息管理和平台建设方面，本机关落实“一信息一公开”和公开前保密审查制度，交易信息与全国公共资源交易平台"
        "（安徽省）同步发布。\n"
        "监督保障方面，本机关将政府信息公开工作纳入年度目标考核，接受社会监督。"
    ),
    "improvements": (
        "一是个别项目合同履约信息公开不够及时；二是政策解读形式较为单一。2026年，本机关将加强信息发布的时限管理，"
        "丰富图表、视频等解读形式。"
    ),
    "other_matters": "本年度无其他需要报告的事项。",
}
NARRATIVE_2026 = {"overview": "（草稿）2026年政府信息公开工作情况，年终汇总后填写。"}


def load_demo_reports() -> list:
    """Idempotent: a report that exists is left as it is (only an unpublished 2025 report is published)."""
    org = Organization.objects.filter(uscc=DEMO_USCC).first()
    author = get_user_model().objects.filter(username=DEMO_AUTHOR).first()
    if org is None or author is None:
        return []
    today = timezone.localdate()
    out = []
    last = services.create_draft(actor=author, organization=org, year=2025, today=today)
    if last.state == State.DRAFT and not last.versions.exists():
        last = services.edit_narrative(actor=author, report=last, data=NARRATIVE_2025)
        try:
            services.publish(actor=author, report=last)
        except DomainError as exc:  # the demo ledger does not balance: keep the draft, say why
            logger.warning("演示年度报告未发布：%s", exc.message)
    out.append(last)
    if today.year >= 2026:
        current = services.create_draft(actor=author, organization=org, year=2026, today=today)
        if not current.overview:
            current = services.edit_narrative(actor=author, report=current, data=NARRATIVE_2026)
        out.append(current)
    return out
