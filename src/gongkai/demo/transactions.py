"""Demo transactions: complete and incomplete ones in every domain whose lifecycle has stages, with the red flags
the checks are there to catch — a missing award, a contract before its award, an award above budget, a deal below
the reserve price, a tender period shorter than the law allows, a winner without a credit code, a contract price
raised by more than 10 %, and a winner on the blacklist when the award was made.

Everything goes through the services — organizations and accounts (gongkai.orgs), each stage's disclosure through
the whole publishing workflow (gongkai.disclosures), the transaction and its steps (gongkai.transactions), the
blacklist entry (gongkai.credit) — so the audit log and every rule apply. Dates are relative to `today`.
Loading again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction as db_transaction
from django.utils import timezone

from gongkai.catalog.models import CatalogItem, Domain, Jurisdiction
from gongkai.catalog.selectors import effective_items
from gongkai.core.codes import org_check_char, uscc_check_char
from gongkai.core.deidentify import scan
from gongkai.core.yamlfile import read_yaml
from gongkai.disclosures import services as disclosure_services
from gongkai.orgs.models import Organization, Role
from gongkai.orgs.services import create_organization, ensure_user, grant_role
from gongkai.transactions import services
from gongkai.transactions.checks import run_checks
from gongkai.transactions.models import Transaction

PREFIX = "DEMO-"
_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def demo_uscc(name: str, region: str, prefix: str = "91") -> str:
    """A valid unified social credit code for `name`, the same every time (and never one the personal-data scanner
    would take for an identity or card number)."""
    rng = random.Random(f"gongkai-demo-txn/{prefix}/{region}/{name}")  # noqa: S311 - demo data, not secrets
    while True:
        body = (
            ("MA" + "".join(rng.choice(_CODE_CHARS) for _ in range(6)))
            if prefix.startswith("9")
            else "".join(rng.choice("0123456789") for _ in range(8))
        )
        code17 = prefix + region + body + org_check_char(body)
        code = code17 + uscc_check_char(code17)
        if not scan(code):
            return code


@dataclass(frozen=True)
class Ago:
    """A date this many days before today: as YYYY-MM-DD, or in words with a time and place for a text field."""

    days: int
    words: bool = False

    def on(self, today: dt.date, place: str) -> str:
        day = today - dt.timedelta(days=self.days)
        return f"{day.year}年{day.month}月{day.day}日9时30分，{place}" if self.words else day.isoformat()


@dataclass(frozen=True)
class Step:
    item: str  # catalog item key
    ago: int  # published this many days before today (formed two days earlier)
    by: str = "owner"  # owner | centre | an organization key of the place
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Deal:
    domain: str
    title: str
    owner: str  # organization key of the place
    steps: tuple[Step, ...]
    winner: str = ""
    budget: str | None = None
    procedure: str = ""
    winner_code: bool = True  # False: the winner's credit code is left out where the item allows it
    blacklisted: bool = False  # the winner was listed as seriously dishonest before the award


@dataclass(frozen=True)
class Place:
    code: str
    slug: str
    orgs: dict[str, tuple[str, str]]  # key -> (name, kind); created when missing
    deals: tuple[Deal, ...]


LUAN = Place(
    code="341500",
    slug="luan",
    orgs={
        "centre": ("六安市公共资源交易中心", "trading_centre"),
        "land": ("六安市自然资源和规划局", "department"),
        "housing": ("六安市住房和城乡建设局", "department"),
        "bureau": ("六安市公共资源交易监督管理局", "department"),
        "school": ("六安市第二中学", "owner"),
        "drainage": ("六安市城区排水管理处", "owner"),
        "stadium": ("六安市体育中心", "owner"),
        "hospital": ("六安市第二人民医院", "owner"),
        "capital": ("六安市国有资本运营有限公司", "owner"),
        "ecology": ("六安市排污权储备交易中心", "owner"),
        "transit": ("六安市交通运输服务中心", "owner"),
    },
    deals=(
        Deal("construction", "六安市第二中学综合楼建设工程施工", "school", winner="安徽皖信建设工程有限公司",
             budget="12800000", procedure="bidding_mandatory", steps=(
                 Step("construction.tender_notice", 130, fields={"bid_deadline": Ago(105)}),
                 Step("construction.candidates", 95, fields={"bid_price": "12380000.00"}),
                 Step("construction.award", 88, fields={"bid_price": "12380000.00"}),
                 Step("construction.contract", 75, fields={"price": "12380000.00"}),
             )),
        Deal("construction", "六安市城区污水管网改造工程施工", "drainage", winner="安徽江淮市政工程有限公司",
             budget="8600000", procedure="bidding_mandatory", steps=(
                 Step("construction.tender_notice", 160, fields={"bid_deadline": Ago(135)}),
                 Step("construction.candidates", 110, fields={"bid_price": "8410000.00"}),
             )),
        Deal("construction", "六安市体育中心附属设施改造工程施工", "stadium", winner="六安市恒达建筑工程有限公司",
             budget="5200000", procedure="bidding_mandatory", blacklisted=True, steps=(
                 Step("construction.tender_notice", 90, fields={"bid_deadline": Ago(78)}),
                 Step("construction.candidates", 70, fields={"bid_price": "5060000.00"}),
                 Step("construction.award", 62, fields={"bid_price": "5060000.00"}),
                 Step("construction.contract", 50, fields={"price": "5060000.00"}),
             )),
        Deal("procurement", "六安市第二中学实验室设备采购", "school", winner="安徽博学教育装备有限公司",
             budget="1950000", steps=(
                 Step("procurement.notice", 100, fields={"budget_amount": "1950000.00", "bid_deadline": Ago(78)}),
                 Step("procurement.result", 70, fields={"amount": "1860000.00"}),
                 Step("procurement.contract", 60, fields={"amount": "1860000.00"}),
             )),
        Deal("procurement", "六安市第二人民医院信息化系统建设采购", "hospital", winner="安徽智诚信息技术有限公司",
             steps=(
                 Step("procurement.notice", 150, fields={"budget_amount": "2300000.00", "bid_deadline": Ago(125)}),
                 Step("procurement.result", 120, fields={"amount": "2450000.00"}),
                 Step("procurement.contract", 110, fields={"amount": "2450000.00"}),
                 Step("procurement.contract_change", 40, fields={"amount_after": "2900000.00"}),
             )),
        Deal("procurement", "六安市第二中学学生课桌椅采购", "school", steps=(
                 Step("procurement.notice", 140, fields={"budget_amount": "680000.00", "procurement_method": "竞争性磋商",
                                                          "bid_deadline": Ago(132)}),
             )),
        Deal("medical", "六安市第二人民医院64排CT设备采购", "hospital", winner="安徽华康医疗器械有限公司",
             procedure="gp_tender", steps=(
                 Step("medical.notice", 100, fields={"budget_amount": "6500000.00", "category": "医用设备",
                                                     "bid_deadline": Ago(75)}),
                 Step("medical.large_equipment_result", 70, fields={"amount": "6280000.00"}),
                 Step("medical.large_equipment_contract", 60, fields={"amount": "6280000.00"}),
             )),
        Deal("medical", "六安市第二人民医院彩色超声诊断设备采购", "hospital", procedure="gp_tender", steps=(
                 Step("medical.notice", 150, fields={"budget_amount": "1800000.00", "category": "医用设备",
                                                     "bid_deadline": Ago(125)}),
             )),
        Deal("land", "六安经济技术开发区2026-08号地块国有建设用地使用权挂牌出让", "land", winner="六安市安居置业有限公司",
             steps=(
                 Step("land.transfer_notice", 110, by="land", fields={"transfer_method": "挂牌", "starting_price": "46000000.00",
                                                                       "transaction_time_place": Ago(85, words=True)}),
                 Step("land.transaction_publicity", 80, by="land", fields={"price": "51200000.00", "transfer_method": "挂牌"}),
                 Step("land.supply_result", 75, by="land", fields={"price": "51200000.00"}),
                 Step("land.contract", 70, by="land", fields={"price": "51200000.00"}),
             )),
        Deal("land", "六安市城南片区2026-11号地块国有建设用地使用权挂牌出让", "land", winner="六安市金桥房地产开发有限公司",
             winner_code=False, steps=(
                 Step("land.transfer_notice", 150, by="land", fields={"transfer_method": "挂牌", "starting_price": "32000000.00",
                                                                       "transaction_time_place": Ago(125, words=True)}),
                 Step("land.transaction_publicity", 120, by="land", fields={"price": "33500000.00", "transfer_method": "挂牌"}),
             )),
        Deal("mining", "金寨县沙河建筑用砂岩矿采矿权挂牌出让", "land", winner="金寨县宏达矿业有限公司", steps=(
                 Step("mining.transfer_notice", 120, by="land", fields={"right_type": "采矿权", "transfer_method": "挂牌",
                                                                         "starting_price": "18000000.00"}),
                 Step("mining.transaction_publicity", 90, by="land", fields={"price": "21600000.00", "transfer_method": "挂牌"}),
                 Step("mining.contract", 80, by="land", fields={"price": "21600000.00"}),
             )),
        Deal("mining", "霍邱县周集铁矿探矿权挂牌出让", "land", winner="霍邱县金源矿业有限公司", steps=(
                 Step("mining.transfer_notice", 170, by="land", fields={"right_type": "探矿权", "transfer_method": "挂牌",
                                                                         "starting_price": "9000000.00"}),
                 Step("mining.contract", 60, by="land", fields={"price": "9000000.00"}),
             )),
        Deal("property", "六安市国有资本运营有限公司所持六安市物流园有限公司30%股权转让", "capital",
             winner="安徽皖西物流集团有限公司", steps=(
                 Step("property.reserve_price", 120, fields={"reserve_price": "15000000.00"}),
                 Step("property.result", 80, fields={"price": "15600000.00"}),
                 Step("property.contract", 70, fields={"price": "15600000.00"}),
             )),
        Deal("property", "六安市国有资本运营有限公司闲置厂房资产转让", "capital", winner="六安市鑫源贸易有限公司", steps=(
                 Step("property.reserve_price", 110, fields={"reserve_price": "3000000.00"}),
                 Step("property.result", 70, fields={"price": "2700000.00"}),
                 Step("property.contract", 60, fields={"price": "2700000.00"}),
             )),
        Deal("property", "六安市国有资本运营有限公司所持六安市城市燃气有限公司10%股权转让", "capital", steps=(
                 Step("property.reserve_price", 150, fields={"reserve_price": "8800000.00"}),
             )),
        Deal("emission", "六安市2026年化学需氧量排污权出让", "ecology", winner="六安市绿源化工有限公司", steps=(
                 Step("emission.transfer_notice", 90, by="centre", fields={"starting_price": "420000.00"}),
                 Step("emission.result", 60, by="centre", fields={"price": "455000.00"}),
                 Step("emission.contract", 50, fields={"price": "455000.00"}),
             )),
        Deal("emission", "六安市2026年氨氮排污权出让", "ecology", steps=(
                 Step("emission.transfer_notice", 160, by="centre", fields={"starting_price": "180000.00"}),
             )),
        Deal("carbon", "六安市2026年度碳排放配额有偿出让", "ecology", winner="六安市皖能热电有限公司", steps=(
                 Step("carbon.transfer_notice", 80, by="centre", fields={"starting_price": "2600000.00"}),
                 Step("carbon.result", 50, by="centre", fields={"price": "2750000.00"}),
             )),
        Deal("carbon", "六安市2026年度第二批碳排放配额有偿出让", "ecology", steps=(
                 Step("carbon.transfer_notice", 170, by="centre", fields={"starting_price": "1300000.00"}),
             )),
        Deal("franchise", "六安市城区公交线路特许经营权出让", "transit", winner="六安市城市公共交通有限公司", steps=(
                 Step("franchise.transfer_notice", 100, by="centre", fields={"starting_price": "3000000.00"}),
                 Step("franchise.result", 70, by="centre", fields={"price": "3300000.00"}),
                 Step("franchise.contract", 60, fields={"price": "3300000.00"}),
             )),
        Deal("franchise", "六安市城区出租汽车经营权出让", "transit", winner="六安市通达出租汽车有限公司", steps=(
                 Step("franchise.transfer_notice", 150, by="centre", fields={"starting_price": "1200000.00"}),
                 Step("franchise.result", 100, by="centre", fields={"price": "1260000.00"}),
             )),
        Deal("housing", "六安市2026年第一批公共租赁住房分配", "housing", steps=(
                 Step("housing.allocation_targets", 120, by="housing"),
                 Step("housing.allocation_result", 80, by="housing"),
             )),
        Deal("housing", "六安市2026年第二批公共租赁住房分配", "housing", steps=(
                 Step("housing.allocation_targets", 150, by="housing"),
             )),
    ),
)  # fmt: skip

ANXI = Place(
    code="350524",
    slug="anxi",
    orgs={"centre": ("安溪县公共资源交易中心", "trading_centre"), "forestry": ("安溪县林业局", "department")},
    deals=(
        Deal("forestry", "安溪县参内镇集体林地经营权流转", "forestry", winner="安溪县茶香林业发展有限公司", steps=(
                 Step("forestry.notice", 100, by="forestry", fields={"starting_price": "860000.00"}),
                 Step("forestry.result", 70, by="forestry", fields={"price": "910000.00"}),
                 Step("forestry.performance", 60, by="forestry"),
             )),
        Deal("forestry", "安溪县龙涓乡集体林木所有权流转", "forestry", steps=(
                 Step("forestry.notice", 160, by="forestry", fields={"starting_price": "520000.00"}),
             )),
    ),
)  # fmt: skip

TAIYUAN = Place(
    code="140100",
    slug="taiyuan",
    orgs={"centre": ("太原市公共资源交易中心", "trading_centre"), "ndrc": ("太原市发展和改革委员会", "department"),
          "works": ("太原市市政公用工程建设中心", "owner")},
    deals=(
        Deal("major_projects", "太原市东二环快速化改造工程", "works", steps=(
                 Step("major_projects.approval_result", 200, by="ndrc"),
                 Step("major_projects.tendering", 150, by="centre"),
             )),
        Deal("major_projects", "太原市晋阳湖生态修复工程", "works", steps=(
                 Step("major_projects.approval_result", 300, by="ndrc"),
             )),
    ),
)  # fmt: skip

PLACES = (LUAN, ANXI, TAIYUAN)
OWNER_KEYS = ("tenderer", "purchaser", "buyer", "transferor", "employer", "project_owner", "project_unit", "grantor",
              "owner", "legal_entity")  # fmt: skip
WINNER_KEYS = (
    "winner",
    "supplier",
    "transferee",
    "grantee",
    "contractor",
    "holder",
    "land_user",
    "user",
    "right_holder",
)
NAME_KEYS = ("project_name", "subject_name", "right_name", "contract_name", "title")
TEXT_DEFAULTS = {
    "parcel_no": "六经开2026-08", "location": "详见公告附图", "land_use": "城镇住宅用地", "mineral": "建筑用砂岩",
    "contract_no": "HT-2026-001", "duration": "365日历天", "transaction_method": "网络竞价", "reviewers": "评审专家5人（名单见附件）",
    "forest_type": "杉木林", "term": "30年",
}  # fmt: skip


def _title(project: str, category: str) -> str:
    """The notice's full title: the project and the kind of notice, without saying 采购 twice (…采购 + 采购公告)."""
    return project[:-2] + category if project[-2:] == category[:2] else project + category


