"""A generated corpus of public disclosures with realistic Chinese text, bulk-created for speed.

Each record's searchable values are kept beside it (`Record.values`), so tests can compute what a substring
scan must find without going through the search app at all."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from gongkai.catalog.models import CatalogItem, Jurisdiction
from gongkai.disclosures.choices import RevisionStatus, State, Validity
from gongkai.disclosures.models import Disclosure, Revision
from gongkai.search import services
from gongkai.search.services import SearchQuery
from tests.factories import OrganizationFactory, UserFactory, make_uscc

TZ = ZoneInfo("Asia/Shanghai")
TODAY = dt.date(2026, 9, 30)

ORGS = [
    ("341500", "六安市财政局"),
    ("341500", "六安市公共资源交易中心"),
    ("222404", "珲春市住房和城乡建设局"),
    ("320902", "盐城市亭湖区政府采购中心"),
    ("350524", "安溪县自然资源局"),
    ("350500", "泉州市公共资源交易中心"),
    ("140100", "太原市财政局"),
]
# (domain, stage or None): looked up among the loaded catalogs
ITEMS = [
    ("construction", "award"),
    ("construction", "candidates"),
    ("construction", "tender_notice"),
    ("procurement", "result"),
    ("procurement", "notice"),
    ("land", "transfer_notice"),
    ("credit", None),
]
PROJECTS = [
    "软件开发",
    "智慧城市平台软件开发服务",
    "办公软件正版化采购",
    "开发区道路改造",
    "老旧小区改造工程施工",
    "学校食堂设备采购",
    "医疗设备采购",
    "国有建设用地使用权出让",
    "Model X200 服务器采购",
    "ABC-123型检测仪器采购",
    "ＡＢＣ全角型号设备",
    "软 件测试服务",
]
KINDS = ["中标结果", "中标候选人", "招标", "成交结果", "更正"]
COMPANIES = [
    "华为技术有限公司",
    "安徽软件开发有限公司",
    "六安市城市建设投资有限公司",
    "中国建筑第二工程局有限公司",
    "安溪县茶业集团股份有限公司",
    "Tencent Cloud Computing (Beijing) Co., Ltd.",
    "北京百度网讯科技有限公司",
]
DOC_NOS = ["六政办〔2018〕55号", "皖财购〔2026〕12号", "安政〔2025〕3号", "盐亭政发〔2024〕101号", "", ""]
SENTENCES = [
    "根据《中华人民共和国招标投标法》及有关规定，现将{project}项目{kind}公示如下。",
    "招标人为{tenderer}，中标人为{winner}，中标价格为{price}元。",
    "本项目采用公开招标方式，评标办法为综合评估法。",
    "公示期为三个工作日，对结果有异议的，请于公示期内以书面形式提出。\n联系人：王工，联系电话：0564-3371234。",
    "采购需求：<采购需求> & 技术参数详见附件。",
    "项目编号：LA-2026-{serial}，资金来源为财政资金。",
    "Model X200 与 ABC-123 均符合要求。",
    "第一中标候选人：{winner}；第二中标候选人：{second}。",
]


@dataclass
class Record:
    id: int
    title: str
    body: str
    doc_no: str
    index_no: str
    organization: str
    organization_id: int
    jurisdiction: str  # code
    jurisdiction_name: str
    domain: str
    domain_name: str
    stage: str
    stage_name: str
    item_id: int
    validity: str
    state: str
    published_on: dt.date
    published_at: dt.datetime
    parties: list[str]
    public: bool = True

    @property
    def values(self) -> list[str]:
        """What full-text search looks in: title, body, numbers, organization and every structured value."""
        return [self.title, self.body, self.doc_no, self.index_no, self.organization, *self.parties]


def _items() -> list[CatalogItem]:
    out = []
    for domain, stage in ITEMS:
        qs = CatalogItem.objects.select_related("domain", "stage").filter(domain__code=domain)
        qs = qs.filter(stage__code=stage) if stage else qs.filter(stage__isnull=True)
        found = qs.order_by("pk").first()
        assert found is not None, (domain, stage)
        out.append(found)
    return out


def make_corpus(n: int = 200, *, seed: int = 20260930, drafts: int = 10) -> list[Record]:
    """`n` public records (about one in ten withdrawn) and `drafts` drafts that search must never show."""
    rng = random.Random(seed)
    user = UserFactory(username=f"corpus-author-{seed}")
    jurisdictions = {j.code: j for j in Jurisdiction.objects.filter(code__in={c for c, _ in ORGS})}
    orgs = [
        OrganizationFactory(name=name, jurisdiction=jurisdictions[code], uscc=make_uscc("11", code, rng))
        for code, name in ORGS
    ]
    items = _items()
    rows, records, contents = [], [], []
    for i in range(n + drafts):
        public = i < n
        org, item = rng.choice(orgs), rng.choice(items)
        project, kind = rng.choice(PROJECTS), rng.choice(KINDS)
        winner, tenderer, second = rng.sample(COMPANIES, 3)
        price = f"{rng.randint(10_000, 99_999_999)}.00"
        serial = f"{i:04d}"
        body = "".join(
            s.format(
                project=project,
                kind=kind,
                tenderer=tenderer,
                winner=winner,
                price=price,
                serial=serial,
                second=second,
            )  # fmt: skip
            for s in rng.sample(SENTENCES, rng.randint(2, 5))
        )
        body += "（此件公开发布）"
        title = f"{org.name}关于{project}项目{kind}公告"
        published_on = TODAY - dt.timedelta(
            days=rng.choice([0, 0, 1, 2, 3, 5, 9, 10, 20, 30, 31, 45, 80, 91, 92, 150, 400])
        )
        published_at = dt.datetime.combine(published_on, dt.time(8, 0), tzinfo=TZ) + dt.timedelta(seconds=i)
        fields = {
            "project_name": project,
            "tenderer": tenderer,
            "winner": winner,
            "bid_price": price,
            "candidates": [
                {"name": winner, "rank": "1", "price": price},
                {"name": second, "rank": "2", "price": "1.00"},
            ],
            "count": 3,
        }
        state = (
            State.WITHDRAWN if public and rng.random() < 0.1 else (State.PUBLISHED if public else State.DRAFT)
        )
        validity = rng.choice([Validity.VALID] * 6 + [Validity.EXPIRED, Validity.REPEALED])
        doc_no = rng.choice(DOC_NOS)
        index_no = f"{org.uscc}/{published_on:%Y%m}-{i + 1:05d}" if public else None
        d = Disclosure(
            organization=org,
            jurisdiction=org.jurisdiction,
            catalog_item=item,
            state=state,
            title=title,
            doc_no=doc_no,
            index_no=index_no,
            body=body,
            fields=fields,
            formed_on=published_on,
            published_on=published_on if public else None,
            published_at=published_at if public else None,
            validity=validity,
            created_by=user,
        )
        rows.append(d)
        contents.append({"title": title, "doc_no": doc_no, "body": body, "fields": fields, "keywords": "",
                         "formed_on": published_on.isoformat(), "index_no": index_no, "validity": validity})  # fmt: skip
        records.append(
            Record(
                id=0,
                title=title,
                body=body,
                doc_no=doc_no,
                index_no=index_no or "",
                organization=org.name,
                organization_id=org.pk,
                jurisdiction=org.jurisdiction.code,
                jurisdiction_name=org.jurisdiction.name,
                domain=item.domain.code,
                domain_name=item.domain.name,
                stage=item.stage.code if item.stage else "",
                stage_name=item.stage.name if item.stage else "",
                item_id=item.pk,
                validity=validity,
                state=state,
                published_on=published_on,
                published_at=published_at,
                parties=[project, tenderer, winner, price, winner, "1", price, second, "2", "1.00"],
                public=public,
            )
        )
    created = Disclosure.objects.bulk_create(rows)
    if created[0].pk is None:  # backends that do not return ids from a bulk insert
        created = list(Disclosure.objects.filter(created_by=user).order_by("pk"))
    Revision.objects.bulk_create(
        Revision(
            disclosure=d,
            number=1,
            status=RevisionStatus.PUBLISHED,
            content=c,
            proposed_by=user,
            decided_by=user,
            published_at=d.published_at,
        )  # fmt: skip
        for d, c in zip(created, contents, strict=True)
        if d.state != State.DRAFT
    )
    for d, r in zip(created, records, strict=True):
        r.id = d.pk
    return [r for r in records if r.public]


def scan(records: list[Record], terms: list[str]) -> set[int]:
    """The expected result, computed here without the search app: NFKC + casefold per character."""
    import unicodedata

    def norm(s: str) -> str:
        return "".join(" " if c.isspace() else unicodedata.normalize("NFKC", c).casefold() for c in s)

    return {r.id for r in records if all(any(norm(t) in norm(v) for v in r.values if v) for t in terms)}


def all_ids(q: str, *, today=None, **filters) -> list[int]:
    ids, page = [], 1
    while True:
        result = services.search(SearchQuery(q=q, per_page=100, page=page, **filters), today=today)
        ids += [h.id for h in result.hits]
        if len(result.hits) < 100:
            return ids
        page += 1
