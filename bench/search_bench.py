# ruff: noqa: S101, SIM905
"""Search benchmark: a generated corpus of N public disclosures, then, in one run, the index build rate, search
latency through the service and through the JSON API, recall/precision against a substring scan, and the
naive LIKE '%…%' scan as the baseline.

    uv run python bench/search_bench.py --docs 1000000 --out bench/out/

Everything lives in its own directory (default: <out>/data-<N>: its own SQLite database and search index,
never var/). A second run on the same directory reuses the corpus (and, with --reuse-index, the index).
Results go to <out>/results-<N>.json and <out>/results.json; a Markdown table is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TZ_NAME = "Asia/Shanghai"


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--docs", type=int, default=20_000, help="public disclosures to generate")
    p.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    p.add_argument("--data", type=Path, default=None, help="bench state directory (default <out>/data-<N>)")
    p.add_argument("--seed", type=int, default=20261122)
    p.add_argument("--runs", type=int, default=300, help="timed runs per latency category")
    p.add_argument("--recall-queries", type=int, default=36)
    p.add_argument("--like-runs", type=int, default=5, help="timed LIKE scans (each is slow)")
    p.add_argument("--batch", type=int, default=5000, help="bulk_create batch size")
    p.add_argument("--reuse-index", action="store_true", help="skip the rebuild when the index is complete")
    return p.parse_args()


ARGS = parse_args()
OUT = ARGS.out.resolve()
DATA = (ARGS.data or OUT / f"data-{ARGS.docs}").resolve()
DATA.mkdir(parents=True, exist_ok=True)
(DATA / "static").mkdir(exist_ok=True)  # whitenoise warns about a missing STATIC_ROOT
os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.settings"
os.environ["GONGKAI_VAR"] = str(DATA)
os.environ.pop("DATABASE_URL", None)
os.environ.pop("GONGKAI_SEARCH_INDEX", None)
os.environ["ALLOWED_HOSTS"] = "testserver,localhost"
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Q  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from gongkai.catalog.choices import BodyKind  # noqa: E402
from gongkai.catalog.models import CatalogItem, Jurisdiction  # noqa: E402
from gongkai.core.codes import org_check_char, uscc_check_char  # noqa: E402
from gongkai.disclosures.choices import RevisionStatus, State, Validity  # noqa: E402
from gongkai.disclosures.models import Disclosure, Revision  # noqa: E402
from gongkai.orgs.models import Organization  # noqa: E402
from gongkai.search import services  # noqa: E402
from gongkai.search.documents import iter_public_sources  # noqa: E402
from gongkai.search.services import SearchQuery, search, substring_scan  # noqa: E402
from gongkai.search.text import contains_all, normalize, parse_terms  # noqa: E402

assert Path(settings.DATABASES["default"]["NAME"]).resolve().is_relative_to(DATA), "bench must not touch var/"
assert Path(settings.SEARCH_INDEX_DIR).resolve().is_relative_to(DATA), "bench must not touch var/"


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# --- vocabulary --------------------------------------------------------------------------------------------

# The five seed jurisdictions, their share of the records, and place names used in the text.
JURISDICTIONS = {
    "341500": (0.30, "六安市", ["六安", "金安区", "裕安区", "叶集区", "霍邱县", "舒城县", "金寨县", "霍山县",
                                "城南镇", "三十铺镇", "苏埠镇", "毛坦厂镇"]),
    "320902": (0.20, "盐城市亭湖区", ["亭湖", "盐城", "新兴镇", "南洋镇", "黄尖镇", "盐东镇", "便仓镇",
                                     "五星街道", "文峰街道", "先锋街道"]),
    "350524": (0.18, "安溪县", ["安溪", "凤城镇", "蓬莱镇", "湖头镇", "官桥镇", "剑斗镇", "城厢镇", "龙门镇",
                               "西坪镇", "感德镇", "虎邱镇"]),
    "140100": (0.20, "太原市", ["太原", "小店区", "迎泽区", "杏花岭区", "尖草坪区", "万柏林区", "晋源区",
                               "清徐县", "阳曲县", "娄烦县", "古交市"]),
    "222404": (0.12, "珲春市", ["珲春", "春化镇", "敬信镇", "板石镇", "英安镇", "哈达门乡", "密江乡",
                               "马川子乡", "杨泡满族乡", "三家子满族乡"]),
}  # fmt: skip
DEPARTMENTS = [
    ("财政局", BodyKind.DEPARTMENT),
    ("公共资源交易中心", BodyKind.TRADING_CENTRE),
    ("住房和城乡建设局", BodyKind.DEPARTMENT),
    ("自然资源和规划局", BodyKind.DEPARTMENT),
    ("交通运输局", BodyKind.DEPARTMENT),
    ("水利局", BodyKind.DEPARTMENT),
    ("卫生健康委员会", BodyKind.DEPARTMENT),
    ("教育局", BodyKind.DEPARTMENT),
    ("人民政府", BodyKind.GOVERNMENT),
    ("农业农村局", BodyKind.DEPARTMENT),
    ("城市建设投资集团有限公司", BodyKind.STATE_ENTERPRISE),
    ("人民医院", BodyKind.INSTITUTION),
]

# Domain words, roughly from most to least frequent: a Zipf law over this order gives the distribution.
WORDS = """
项目 采购 公告 工程 招标 中标 公示 服务 单位 建设 施工 有关 规定 供应商 投标 文件 联系 资金 要求 合同 人民币
金额 候选人 结果 技术 质量 时间 地点 评标 方式 公开 监督 部门 财政 预算 资格 报价 名称 内容 编号 代理机构
信息 管理 设备 提供 进行 按照 依法 相关 审查 交易 平台 电子 标段 工期 日历天 保证金 响应 磋商 竞争性 谈判
询价 单一来源 成交 评审 专家 委员会 得分 排名 第一 第二 第三 异议 质疑 投诉 书面 形式 工作日 期限 截止
开标 递交 获取 下载 登录 系统 网站 发布 媒介 政府 市政 道路 改造 维修 养护 绿化 景观 排水 管网 污水 处理
供水 供热 燃气 照明 路灯 桥梁 隧道 河道 治理 整治 堤防 水库 除险加固 灌区 节水 高标准农田 土地 整理
复垦 出让 国有建设用地 使用权 挂牌 拍卖 竞买 起始价 增价幅度 宗地 面积 平方米 容积率 规划 用途 住宅 商业
工业 出让年限 地块 不动产 登记 监理 设计 勘察 造价 咨询 审计 测绘 可行性研究 环境影响评价 医用耗材 药品
医疗器械 检验试剂 集中带量 配送 医院 卫生院 疾病预防控制中心 救护车 彩超 CT 核磁共振 信息化 软件 硬件 服务器
网络 安全 等级保护 数据中心 云平台 智慧城市 政务服务 一网通办 视频监控 雪亮工程 学校 教学楼 食堂 宿舍 操场
课桌椅 图书 校服 幼儿园 公办 民办 学前教育 义务教育 职业教育 老旧小区 棚户区 保障性住房 安置房 农村 乡村振兴
人居环境 厕所革命 垃圾 清运 保洁 物业 安保 食材 车辆 租赁 加油 印刷 办公用品 家具 空调 电梯 消防 应急 防汛
抗旱 物资 储备 粮食 茶叶 铁观音 茶园 农产品 冷链 物流 园区 标准化厂房 基础设施 配套 招商引资 产业 新能源
光伏 充电桩 公交 站台 停车场 旅游 文化 体育 场馆 全民健身 养老 社区 残疾人 扶贫 帮扶 就业 培训 补贴 专项资金
债券 绩效 评价 验收 结算 决算 变更 更正 澄清 延期 暂停 终止 废标 流标 重新招标 资格预审 后审 联合体 分包
转包 违法 失信 黑名单 信用 承诺 处罚 行政 许可 备案 核准 审批 煤矿 焦化 钢铁 口岸 边境 图们江 珲春河 海盐
滩涂 湿地 丹顶鹤 麋鹿 汾河 晋祠 淠河 大别山 瓜片 蓝莓 红色旅游 茶博汇
""".split()
PROJECT_OBJECTS = ["道路", "桥梁", "管网", "河道", "学校", "医院", "卫生院", "幼儿园", "老旧小区", "安置房",
                   "农贸市场", "公园", "污水处理厂", "水库", "灌区", "茶园", "产业园", "标准化厂房", "体育馆",
                   "图书馆", "信息化平台", "数据中心", "视频监控系统", "路灯", "公交站台", "停车场", "高标准农田"]  # fmt: skip
PROJECT_WORKS = ["改造工程", "新建工程", "维修工程", "提升改造项目", "扩建工程", "建设项目", "综合整治工程",
                 "设备采购", "运维服务", "物业管理服务", "监理服务", "设计服务", "造价咨询服务", "医用耗材采购",
                 "药品集中带量采购", "食材配送服务", "保洁服务", "软件开发服务", "国有建设用地使用权出让"]  # fmt: skip
STAGE_WORDS = ["招标", "中标结果", "中标候选人", "成交结果", "更正", "资格预审", "流标", "出让", "采购意向",
               "合同", "验收结果", "终止"]  # fmt: skip
CO_PREFIX = ["安徽", "江苏", "福建", "山西", "吉林", "中国", "中铁", "中建", "华润", "宏达", "鑫源", "恒通",
             "金鼎", "盛世", "瑞丰", "天成", "华信", "东方", "永安", "泰和", "博远", "晋阳", "皖西", "闽南",
             "延边", "苏北", "海润", "九州", "长城", "同创"]  # fmt: skip
CO_MIDDLE = ["建设", "建工", "路桥", "水利水电", "医疗器械", "医药", "信息技术", "环境工程", "园林绿化", "科技",
             "工程咨询", "项目管理", "物业服务", "食品", "智能", "电力", "安装", "市政", "测绘", "招标代理"]  # fmt: skip
CO_SUFFIX = ["有限公司", "有限责任公司", "集团有限公司", "股份有限公司", "工程有限公司"]
PUNCT = ["，", "，", "，", "。", "、", "；"]


def zipf_cum(n: int, s: float = 1.05) -> list[float]:
    out, total = [], 0.0
    for rank in range(1, n + 1):
        total += 1.0 / rank**s
        out.append(total)
    return out


def make_uscc(rng: random.Random, prefix: str, region: str, used: set[str]) -> str:
    while True:
        body = "".join(rng.choice("0123456789") for _ in range(8))
        code17 = prefix + region + body + org_check_char(body)
        code = code17 + uscc_check_char(code17)
        if code not in used:
            used.add(code)
            return code


# --- corpus ------------------------------------------------------------------------------------------------


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.words = WORDS
        self.word_cum = zipf_cum(len(self.words))
        self.companies = sorted({f"{a}{b}{c}" for a in CO_PREFIX for b in CO_MIDDLE for c in CO_SUFFIX})
        rng.shuffle(self.companies)
        self.companies = self.companies[:400]
        self.company_cum = zipf_cum(len(self.companies), 0.9)
        self.projects = [f"{o}{w}" for o in PROJECT_OBJECTS for w in PROJECT_WORKS]
        rng.shuffle(self.projects)
        self.project_cum = zipf_cum(len(self.projects), 0.8)

    def words_text(self, n_chars: int) -> str:
        rng, out, length = self.rng, [], 0
        picks = rng.choices(self.words, cum_weights=self.word_cum, k=n_chars // 2 + 8)
        i = 0
        while length < n_chars and i < len(picks):
            w = picks[i]
            out.append(w)
            length += len(w)
            i += 1
            if rng.random() < 0.22:
                out.append(rng.choice(PUNCT))
                length += 1
        out.append("。")
        return "".join(out)

    def company(self) -> str:
        return self.rng.choices(self.companies, cum_weights=self.company_cum)[0]

    def project(self, places: list[str]) -> str:
        return self.rng.choice(places) + self.rng.choices(self.projects, cum_weights=self.project_cum)[0]


def _items_by_jurisdiction(jurs: dict[str, Jurisdiction]) -> dict[str, list[CatalogItem]]:
    """Each jurisdiction's catalog items (its own catalogs and its ancestors'); every domain gets used."""
    out = {}
    all_items = list(CatalogItem.objects.select_related("domain", "stage").order_by("pk"))
    for code, j in jurs.items():
        chain = {j.pk, *(a.pk for a in j.ancestors())}
        items = list(CatalogItem.objects.select_related("domain", "stage")
                     .filter(catalog__jurisdiction_id__in=chain).order_by("pk"))  # fmt: skip
        out[code] = items or all_items
    return out


def generate(n: int, seed: int, batch: int) -> dict:
    gen = Generator(seed)
    rng = gen.rng
    user, _ = get_user_model().objects.get_or_create(username="bench-author", defaults={"first_name": "压测"})
    jurs = {j.code: j for j in Jurisdiction.objects.filter(code__in=JURISDICTIONS)}
    assert set(jurs) == set(JURISDICTIONS), f"seed jurisdictions missing: {set(JURISDICTIONS) - set(jurs)}"
    used_uscc = set(Organization.objects.values_list("uscc", flat=True))
    orgs: dict[str, list[Organization]] = {}
    for code, (_share, city, _places) in JURISDICTIONS.items():
        orgs[code] = []
        for dept, kind in DEPARTMENTS:
            org = Organization.objects.filter(jurisdiction=jurs[code], name=city + dept).first()
            if org is None:
                prefix = (
                    "91"
                    if kind == BodyKind.STATE_ENTERPRISE
                    else "11"
                    if kind != BodyKind.INSTITUTION
                    else "12"
                )
                org = Organization.objects.create(name=city + dept, kind=kind, jurisdiction=jurs[code],
                                                  uscc=make_uscc(rng, prefix, code, used_uscc))  # fmt: skip
            orgs[code].append(org)
    items = _items_by_jurisdiction(jurs)
    codes = list(JURISDICTIONS)
    shares = [JURISDICTIONS[c][0] for c in codes]
    start_day = dt.date(2023, 1, 1)
    today = timezone.localdate()
    span = (today - start_day).days
    tz = timezone.get_default_timezone()
    already = Disclosure.objects.published().count()
    log(f"generating {n - already} disclosures (have {already}), batches of {batch}")
    t0 = time.perf_counter()
    i = already
    body_chars = 0
    while i < n:
        rows, contents = [], []
        for _ in range(min(batch, n - i)):
            i += 1
            code = rng.choices(codes, weights=shares)[0]
            _share, city, places = JURISDICTIONS[code]
            org = rng.choice(orgs[code])
            item = rng.choice(items[code])
            # Recent records are denser (a growing platform): a skewed draw over 2023-01-01 .. today.
            published_on = start_day + dt.timedelta(days=int(span * rng.random() ** 0.7))
            published_at = dt.datetime.combine(published_on, dt.time(8, 0), tzinfo=tz) + dt.timedelta(
                seconds=rng.randrange(36_000)
            )
            project = gen.project(places)
            stage_word = item.stage.name if item.stage and rng.random() < 0.5 else rng.choice(STAGE_WORDS)
            title = f"{rng.choice(places)}{published_on.year}年{project}{stage_word}公告"
            tenderer = org.name
            winner, second, agency = gen.company(), gen.company(), gen.company()
            price = f"{rng.randint(10_000, 99_999_999)}.{rng.randrange(100):02d}"
            intro = f"{city}{project}已具备条件，现就{item.domain.name}有关事项{stage_word}公告如下。"
            parties = f"招标人：{tenderer}；中标人：{winner}，中标价格：{price}元；招标代理机构：{agency}。"
            body = intro + gen.words_text(rng.randint(60, 330)) + parties
            if rng.random() < 0.3:
                body += f"联系人：{rng.choice('王李张刘陈杨赵黄周吴')}工，联系电话：0{rng.randint(310, 599)}-{rng.randint(2000000, 8999999)}。"
            body = body[:400] if len(body) > 400 else body
            body_chars += len(body)
            doc_no = (f"{places[0][:2]}{rng.choice(['财', '政', '建', '资规', '公管'])}〔{published_on.year}〕"
                      f"{rng.randint(1, 300)}号") if rng.random() < 0.35 else ""  # fmt: skip
            index_no = f"{org.uscc}/{published_on:%Y%m}-{i:07d}"
            validity = rng.choices([Validity.VALID, Validity.EXPIRED, Validity.REPEALED], weights=[90, 7, 3])[
                0
            ]
            state = State.WITHDRAWN if rng.random() < 0.03 else State.PUBLISHED
            keywords = "，".join(rng.choices(gen.words, cum_weights=gen.word_cum, k=rng.randint(0, 3)))
            fields = {
                "project_name": project,
                "tenderer": tenderer,
                "agency": agency,
                "winner": winner,
                "bid_price": price,
                "candidates": [
                    {"name": winner, "rank": "1", "price": price},
                    {"name": second, "rank": "2", "price": f"{rng.randint(10_000, 99_999_999)}.00"},
                ],
            }
            rows.append(Disclosure(
                organization=org, jurisdiction=jurs[code], catalog_item=item, state=state, title=title,
                doc_no=doc_no, index_no=index_no, body=body, keywords=keywords, fields=fields,
                formed_on=published_on, published_on=published_on, published_at=published_at,
                validity=validity, created_by=user,
                withdrawn_at=published_at + dt.timedelta(days=1) if state == State.WITHDRAWN else None,
            ))  # fmt: skip
            contents.append({"title": title, "doc_no": doc_no, "body": body, "fields": fields,
                             "keywords": keywords, "formed_on": published_on.isoformat(), "index_no": index_no,
                             "validity": validity})  # fmt: skip
        with transaction.atomic():
            created = Disclosure.objects.bulk_create(rows, batch_size=batch)
            Revision.objects.bulk_create(
                [Revision(disclosure=d, number=1, status=RevisionStatus.PUBLISHED, content=c, proposed_by=user,
                          decided_by=user, published_at=d.published_at)
                 for d, c in zip(created, contents, strict=True)],
                batch_size=batch,
            )  # fmt: skip
        if i % (batch * 20) == 0 or i == n:
            el = time.perf_counter() - t0
            log(f"  {i:,} / {n:,} inserted ({(i - already) / el:,.0f}/s)")
    gen_s = time.perf_counter() - t0
    with connection.cursor() as c:
        c.execute("ANALYZE")
    return {"generated": n - already, "seconds": gen_s, "avg_body_chars": body_chars / max(1, n - already)}


# --- queries -----------------------------------------------------------------------------------------------


def query_sets(seed: int) -> dict[int, list[str]]:
    """Fixed seeded 1-, 2- and 3-term queries: common head words, mid-frequency and rare tail words, place
    names, company-name parts, and words that cross word boundaries."""
    rng = random.Random(seed)
    head, mid, tail = WORDS[:30], WORDS[30:150], WORDS[150:]
    places = [p for _s, _c, ps in JURISDICTIONS.values() for p in ps]
    parts = CO_PREFIX + CO_MIDDLE + PROJECT_OBJECTS
    pools = [head, mid, tail, places, parts]

    def pick() -> str:
        w = rng.choice(rng.choice(pools))
        if len(w) > 4:  # keep 2–4 characters
            s = rng.randrange(len(w) - 3)
            w = w[s : s + rng.randint(2, 4)]
        return w

    fixed = {1: ["采购", "中标", "医用耗材", "施工", "土地", "监理", "出让", "茶博汇", "丹顶鹤", "候选人",
                 "六安", "珲春", "路桥"],
             2: ["施工 监理", "六安 医用耗材", "土地 出让", "安溪 铁观音", "太原 学校", "中标 候选人",
                 "盐城 道路"],
             3: ["施工 监理 中标", "太原 道路 改造", "安溪 茶园 出让", "医院 设备 采购", "珲春 口岸 工程"]}  # fmt: skip
    out = {}
    for k in (1, 2, 3):
        qs = list(fixed[k])
        while len(qs) < 30:
            terms = []
            while len(terms) < k:
                w = pick()
                if len(w) >= 2 and w not in terms:
                    terms.append(w)
            q = " ".join(terms)
            if q not in qs:
                qs.append(q)
        out[k] = qs
    return out


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    if not s:
        return float("nan")
    k = (len(s) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def summary(ms: list[float]) -> dict:
    return {"n": len(ms), "p50": pct(ms, 50), "p95": pct(ms, 95), "p99": pct(ms, 99), "mean": statistics.fmean(ms),
            "max": max(ms)}  # fmt: skip


def latency(sets: dict[int, list[str]], runs: int, jur_items: dict, today: dt.date) -> dict:
    rng = random.Random(ARGS.seed + 1)
    jur_domain = [(code, d) for code, ds in jur_items.items() for d in ds]
    client = Client()

    def params_for(filt: str) -> dict:
        if filt == "none":
            return {}
        if filt == "jur_domain":
            code, domain = rng.choice(jur_domain)
            return {"jurisdiction": code, "domain": domain}
        if filt == "preset_3m":
            return {"date_preset": "3m"}
        if filt == "range":
            start = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(900))
            return {"date_from": start, "date_to": start + dt.timedelta(days=rng.choice([30, 90, 180]))}
        if filt == "all":  # jurisdiction + domain + preset
            code, domain = rng.choice(jur_domain)
            return {"jurisdiction": code, "domain": domain, "date_preset": "3m"}
        raise ValueError(filt)

    categories = []
    for k in (1, 2, 3):
        for filt in ("none", "jur_domain", "preset_3m", "range"):
            categories.append((f"{k}-term, {filt}", k, filt, 1))
    categories.append(("1-term, jur_domain+3m", 1, "all", 1))
    categories.append(("deep page 50 (common term)", 0, "none", 50))
    deep_terms = ["采购", "项目", "公告", "工程", "中标", "招标"]

    out = {}
    for via in ("service", "api"):
        for name, k, filt, page in categories:
            qs = sets[k] if k else deep_terms
            plan = [(qs[i % len(qs)], params_for(filt)) for i in range(runs)]

            def run(q: str, p: dict, via: str = via, page: int = page) -> int:
                if via == "service":
                    r = search(SearchQuery(q=q, page=page, **p), today=today)
                    return r.count
                api_params = {"q": q, "page": page, **{k2: str(v) for k2, v in p.items()}}
                resp = client.get("/api/search", api_params)
                assert resp.status_code == 200, (resp.status_code, resp.content[:300])
                return json.loads(resp.content)["count"]

            for q, p in plan[: min(len(plan), 20)]:  # warm-up
                run(q, p)
            gc.collect()
            times, counts = [], []
            for q, p in plan:
                t = time.perf_counter()
                counts.append(run(q, p))
                times.append((time.perf_counter() - t) * 1000)
            s = summary(times)
            s["median_count"] = statistics.median(counts)
            out[f"{via}: {name}"] = s
            log(f"  {via:7} {name:30} p50 {s['p50']:7.2f}  p95 {s['p95']:7.2f}  p99 {s['p99']:7.2f} ms"
                f"  (median hits {s['median_count']:,.0f})")  # fmt: skip
    return out


def all_ids(q: str, today: dt.date) -> tuple[set[int], int]:
    ids: set[int] = set()
    page = 1
    while True:
        r = search(SearchQuery(q=q, page=page, per_page=100, facets=False, sort="date"), today=today)
        ids.update(h.id for h in r.hits)
        if not r.hits or page * 100 >= r.count:
            return ids, r.count
        page += 1


def recall(sets: dict[int, list[str]], n_queries: int, today: dt.date, n_docs: int) -> dict:
    """The service's ids (every page) against the substring scan's. Results beyond the 10,000-deep window
    cannot be paged, so for those only the count is compared."""
    rng = random.Random(ARGS.seed + 2)
    pool = [q for k in (1, 2, 3) for q in sets[k]]
    queries = rng.sample(pool, min(n_queries, len(pool)))
    terms = {q: parse_terms(q) for q in queries}
    t0 = time.perf_counter()
    if n_docs <= 50_000:
        expected = {q: substring_scan(q) for q in queries}
        method = "substring_scan() per query"
    else:
        # The same scan as substring_scan() (iter_public_sources + contains_all), one pass for all queries.
        expected = {q: set() for q in queries}
        for s in iter_public_sources():
            values = s.all_values()
            joined = [normalize(v) for v in values if v]
            for q in queries:
                if all(any(t in v for v in joined) for t in terms[q]):
                    expected[q].add(s.id)
        method = "one pass of iter_public_sources() + contains_all semantics for all queries"
        # spot-check that the one-pass scan is substring_scan's semantics
        for q in queries[:1]:
            sample = next(iter_public_sources())
            assert contains_all(sample.all_values(), terms[q]) == (sample.id in expected[q])
    scan_s = time.perf_counter() - t0
    rows, tp_all, fn_all, fp_all, count_mismatch = [], 0, 0, 0, 0
    for q in queries:
        exp = expected[q]
        if len(exp) <= services.MAX_WINDOW:
            got, count = all_ids(q, today)
            tp, fn, fp = len(got & exp), len(exp - got), len(got - exp)
            tp_all, fn_all, fp_all = tp_all + tp, fn_all + fn, fp_all + fp
            mode = "ids"
        else:
            count = search(SearchQuery(q=q, facets=False), today=today).count
            mode, tp, fn, fp = "count", None, None, None
        if count != len(exp):
            count_mismatch += 1
        rows.append(
            {"q": q, "expected": len(exp), "count": count, "mode": mode, "tp": tp, "fn": fn, "fp": fp}
        )
    return {
        "queries": len(queries),
        "compared_by_ids": sum(r["mode"] == "ids" for r in rows),
        "compared_by_count": sum(r["mode"] == "count" for r in rows),
        "recall": tp_all / (tp_all + fn_all) if tp_all + fn_all else 1.0,
        "precision": tp_all / (tp_all + fp_all) if tp_all + fp_all else 1.0,
        "count_mismatches": count_mismatch,
        "scan_seconds": scan_s,
        "method": method,
        "rows": rows,
    }


def like_baseline(sets: dict[int, list[str]], runs: int, today: dt.date) -> dict:
    """The naive scan: every term in title or body (LIKE '%…%'), count + newest 20, on the same database."""
    queries = (sets[1][:3] + sets[2][:1] + sets[3][:1])[:runs]
    rows = []
    for q in queries:
        cond = Q()
        for t in parse_terms(q):
            cond &= Q(title__contains=t) | Q(body__contains=t)
        qs = Disclosure.objects.published().filter(cond)
        t = time.perf_counter()
        count = qs.count()
        top = list(qs.order_by("-published_at").values_list("pk", "title")[:20])
        like_ms = (time.perf_counter() - t) * 1000
        # the service on the same query (median of 21 runs, warm)
        svc = []
        for _ in range(21):
            t = time.perf_counter()
            search(SearchQuery(q=q), today=today)
            svc.append((time.perf_counter() - t) * 1000)
        rows.append({"q": q, "like_ms": like_ms, "like_count": count, "top": len(top),
                     "service_ms": statistics.median(svc)})  # fmt: skip
        log(f"  LIKE {q!r}: {like_ms:,.0f} ms ({count:,} rows) vs service {statistics.median(svc):.2f} ms")
    like_ms = [r["like_ms"] for r in rows]
    svc_ms = [r["service_ms"] for r in rows]
    return {
        "rows": rows,
        "like_median_ms": statistics.median(like_ms),
        "service_median_ms": statistics.median(svc_ms),
        "speedup_median": statistics.median(r["like_ms"] / r["service_ms"] for r in rows),
        "speedup_min": min(r["like_ms"] / r["service_ms"] for r in rows),
    }


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def machine() -> dict:
    from importlib.metadata import version

    import tantivy  # noqa: F401

    mem = next((ln.split()[1] for ln in Path("/proc/meminfo").read_text().splitlines()
                if ln.startswith("MemTotal")), "0")  # fmt: skip
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())  # fmt: skip
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(int(mem) / 1024 / 1024, 1),
        "python": platform.python_version(),
        "tantivy": version("tantivy"),
        "django": django.get_version(),
        "sqlite": connection.Database.sqlite_version,
        "platform": platform.platform(),
    }


def main() -> None:
    n = ARGS.docs
    results: dict = {"docs": n, "command": " ".join(["uv run python", *sys.argv]), "data_dir": str(DATA),
                     "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "machine": machine()}  # fmt: skip
    log(f"bench dir {DATA}")
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as devnull:
        call_command("setup", stdout=devnull)
    have = Disclosure.objects.published().count()
    results["generate"] = generate(n, ARGS.seed, ARGS.batch) if have < n else {"generated": 0, "reused": have}
    n_public = Disclosure.objects.published().count()
    results["public_records"] = n_public
    db_path = Path(settings.DATABASES["default"]["NAME"])
    results["db_bytes"] = db_path.stat().st_size

    index_path = Path(settings.SEARCH_INDEX_DIR)
    st = services.status() if (index_path / "meta.json").exists() else {"documents": None}
    if ARGS.reuse_index and st.get("documents") == n_public:
        log(f"reusing index ({n_public:,} documents)")
        results["build"] = {"reused": True}
    else:
        log(f"rebuilding index of {n_public:,} records")
        last = [0.0]

        def progress(count: int, elapsed: float) -> None:
            if elapsed - last[0] > 30:
                last[0] = elapsed
                log(f"  indexed {count:,} ({count / elapsed:,.0f}/s)")

        t = time.perf_counter()
        indexed = services.rebuild(progress=progress)
        build_s = time.perf_counter() - t
        results["build"] = {"indexed": indexed, "seconds": build_s, "docs_per_s": indexed / build_s}
        log(f"  built: {indexed:,} in {build_s:,.1f} s = {indexed / build_s:,.0f} docs/s")
    results["index_bytes"] = dir_size(index_path)
    st = services.status()
    results["index_segments"] = st["segments"]
    assert st["documents"] == n_public, st

    today = timezone.localdate()
    sets = query_sets(ARGS.seed)
    results["queries"] = sets
    jur_items = {code: sorted(set(CatalogItem.objects.filter(
        disclosures__jurisdiction__code=code).values_list("domain__code", flat=True).distinct()))
        for code in JURISDICTIONS} if n <= 50_000 else None  # fmt: skip
    if jur_items is None:  # on a big corpus read the pairs from the index's facets instead of the database
        jur_items = {}
        for code in JURISDICTIONS:
            r = search(SearchQuery(jurisdiction=code, per_page=1), today=today)
            jur_items[code] = [f.value for f in r.facets["domain"]]
    results["filters_used"] = jur_items
    log("latency")
    results["latency"] = latency(sets, ARGS.runs, jur_items, today)
    log("recall")
    results["recall"] = recall(sets, ARGS.recall_queries, today, n_public)
    r = results["recall"]
    log(f"  recall {r['recall']:.4f} precision {r['precision']:.4f} ({r['compared_by_ids']} by ids, "
        f"{r['compared_by_count']} by count, {r['count_mismatches']} count mismatches)")  # fmt: skip
    log("LIKE baseline")
    results["like"] = like_baseline(sets, ARGS.like_runs, today)
    results["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    OUT.mkdir(parents=True, exist_ok=True)
    for name in (f"results-{n}.json", "results.json"):
        (OUT / name).write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str))
    print(markdown(results))


def markdown(r: dict) -> str:
    lines = [f"### {r['docs']:,} disclosures", ""]
    b = r["build"]
    if "docs_per_s" in b:
        lines.append(
            f"- index build: {b['indexed']:,} records in {b['seconds']:,.1f} s = **{b['docs_per_s']:,.0f} docs/s**"
        )
    lines.append(f"- index size on disk: {r['index_bytes'] / 2**20:,.0f} MiB ({r['index_segments']} segments); "
                 f"SQLite database {r['db_bytes'] / 2**20:,.0f} MiB")  # fmt: skip
    rc = r["recall"]
    lines.append(f"- recall {rc['recall']:.4f}, precision {rc['precision']:.4f} over {rc['queries']} queries "
                 f"({rc['compared_by_ids']} compared id by id over all pages, {rc['compared_by_count']} by count; "
                 f"count mismatches: {rc['count_mismatches']})")  # fmt: skip
    lk = r["like"]
    lines.append(f"- LIKE '%…%' scan (count + newest 20): median {lk['like_median_ms']:,.0f} ms vs service "
                 f"{lk['service_median_ms']:.2f} ms on the same queries → **{lk['speedup_median']:,.0f}×** "
                 f"(min {lk['speedup_min']:,.0f}×)")  # fmt: skip
    lines += ["", "| category | service p50 | p95 | p99 | API p50 | p95 | p99 | median hits |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
    lat = r["latency"]
    for key in lat:
        if not key.startswith("service: "):
            continue
        name = key.removeprefix("service: ")
        s, a = lat[key], lat.get(f"api: {name}", {})
        lines.append(f"| {name} | {s['p50']:.2f} | {s['p95']:.2f} | {s['p99']:.2f} | {a.get('p50', 0):.2f} | "
                     f"{a.get('p95', 0):.2f} | {a.get('p99', 0):.2f} | {s['median_count']:,.0f} |")  # fmt: skip
    lines.append("")
    lines.append(f"(milliseconds; each row ≥ {ARGS.runs} timed runs after warm-up; facets on, 20 per page)")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