def _value(spec: dict, ctx: dict[str, Any]) -> Any:
    """A valid value for a field nobody set: names and codes of the deal, else something plain of the right type."""
    key, kind = spec["key"], spec["type"]
    if key in ctx:
        return ctx[key]
    if kind == "choice":
        return spec["options"][0]
    if kind == "table":
        return [
            {
                c["key"]: _value(c, ctx)
                for c in spec.get("columns", [])
                if c.get("required") or c["type"] == "uscc"
            }
        ]
    return {
        "text": TEXT_DEFAULTS.get(key) or "详见公告正文",
        "textarea": "详见公告正文。",
        "integer": 1,
        "decimal": "1.00",
        "money": "0.00",
        "percent": "0",
        "date": ctx["_date"],
        "uscc": ctx.get("_owner_uscc"),
        "url": "https://ggzy.luan.gov.cn/",
        "boolean": True,
    }[kind]


def _fields(item: CatalogItem, ctx: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for spec in item.fields:
        key = spec["key"]
        if key in overrides:
            values[key] = overrides[key]
        elif spec.get("required") or key in ctx:
            value = _value(spec, ctx)
            if value not in (None, ""):
                values[key] = value
    return values


@dataclass
class _Loader:
    place: Place
    today: dt.date
    password: str
    orgs: dict[str, Organization] = field(default_factory=dict)

    def setup(self) -> None:
        jurisdiction = Jurisdiction.objects.get(code=self.place.code)
        for key, (name, kind) in self.place.orgs.items():
            org = Organization.objects.filter(jurisdiction=jurisdiction, name=name).first()
            if org is None:
                org = create_organization(name=name, uscc=demo_uscc(name, self.place.code, "12"), kind=kind,
                                          jurisdiction=jurisdiction)  # fmt: skip
            self.orgs[key] = org
        self.publisher = ensure_user(f"{self.place.slug}-txn-publisher", password=self.password,
                                     full_name=f"{jurisdiction.name}交易项目发布员", staff=True)  # fmt: skip
        self.reviewer = ensure_user(f"{self.place.slug}-txn-reviewer", password=self.password,
                                    full_name=f"{jurisdiction.name}交易项目审查员", staff=True)  # fmt: skip
        for org in self.orgs.values():
            grant_role(user=self.publisher, organization=org, role=Role.PUBLISHER)
            grant_role(user=self.reviewer, organization=org, role=Role.REVIEWER)
        self.items = {i.key: i for i in effective_items(jurisdiction)}

    def load(self, deal: Deal, n: int) -> Transaction:
        owner = self.orgs[deal.owner]
        region = self.place.code
        winner_uscc = demo_uscc(deal.winner, region) if deal.winner else ""
        first = max(s.ago for s in deal.steps) + 7
        t = services.create_transaction(
            actor=self.publisher, organization=owner, domain=Domain.objects.get(code=deal.domain), title=deal.title,
            budget=deal.budget, procedure=deal.procedure, project_no=f"{PREFIX}{self.place.slug.upper()}-{n:03d}",
            today=self.today - dt.timedelta(days=first),
        )  # fmt: skip
        if deal.blacklisted:
            self.blacklist(deal.winner, winner_uscc, on=self.today - dt.timedelta(days=first + 120))
        for step in deal.steps:
            published = self.today - dt.timedelta(days=step.ago)
            org = owner if step.by == "owner" else self.orgs[step.by]
            ctx = self.context(deal, owner, winner_uscc, published, step)
            item = self.items[step.item]
            overrides = {k: v.on(self.today, self.orgs["centre"].name) if isinstance(v, Ago) else v
                         for k, v in step.fields.items()}  # fmt: skip
            d = disclosure_services.create_draft(
                actor=self.publisher, organization=org, item=item,
                data={"title": _title(deal.title, item.category), "formed_on": published - dt.timedelta(days=2),
                      "body": f"{deal.title}{item.category}如下，详见结构化信息。", "info_source": org.name,
                      "fields": _fields(item, ctx, overrides)},
            )  # fmt: skip
            d = disclosure_services.submit(actor=self.publisher, disclosure=d)
            d = disclosure_services.review(actor=self.reviewer, disclosure=d)
            d = disclosure_services.approve(actor=self.reviewer, disclosure=d)
            d = disclosure_services.publish(actor=self.reviewer, disclosure=d, today=published)
            services.attach_disclosure(actor=self.publisher, transaction=t, disclosure=d)
        return t

    def context(
        self, deal: Deal, owner: Organization, winner_uscc: str, published: dt.date, step: Step
    ) -> dict:
        ctx: dict[str, Any] = {
            "_date": (published - dt.timedelta(days=2)).isoformat(),
            "_owner_uscc": owner.uscc,
        }
        for key in NAME_KEYS:
            ctx[key] = deal.title
        ctx["contract_name"] = f"{deal.title}合同"
        for key in OWNER_KEYS:
            ctx[key] = owner.name
            ctx[f"{key}_uscc"] = owner.uscc
        if deal.winner:
            for key in WINNER_KEYS:
                ctx[key] = deal.winner
                if deal.winner_code:
                    ctx[f"{key}_uscc"] = winner_uscc
        price = step.fields.get("bid_price") or step.fields.get("price") or step.fields.get("amount")
        if deal.winner and step.item.endswith(".candidates"):
            ctx["candidates"] = self.candidates(deal, winner_uscc, price or "0.00")
        if step.item.startswith("housing."):
            ctx["applicants"] = [
                {"name": n, "household_size": s} for n, s in (("张某某", 3), ("李某某", 2), ("王某某", 4))
            ]
            ctx["results"] = [{"name": n, "project_name": "六安市梅山南路公租房小区", "unit": u}
                              for n, u in (("张某某", "3-2-501"), ("李某某", "5-1-302"))]  # fmt: skip
        if step.item.startswith("procurement.result") or step.item.startswith("medical."):
            ctx["main_items"] = [
                {"name": deal.title.replace("采购", ""), "quantity": "1", "unit_price": price or "0.00"}
            ]
        return ctx

    @staticmethod
    def candidates(deal: Deal, winner_uscc: str, price: str) -> list[dict]:
        others = ("安徽省第二建筑工程有限公司", "中铁四局集团第五工程有限公司")
        rows = [(deal.winner, winner_uscc, price)] + [
            (name, demo_uscc(name, "340000"), f"{float(price) * (1.02 + 0.01 * i):.2f}")
            for i, name in enumerate(others)
        ]
        return [
            {"rank": i, "name": name, "uscc": code, "bid_price": amount, "duration": "365日历天",
             "evaluation": f"综合得分{95 - 3 * i}分", "managers": "项目经理（一级建造师）", "qualification_conditions": "满足招标文件要求"}
            for i, (name, code, amount) in enumerate(rows, start=1)
        ]  # fmt: skip

    def blacklist(self, name: str, uscc: str, *, on: dt.date) -> bool:
        """List the winner as seriously dishonest before the award, through the credit services."""
        try:
            from gongkai.credit import services as credit
            from gongkai.credit.selectors import is_blacklisted
        except ImportError:
            return False
        if is_blacklisted(uscc, on + dt.timedelta(days=1)) is not None:
            return True
        bureau = self.orgs["bureau"]
        entity = credit.register_entity(actor=self.publisher, uscc=uscc, name=name)
        entry = credit.propose_listing(actor=self.publisher, organization=bureau, entity=entity, data={
            "role": "bidder", "reason_category": "collusion",
            "reason": "在六安市城区道路提升改造工程投标中与其他投标人串通投标", "legal_basis": "《中华人民共和国招标投标法》第五十三条",
            "decided_by_name": bureau.name, "decided_by_uscc": bureau.uscc, "doc_no": "六公管罚〔2026〕3号",
            "decided_on": on.isoformat(), "valid_from": on.isoformat(), "restricted_activities": "限制参与本市公共资源交易活动",
        })  # fmt: skip
        credit.review_listing(actor=self.reviewer, entry=entry, approve=True)
        return True


@db_transaction.atomic
def load_demo_transactions(today: dt.date | None = None) -> dict[str, int]:
    """Create the demo transactions (idempotent); returns how many there are, how many are flagged and why."""
    today = today or timezone.localdate()
    if not Transaction.objects.filter(project_no__startswith=PREFIX).exists():
        password = str(read_yaml(Path(settings.DATA_DIR) / "demo" / "organizations.yaml").data["password"])
        for place in PLACES:
            loader = _Loader(place, today, password)
            loader.setup()
            for n, deal in enumerate(place.deals, start=1):
                loader.load(deal, n)
    demo = Transaction.objects.filter(project_no__startswith=PREFIX)
    counts: dict[str, int] = {"transactions": demo.count(), "flagged": 0}
    for t in demo:
        flagged = [r.code for r in run_checks(t, today) if r.flagged]
        counts["flagged"] += bool(flagged)
        for code in flagged:
            counts[code] = counts.get(code, 0) + 1
    return counts
