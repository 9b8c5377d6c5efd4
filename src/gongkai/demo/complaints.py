"""Demo complaints (举报, 六安市实施细则第四十二条) in every state, so the supervisors' queue, the organization's
explanation requests and the public tracking page have something to show: new and anonymous, waiting for the
organization's explanation, overdue, upheld and rectified, not upheld. Everything goes through
`gongkai.complaints.services` acting as the demo accounts, so the audit log and the versions are real. Dates are
relative to today. The complainants are invented; the tracking codes are not kept (they are shown only once)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from gongkai.complaints import services
from gongkai.complaints.models import Complaint
from gongkai.orgs.models import Organization
from gongkai.workdays.calendar import get_calendar

CENTRE = "六安市公共资源交易中心"
FINANCE = "六安市财政局"
TINGHU_FINANCE = "盐城市亭湖区财政局"


def _person(name: str, phone: str, email: str = "") -> dict:
    return {"anonymous": False, "complainant_name": name, "phone": phone, "email": email}


ANONYMOUS = {"anonymous": True}


def _submit(org_name: str, days_ago: int, category: str, description: str, subject_ref: str = "", **who):
    org = Organization.objects.get(name=org_name)
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    now = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 30)))
    data = {"category": category, "description": description, "subject_ref": subject_ref, **who}
    complaint, _code = services.submit_complaint(organization=org, data=data, now=now)
    return complaint


def _after(complaint: Complaint, workdays: int) -> dt.date:
    day = get_calendar().add_workdays(complaint.received_on, workdays).due
    return min(day, timezone.localdate())


@transaction.atomic
def load_demo_complaints() -> int:
    """Create the demo complaints once (nothing when any complaint exists); returns how many were made."""
    if Complaint.objects.exists():
        return 0
    users = get_user_model().objects
    luan_sup, luan_pub = users.get(username="luan-supervisor"), users.get(username="luan-publisher")
    made = []

    # New, anonymous: waiting in the queue for acceptance.
    made.append(_submit(CENTRE, 1, "not_timely", "六安市老旧小区改造工程施工项目的中标结果公告在确定中标人十多天后才发布，"
                        "超过了7个工作日的公开时限。", "construction.award", **ANONYMOUS))  # fmt: skip

    # Accepted; the trading centre is asked to explain (luan-publisher sees the request).
    c = _submit(CENTRE, 6, "inaccurate", "交易中心网站公布的某工程项目合同金额与中标金额不一致，且未说明变更原因。",
                **_person("陈建华", "13805640001", "chen.jianhua@example.com"))  # fmt: skip
    services.accept(actor=luan_sup, complaint=c, note="合同金额差异需核实", today=_after(c, 1))
    services.request_explanation(actor=luan_sup, complaint=c, today=_after(c, 1),
                                 questions="请说明该项目合同金额与中标金额不一致的原因，以及是否已公开合同变更信息。")  # fmt: skip
    made.append(c)

    # Upheld: the centre rectified, the office closed it.
    c = _submit(CENTRE, 35, "not_disclosed", "2025年度政府采购项目的采购合同没有在交易平台公开。",
                **_person("刘芳", "0564-3300001"))  # fmt: skip
    services.accept(actor=luan_sup, complaint=c, today=_after(c, 1))
    services.request_explanation(actor=luan_sup, complaint=c, questions="请说明相关采购合同未公开的原因。",
                                 today=_after(c, 2))  # fmt: skip
    services.answer_explanation(actor=luan_pub, explanation=c.explanations.get(),
                                answer="因系统对接故障，部分合同未同步到交易平台，现已排查。", today=_after(c, 4))  # fmt: skip
    services.decide(actor=luan_sup, complaint=c, finding="upheld", today=_after(c, 6),
                    finding_text="经核查，2025年度有3份政府采购合同未在交易平台公开，举报属实。",
                    rectification_required="5个工作日内补充公开上述合同，并建立合同公开的核对机制。")  # fmt: skip
    services.record_rectification(actor=luan_pub, complaint=c, today=_after(c, 9),
                                  rectification="已补充公开3份采购合同，并每周核对交易平台的合同公开情况。")  # fmt: skip
    services.close(actor=luan_sup, complaint=c, today=_after(c, 10),
                   result="举报属实，已责令被举报单位整改；整改已完成，补充公开的合同可在交易平台查阅。")  # fmt: skip
    made.append(c)

    # Not upheld, closed.
    c = _submit(FINANCE, 25, "not_disclosed", "财政局没有公开2026年政府集中采购目录及标准。",
                **_person("赵明", "13905640002"))  # fmt: skip
    services.accept(actor=luan_sup, complaint=c, today=_after(c, 1))
    services.decide(actor=luan_sup, complaint=c, finding="not_upheld", today=_after(c, 5),
                    finding_text="经核查，2026年政府集中采购目录及标准已于1月在市政府网站和交易平台公开，举报不属实。")  # fmt: skip
    services.close(actor=luan_sup, complaint=c, today=_after(c, 6),
                   result="举报不属实，已向举报人告知信息的公开位置。")  # fmt: skip
    made.append(c)

    # Accepted long ago and still open: overdue in the queue.
    c = _submit(FINANCE, 45, "application_reply", "2个月前向财政局申请公开某项目预算金额，至今未收到答复。",
                **_person("孙丽", "13905640003"))  # fmt: skip
    services.accept(actor=luan_sup, complaint=c, today=_after(c, 2))
    made.append(c)

    # Tinghu: routed to its own supervising office.
    made.append(_submit(TINGHU_FINANCE, 3, "leaked", "区财政局公开的采购结果公告中包含了投标人员的身份证号码。",
                        **ANONYMOUS))  # fmt: skip
    return len(made)
