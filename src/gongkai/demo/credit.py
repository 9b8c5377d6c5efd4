"""Demo credit information: about forty market entities with their registration, licences, honours and penalties,
and the blacklist — entries listed in four jurisdictions, one awaiting review, one past its validity, one removed
after review and one removed by credit repair — so the entity pages, the blacklist and the back office have
something to show.

The companies are the ones the demo disclosures name (same names, same made-up but valid codes, so an entity's page
also lists its awards and contracts), plus 华为技术有限公司 with its real code (registration only). Every name other
than 华为 is invented. Everything goes through `gongkai.credit.services` acting as the demo accounts, so the
four-eyes rules and the audit log apply. Dates are relative to `today`.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from gongkai.core.permissions import Perm
from gongkai.credit import services
from gongkai.credit.models import BlacklistEntry, CreditRecord, Entity, RepairRecord
from gongkai.credit.rules import add_months
from gongkai.demo.disclosures import make_uscc
from gongkai.orgs.models import Organization
from gongkai.orgs.roles import organizations_with

AUTHORITIES = {
    "340104": "合肥市蜀山区市场监督管理局",
    "341502": "六安市金安区市场监督管理局",
    "341503": "六安市裕安区市场监督管理局",
    "341522": "霍邱县市场监督管理局",
    "341524": "金寨县市场监督管理局",
    "341525": "霍山县市场监督管理局",
    "220102": "长春市南关区市场监督管理局",
    "220104": "长春市朝阳区市场监督管理局",
    "222401": "延吉市市场监督管理局",
    "222404": "珲春市市场监督管理局",
    "320902": "盐城市亭湖区市场监督管理局",
    "320903": "盐城市盐都区市场监督管理局",
    "350503": "泉州市丰泽区市场监督管理局",
    "350524": "安溪县市场监督管理局",
    "140105": "太原市小店区市场监督管理局",
    "140106": "太原市迎泽区市场监督管理局",
    "140107": "太原市杏花岭区市场监督管理局",
    "140110": "太原市晋源区市场监督管理局",
    "140121": "清徐县市场监督管理局",
}


@dataclass(frozen=True)
class Company:
    slug: str  # the demo jurisdiction whose accounts record it
    name: str
    region: str
    address: str
    rep: str = ""
    prefix: str = "91"

    @property
    def uscc(self) -> str:
        return make_uscc(self.name, self.region, self.prefix)


C = Company
COMPANIES = [
    C("luan", "安徽淠河建设工程有限公司", "341502", "六安市金安区三里桥街道皖西大道218号", "孙德全"),
    C("luan", "六安市皖西路桥建设有限公司", "341503", "六安市裕安区平桥工业园纬一路6号", "王志刚"),
    C("luan", "安徽大别山建筑工程有限公司", "341525", "霍山县衡山镇迎驾大道66号", "刘长青"),
    C("luan", "六安恒信置业有限公司", "341502", "六安市金安区佛子岭路78号"),
    C("luan", "霍邱县金石矿业有限公司", "341522", "霍邱县城关镇工业大道9号", "张德胜"),
    C("luan", "安徽康瑞医疗器械有限公司", "340104", "合肥市蜀山区潜山路888号"),
    C("luan", "安徽智联教育科技有限公司", "340104", "合肥市高新区创新大道2800号"),
    C("luan", "六安皖电热力有限公司", "341503", "六安市裕安区经济开发区裕安大道1号"),
    C("luan", "金寨县绿源林业发展有限公司", "341524", "金寨县梅山镇红军大道18号"),
    C("luan", "安徽正信资产评估有限公司", "341502", "六安市金安区淠河中路66号"),
    C("luan", "安徽鑫源建筑劳务有限公司", "341503", "六安市裕安区城南镇", "丁志军"),
    C("luan", "六安市宏宇建筑工程有限公司", "341502", "六安市金安区东市街道", "许文斌"),
    C("luan", "六安华信会计师事务所有限公司", "341502", "六安市金安区人民路12号"),
    C("hunchun", "珲春鼎盛建筑工程有限公司", "222404", "珲春市靖和街道河南街88号", "金永哲"),
    C("hunchun", "延边恒达路桥工程有限公司", "222401", "延吉市长白山西路1188号", "朴成林"),
    C("hunchun", "吉林省兴华建设工程有限公司", "220104", "长春市朝阳区湖西路366号", "李振华"),
    C("hunchun", "珲春市兴达砂石开采有限公司", "222404", "珲春市英安镇英安村", "赵德顺"),
    C("hunchun", "吉林省智讯信息技术有限公司", "220102", "长春市南关区人民大街3288号"),
    C("hunchun", "珲春市宏远建筑劳务有限公司", "222404", "珲春市河南街道", "崔成浩"),
    C("hunchun", "延边瑞康医疗器械有限公司", "222401", "延吉市公园路326号"),
    C("tinghu", "江苏黄海路桥工程有限公司", "320902", "盐城市亭湖区新洋街道开放大道88号", "陈建平"),
    C("tinghu", "盐城市盐都建设工程有限公司", "320903", "盐城市盐都区潘黄街道世纪大道1166号"),
    C("tinghu", "盐城市华龙市政工程有限公司", "320902", "盐城市亭湖区五星街道建军东路52号"),
    C("tinghu", "江苏丹顶鹤医疗器械有限公司", "320902", "盐城市亭湖区环保科技城纬一路8号"),
    C("tinghu", "盐城智汇信息科技有限公司", "320902", "盐城市亭湖区文港南路5号"),
    C("tinghu", "盐城市诚建建筑劳务有限公司", "320902", "盐城市亭湖区南洋镇", "周海波"),
    C("tinghu", "盐城市顺发建材贸易有限公司", "320902", "盐城市亭湖区便仓镇", "吴建新"),
    C("tinghu", "盐城市恒宇劳务派遣有限公司", "320902", "盐城市亭湖区大洋街道", "钱卫国"),
    C("anxi", "安溪县绿野林业发展有限公司", "350524", "安溪县凤城镇河滨北路188号", "林清源"),
    C("anxi", "安溪县茶乡生态农业专业合作社", "350524", "安溪县龙涓乡内灶村", "王水生", prefix="93"),
    C("anxi", "福建安溪晶鑫光电科技有限公司", "350524", "安溪县湖头镇光电产业园"),
    C("anxi", "福建闽南建设工程有限公司", "350503", "泉州市丰泽区津淮街228号"),
    C("anxi", "安溪县恒升建筑工程有限公司", "350524", "安溪县蓬莱镇", "苏明辉"),
    C("anxi", "福建蓝溪建设有限公司", "350524", "安溪县城厢镇经济开发区"),
    C("taiyuan", "山西汾河建设工程有限公司", "140105", "太原市小店区长治路226号", "郭建军"),
    C("taiyuan", "太原市并州市政工程有限公司", "140106", "太原市迎泽区并州南路36号"),
    C("taiyuan", "山西龙城建筑安装工程有限公司", "140107", "太原市杏花岭区解放路158号", "贾志宏"),
    C("taiyuan", "清徐县鑫磊建材有限公司", "140121", "清徐县马峪乡", "郝建国"),
    C("taiyuan", "山西智行交通科技有限公司", "140105", "太原市小店区学府街116号"),
    C("taiyuan", "太原市晋源华府置业有限公司", "140110", "太原市晋源区晋祠路三段88号"),
]
BY_NAME = {c.name: c for c in COMPANIES}
HUAWEI = (
    "914403001922038216",
    "华为技术有限公司",
    "深圳市龙岗区坂田华为总部办公楼",
    "深圳市市场监督管理局",
    dt.date(1987, 9, 15),
)
CONSTRUCTION = ("建设", "建筑", "路桥", "市政")

# Deciding bodies: name and code (codes of the demo organizations where they are one, made up otherwise).
LUAN_JGJ = ("六安市公共资源交易监督管理局", "1134150016462723X1")
LUAN_ZJJ = ("六安市住房和城乡建设局", "11341500638295805E")
ANXI_FGJ = ("安溪县发展和改革局", "113505243687067577")
ANXI_LYJ = ("安溪县林业局", "113505241400396873")
TAIYUAN_FGW = ("太原市发展和改革委员会", "11140100813606763R")


def _body(name: str, region: str) -> tuple[str, str]:
    return name, make_uscc(name, region, "11")


HUNCHUN_FGJ = _body("珲春市发展和改革局", "222404")
TINGHU_FGW = _body("盐城市亭湖区发展和改革委员会", "320902")
TAIYUAN_SCJ = _body("太原市市场监督管理局", "140100")
TINGHU_ZJJ = ("盐城市亭湖区住房和城乡建设局", "11320902400134892L")


class _Demo:
    def __init__(self, today: dt.date) -> None:
        self.today = today
        users = get_user_model().objects
        self.users = {
            u.username: u for u in users.filter(username__regex=r"^[a-z]+-(publisher|reviewer|supervisor)$")
        }
        self.entities: dict[str, Entity] = {}

    def ago(self, days: int) -> dt.date:
        return self.today - dt.timedelta(days=days)

    def user(self, slug: str, role: str):
        return self.users[f"{slug}-{role}"]

    def centre(self, slug: str) -> Organization:
        """The demo trading centre where the jurisdiction's publisher works (records and proposes there)."""
        orgs = organizations_with(self.user(slug, "publisher"), Perm.BLACKLIST_PROPOSE)
        return orgs.filter(kind="trading_centre").order_by("pk").first()

    def register(self) -> None:
        publisher = self.user("luan", "publisher")
        for c in COMPANIES:
            rng = random.Random(f"gongkai-demo/credit/{c.name}")  # noqa: S311 - demo data
            established = dt.date(rng.randint(1998, 2019), rng.randint(1, 12), rng.randint(1, 28))
            self.entities[c.name] = services.register_entity(
                actor=publisher, uscc=c.uscc, name=c.name, legal_representative=c.rep, registered_address=c.address,
                registration_authority=AUTHORITIES[c.region], established_on=established,
            )  # fmt: skip
        uscc, name, address, authority, established = HUAWEI
        self.entities[name] = services.register_entity(actor=publisher, uscc=uscc, name=name, legal_representative="赵明路",
                                                       registered_address=address, registration_authority=authority,
                                                       established_on=established)  # fmt: skip

    def record(self, name: str, slug: str, **data) -> CreditRecord:
        entity = self.entities[name]
        return services.record_credit(actor=self.user(slug, "publisher"), organization=self.centre(slug),
                                      entity=entity, data=data, today=self.today)  # fmt: skip

    def registrations_licences_honours(self) -> int:
        count = 0
        for c in COMPANIES:
            entity = self.entities[c.name]
            self.record(c.name, c.slug, kind="registration", title="设立登记",
                        content=f"{c.name}经{AUTHORITIES[c.region]}核准设立登记。住所：{c.address}。",
                        decided_by_name=AUTHORITIES[c.region], decided_on=entity.established_on)  # fmt: skip
            count += 1
            if any(word in c.name for word in CONSTRUCTION):
                decided = self.ago(400 + len(c.name) * 20)
                self.record(c.name, c.slug, kind="licence", title="建筑业企业资质证书",
                            content="资质类别及等级：施工总承包二级（建筑工程、市政公用工程）。",
                            decided_by_name="省住房和城乡建设厅", decided_on=decided,
                            doc_no=f"D2{c.region}{len(c.name):02d}{decided:%m%d}",
                            basis="《建筑业企业资质管理规定》", publicity_until=add_months(decided, 60))  # fmt: skip
                count += 1
        honours = [
            ("安徽淠河建设工程有限公司", "luan", "安徽省建设工程“黄山杯”奖", "安徽省住房和城乡建设厅", 210),
            ("江苏黄海路桥工程有限公司", "tinghu", "江苏省优质工程奖“扬子杯”", "江苏省住房和城乡建设厅", 260),
            ("山西汾河建设工程有限公司", "taiyuan", "山西省“汾水杯”优质工程", "山西省住房和城乡建设厅", 180),
        ]
        for name, slug, honour, body, days in honours:
            self.record(name, slug, kind="honour", title=honour, content=f"{name}承建的工程荣获{body}授予的“{honour}”。",
                        decided_by_name=body, decided_on=self.ago(days), doc_no=f"建质函〔{self.ago(days).year}〕88号")  # fmt: skip
            count += 1
        uscc, name, _address, authority, established = HUAWEI
        self.record(name, "luan", kind="registration", title="设立登记", content=f"{name}经{authority}核准设立登记。",
                    decided_by_name=authority, decided_on=established)  # fmt: skip
        return count + 1

    def penalties(self) -> int:
        p = self.record
        y = lambda days: self.ago(days).year  # noqa: E731
        p("安徽鑫源建筑劳务有限公司", "luan", kind="penalty", title="行政处罚决定书（串通投标）", severity="general",
          content="在六安市裕安区城南小学运动场改造工程投标中与其他投标人串通投标，处中标项目金额千分之八的罚款，计人民币23,600.00元。",
          decided_by_name=LUAN_JGJ[0], decided_by_uscc=LUAN_JGJ[1], decided_on=self.ago(150),
          doc_no=f"六公管罚〔{y(150)}〕3号", basis="《中华人民共和国招标投标法》第五十三条")  # fmt: skip
        p("六安市宏宇建筑工程有限公司", "luan", kind="penalty", title="行政处罚决定书（弄虚作假骗取中标）", severity="serious",
          content="在六安市金安区东桥镇中心学校教学楼建设工程投标中提供虚假的项目经理业绩证明材料，骗取中标。中标无效，处罚款人民币45,300.00元。",
          decided_by_name=LUAN_ZJJ[0], decided_by_uscc=LUAN_ZJJ[1], decided_on=self.ago(110),
          doc_no=f"六建罚〔{y(110)}〕12号", basis="《中华人民共和国招标投标法》第五十四条")  # fmt: skip
        p("盐城市诚建建筑劳务有限公司", "tinghu", kind="penalty", title="行政处罚决定书（违反工程质量管理规定）",
          severity="general", content="未按照工程设计图纸和施工技术标准施工，没收违法所得，并处罚款人民币86,000.00元。",
          decided_by_name=TINGHU_ZJJ[0], decided_by_uscc=TINGHU_ZJJ[1], decided_on=self.ago(95),
          doc_no=f"亭建罚〔{y(95)}〕21号", basis="《建设工程质量管理条例》第六十四条")  # fmt: skip
        p("安溪县绿野林业发展有限公司", "anxi", kind="penalty", title="行政处罚决定书（滥伐林木）", severity="general",
          content="未取得采伐许可证滥伐林木，责令补种滥伐株数五倍的树木，并处滥伐林木价值三倍的罚款，计人民币42,900.00元。",
          decided_by_name=ANXI_LYJ[0], decided_by_uscc=ANXI_LYJ[1], decided_on=self.ago(80),
          doc_no=f"安林罚〔{y(80)}〕9号", basis="《中华人民共和国森林法》第七十六条第二款")  # fmt: skip
        p("太原市晋源华府置业有限公司", "taiyuan", kind="penalty", title="行政处罚决定书（通报批评）",
          scheme="samr-2021-45", severity="light", publicity_from=self.ago(35),
          content="商品房销售广告含有未经核实的升值承诺，予以通报批评。", decided_by_name=TAIYUAN_SCJ[0],
          decided_by_uscc=TAIYUAN_SCJ[1], decided_on=self.ago(40), doc_no=f"并市监罚〔{y(40)}〕56号",
          basis="《中华人民共和国广告法》第二十六条")  # fmt: skip
        p("吉林省兴华建设工程有限公司", "hunchun", kind="penalty", title="行政处罚决定书（未按规定履行合同）",
          severity="general", content="擅自将中标项目的主体工程分包，处罚款人民币30,000.00元。",
          decided_by_name=HUNCHUN_FGJ[0], decided_by_uscc=HUNCHUN_FGJ[1], decided_on=self.ago(420),
          doc_no=f"珲发改罚〔{y(420)}〕2号", basis="《中华人民共和国招标投标法》第五十八条")  # fmt: skip
        p("延边瑞康医疗器械有限公司", "hunchun", kind="penalty", title="行政处罚决定书（警示）", severity="minor",
          content="投标文件格式不规范，初次违法且及时改正，处警告。", decided_by_name=HUNCHUN_FGJ[0],
          decided_by_uscc=HUNCHUN_FGJ[1], decided_on=self.ago(20), doc_no=f"珲发改罚〔{y(20)}〕11号")  # fmt: skip
        repaired = p("山西龙城建筑安装工程有限公司", "taiyuan", kind="penalty", title="行政处罚决定书（拖欠农民工工资）",
                     severity="general", content="拖欠农民工工资，责令限期支付并处罚款人民币20,000.00元。",
                     decided_by_name="太原市人力资源和社会保障局", decided_on=self.ago(200),
                     doc_no=f"并人社罚〔{y(200)}〕7号", basis="《保障农民工工资支付条例》第五十五条")  # fmt: skip
        repair = services.record_repair_application(
            actor=self.user("taiyuan", "publisher"), target=repaired, applied_on=self.ago(60), commitment=True,
            evidence="已足额支付拖欠工资并缴清罚款（缴款书编号 1401002026000087），提交信用承诺书。",
        )  # fmt: skip
        services.decide_repair(actor=self.user("taiyuan", "reviewer"), repair=repair, approve=True,
                               comment="整改到位，准予修复", today=self.ago(50))  # fmt: skip
        xinyuan = CreditRecord.objects.get(entity=self.entities["安徽鑫源建筑劳务有限公司"], kind="penalty")
        if xinyuan.repair_from and xinyuan.repair_from <= self.ago(10):
            services.record_repair_application(actor=self.user("luan", "publisher"), target=xinyuan,
                                               applied_on=self.ago(10), evidence="已缴清罚款，完成整改培训。")  # fmt: skip
        return 8

    def blacklist(self) -> int:
        def listed(name, slug, body, days, **data):
            decided = self.ago(days)
            data = {"role": "bidder", "decided_by_name": body[0], "decided_by_uscc": body[1], "decided_on": decided,
                    "valid_to": data.pop("valid_to", None) or add_months(decided, 36), **data}  # fmt: skip
            entry = services.propose_listing(actor=self.user(slug, "publisher"), organization=self.centre(slug),
                                             entity=self.entities[name], data=data)  # fmt: skip
            return services.review_listing(actor=self.user(slug, "reviewer"), entry=entry, approve=True,
                                           comment="事实清楚，证据确凿，依据充分")  # fmt: skip

        y = lambda days: self.ago(days).year  # noqa: E731
        three_years = "三年内禁止参加本地区公共资源交易活动，并推送至全国信用信息共享平台实施联合惩戒。"
        listed("珲春市宏远建筑劳务有限公司", "hunchun", HUNCHUN_FGJ, 100, reason_category="falsification",
               reason="在珲春市城区供热管网改造工程投标中伪造项目经理社保缴纳证明，骗取中标。",
               legal_basis="《珲春市公共资源配置领域“黑名单”管理办法》第八条", doc_no=f"珲发改信〔{y(100)}〕7号",
               restricted_activities=three_years)  # fmt: skip
        listed("盐城市恒宇劳务派遣有限公司", "tinghu", TINGHU_FGW, 60, reason_category="collusion",
               list_name="公共资源交易负面清单", reason="在亭湖区环卫保洁服务采购中与其他供应商恶意串通，操纵投标报价。",
               legal_basis="《盐城市公共资源交易负面清单管理办法》第七条", doc_no=f"亭发改信〔{y(60)}〕5号",
               restricted_activities="三年内不得参加本区公共资源交易活动。")  # fmt: skip
        listed("安溪县恒升建筑工程有限公司", "anxi", ANXI_FGJ, 130, reason_category="collusion",
               reason="在安溪县农村公路安防工程投标中，与其他投标人相互串通投标，被依法处理。",
               legal_basis="《安溪县公共资源配置领域“黑名单”管理暂行办法》第六条", doc_no=f"安发改信〔{y(130)}〕4号",
               restricted_activities="三年内限制参加本县公共资源交易活动。")  # fmt: skip
        hongyu_decided = self.ago(110)
        listed("六安市宏宇建筑工程有限公司", "luan", LUAN_ZJJ, 110, reason_category="falsification",
               reason="在六安市金安区东桥镇中心学校教学楼建设工程投标中提供虚假的项目经理业绩证明材料，骗取中标。",
               legal_basis="《中华人民共和国招标投标法》第五十四条", doc_no=f"六建信〔{y(110)}〕2号",
               valid_to=add_months(hongyu_decided, 12),
               restricted_activities="一年内取消其在本市参加依法必须进行招标的项目的投标资格。")  # fmt: skip
        listed("清徐县鑫磊建材有限公司", "taiyuan", TAIYUAN_FGW, 45, reason_category="falsification",
               reason="在太原市政府采购道路维修材料项目中提供虚假检测报告，骗取成交资格。",
               legal_basis="《太原市公共资源配置领域严重失信主体名单管理办法》第九条", doc_no=f"并发改信〔{y(45)}〕12号",
               restricted_activities="三年内限制参加本市公共资源交易活动，并在“信用中国（山西太原）”网站公示。")  # fmt: skip
        # Past its validity: leaves the public list and is marked expired by the scan at the end.
        listed("珲春市兴达砂石开采有限公司", "hunchun", HUNCHUN_FGJ, 1125, reason_category="defraud",
               reason="以伪造的资金证明取得砂石采矿权出让竞买资格，骗取公共资源。",
               legal_basis="《珲春市公共资源配置领域“黑名单”管理办法》第八条", doc_no=f"珲发改信〔{y(1125)}〕3号",
               restricted_activities=three_years)  # fmt: skip
        # Removed after a second person agreed (the demo disclosure about it was withdrawn the same way).
        shunfa = listed("盐城市顺发建材贸易有限公司", "tinghu", TINGHU_FGW, 160, reason_category="falsification",
                        list_name="公共资源交易负面清单", reason="在亭湖区农村公路养护材料采购中提供虚假检测报告，骗取成交资格。",
                        legal_basis="《盐城市公共资源交易负面清单管理办法》第七条", doc_no=f"亭发改信〔{y(160)}〕2号",
                        restricted_activities="三年内不得参加本区公共资源交易活动。")  # fmt: skip
        services.propose_removal(actor=self.user("tinghu", "publisher"), entry=shunfa, kind="removed",
                                 reason="当事人已纠正失信行为、履行相关义务，经审核同意提前移出负面清单。")  # fmt: skip
        services.review_removal(
            actor=self.user("tinghu", "supervisor"), entry=shunfa, approve=True, today=self.ago(20)
        )
        # Removed by credit repair.
        chengjian = listed("盐城市诚建建筑劳务有限公司", "tinghu", TINGHU_FGW, 700, reason_category="breach",
                           reason="中标后无正当理由拒不与招标人签订合同。", doc_no=f"亭发改信〔{y(700)}〕9号",
                           legal_basis="《中华人民共和国招标投标法实施条例》第七十四条",
                           restricted_activities="三年内不得参加本区公共资源交易活动。")  # fmt: skip
        repair = services.record_repair_application(
            actor=self.user("tinghu", "publisher"), target=chengjian, applied_on=self.ago(40), commitment=True,
            evidence="已向招标人赔偿损失并取得谅解，按期完成信用修复培训，提交信用承诺书。",
        )  # fmt: skip
        services.decide_repair(
            actor=self.user("tinghu", "reviewer"), repair=repair, approve=True, today=self.ago(30)
        )
        # Awaiting a second person in Lu'an.
        services.propose_listing(actor=self.user("luan", "publisher"), organization=self.centre("luan"),
                                 entity=self.entities["霍邱县金石矿业有限公司"],
                                 data={"role": "bidder", "reason_category": "defraud",
                                       "reason": "以虚假的财务审计报告取得霍邱县周集铁矿采矿权出让竞买资格。",
                                       "legal_basis": "《中华人民共和国矿产资源法》第三条；《矿业权出让交易规则》第四十六条",
                                       "decided_by_name": LUAN_JGJ[0], "decided_by_uscc": LUAN_JGJ[1],
                                       "doc_no": f"六公管信〔{y(2)}〕6号", "decided_on": self.ago(2),
                                       "restricted_activities": "三年内禁止参加本市矿业权出让等公共资源交易活动。"})  # fmt: skip
        return 9


@transaction.atomic
def load_demo_credit(today: dt.date | None = None) -> dict[str, int]:
    """Create the demo credit information (idempotent: once there are demo entries, nothing more is created)."""
    today = today or timezone.localdate()
    demo = _Demo(today)
    marker = BY_NAME["珲春市宏远建筑劳务有限公司"].uscc
    if not BlacklistEntry.objects.filter(entity__uscc=marker).exists():
        demo.register()
        demo.registrations_licences_honours()
        demo.penalties()
        demo.blacklist()
        services.expire_due(today=today)
    return {
        "entities": Entity.objects.count(),
        "records": CreditRecord.objects.count(),
        "entries": BlacklistEntry.objects.count(),
        "listed": BlacklistEntry.objects.public_on(today).count(),
        "repairs": RepairRecord.objects.count(),
    }
