"""Demo applications (依申请公开): about twenty in the five demo jurisdictions, in every state — waiting for
confirmation, being handled, waiting for a correction, in consultation, extended, waiting for a fee, overdue —
and replied in several ways (予以公开, 部分公开 after a third party's objection overruled for the public interest,
不予公开, 无法提供 with a referral, 不予处理 as a repeat, closed as uncorrected), with one fee and one
reconsideration. Everything goes through `gongkai.applications.services` acting as the demo handlers, on the
days it would have happened (relative to today), so the ledger, the deadlines and the audit log are real.
Applicants are invented; no e-mail addresses are given, so no mail is sent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from gongkai.applications import services
from gongkai.applications.models import Application
from gongkai.core.yamlfile import read_yaml
from gongkai.demo.facts import make_uscc
from gongkai.orgs.models import Organization
from gongkai.workdays.calendar import get_calendar

MARK = "（演示）"
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(region: str, born: str, serial: int) -> str:
    """A resident identity number with a correct GB 11643 check character (invented person)."""
    body = f"{region}{born}{serial:03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True)) % 11]


def person(name: str, region: str, serial: int, title: str, description: str, **extra) -> dict:
    return {
        "applicant_kind": "natural_person", "applicant_name": name, "id_type": "resident_id",
        "id_number": resident_id(region, "19800101", serial), "phone": f"1380000{serial:04d}",
        "address": "（演示地址）", "info_title": title + MARK, "info_description": description,
        "delivery_form": "paper", "delivery_way": "pickup", **extra,
    }  # fmt: skip


def company(name: str, region: str, title: str, description: str) -> dict:
    return {
        **person(name, region, 1, title, description),
        "applicant_kind": "business", "id_type": "uscc", "id_number": make_uscc(name, region),
    }  # fmt: skip


class _Clock:
    def __init__(self, today: dt.date) -> None:
        self.today, self.cal = today, get_calendar()

    def back(self, n: int) -> dt.date:
        """The working day `n` working days before today."""
        day, left = self.today, n
        while left:
            day -= dt.timedelta(days=1)
            left -= self.cal.is_workday(day)
        return day


def _user(username: str):
    return get_user_model().objects.get(username=username)


def _counter(org: Organization, actor, on: dt.date, data: dict) -> Application:
    app, _code = services.register_offline(actor=actor, organization=org, channel="in_person", data=data,
                                           submitted_on=on, today=on)  # fmt: skip
    return app


@transaction.atomic
def load_demo_applications(today: dt.date | None = None) -> int:
    """Create the demo applications (idempotent); returns how many demo applications there are."""
    if Application.objects.filter(info_title__endswith=MARK).exists():
        return Application.objects.filter(info_title__endswith=MARK).count()
    c = _Clock(today or timezone.localdate())
    spec = read_yaml(Path(settings.DATA_DIR) / "demo" / "organizations.yaml").data
    places = {str(j["slug"]): (str(j["code"]), Organization.objects.get(uscc=j["organizations"][0]["uscc"]))
              for j in spec["jurisdictions"]}  # fmt: skip
    _last_year(c, *places["luan"])
    _luan(c, *places["luan"])
    for slug, (code, org) in places.items():
        if slug != "luan":
            _other(c, slug, code, org)
    return Application.objects.filter(info_title__endswith=MARK).count()


def _luan(c: _Clock, code: str, org: Organization) -> None:
    h, head = _user("luan-handler"), _user("luan-reviewer")
    reply = services.reply

    # 予以公开, then a reconsideration that upheld it
    first = _counter(org, h, c.back(40), person("陈明", code, 11, "2025年政府采购项目预算执行情况",
                                                "2025年度市本级政府采购项目预算执行情况汇总表"))  # fmt: skip
    reply(actor=h, application=first, reply_type="disclosed", text="现将汇总表一份提供给您，请至本机关政务公开服务窗口领取。",
          replied_on=c.back(36), today=c.back(36))  # fmt: skip
    r = services.record_remedy(actor=h, application=first, kind="reconsideration", body="安徽省人民政府",
                               case_no="皖政复〔演示〕1号", filed_on=c.back(30), today=c.back(30))  # fmt: skip
    services.decide_remedy(actor=h, remedy=r, result="upheld", decided_on=c.back(5), today=c.back(5))

    # 部分公开 after a third party's objection, overruled for the public interest with a written notice
    app = _counter(org, h, c.back(38), person("刘芳", code, 12, "老旧小区改造工程评标报告",
                                              "六安市城区老旧小区改造一期工程施工评标报告"))  # fmt: skip
    con = services.start_consultation(actor=h, application=app, kind="third_party", party="安徽某某建设有限公司",
                                      sent_on=c.back(37), today=c.back(37))  # fmt: skip
    services.record_consultation_answer(actor=h, consultation=con, outcome="objection", answered_on=c.back(33),
                                        reasons="报价明细属于商业秘密", today=c.back(33))  # fmt: skip
    services.decide_after_consultation(actor=h, consultation=con, decision="public_interest",
                                       reasons="中标价格涉及财政资金使用，不公开可能对公共利益造成重大影响",
                                       decided_on=c.back(32), notice_sent_on=c.back(32), today=c.back(32))  # fmt: skip
    reply(actor=h, application=app, reply_type="partial",
          text="提供评标报告正文及中标价格；评标专家个人信息属于个人隐私，不予公开。", replied_on=c.back(30), today=c.back(30))  # fmt: skip

    # 不予公开
    app = _counter(
        org, h, c.back(34), person("王强", code, 13, "评标专家抽取记录", "某工程评标专家抽取的原始记录")
    )
    reply(actor=h, application=app, reply_type="withheld", ground="process_information",
          text="评标专家抽取记录属于内部过程性信息。", replied_on=c.back(30), today=c.back(30))  # fmt: skip

    # 无法提供: not held here, referred to the finance bureau
    app = _counter(org, h, c.back(32), company("六安某某商贸有限公司", code, "政府采购资金支付凭证",
                                                "某采购项目的资金支付凭证"))  # fmt: skip
    reply(actor=h, application=app, reply_type="unavailable", ground="not_held",
          text="经检索，本机关未制作、未获取该信息。", replied_on=c.back(28), referred_body="六安市财政局",
          referred_contact="0564-3370000（演示）", today=c.back(28))  # fmt: skip

    # 不予处理: a repeat of the first application
    app = _counter(org, h, c.back(20), person("陈明", code, 11, "2025年政府采购项目预算执行情况",
                                              "2025年度市本级政府采购项目预算执行情况汇总表"))  # fmt: skip
    reply(actor=h, application=app, reply_type="not_handled", ground="repeat", text="您已获取该信息。",
          replied_on=c.back(19), repeat_of=first, today=c.back(19))  # fmt: skip

    # closed: uncorrected
    app = _counter(org, h, c.back(25), person("赵磊", code, 14, "有关文件", "关于那个项目的文件"))
    services.request_correction(actor=h, application=app, sent_on=c.back(24), due_on=c.back(15),
                                items="请写明所需信息的名称、文号或项目名称", today=c.back(24))  # fmt: skip
    services.close_uncorrected(today=c.back(14))

    # waiting for a fee (per page, 150 pages)
    app = _counter(
        org,
        h,
        c.back(8),
        person("孙伟", code, 15, "2020年以来全部招标文件", "2020年以来本中心组织的全部招标文件纸质复印件"),
    )
    services.issue_fee_notice(actor=h, application=app, method="per_page", pages=150, reason="申请复制的页数明显超过合理范围",
                              notice_sent_on=c.back(6), today=c.back(6))  # fmt: skip

    # overdue
    _counter(
        org, h, c.back(45), person("周静", code, 16, "公共资源交易平台运维合同", "平台运维服务合同及验收报告")
    )
    # waiting for a correction
    app = _counter(org, h, c.back(3), person("吴刚", code, 17, "某项目资料", "某项目的相关资料"))
    services.request_correction(actor=h, application=app, sent_on=c.back(2), due_on=c.today + dt.timedelta(days=14),
                                items="请写明项目名称和所需文件类型", today=c.back(2))  # fmt: skip
    # in consultation
    app = _counter(
        org, h, c.back(5), person("郑丽", code, 18, "中标人投标文件", "某工程中标人的投标文件商务部分")
    )
    services.start_consultation(actor=h, application=app, kind="third_party", party="安徽某某建设有限公司",
                                sent_on=c.back(3), today=c.back(3))  # fmt: skip
    # extended
    app = _counter(
        org,
        h,
        c.back(12),
        person("冯涛", code, 19, "2024年度交易统计", "2024年度各类公共资源交易宗数和金额统计"),
    )
    services.extend(actor=h, application=app, approved_by=head, days=10, reason="需要汇总多个系统的数据",
                    approved_on=c.back(8), notice_sent_on=c.back(8), today=c.back(8))  # fmt: skip
    # online, waiting for confirmation
    services.submit_online(
        organization=org, data=person("何琳", code, 20, "场地预约规则", "公共资源交易中心开评标场地预约规则")
    )


def _last_year(c: _Clock, code: str, org: Organization) -> None:
    """Last year's ledger, so that last year's annual report has figures: applications from several kinds of
    applicant replied in different ways, a paid fee, a lawsuit still pending, and one received in late December
    and replied in January (carried forward into this year)."""
    h = _user("luan-handler")
    year = c.today.year - 1

    def workday(month: int, day: int, after: int = 0) -> dt.date:
        start = dt.date(year, month, day)
        while not c.cal.is_workday(start):
            start += dt.timedelta(days=1)
        return c.cal.add_workdays(start, after).due if after else start

    def replied(on: dt.date, data: dict, reply_type: str, text: str, ground: str = "", after: int = 10, **kw):
        app = _counter(org, h, on, data)
        done = c.cal.add_workdays(on, after).due
        return services.reply(actor=h, application=app, reply_type=reply_type, ground=ground, text=text,
                              replied_on=done, today=done, **kw)  # fmt: skip

    def organization(kind: str, name: str, title: str, description: str) -> dict:
        return {**company(name, code, title, description), "applicant_kind": kind}

    replied(workday(3, 10), person("钱进", code, 31, f"{year}年市本级政府采购计划", "市本级年度政府采购计划"),
            "disclosed", "现提供该计划的电子文本。")  # fmt: skip
    replied(workday(4, 15), company("六安某某工程咨询有限公司", code, "某道路工程招标控制价",
                                    "某道路工程招标控制价及编制说明"), "partial",
            "提供招标控制价；编制人员个人信息不予公开。")  # fmt: skip
    replied(workday(5, 20), organization("research", "六安某某规划设计研究院", "土地出让收入使用情况",
                                         f"{year - 1}年国有土地使用权出让收入使用情况"),
            "disclosed", "该信息已主动公开，现告知获取途径。")  # fmt: skip
    replied(workday(6, 3), person("孔亮", code, 32, "某项目评标委员会讨论记录", "评标委员会内部讨论记录"),
            "withheld", "评标委员会讨论记录属于过程性信息。", ground="process_information")  # fmt: skip
    lawsuit = replied(workday(7, 21), organization("legal_service", "安徽某某律师事务所", "某土地出让合同履行情况",
                                                   "某地块出让合同履行情况及违约处理"),
                      "unavailable", "经检索，本机关未制作、未获取该信息。", ground="not_held",
                      referred_body="六安市自然资源和规划局", referred_contact="0564-3370001（演示）")  # fmt: skip
    services.record_remedy(actor=h, application=lawsuit, kind="litigation_direct", body="六安市中级人民法院",
                           case_no=f"（{year}）皖15行初演示号", filed_on=workday(9, 8), today=workday(9, 8))  # fmt: skip
    replied(workday(8, 12), person("曹敏", code, 33, "信访事项处理结果", "要求答复本人信访事项的处理结果"),
            "not_handled", "该申请属于信访事项，请通过信访渠道反映。", ground="petition")  # fmt: skip
    # a fee for 80 pages of paper copies, paid
    on = workday(9, 16)
    app = _counter(org, h, on, person("严正", code, 34, f"{year - 1}年全部竞争性谈判文件",
                                      "全部竞争性谈判采购文件纸质复印件"))  # fmt: skip
    notice = c.cal.add_workdays(on, 3).due
    services.issue_fee_notice(actor=h, application=app, method="per_page", pages=80, notice_sent_on=notice,
                              reason="申请复制的页数明显超过合理范围", today=notice)  # fmt: skip
    paid = c.cal.add_workdays(notice, 5).due
    services.record_fee_payment(actor=h, application=app, paid_on=paid, today=paid)
    done = c.cal.add_workdays(paid, 5).due
    services.reply(actor=h, application=app, reply_type="disclosed", text="现提供所申请文件的纸质复印件80页。",
                   replied_on=done, today=done)  # fmt: skip
    replied(workday(11, 4), organization("nonprofit", "六安市某某公益服务中心", "保障性住房分配结果",
                                         "本年度公共租赁住房分配结果"), "disclosed", "现提供分配结果公示。")  # fmt: skip
    # received in late December, replied in January: carried forward into this year's report
    replied(workday(12, 28), person("韩冰", code, 35, "年度交易数据统计", "全年公共资源交易宗数和金额统计"),
            "disclosed", "现提供统计表。", after=12)  # fmt: skip


def _other(c: _Clock, slug: str, code: str, org: Organization) -> None:
    h = _user(f"{slug}-handler")
    app = _counter(org, h, c.back(30), person("李华", code, 21, "2025年政府信息公开工作年度报告",
                                              "本机关2025年政府信息公开工作年度报告全文"))  # fmt: skip
    services.reply(actor=h, application=app, reply_type="disclosed", text="该信息已主动公开，可在本机关门户网站查阅。",
                   replied_on=c.back(27), today=c.back(27))  # fmt: skip
    _counter(org, h, c.back(4), person("张伟", code, 22, "政府采购意向公开", "2026年度政府采购意向"))
