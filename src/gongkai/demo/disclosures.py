"""Demo disclosures: a living portal for a fresh `gongkai demo`.

About 200 records across the five seed jurisdictions and every domain they disclose proactively: published on time
and late, corrected, withdrawn, expired or repealed, linked (stages of a deal, policy and interpretation), masked
before approval, copied to the supervision bureau, and a few still in draft, under review or overdue in the demo
accounts' 工作台. Everything goes through `gongkai.disclosures.services` acting as users with the right roles, so the
audit log and every rule apply; a record the services refuse is a mistake in the data below, never worked around.

Dates are relative to `today`: each record is formed some days back and published a few working days later.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import random
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gongkai.catalog.models import CatalogItem, Jurisdiction
from gongkai.catalog.selectors import effective_items
from gongkai.core.codes import org_check_char, uscc_check_char
from gongkai.core.deidentify import scan
from gongkai.core.yamlfile import read_yaml
from gongkai.disclosures import services
from gongkai.disclosures.choices import RevisionStatus, State, Validity
from gongkai.disclosures.models import Disclosure, DisclosureLink, SupervisorCopy
from gongkai.disclosures.rules import compute_due
from gongkai.orgs.models import Membership, Organization, Role
from gongkai.orgs.services import create_organization, ensure_user, grant_role
from gongkai.workdays.calendar import get_calendar

EXTERNAL_PREFIX = "demo-"
log = logging.getLogger(__name__)

# --- identifiers -----------------------------------------------------------------------------------------------

_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100 characters (no I, O, S, V, Z)


def make_uscc(name: str, region: str, prefix: str = "91") -> str:
    """A valid unified social credit code for `name`, the same every time: registration prefix, the region code,
    a GB 11714 organization code with its check character, and the GB 32100 check character. Companies get the
    "MA…" codes issued since 2015; government bodies and institutions all-digit ones. Codes that the personal-data
    scanner would take for an identity or card number are skipped."""
    rng = random.Random(f"gongkai-demo/{prefix}/{region}/{name}")  # noqa: S311 - demo data, not secrets
    while True:
        if prefix.startswith("9"):
            body = "MA" + "".join(rng.choice(_CODE_CHARS) for _ in range(6))
        else:
            body = "".join(rng.choice("0123456789") for _ in range(8))
        code17 = prefix + region + body + org_check_char(body)
        code = code17 + uscc_check_char(code17)
        if not scan(code):
            return code


@dataclass(frozen=True)
class Party:
    """A market entity or a body named in a disclosure (not necessarily an organization of the system)."""

    name: str
    uscc: str
    address: str = ""
    rep: str = ""  # legal representative

    def __str__(self) -> str:
        return self.name


def company(name: str, region: str, address: str = "", rep: str = "", prefix: str = "91") -> Party:
    return Party(name, make_uscc(name, region, prefix), address, rep)


def body_of(name: str, region: str, prefix: str = "11", address: str = "") -> Party:
    """A government body or institution named in a disclosure."""
    return Party(name, make_uscc(name, region, prefix), address)


# --- dates and numbers -----------------------------------------------------------------------------------------


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _cn(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _money(value: Decimal | str) -> str:
    return f"{Decimal(str(value)):.2f}"


def _yuan(value: Decimal | str) -> str:
    return f"{Decimal(str(value)):,.2f}元"


def _wan(value: Decimal | str) -> str:
    return f"{Decimal(str(value)) / 10000:,.2f}万元"


class Ctx(dict):
    """The facts of one record (a deal, a decision, a plan), used both for its body and for its structured fields.

    Derived keys are computed on demand: ``price_yuan`` / ``price_wan`` (amounts), ``date_cn`` (dates),
    ``winner_uscc`` / ``winner_addr`` / ``winner_rep`` (parties)."""

    def __missing__(self, key: str) -> Any:
        for suffix, fn in (("_yuan", _yuan), ("_wan", _wan), ("_cn", _cn)):
            if key.endswith(suffix) and key[: -len(suffix)] in self:
                return fn(self[key[: -len(suffix)]])
        base, _, attr = key.rpartition("_")
        if base in self and isinstance(self[base], Party):
            party = self[base]
            return {"uscc": party.uscc, "addr": party.address, "rep": party.rep, "name": party.name}[attr]
        raise KeyError(key)


class _Shown:
    """The facts as a body shows them: a fact given per field type (``{"decimal": …, "textarea": …}``) in words."""

    def __init__(self, c: Ctx) -> None:
        self.c = c

    def __getitem__(self, key: str) -> Any:
        value = self.c[key]
        if isinstance(value, dict) and not isinstance(value, Ctx):
            return value.get("text") or value.get("textarea") or next(iter(value.values()))
        return value


def fmt(template: str, c: Ctx) -> str:
    return template.format_map(_Shown(c)).strip()


# --- structured fields -----------------------------------------------------------------------------------------

# Field keys (as the catalogs name them) and the fact of the record they take their value from. A key ending in
# `_uscc` takes the code of the party its stem names.
_ALIASES: dict[str, tuple[str, ...]] = {
    # the project or subject
    "project_name": ("project",),
    "subject_name": ("subject", "project"),
    "right_name": ("project",),
    "matter": ("project",),
    "event": ("project",),
    "project_code": ("code",),
    "project_no": ("code",),
    "tender_project_no": ("code",),
    "section": ("section",),
    # the owner: tenderer, purchaser, transferor, grantor
    "tenderer": ("owner",),
    "purchaser": ("owner",),
    "buyer": ("owner",),
    "employer": ("owner",),
    "transferor": ("owner",),
    "grantor": ("owner",),
    "project_owner": ("owner",),
    "project_unit": ("owner",),
    "legal_entity": ("owner",),
    "owner": ("owner",),
    # the winner: supplier, transferee, grantee, contractor, holder
    "winner": ("winner",),
    "supplier": ("winner",),
    "contractor": ("winner",),
    "transferee": ("winner",),
    "grantee": ("winner",),
    "land_user": ("winner",),
    "holder": ("winner",),
    "right_holder": ("winner",),
    "builder": ("winner",),
    # the party of a decision
    "party": ("party",),
    "party_name": ("party",),
    "entity": ("party",),
    "entity_name": ("party",),
    "enterprise": ("party",),
    "subject_uscc_party": ("party",),
    "respondent": ("party",),
    "complainant": ("complainant",),
    # who decides
    "authority": ("authority",),
    "approval_authority": ("authority",),
    "approving_authority": ("authority",),
    "approving_body": ("authority",),
    "approving_unit": ("authority",),
    "approval_body": ("authority",),
    "approver": ("authority",),
    "issuing_body": ("authority",),
    "decided_by": ("authority",),
    "listed_by": ("authority",),
    "awarding_body": ("authority",),
    "registration_authority": ("authority",),
    "source_department": ("authority",),
    "source_body": ("authority",),
    "department": ("authority",),
    "accepting_body": ("authority",),
    "filing_authority": ("authority",),
    "supervision_agency": ("authority",),
    "drafting_department": ("authority",),
    "decision_body": ("owner",),
    # intermediaries
    "agency": ("agency",),
    "valuer": ("valuer",),
    "intermediary": ("auditor",),
    "auditor": ("auditor",),
    "audit_firm": ("auditor",),
    "audit_unit": ("auditor",),
    # amounts
    "price": ("price",),
    "bid_price": ("price",),
    "amount": ("price",),
    "deal_price": ("price",),
    "deal_amount": ("price",),
    "award_price": ("price",),
    "contract_price": ("price",),
    "contract_amount": ("price",),
    "transaction_price": ("price",),
    "budget": ("budget",),
    "budget_amount": ("budget",),
    "max_price": ("budget",),
    "ceiling_price": ("budget",),
    "starting_price": ("start_price",),
    "reserve_price": ("start_price",),
    "transfer_price": ("start_price",),
    "listing_price": ("start_price",),
    "valuation": ("appraised",),
    "appraised_value": ("appraised",),
    "value": ("appraised",),
    "deposit": ("deposit",),
    "fine_amount": ("fine",),
    "fine": ("fine",),
    "total_amount": ("total",),
    "total": ("total",),
    # dates: the date the information was formed unless the record says otherwise
    "decided_on": ("date",),
    "decision_date": ("date",),
    "signed_on": ("date",),
    "concluded_on": ("date",),
    "transaction_date": ("date",),
    "deal_date": ("date",),
    "awarded_on": ("date",),
    "award_date": ("date",),
    "result_date": ("date",),
    "approved_on": ("date",),
    "approval_date": ("date",),
    "registered_on": ("date",),
    "listed_on": ("date",),
    "recorded_on": ("date",),
    "record_date": ("date",),
    "info_date": ("date",),
    "inspected_on": ("date",),
    "assessed_on": ("date",),
    "allocated_on": ("date",),
    "changed_on": ("date",),
    "change_date": ("date",),
    "event_date": ("date",),
    "occurred_on": ("date",),
    "held_on": ("date",),
    "review_date": ("date",),
    "contract_date": ("date",),
    "issued_on": ("date",),
    "published_on": ("pub",),
    "as_of": ("date",),
    "valuation_date": ("base_date",),
    "base_date": ("base_date",),
    "awarded_on_date": ("date",),
    "valid_from": ("date",),
    "valid_to": ("valid_to",),
    "valid_until": ("valid_to",),
    "listed_until": ("valid_to",),
    "ban_from": ("date",),
    "ban_to": ("valid_to",),
    "bid_deadline": ("deadline",),
    "submission_deadline": ("deadline",),
    "response_deadline": ("deadline",),
    "application_deadline": ("deadline",),
    "publicity_from": ("pub_from",),
    "publicity_start": ("pub_from",),
    "publicity_to": ("pub_to",),
    "publicity_end": ("pub_to",),
    "start_date": ("start",),
    "agreed_start": ("start",),
    "agreed_start_date": ("start",),
    "actual_start": ("start",),
    "actual_start_date": ("start",),
    "completion_date": ("finish",),
    "agreed_completion": ("finish",),
    "agreed_completion_date": ("finish",),
    "delivery_date": ("delivery",),
    "effective_date": ("date",),
    "effective_from": ("date",),
    # land, mining, rights
    "location": ("location",),
    "parcel_no": ("parcel",),
    "area": ("area",),
    "area_m2": ("area",),
    "land_use": ("land_use",),
    "use": ("land_use",),
    "term_years": ("term_years",),
    "plot_ratio": ("plot_ratio",),
    "mineral": ("mineral",),
    "minerals": ("mineral",),
    "right_type": ("right_type",),
    "area_km2": ("area_km2",),
    "area_mu": ("area_mu",),
    "pollutant": ("pollutant",),
    "quantity": ("quantity",),
    # people and numbers
    "project_manager": ("manager",),
    "duration_days": ("duration_days",),
    "decision_no": ("decision_no",),
    "approval_no": ("approval_no",),
    "approval_doc_no": ("approval_no",),
    "doc_no": ("doc_no",),
    "contract_no": ("contract_no",),
    "licence_no": ("licence_no",),
    "legal_representative": ("party_rep",),
    "year": ("year",),
    "plan_year": ("year",),
    "budget_year": ("year",),
    "batch": ("batch",),
    "title": ("title",),
    "funding_source": ("funding",),
    "contract_name": ("contract_name",),
    "contact": ("contact",),
    "transferor_contact": ("contact",),
    "objection_channel": ("objection",),
    "complaint_channel": ("objection",),
    "document": ("doc_url",),
    "documents": ("doc_url",),
    "document_url": ("doc_url",),
    "platform_url": ("platform_url",),
    "contract_text": ("contract_url",),
    "link": ("page_url",),
    "electronic_edition": ("doc_url",),
    "supplier_address": ("winner_addr",),
    "winner_address": ("winner_addr",),
    "transferor_address": ("owner_addr",),
    "period": ("period",),
    "publicity_period": ("pub_period",),
    "notice_period": ("listing_period",),
    "disclosure_period": ("listing_period",),
    "bidding_period": ("listing_period",),
    "method": ("method",),
    "transfer_method": ("method",),
    "transaction_method": ("method",),
    "procurement_method": ("method",),
    "supply_method": ("method",),
    "tender_method": ("tender_method",),
    "tender_organization": ("tender_org",),
    "organization_form": ("tender_org",),
    "approval_type": ("approval_type",),
    "doc_obtain": ("doc_access",),
    "document_access": ("doc_access",),
    "documents_obtain": ("doc_access",),
    "doc_obtain_method": ("doc_access",),
    "docs_obtaining": ("doc_access",),
    "tender_docs_obtaining": ("doc_access",),
    "doc_obtain_time": ("doc_time",),
    "bid_submission": ("submission",),
    "bid_submission_method": ("submission",),
    "submission_method": ("submission",),
    "submission": ("submission",),
    "registration": ("submission",),
    "application": ("submission",),
    "application_time_place": ("submission",),
    "transaction_time_place": ("venue",),
    "opening": ("venue",),
    "bidder_qualification": ("qualification",),
    "bidder_requirements": ("qualification",),
    "supplier_qualification": ("qualification",),
    "supplier_requirements": ("qualification",),
    "buyer_qualification": ("qualification",),
    "buyer_requirements": ("qualification",),
    "transferee_conditions": ("qualification",),
    "transferee_requirements": ("qualification",),
    "tender_scope": ("scope",),
    "overview_scope": ("scope",),
    "content_scope": ("scope",),
    "requirements": ("scope",),
    "project_overview": ("overview",),
    "overview": ("overview",),
    "subject_overview": ("overview",),
    "target_info": ("overview",),
    "tender_conditions": ("conditions",),
    "planning_conditions": ("planning",),
    "planning_indicators": ("planning",),
    "joint_bid_accepted": ("consortium",),
    "consortium_allowed": ("consortium",),
    "consortium": ("consortium",),
    "duration": ("duration",),
    "scale": ("scale",),
    "tenderer_contact": ("owner_contact",),
    "purchaser_contact": ("owner_contact",),
    "agency_contact": ("agency_contact",),
}


def _lookup(c: Ctx, key: str) -> Any:
    """The value of field `key` from the record's facts, or None."""
    if key in c:
        return c[key]
    for source in _ALIASES.get(key, ()):
        try:
            return c[source]
        except KeyError:
            continue
    if key.endswith("_uscc"):
        stem = key[:-5]
        party = _lookup(c, stem) if stem != key else None
        if isinstance(party, Party):
            return party.uscc
    return None


_WARNINGS: list[
    str
] = []  # facts that did not fit a field (the services then refuse the record, saying which)


def _coerce(spec: dict, value: Any, where: str) -> Any:
    kind = spec["type"]
    if isinstance(value, dict) and not isinstance(value, Ctx):  # per-type alternatives
        value = value.get(kind, next(iter(value.values())))
    if value is None:
        return None
    if kind in ("text", "textarea", "url"):
        if isinstance(value, dt.date):
            return _cn(value)
        if isinstance(value, list | tuple):
            return "、".join(str(v) for v in value)
        return str(value)
    if kind in ("money", "decimal", "percent"):
        return _money(value) if kind == "money" else str(value)
    if kind == "integer":
        return int(value)
    if kind == "date":
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if kind == "uscc":
        return value.uscc if isinstance(value, Party) else str(value)
    if kind == "boolean":
        return bool(value)
    if kind == "choice":
        options = spec.get("options", [])
        wanted = value if isinstance(value, list | tuple) else [value]
        for option in wanted:
            if option in options:
                return option
        _WARNINGS.append(f"{where}: {wanted} not in {options}")
        return options[0]
    return value


def _rows(spec: dict, rows: Any, c: Ctx, where: str) -> list[dict]:
    out = []
    for row in rows or []:
        rc = Ctx(c)
        rc.update(row)
        cells = {}
        for col in spec.get("columns", []):
            value = _lookup(Ctx(row), col["key"])
            if value is None and col.get("required"):
                value = _lookup(rc, col["key"])
            if value is None:
                if col.get("required"):
                    _WARNINGS.append(f"{where}.{col['key']}: required column without a value")
                continue
            cells[col["key"]] = _coerce(col, value, f"{where}.{col['key']}")
        out.append(cells)
    return out


def build_fields(item: CatalogItem, c: Ctx, explicit: dict[str, Any], where: str) -> dict[str, Any]:
    """The item's structured fields from the record's facts: every required one, and the optional ones the facts
    say something about."""
    out: dict[str, Any] = {}
    for spec in item.fields:
        key = spec["key"]
        value = explicit[key] if key in explicit else _lookup(c, key)
        if value is None:
            if spec.get("required"):
                _WARNINGS.append(
                    f"{where}.{key} ({spec['type']}, {spec['label']}): required field without a value"
                )
            continue
        if spec["type"] == "table":
            out[key] = _rows(spec, value, c, f"{where}.{key}")
        else:
            out[key] = _coerce(spec, value, f"{where}.{key}")
    return out


# --- records ---------------------------------------------------------------------------------------------------


@dataclass
class Rec:
    """One demo disclosure: what it is, who publishes it, when, and what happens to it afterwards.

    `title` and `body` are templates filled from the facts `c` (plus dates derived from the day it was formed).
    """

    item: str  # catalog item key
    org: str  # organization alias in the jurisdiction's `orgs`
    title: str
    body: str
    c: dict[str, Any] = field(default_factory=dict)
    f: dict[str, Any] = field(default_factory=dict)  # explicit structured fields
    ago: int = 60  # formed this many calendar days before today (moved back to a working day)
    due_in: int | None = None  # instead of `ago`: formed so that it falls due within this many working days
    state: str = "published"  # or draft / submitted / reviewed / approved
    lag: int = 2  # working days from formed to published
    late: int = 0  # if > 0: published this many working days after the due date
    subject: str = ""
    genre: str = "notice"
    doc_no: str = ""
    keywords: str = ""
    valid_until: str = ""
    redacted: bool = False
    mask: bool = False  # personal data in the body, masked by the reviewer before approval
    confirm: bool = False  # punitive notice: the reviewer confirms publishing the personal data
    correct: tuple[str, dict[str, Any]] | None = None  # (reason, changed facts) → a second revision
    propose: tuple[str, dict[str, Any]] | None = None  # a correction proposed and left for the reviewer
    withdraw: str = ""
    validity: tuple[str, str] | None = None  # (expired | repealed, reason)
    ref: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)  # (target ref, kind): this record → target
    copied: bool = False  # copy to the supervision bureau marked as sent
    # filled in by the loader
    formed: dt.date | None = None
    ctx: Ctx | None = None


@dataclass
class Place:
    """A jurisdiction's demo: its organizations (alias → name, and extra ones to create) and records."""

    code: str
    slug: str
    orgs: dict[str, str]  # alias → organization name
    extra: list[tuple[str, str, str, str]]  # (alias, name, kind, USCC prefix)
    facts: dict[str, Any]  # defaults for every record (platform, contacts, bodies)
    records: list[Rec]


# --- bodies ----------------------------------------------------------------------------------------------------
# Templates filled from a record's facts. Names of natural persons (project managers, experts, households) are
# in the structured fields, where the catalog requires them; the bodies do not repeat them.

T: dict[str, str] = {
    "tender_notice": """
一、招标条件
{conditions}现对该项目施工进行公开招标。

二、项目概况与招标范围
建设地点：{location}。建设规模：{scale}。计划工期：{duration_days}日历天。招标范围：{scope}

三、投标人资格要求
{qualification}本次招标{consortium_text}联合体投标。

四、招标文件的获取
凡有意参加投标者，请于{doc_from_cn}至{doc_to_cn}（法定节假日除外），登录{platform}免费下载电子招标文件。

五、投标文件的递交
投标文件递交的截止时间为{deadline_cn}9时30分。投标人应在截止时间前通过{platform}递交电子投标文件，逾期上传的投标文件，电子交易系统将予以拒收。开标地点：{venue}。

六、联系方式
招标人：{owner}，地址：{owner_addr}。
招标代理机构：{agency}，地址：{agency_addr}。
""",
    "candidates": """
{project}已于{open_cn}在{venue}开标，评标工作已经结束。根据评标委员会出具的评标报告，现将中标候选人公示如下：

第一中标候选人：{winner}，投标报价{price_yuan}，工期{duration_days}日历天；
第二中标候选人：{second}，投标报价{second_price_yuan}；
第三中标候选人：{third}，投标报价{third_price_yuan}。

各中标候选人的评标情况、拟派项目负责人及其业绩、资格能力条件见附表。

公示期：{pub_from_cn}至{pub_to_cn}。投标人或者其他利害关系人对评标结果有异议的，应当在公示期间以书面形式向招标人提出；对异议答复不满意的，可以依法向{supervisor_name}投诉。
""",
    "award": """
{project}中标候选人公示期已满，公示期间未收到异议。招标人根据评标委员会的书面评标报告和推荐的中标候选人确定中标人，现将中标结果公告如下：

中标人：{winner}
中标价格：{price_yuan}
工期：{duration_days}日历天
质量标准：合格

招标人将自中标通知书发出之日起30日内，按照招标文件和中标人的投标文件与中标人订立书面合同。
""",
    "contract": """
{owner}（发包人）与{winner}（承包人）于{date_cn}签订《{contract_name}》，现将合同订立信息公开如下：

一、合同价款：{price_yuan}（含税），合同采用固定单价形式，工程量按实结算。
二、合同工期：计划开工日期{start_cn}，计划竣工日期{finish_cn}，共{duration_days}日历天。
三、工程内容：{scope}
四、质量标准：符合国家现行施工质量验收规范，达到合格标准。

合同履行过程中的变更、履约情况将另行公开，欢迎社会各界监督。
""",
    "performance": """
{project}（合同价{price_yuan}）于{start_cn}开工。截至{date_cn}，{progress}

{owner}会同监理单位对施工单位项目管理机构主要人员的到岗履职情况进行了考核，考核结果见附表。项目管理机构主要人员均按投标承诺到岗履职，未发生擅自更换情况。
""",
    "procurement_notice": """
项目概况：{project}的潜在供应商应在{platform}获取采购文件，并于{deadline_cn}9点30分（北京时间）前递交投标文件。

一、项目基本情况
项目编号：{code}
项目名称：{project}
采购方式：{method}
预算金额：{budget_yuan}
采购需求：{scope}
合同履行期限：{term_text}
本项目{consortium_text}联合体投标。

二、申请人的资格要求
{qualification}

三、获取采购文件
时间：{doc_from_cn}至{doc_to_cn}，每天上午8:30至12:00，下午14:30至17:30（北京时间，法定节假日除外）。
方式：登录{platform}免费下载。

四、提交投标文件截止时间、开标时间和地点
{deadline_cn}9点30分（北京时间），{venue}。

五、公告期限
自本公告发布之日起5个工作日。

六、联系方式
采购人：{owner}，地址：{owner_addr}。
采购代理机构：{agency}，地址：{agency_addr}。
""",
    "procurement_result": """
一、项目编号：{code}
二、项目名称：{project}
三、中标（成交）信息
供应商名称：{winner}
供应商地址：{winner_addr}
中标（成交）金额：{price_yuan}
四、主要标的信息：{items_text}
五、评审专家：{experts_text}
六、公告期限：自本公告发布之日起1个工作日。
七、其他补充事宜：各有关当事人对中标（成交）结果有异议的，可以在中标（成交）公告期限届满之日起7个工作日内，以书面形式向采购人或者采购代理机构提出质疑。
""",
    "procurement_contract": """
合同编号：{contract_no}
合同名称：{contract_name}
项目编号：{code}
项目名称：{project}
甲方（采购人）：{owner}
乙方（供应商）：{winner}
合同金额：{price_yuan}
主要标的：{subject}
履约期限：{term_text}
合同签订日期：{date_cn}

本合同已按《政府采购法实施条例》第五十条的规定公告，采购人将按合同约定组织履约验收。
""",
    "land_plan": """
为加强土地供应宏观调控，合理安排国有建设用地供应总量、结构、布局和时序，根据国民经济和社会发展规划、国土空间总体规划和年度土地利用计划，{owner}编制了《{jur}{plan_year}年度国有建设用地供应计划》，经{jur}人民政府批准，现予公布。

一、供应总量：{plan_year}年度计划供应国有建设用地{total_area}公顷。
二、供应结构：{by_use_text}
三、供应布局与时序：优先保障重点项目、民生项目和保障性住房用地，均衡有序供地。
四、实施要求：计划执行中确需调整的，按程序报批后另行公布。
""",
    "land_notice": """
经{jur}人民政府批准，{owner}决定以{method}方式出让{parcel}地块国有建设用地使用权。现将有关事项公告如下：

一、出让地块的基本情况和规划指标要求
地块编号：{parcel}；土地位置：{location}；出让面积：{area}平方米；土地用途：{land_use}；出让年限：{term_years}年；容积率：{plot_ratio}；起始价：{start_price_wan}；竞买保证金：{deposit_wan}。

二、竞买人资格
{qualification}

三、出让文件的获取
申请人可于{doc_from_cn}至{doc_to_cn}登录{platform}获取{method}出让文件。

四、{method}时间和地点
{method}报价时间：{deadline_cn}至{deal_day_cn}；地点：{venue}。

五、其他事项
竞得人应在成交后10个工作日内与出让人签订《国有建设用地使用权出让合同》，并按合同约定缴纳土地出让价款。
""",
    "land_deal": """
{owner}于{prev_cn}发布国有建设用地使用权出让公告，以{method}方式出让{parcel}地块国有建设用地使用权。该宗地已于{date_cn}依法成交，现将结果公示如下：

地块编号：{parcel}
土地位置：{location}
出让面积：{area}平方米
土地用途：{land_use}
竞得人：{winner}
成交价：{price_yuan}

公示期：{pub_from_cn}至{pub_to_cn}。公示期间如有异议，请以书面形式向{owner}反映。
""",
    "land_contract": """
{owner}与{winner}于{date_cn}签订《国有建设用地使用权出让合同》（合同编号：{contract_no}），现将合同主要条款公开如下：

宗地编号：{parcel}；宗地位置：{location}；宗地面积：{area}平方米；土地用途：{land_use}；出让年限：{term_years}年；容积率：{plot_ratio}；出让价款：{price_yuan}。
价款缴纳：{payment_terms}。
约定交地时间：{delivery_cn}；约定开工时间：{start_cn}；约定竣工时间：{finish_cn}。

受让人未按合同约定时间开工、竣工的，出让人将依照合同约定追究违约责任。
""",
    "mining_notice": """
经{authority}批准，{owner}决定以{method}方式出让{project}。现将有关事项公告如下：

一、出让矿业权基本情况
矿种：{mineral}；矿区位置：{location}；矿区面积：{area_km2}平方公里；资源量：{resources}；出让年限：{term_years}年。出让收益起始价：{start_price_wan}；竞买保证金：{deposit_wan}。

二、竞买人资格条件
{qualification}

三、竞买申请
有意竞买者可于{doc_from_cn}至{doc_to_cn}登录{platform}下载出让文件、提交竞买申请并缴纳竞买保证金。

四、{method}时间和地点
{deadline_cn}，{venue}。

五、其他事项
竞得人须在成交后与出让人签订矿业权出让合同，缴纳矿业权出让收益，并依法申请办理登记。
""",
    "mining_deal": """
{owner}于{prev_cn}公开{method}出让{project}。经{method}，{winner}竞得该矿业权，现将出让结果公示如下：

矿业权名称：{project}
矿种：{mineral}
矿区面积：{area_km2}平方公里
出让方式：{method}
竞得人：{winner}
成交价：{price_yuan}

公示期：{pub_from_cn}至{pub_to_cn}。对公示内容有异议的，请在公示期内以书面形式向{owner}反映。
""",
    "mining_contract": """
{owner}与{winner}于{date_cn}签订《采矿权出让合同》（合同编号：{contract_no}），现将合同主要条款公开如下：

矿业权名称：{project}；矿种：{mineral}；矿区面积：{area_km2}平方公里；出让年限：{term_years}年；出让收益：{price_yuan}。
缴纳方式：{payment_terms}。
开发利用要求：{development_period}完成矿山建设并投产，严格执行矿产资源开发利用方案和矿山地质环境保护与土地复垦方案。
""",
    "mining_approval": """
根据《中华人民共和国矿产资源法》及矿业权登记管理的有关规定，{authority}于{date_cn}准予{winner}采矿权新立登记，现将审批结果公开如下：

采矿权人：{winner}
矿业权名称：{project}
采矿许可证号：{licence_no}
开采矿种：{mineral}
矿区面积：{area_km2}平方公里
有效期限：{date_cn}至{valid_to_cn}
""",
    "property_approval": """
{authority}以{approval_no}同意{owner}公开转让{subject}。现将产权交易决策及批准情况公开如下：

一、决策情况：{owner}于{decision_date_cn}召开董事会，审议通过转让{subject}的议案。
二、批准情况：经审核，同意通过{centre}公开挂牌转让，转让底价不低于经备案的资产评估结果。
三、转让方式：公开挂牌；征集到两个及以上符合条件的意向受让方的，采取网络竞价方式确定受让方。
""",
    "property_notice": """
受{owner}委托，{centre}公开挂牌转让{subject}，现将有关事项公告如下：

一、转让标的基本情况
{overview}

二、转让行为的决策及批准情况
本次转让已经{owner}董事会决议通过，并经{authority}批准（{approval_no}）。

三、审计评估情况
经{auditor}审计，以{base_date_cn}为基准日，标的企业资产总额{assets_wan}，负债总额{liabilities_wan}。经{valuer}评估，标的评估值为{appraised_wan}，评估结果已备案。

四、挂牌底价及保证金
挂牌底价：{start_price_wan}；交易保证金：{deposit_wan}。

五、受让方资格条件
{qualification}

六、信息披露期
{listing_period}。意向受让方请在信息披露期内登录{platform}提交受让申请。
""",
    "property_deal": """
{subject}项目于{prev_cn}在{platform}公开挂牌，信息披露期满共征集到{bidders}家意向受让方，经{method}，现将交易结果公示如下：

项目名称：{subject}
转让方：{owner}
受让方：{winner}
成交价格：{price_yuan}
交易方式：{method}
成交日期：{date_cn}

公示期为5个工作日。对交易结果有异议的，请在公示期内以书面形式向{centre}反映。
""",
    "rights_notice": """
受{owner}委托，{centre}就{subject}公开交易，现将有关事项公告如下：

一、交易标的
{overview}

二、交易方式及价格
交易方式：{method}；起始价：{start_price_yuan}；竞买保证金：{deposit_yuan}。

三、竞买人资格条件
{qualification}

四、报名方式
有意竞买者请于{doc_from_cn}至{deadline_cn}17时前，登录{platform}下载交易文件并提交竞买申请。

五、交易时间和地点
{deal_day_cn}上午9时，{venue}。
""",
    "rights_deal": """
{subject}交易项目于{prev_cn}发布交易公告，报名期内共有{bidders}家竞买人报名并通过资格审查。{date_cn}经{method}，成交结果如下：

交易标的：{subject}
出让方：{owner}
受让方：{winner}
成交价：{price_yuan}

公示期：{pub_from_cn}至{pub_to_cn}。对成交结果有异议的，请在公示期内以书面形式向{centre}反映。
""",
    "medical_result": """
一、项目编号：{code}
二、项目名称：{project}
三、采购人：{owner}
四、中标供应商：{winner}，地址：{winner_addr}
五、中标金额：{price_yuan}
六、主要标的：{items_text}
七、公告期限：自本公告发布之日起1个工作日。

各有关当事人对中标结果有异议的，可以在公告期限届满之日起7个工作日内，以书面形式向采购人或者采购代理机构提出质疑。
""",
    "medical_contract": """
合同名称：{contract_name}
甲方（采购人）：{owner}
乙方（供应商）：{winner}
合同标的：{subject}
合同金额：{price_yuan}
交付要求：{delivery_text}
签订日期：{date_cn}

本合同依据{project}中标结果订立，现予公开。
""",
    "penalty": """
{authority}于{date_cn}对{party}作出行政处罚决定（{decision_no}）。

经查，{facts}

上述行为违反了{legal_basis}的规定。依据{penalty_basis}，{authority}决定：{penalty_text}

当事人如不服本处罚决定，可以自收到处罚决定书之日起60日内依法申请行政复议，或者在6个月内依法向人民法院提起行政诉讼。
""",
    "blacklist": """
根据{basis}，经{authority}认定，{party}存在严重失信行为，现将其列入公共资源配置领域“黑名单”并予以公示。

失信行为：{facts}

惩戒措施：{measures}

列入期限：{date_cn}至{valid_to_cn}。期满后自动移出；当事人对认定结果有异议的，可以自公示之日起15个工作日内向{authority}书面提出。
""",
    "allocation_targets": """
经申请人申请、街道（乡镇）初审、{authority}复核，{batch}保障对象资格审核工作已经完成。现将审核通过的{count}户申请家庭予以公示，名单见附表。

公示期：{pub_from_cn}至{pub_to_cn}。

公示期间，任何单位和个人对公示对象的住房、收入、财产等情况有异议的，可以书面形式向{authority}反映，我们将依法核查并反馈。
""",
    "allocation_result": """
{batch}配租（配售）工作已于{date_cn}以公开摇号方式完成。摇号在{venue}进行，由公证机构全程公证，纪检监察部门和群众代表现场监督，摇号过程同步网络直播。

现将配租（配售）结果予以公布（名单见附表）。入选家庭请于结果公布之日起15个工作日内办理签约入住手续，逾期视为自动放弃。
""",
}


T = {key: text.strip() for key, text in T.items()}


def _without(facts: dict[str, Any], *keys: str) -> dict[str, Any]:
    """The facts of a deal as they stood before a later stage (no winner in a tender notice)."""
    return {k: v for k, v in facts.items() if k not in keys}


# --- helpers for the data ---------------------------------------------------------------------------------------


def _years(today: dt.date):
    def y(ago: int) -> int:
        return (today - dt.timedelta(days=ago)).year

    return y


def candidate_rows(c: dict[str, Any], people: list[str], certs: list[str]) -> list[dict[str, Any]]:
    """The three candidates of a tender, with every key the seeds' candidate tables use."""
    rows = []
    for rank, (who, price, score) in enumerate(
        (
            (c["winner"], c["price"], "92.36"),
            (c["second"], c["second_price"], "89.71"),
            (c["third"], c["third_price"], "87.05"),
        ),
        start=1,
    ):
        manager, cert = people[rank - 1], certs[rank - 1]
        quals = (
            c["winner_quals"]
            if rank == 1
            else c.get(
                "other_quals",
                "资质等级、安全生产许可证、项目经理注册证书及安全生产考核合格证书均满足招标文件要求",
            )
        )
        rows.append(
            {
                "rank": rank,
                "name": who.name,
                "uscc": who.uscc,
                "name_uscc": who.uscc,
                "bid_price": price,
                "duration": f"{c['duration_days']}日历天",
                "duration_days": c["duration_days"],
                "evaluation": f"综合得分{score}分（技术标、商务标、投标报价均满足招标文件实质性要求）",
                "managers": manager,
                "project_manager": manager,
                "certificates": f"{c.get('cert_kind', '注册建造师')} {cert}",
                "manager_certificates": f"{c.get('cert_kind', '注册建造师')} {cert}",
                "company_performance": c.get("company_performance", "近三年完成同类工程3项，均验收合格"),
                "personal_performance": "近三年担任项目经理完成同类工程2项",
                "manager_performance": "近三年担任项目经理完成同类工程2项",
                "personal_record": "近三年担任项目经理完成同类工程2项",
                "qualification_conditions": quals,
                "declared_qualifications": quals,
                "qualification_claims": quals,
                "qualifications": quals,
            }
        )
    return rows


DEFAULT_FACTS: dict[str, Any] = {
    "consortium": False,
    "funding": "财政资金",
    "method": "挂牌",
    "term_years": 50,
    "conditions": "本招标项目{project}已由{approver}以{approval_no}批准建设，招标人为{owner}，建设资金来自{funding}，项目已具备招标条件。",
    "doc_time": "{doc_from_cn}至{doc_to_cn}（法定节假日除外）",
    "doc_access": "登录{platform}免费下载电子文件",
    "submission": "通过{platform}在截止时间前递交加密电子文件",
    "owner_contact": "{owner}，地址：{owner_addr}",
    "agency_contact": "{agency}，地址：{agency_addr}",
    "contact": "{centre}交易服务窗口（{centre_addr}）",
    "objection": "投标人或者其他利害关系人对评标结果有异议的，应当在公示期间以书面形式向招标人提出；对异议答复不满意的，可以依法向{supervisor_name}投诉。",
    "doc_url": "{site}notice/{code}.html",
    "contract_url": "{site}contract/{code}.pdf",
    "page_url": "{site}notice/{code}.html",
    "platform_url": "{site}",
    "term_text": "自合同签订之日起12个月",
    "duration": "{duration_days}日历天",
    "bidders": 3,
    "payment_terms": "合同签订之日起30日内缴纳出让价款的50%，其余价款于合同签订之日起180日内缴清",
    "transaction_conditions": "受让方须在成交之日起5个工作日内签订产权交易合同，并一次性支付全部交易价款",
    "delivery_text": "合同签订后60日内完成交付、安装、调试并通过验收",
    "qualification": "投标人须具有独立法人资格，具有良好的商业信誉和健全的财务会计制度，参加本次活动前三年内在经营活动中没有重大违法记录，未被列入失信被执行人、重大税收违法失信主体名单。",
}


# --- the five seed jurisdictions ---------------------------------------------------------------------------------


def luan(today: dt.date) -> Place:
    y = _years(today)
    ph = company("安徽淠河建设工程有限公司", "341502", "六安市金安区三里桥街道皖西大道218号", "孙德全")
    wx = company("六安市皖西路桥建设有限公司", "341503", "六安市裕安区平桥工业园纬一路6号")
    dbs = company("安徽大别山建筑工程有限公司", "341525", "霍山县衡山镇迎驾大道66号")
    hx = company("六安恒信置业有限公司", "341502", "六安市金安区佛子岭路78号")
    js = company("霍邱县金石矿业有限公司", "341522", "霍邱县城关镇工业大道9号")
    kr = company("安徽康瑞医疗器械有限公司", "340104", "合肥市蜀山区潜山路888号")
    zl = company("安徽智联教育科技有限公司", "340104", "合肥市高新区创新大道2800号")
    hl = company("安徽徽旅酒店管理有限公司", "340102", "合肥市瑶海区长江东大街106号")
    ad = company("六安市安达出租汽车有限公司", "341502", "六安市金安区解放南路36号")
    rd = company("六安皖电热力有限公司", "341503", "六安市裕安区经济开发区裕安大道1号")
    jx = company("六安市皖江新材料有限公司", "341503", "六安市裕安区新安镇工业园")
    ly = company("金寨县绿源林业发展有限公司", "341524", "金寨县梅山镇红军大道18号")
    zx = company("安徽正信资产评估有限公司", "341502", "六安市金安区淠河中路66号")
    hxk = company("六安华信会计师事务所有限公司", "341502", "六安市金安区人民路12号")
    xy = company("安徽鑫源建筑劳务有限公司", "341503", "六安市裕安区城南镇", "丁志军")
    hy = company("六安市宏宇建筑工程有限公司", "341502", "六安市金安区东市街道")
    fgw = body_of("六安市发展和改革委员会", "341500")

    oldtown = {
        "project": f"六安市城区{y(215)}年老旧小区改造工程（二标段）",
        "code": f"LAGC{y(215)}-0417",
        "owner": "@zdgc",
        "agency": "@agency",
        "approver": fgw,
        "approval_no": f"六发改审批〔{y(215)}〕58号",
        "location": "六安市金安区三里桥街道、中市街道",
        "scale": "改造老旧小区12个，涉及住宅楼86栋、居民2916户，改造面积约21.6万平方米",
        "scope": "小区雨污分流、道路及停车设施改造、外立面整治、供水管网更新、绿化及照明提升等，具体以工程量清单为准。",
        "overview": "本项目改造老旧小区12个，涉及住宅楼86栋、居民2916户，建筑面积约21.6万平方米，计划工期240日历天。",
        "qualification": "投标人须具备建筑工程施工总承包三级及以上资质，并具有有效的安全生产许可证；拟派项目经理须具备建筑工程专业二级及以上注册建造师执业资格，具有有效的安全生产考核合格证书（B证），且未担任其他在施建设工程项目的项目经理。",
        "duration_days": 240,
        "winner": ph,
        "second": wx,
        "third": dbs,
        "price": "18562340.56",
        "second_price": "18790112.30",
        "third_price": "18954006.18",
        "winner_quals": "建筑工程施工总承包二级；安全生产许可证（皖）JZ安许证字〔2019〕150041",
        "manager": "孙建华",
        "contract_name": f"六安市城区{y(215)}年老旧小区改造工程（二标段）施工合同",
        "progress": "完成雨污分流管网改造9.8公里、外立面整治54栋，累计完成合同工程量的68%，工程质量、安全生产和文明施工处于受控状态。",
    }
    ct_rows = candidate_rows(
        oldtown, ["孙建华", "周立新", "汪海涛"], ["皖234151612345", "皖234141800761", "皖234151702213"]
    )
    ct_award = {
        "managers": [
            {
                "name": "孙建华",
                "role": "项目经理",
                "certificate": "二级注册建造师（建筑工程）",
                "certificate_no": "皖234151612345",
            },
            {
                "name": "陶文静",
                "role": "技术负责人",
                "certificate": "高级工程师",
                "certificate_no": "皖建高工字第0316号",
            },
        ],
        "company_performance": "近三年完成六安市金安区棚户区改造配套工程等同类项目3项",
    }
    ct = {
        "project": oldtown["project"],
        "winner": ph,
        "contract_name": oldtown["contract_name"],
        "price": "18652340.56",
        "team_assessment": [
            {
                "name": "孙建华",
                "role": "项目经理",
                "assessment": "按投标承诺到岗履职，月均在岗26天，考核合格",
            },
            {"name": "陶文静", "role": "技术负责人", "assessment": "技术交底和质量检查记录完整，考核合格"},
        ],
    }

    ct_scanner = {
        "project": "六安市中医院64排螺旋CT采购项目",
        "code": f"LAZC{y(300)}-0231",
        "owner": "@zyy",
        "agency": "@agency",
        "category": "医用设备",
        "method": "公开招标",
        "budget": "6800000.00",
        "scope": "采购64排螺旋CT 1台，含三维重建工作站、高压注射器及不少于三年的原厂保修，具体技术参数详见招标文件第五章。",
        "qualification": "投标人须具有独立法人资格和有效的医疗器械经营许可证（或备案凭证），所投产品须取得医疗器械注册证；本项目不接受联合体投标，不接受进口产品。",
        "winner": kr,
        "price": "6458000.00",
        "main_items": [
            {
                "name": "64排螺旋CT",
                "model": "uCT 550+",
                "manufacturer": "上海联影医疗科技股份有限公司",
                "quantity": "1",
                "unit_price": "6458000.00",
            },
        ],
        "items_text": "64排螺旋CT 1台（含三维重建工作站、高压注射器），单价6,458,000.00元",
        "subject": "64排螺旋CT 1台（含三维重建工作站、高压注射器及三年原厂保修）",
        "contract_name": "六安市中医院64排螺旋CT采购合同",
        "delivery": "合同签订后60日内交货并完成安装调试",
    }
    land1 = {
        "owner": "@zrj",
        "parcel": f"六土出〔{y(250)}〕12号",
        "location": "金安区皖西大道与梅山南路交口东南侧",
        "area": "36852.40",
        "land_use": "城镇住宅用地、零售商业用地",
        "term_years": 70,
        "plot_ratio": "1.8≤容积率≤2.2",
        "planning": "容积率1.8—2.2，建筑密度不大于25%，绿地率不小于35%，建筑限高60米；配建社区养老服务用房不少于600平方米。",
        "start_price": "263480000.00",
        "deposit": "52700000.00",
        "qualification": "中华人民共和国境内外的法人、自然人和其他组织，除法律、法规另有规定外，均可申请参加竞买，可以独立竞买，也可以联合竞买。竞买人须提供土地出让价款资金来源承诺书。",
        "method": "挂牌",
        "winner": hx,
        "price": "288150000.00",
        "contract_no": f"3415002{y(250)}B00218",
    }
    land_typo = dict(land1, winner=Party("六安恒兴置业有限公司", hx.uscc, hx.address))
    mine = {
        "project": "六安市金安区东河口镇大岭建筑石料用灰岩矿采矿权",
        "code": f"LAKQ{y(400)}-003",
        "owner": "@zrj",
        "authority": body_of("六安市人民政府", "341500"),
        "right_type": "采矿权",
        "mineral": "建筑石料用灰岩",
        "location": "六安市金安区东河口镇大岭村",
        "area": {
            "textarea": "矿区面积0.1523平方公里，由6个拐点圈定，开采标高+210米至+95米（拐点坐标见出让文件）",
            "decimal": "0.1523",
        },
        "area_km2": "0.1523",
        "resources": "保有资源量约1286万吨",
        "term_years": 10,
        "start_price": "52400000.00",
        "deposit": "10480000.00",
        "qualification": "竞买人须为在中华人民共和国境内注册、具有独立法人资格的企业，具备相应的资金能力和开采技术条件，不接受联合竞买。",
        "method": "挂牌",
        "winner": js,
        "price": "86300000.00",
        "contract_no": f"3415002{y(370)}CK0006",
        "payment_terms": "合同签订之日起30日内缴纳出让收益的40%，剩余部分在出让年限内分年度缴纳",
        "development_period": "自采矿许可证颁发之日起18个月内",
    }
    hotel = {
        "subject": "六安市城市建设投资有限公司所持六安皖西宾馆有限公司100%股权",
        "project": "六安皖西宾馆有限公司100%股权转让项目",
        "code": f"LACQ{y(180)}-012",
        "owner": "@ct",
        "authority": "@gzw",
        "approval_no": f"六国资产权〔{y(190)}〕16号",
        "overview": "六安皖西宾馆有限公司成立于2004年，注册资本3000万元，位于六安市金安区人民路，经营范围为住宿、餐饮、会议服务，现有员工86人，拥有客房126间。",
        "auditor": hxk,
        "valuer": zx,
        "assets": "61280000.00",
        "liabilities": "24360000.00",
        "appraised": "38520000.00",
        "start_price": "38520000.00",
        "deposit": "7700000.00",
        "qualification": "意向受让方应为依法设立并有效存续的企业法人，具有良好的财务状况和支付能力，受让后应妥善安置标的企业现有职工。",
        "method": "网络竞价",
        "winner": hl,
        "price": "41060000.00",
        "bidders": 2,
        "decision_body": "六安市城市建设投资有限公司董事会",
        "decision_approval": "经六安市城市建设投资有限公司董事会决议同意，并经六安市人民政府国有资产监督管理委员会批准（{approval_no}）",
        "valuation": {
            "textarea": "经安徽正信资产评估有限公司评估（皖正信评报字〔2026〕第032号），标的股权评估值为3,852.00万元",
            "money": "38520000.00",
        },
        "financials": "截至审计基准日，资产总额6,128.00万元，负债总额2,436.00万元，所有者权益3,692.00万元",
    }
    hotel_typo = dict(hotel, winner=Party(hl.name, make_uscc("徽旅酒店（录入错误）", "340102"), hl.address))
    school = {
        "project": "六安市第一中学智慧教室设备采购项目",
        "code": f"LAZFCG{y(230)}-0588",
        "owner": "@yz",
        "agency": "@agency",
        "method": "公开招标",
        "budget": "3960000.00",
        "scope": "采购智慧教室交互式触控一体机60台、录播系统2套、教室扩声系统60套及配套安装服务，具体详见采购需求。",
        "winner": zl,
        "price": "3786500.00",
        "main_items": [
            {
                "name": "交互式触控一体机",
                "model": "ZL-T86",
                "quantity": "60",
                "unit_price": "38600.00",
                "service_requirements": "三年上门保修",
            },
            {
                "name": "常态化录播系统",
                "model": "ZL-RB3",
                "quantity": "2",
                "unit_price": "218000.00",
                "service_requirements": "含安装调试及培训",
            },
            {
                "name": "教室扩声系统",
                "model": "ZL-KS2",
                "quantity": "60",
                "unit_price": "17175.00",
                "service_requirements": "三年上门保修",
            },
        ],
        "items_text": "交互式触控一体机60台、常态化录播系统2套、教室扩声系统60套",
        "experts_text": "王立军、陈国强、刘晓峰、张海涛、李明辉",
        "reviewers": "王立军、陈国强、刘晓峰、张海涛、李明辉",
        "subject": "交互式触控一体机60台、常态化录播系统2套、教室扩声系统60套及安装调试服务",
        "contract_name": "六安市第一中学智慧教室设备采购合同",
        "contract_no": f"LAYZ-HT-{y(198)}-017",
        "term_text": "合同签订后45日内完成供货安装并通过验收",
        "performance_period": "合同签订后45日内",
        "contract_text": {
            "textarea": "甲方向乙方采购智慧教室设备并由乙方负责安装调试；合同金额3,786,500.00元，验收合格后支付合同金额的95%，质保期满支付剩余5%；乙方提供三年免费上门保修。",
            "url": "{site}contract/{code}.pdf",
        },
        "budget_year": y(280),
    }
    taxi = {
        "subject": "六安市城区新增40辆纯电动出租汽车经营权（第一标段）",
        "owner": body_of("六安市交通运输局", "341500"),
        "overview": "出让六安市城区纯电动出租汽车经营权40个，经营期限8年，车辆须为续航里程不低于400公里的纯电动车型，统一接入市出租汽车服务监管平台。",
        "method": "网络竞价",
        "start_price": "1600000.00",
        "deposit": "320000.00",
        "qualification": "竞买人须为在六安市注册、具有道路旅客运输经营（出租汽车客运）许可的企业法人，近三年无重大安全责任事故。",
        "winner": ad,
        "price": "2088000.00",
        "bidders": 4,
    }
    emission = {
        "subject": f"六安市{y(160)}年第二批排污权（化学需氧量、氨氮、二氧化硫、氮氧化物）有偿使用出让",
        "owner": body_of("六安市生态环境局", "341500"),
        "overview": "本批出让化学需氧量12.6吨/年、氨氮1.3吨/年、二氧化硫38.5吨/年、氮氧化物46.2吨/年，有效期5年，仅限新建、改建、扩建项目使用。",
        "method": "网络竞价",
        "start_price": "1086000.00",
        "deposit": "217000.00",
        "qualification": "竞买人须为本市行政区域内已取得环境影响评价批复、需新增主要污染物排放总量指标的排污单位。",
        "winner": rd,
        "price": "1245600.00",
        "bidders": 3,
    }
    carbon = {
        "subject": "金寨县林业碳汇项目（第一监测期）减排量转让",
        "owner": ly,
        "overview": "金寨县林业碳汇项目位于金寨县梅山镇、青山镇，经第三方核证的第一监测期减排量为52,800吨二氧化碳当量，本次公开转让全部减排量。",
        "method": "协议转让（公开征集受让方）",
        "start_price": "2376000.00",
        "deposit": "240000.00",
        "qualification": "意向受让方须为依法设立的企业法人，受让的减排量用于自愿抵消或履约清缴，不得用于投机炒作。",
        "winner": jx,
        "price": "2481600.00",
        "bidders": 2,
    }
    zjj_party = "@zjj"
    return Place(
        code="341500",
        slug="luan",
        orgs={
            "gov": "六安市人民政府办公室",
            "tc": "六安市公共资源交易中心",
            "jgj": "六安市公共资源交易监督管理局",
            "zjj": "六安市住房和城乡建设局",
            "czj": "六安市财政局",
            "zrj": "六安市自然资源和规划局",
            "ct": "六安市城市建设投资有限公司",
            "agency": "安徽皖西招标代理有限公司",
        },
        extra=[
            ("zdgc", "六安市重点工程建设管理中心", "owner", "12"),
            ("zyy", "六安市中医院", "owner", "12"),
            ("yz", "六安市第一中学", "owner", "12"),
            ("gzw", "六安市人民政府国有资产监督管理委员会", "department", "11"),
        ],
        facts={
            "jur": "六安市",
            "centre": "六安市公共资源交易中心",
            "centre_addr": "六安市金安区梅山南路市民服务中心三楼",
            "platform": "六安市公共资源交易网",
            "site": "https://luan.ggzy.example.org/",
            "supervisor_name": "六安市公共资源交易监督管理局",
            "venue": "六安市公共资源交易中心开标室（六安市金安区梅山南路市民服务中心三楼）",
            "addr": {
                "zdgc": "六安市金安区龙河路与紫竹林路交口",
                "zyy": "六安市金安区人民路76号",
                "yz": "六安市金安区解放北路68号",
                "agency": "六安市金安区皖西大道116号",
                "zrj": "六安市金安区梅山南路市民服务中心",
                "ct": "六安市金安区佛子岭中路16号",
            },
        },
        records=[
            # 工程建设：老旧小区改造，招标公告 → 中标候选人 → 中标结果（更正） → 合同 → 履约
            Rec(
                "construction.tender_notice",
                "tc",
                "{project}施工招标公告",
                T["tender_notice"],
                oldtown,
                ago=215,
                ref="oldtown-notice",
                subject="urban_rural",
                keywords="老旧小区改造,施工招标",
            ),
            Rec(
                "construction.candidates",
                "tc",
                "{project}中标候选人公示",
                T["candidates"],
                oldtown,
                ago=190,
                lag=1,
                ref="oldtown-cand",
                links=[("oldtown-notice", "stage")],
                f={"candidates": ct_rows},
                subject="urban_rural",
            ),
            Rec(
                "construction.award",
                "tc",
                "{project}中标结果公告",
                T["award"],
                oldtown,
                ago=183,
                ref="oldtown-award",
                links=[("oldtown-cand", "stage")],
                f=ct_award,
                subject="urban_rural",
                correct=("中标价格录入有误，应为18,652,340.56元", {"price": "18652340.56"}),
            ),
            Rec(
                "construction.contract",
                "zdgc",
                "{contract_name}订立信息公开",
                T["contract"],
                dict(oldtown, price="18652340.56", contract_type="工程", quantities="{scope}"),
                ago=165,
                ref="oldtown-contract",
                links=[("oldtown-award", "stage")],
                copied=True,
                genre="contract",
                subject="urban_rural",
            ),
            Rec(
                "construction.performance",
                "zdgc",
                "{project}合同履约信息公开",
                T["performance"],
                dict(oldtown, **ct),
                ago=40,
                links=[("oldtown-contract", "stage")],
                subject="urban_rural",
            ),
            Rec(
                "construction.tender_notice",
                "tc",
                "六安市城南污水处理厂提标改造工程施工招标公告",
                T["tender_notice"],
                dict(
                    oldtown,
                    project="六安市城南污水处理厂提标改造工程",
                    code=f"LAGC{y(3)}-1102",
                    owner="@ct",
                    approval_no=f"六发改审批〔{y(3)}〕171号",
                    location="六安市裕安区城南镇污水处理厂厂区内",
                    scale="处理规模8万立方米/日，出水由一级A提标至地表水准Ⅳ类标准",
                    scope="深度处理车间、反硝化深床滤池、加药间及配套管网、电气自控工程。",
                    duration_days=300,
                    funding="政府专项债券资金",
                ),
                due_in=4,
                state="draft",
            ),
            # 医用设备：中医院 CT
            Rec(
                "medical.notice",
                "tc",
                "{project}招标公告",
                T["procurement_notice"],
                ct_scanner,
                ago=300,
                ref="ct-notice",
                subject="health",
                keywords="医用设备,CT",
            ),
            Rec(
                "medical.large_equipment_result",
                "tc",
                "{project}中标结果公告",
                T["medical_result"],
                ct_scanner,
                ago=272,
                ref="ct-result",
                links=[("ct-notice", "stage")],
                subject="health",
                propose=(
                    "主要标的型号录入有误，应为uCT 550",
                    {"main_items": [dict(ct_scanner["main_items"][0], model="uCT 550")]},
                ),
            ),
            Rec(
                "medical.large_equipment_contract",
                "zyy",
                "{contract_name}",
                T["medical_contract"],
                ct_scanner,
                ago=262,
                links=[("ct-result", "stage")],
                copied=True,
                genre="contract",
                subject="health",
            ),
            Rec(
                "medical.notice",
                "tc",
                "六安市人民医院血液透析耗材集中采购项目招标公告",
                T["procurement_notice"],
                dict(
                    ct_scanner,
                    project="六安市人民医院血液透析耗材集中采购项目",
                    code=f"LAZC{y(120)}-0712",
                    owner=body_of("六安市人民医院", "341500", "12", "六安市金安区皋城路21号"),
                    category="医用耗材",
                    budget="2450000.00",
                    scope="采购血液透析器、血液透析管路、穿刺针等耗材，采购周期两年，具体品目及数量详见采购需求。",
                ),
                ago=120,
                withdraw="采购需求发生重大变化，本项目终止采购，原招标公告撤回，需求论证后将重新发布。",
                subject="health",
            ),
            Rec(
                "medical.notice",
                "tc",
                "六安市妇幼保健院彩色多普勒超声诊断仪采购项目招标公告",
                T["procurement_notice"],
                dict(
                    ct_scanner,
                    project="六安市妇幼保健院彩色多普勒超声诊断仪采购项目",
                    code=f"LAZC{y(40)}-1009",
                    owner=body_of("六安市妇幼保健院", "341500", "12", "六安市裕安区解放南路168号"),
                    budget="1980000.00",
                    scope="采购高端彩色多普勒超声诊断仪2台（含妇产专用探头），具体技术参数详见采购需求。",
                ),
                ago=40,
                state="draft",
                subject="health",
            ),
            # 土地：供应计划、挂牌出让 → 成交公示（更正） → 出让合同；撤回的公告；待审查的公告
            Rec(
                "land.supply_plan",
                "zrj",
                "关于{plan_year}年度国有建设用地供应计划的公告",
                T["land_plan"],
                {
                    "owner": "@zrj",
                    "plan_year": y(600),
                    "total_area": "486.52",
                    "by_use_text": "工矿仓储用地186.40公顷，商服用地42.35公顷，住宅用地128.60公顷（其中保障性住房用地12.80公顷），公共管理与公共服务用地61.47公顷，交通运输用地67.70公顷。",
                    "by_use": "工矿仓储用地186.40公顷；商服用地42.35公顷；住宅用地128.60公顷；公共管理与公共服务用地61.47公顷；交通运输用地67.70公顷",
                    "plan_text": "{plan_year}年度计划供应国有建设用地486.52公顷，优先保障重点项目和民生项目用地。",
                },
                ago=600,
                genre="plan",
                subject="land_resources",
                validity=("expired", "该年度供应计划执行期已届满，新年度供应计划已另行公布"),
            ),
            Rec(
                "land.supply_plan",
                "zrj",
                "关于{plan_year}年度国有建设用地供应计划的公告",
                T["land_plan"],
                {
                    "owner": "@zrj",
                    "plan_year": y(320),
                    "total_area": "512.08",
                    "by_use_text": "工矿仓储用地201.16公顷，商服用地38.92公顷，住宅用地119.35公顷（其中保障性住房用地15.20公顷），公共管理与公共服务用地72.45公顷，交通运输用地80.20公顷。",
                    "by_use": "工矿仓储用地201.16公顷；商服用地38.92公顷；住宅用地119.35公顷；公共管理与公共服务用地72.45公顷；交通运输用地80.20公顷",
                    "plan_text": "{plan_year}年度计划供应国有建设用地512.08公顷，优先保障重点项目、民生项目和保障性住房用地。",
                },
                ago=320,
                genre="plan",
                subject="land_resources",
            ),
            Rec(
                "land.transfer_notice",
                "tc",
                "六安市国有建设用地使用权挂牌出让公告（{parcel}）",
                T["land_notice"],
                land1,
                ago=250,
                ref="land-notice",
                subject="land_resources",
                keywords="国有建设用地,挂牌出让",
            ),
            Rec(
                "land.transaction_publicity",
                "tc",
                "{parcel}地块国有建设用地使用权挂牌出让成交公示",
                T["land_deal"],
                land_typo,
                ago=214,
                ref="land-deal",
                links=[("land-notice", "stage")],
                subject="land_resources",
                correct=("竞得人名称录入有误，应为“六安恒信置业有限公司”", {"winner": hx}),
            ),
            Rec(
                "land.contract",
                "zrj",
                "{parcel}地块国有建设用地使用权出让合同主要条款公开",
                T["land_contract"],
                land1,
                ago=200,
                links=[("land-deal", "stage")],
                copied=True,
                genre="contract",
                subject="land_resources",
            ),
            Rec(
                "land.transfer_notice",
                "tc",
                "六安市国有建设用地使用权挂牌出让公告（{parcel}）",
                T["land_notice"],
                dict(
                    land1,
                    parcel=f"六土出〔{y(140)}〕21号",
                    location="裕安区平桥工业园纬三路北侧、经五路东侧",
                    area="52306.00",
                    land_use="工业用地",
                    term_years=50,
                    plot_ratio="1.2≤容积率≤2.0",
                    start_price="13600000.00",
                    deposit="2720000.00",
                    planning="容积率1.2—2.0，建筑系数不小于40%，行政办公及生活服务设施用地面积不超过7%；投资强度不低于300万元/亩。",
                ),
                ago=140,
                withdraw="因该宗地规划条件调整，经研究决定终止本次挂牌出让活动，原公告予以撤回。",
                subject="land_resources",
            ),
            Rec(
                "land.transfer_notice",
                "tc",
                "六安市国有建设用地使用权挂牌出让公告（{parcel}）",
                T["land_notice"],
                dict(
                    land1,
                    parcel=f"六土出〔{y(25)}〕33号",
                    location="金安区长江东路南侧、龙河路西侧",
                    area="28416.70",
                    start_price="171500000.00",
                    deposit="34300000.00",
                ),
                ago=25,
                state="submitted",
                subject="land_resources",
            ),
            # 矿业权：挂牌出让 → 成交公示（逾期发布） → 出让合同（抄送待办）
            Rec(
                "mining.transfer_notice",
                "tc",
                "{project}挂牌出让公告",
                T["mining_notice"],
                mine,
                ago=400,
                ref="mine-notice",
                subject="land_resources",
                keywords="采矿权,挂牌出让",
            ),
            Rec(
                "mining.transaction_publicity",
                "tc",
                "{project}挂牌出让成交公示",
                T["mining_deal"],
                mine,
                ago=372,
                late=3,
                ref="mine-deal",
                links=[("mine-notice", "stage")],
                subject="land_resources",
            ),
            Rec(
                "mining.contract",
                "zrj",
                "{project}出让合同主要条款公开",
                T["mining_contract"],
                mine,
                ago=360,
                links=[("mine-deal", "stage")],
                genre="contract",
                subject="land_resources",
            ),
            # 国有产权：批准 → 转让公告 → 成交结果（更正）
            Rec(
                "property.decision_approval",
                "gzw",
                "关于同意公开转让{subject}的批复",
                T["property_approval"],
                hotel,
                ago=192,
                ref="hotel-approval",
                genre="decision",
                doc_no=f"六国资产权〔{y(192)}〕16号",
                subject="state_assets",
            ),
            Rec(
                "property.transfer_notice",
                "tc",
                "{project}转让公告",
                T["property_notice"],
                hotel,
                ago=181,
                ref="hotel-notice",
                links=[("hotel-approval", "stage")],
                subject="state_assets",
            ),
            Rec(
                "property.result",
                "tc",
                "{project}成交结果公告",
                T["property_deal"],
                hotel_typo,
                ago=142,
                ref="hotel-result",
                links=[("hotel-notice", "stage")],
                subject="state_assets",
                correct=("受让方统一社会信用代码录入有误", {"winner": hl}),
            ),
            # 政府采购：预算 → 公告 → 成交公告 → 合同
            Rec(
                "procurement.budget",
                "czj",
                "六安市第一中学{budget_year}年度政府采购预算公开",
                "根据《中华人民共和国政府采购法》和预算公开的有关规定，现将六安市第一中学{budget_year}年度政府采购预算公开如下：\n\n政府采购预算总额{budget_yuan}，主要用于智慧教室设备、实验室仪器和校园安防设施采购。\n\n各项目将按照集中采购目录和限额标准，依法选择采购方式组织实施。",
                school,
                ago=280,
                genre="report",
                subject="finance",
            ),
            Rec(
                "procurement.notice",
                "yz",
                "{project}公开招标公告",
                T["procurement_notice"],
                school,
                ago=230,
                ref="school-notice",
                subject="education",
                keywords="政府采购,公开招标",
            ),
            Rec(
                "procurement.result",
                "yz",
                "{project}中标（成交）结果公告",
                T["procurement_result"],
                school,
                ago=205,
                lag=1,
                ref="school-result",
                links=[("school-notice", "stage")],
                subject="education",
            ),
            Rec(
                "procurement.contract",
                "yz",
                "{contract_name}公告",
                T["procurement_contract"],
                school,
                ago=198,
                lag=1,
                links=[("school-result", "stage")],
                copied=True,
                genre="contract",
                subject="education",
            ),
            # 特种行业经营权、排污权、碳排放权
            Rec(
                "franchise.transfer_notice",
                "tc",
                "{subject}出让公告",
                T["rights_notice"],
                taxi,
                ago=280,
                ref="taxi-notice",
                subject="transport",
            ),
            Rec(
                "franchise.result",
                "tc",
                "{subject}成交结果公告",
                T["rights_deal"],
                taxi,
                ago=255,
                links=[("taxi-notice", "stage")],
                subject="transport",
            ),
            Rec(
                "franchise.transfer_notice",
                "tc",
                "{subject}出让公告",
                T["rights_notice"],
                dict(
                    taxi,
                    subject="六安市城区公交候车亭广告位经营权（2027—2031年）",
                    owner=body_of("六安市城市管理局", "341500"),
                    overview="出让六安市城区公交候车亭广告位326个的经营权，经营期限5年，受让方负责候车亭日常维护保洁。",
                    start_price="3260000.00",
                    deposit="650000.00",
                    qualification="竞买人须为依法设立的企业法人，具有户外广告经营业绩，近三年无重大违法违规记录。",
                ),
                due_in=3,
                state="reviewed",
                subject="urban_rural",
            ),
            Rec(
                "emission.transfer_notice",
                "tc",
                "{subject}公告",
                T["rights_notice"],
                emission,
                ago=160,
                ref="emission-notice",
                subject="urban_rural",
                keywords="排污权",
            ),
            Rec(
                "emission.result",
                "tc",
                "{subject}成交结果公告",
                T["rights_deal"],
                emission,
                ago=135,
                links=[("emission-notice", "stage")],
                subject="urban_rural",
            ),
            Rec(
                "carbon.transfer_notice",
                "tc",
                "{subject}交易公告",
                T["rights_notice"],
                carbon,
                ago=350,
                ref="carbon-notice",
                subject="agriculture",
                keywords="碳汇,碳排放权",
            ),
            Rec(
                "carbon.result",
                "tc",
                "{subject}成交结果公告",
                T["rights_deal"],
                carbon,
                ago=328,
                links=[("carbon-notice", "stage")],
                subject="agriculture",
            ),
            # 住房保障：分配政策（旧办法废止）、政策解读、年度计划、分配对象（去标识化）、分配结果
            Rec(
                "housing.allocation_policy",
                "gov",
                "六安市人民政府关于印发六安市城区公共租赁住房保障管理办法的通知",
                LUAN_POLICY_OLD,
                {},
                ago=560,
                ref="policy-old",
                genre="measure",
                doc_no=f"六政〔{y(560)}〕9号",
                subject="urban_rural",
                validity=("repealed", "已被《六安市城区保障性住房管理办法》废止"),
            ),
            Rec(
                "housing.allocation_policy",
                "gov",
                "六安市人民政府关于印发六安市城区保障性住房管理办法的通知",
                LUAN_POLICY_NEW,
                {},
                ago=250,
                ref="policy-new",
                links=[("policy-old", "related")],
                genre="measure",
                doc_no=f"六政〔{y(250)}〕5号",
                subject="urban_rural",
                keywords="保障性住房,公共租赁住房",
            ),
            Rec(
                "housing.allocation_policy",
                "gov",
                "《六安市城区保障性住房管理办法》政策解读",
                LUAN_POLICY_READ,
                {},
                ago=246,
                ref="policy-read",
                links=[("policy-new", "interpretation")],
                genre="interpretation",
                subject="urban_rural",
            ),
            Rec(
                "housing.annual_plan",
                "gov",
                "六安市{plan_year}年城镇保障性安居工程年度建设计划",
                LUAN_HOUSING_PLAN,
                {
                    "plan_year": y(590),
                    "task_volume": "新筹集保障性租赁住房1200套（间），改造城镇老旧小区36个、惠及居民8600户。",
                    "projects": [
                        {
                            "name": "六安市经开区人才公寓（一期）",
                            "location": "六安经济技术开发区皋城东路",
                            "kind": "保障性租赁住房",
                            "units": 620,
                            "owner": "六安市城市建设投资有限公司",
                            "owner_uscc": "91341500035799107P",
                        },
                        {
                            "name": "金安区中市街道老旧小区改造",
                            "location": "金安区中市街道",
                            "kind": "老旧小区改造",
                            "units": 1860,
                            "owner": "六安市住房和城乡建设局",
                            "owner_uscc": "11341500638295805E",
                        },
                    ],
                },
                ago=590,
                genre="plan",
                subject="urban_rural",
                validity=("expired", "年度计划执行期已届满"),
            ),
            Rec(
                "housing.annual_plan",
                "gov",
                "六安市{plan_year}年城镇保障性安居工程年度建设计划",
                LUAN_HOUSING_PLAN,
                {
                    "plan_year": y(300),
                    "task_volume": "新筹集保障性租赁住房1500套（间），改造城镇老旧小区42个、惠及居民9800户，开工建设配售型保障性住房300套。",
                    "projects": [
                        {
                            "name": "六安市高新区青年公寓",
                            "location": "六安市高新区寿春东路",
                            "kind": "保障性租赁住房",
                            "units": 860,
                            "owner": "六安市城市建设投资有限公司",
                            "owner_uscc": "91341500035799107P",
                        },
                        {
                            "name": "裕安区西市街道老旧小区改造",
                            "location": "裕安区西市街道",
                            "kind": "老旧小区改造",
                            "units": 2140,
                            "owner": "六安市住房和城乡建设局",
                            "owner_uscc": "11341500638295805E",
                        },
                    ],
                },
                ago=300,
                genre="plan",
                subject="urban_rural",
            ),
            Rec(
                "housing.allocation_targets",
                "zjj",
                "{batch}保障对象资格审核结果公示",
                T["allocation_targets"] + "\n\n本批次经办人：王建国，联系电话：13905641234。",
                {
                    "authority": zjj_party,
                    "batch": f"六安市城区{y(100)}年第三批公共租赁住房",
                    "count": 4,
                    "applicants": [
                        {
                            "name": "陈秀英",
                            "household_size": 3,
                            "area": "金安区中市街道",
                            "guarantee_type": "城镇中等偏下收入住房困难家庭",
                        },
                        {
                            "name": "刘德明",
                            "household_size": 2,
                            "area": "金安区三里桥街道",
                            "guarantee_type": "城镇低收入住房困难家庭",
                        },
                        {
                            "name": "张桂兰",
                            "household_size": 1,
                            "area": "裕安区西市街道",
                            "guarantee_type": "城镇低保住房困难家庭",
                        },
                        {
                            "name": "吴海军",
                            "household_size": 4,
                            "area": "裕安区小华山街道",
                            "guarantee_type": "新就业无房职工",
                        },
                    ],
                },
                ago=100,
                ref="alloc-targets",
                mask=True,
                redacted=True,
                subject="urban_rural",
            ),
            Rec(
                "housing.allocation_result",
                "zjj",
                "{batch}配租结果公告",
                T["allocation_result"],
                {
                    "batch": f"六安市城区{y(100)}年第三批公共租赁住房",
                    "venue": "六安市住房保障服务中心",
                    "results": [
                        {
                            "name": "陈秀英",
                            "project_name": "六安市经开区人才公寓（一期）",
                            "unit": "3幢1单元502室",
                            "area": "58.6",
                        },
                        {
                            "name": "刘德明",
                            "project_name": "六安市经开区人才公寓（一期）",
                            "unit": "5幢2单元303室",
                            "area": "49.8",
                        },
                        {
                            "name": "张桂兰",
                            "project_name": "金安区东城公租房小区",
                            "unit": "2幢1单元201室",
                            "area": "40.2",
                        },
                    ],
                },
                ago=70,
                links=[("alloc-targets", "stage")],
                subject="urban_rural",
            ),
            Rec(
                "housing.rural_renovation_plan",
                "gov",
                "六安市{plan_year}年农村低收入群体等重点对象危房改造年度计划",
                "根据省住房城乡建设厅、省财政厅下达的年度任务，现将六安市{plan_year}年农村危房改造计划公布如下：\n\n全市计划完成农村低收入群体等重点对象危房改造{task_volume}户，各县区任务分解见附表。各县区应于年底前全部竣工并完成验收。",
                {
                    "plan_year": y(30) + 1,
                    "task_volume": 1260,
                    "distribution": "霍邱县320户、金寨县280户、舒城县210户、霍山县150户、叶集区60户、金安区130户、裕安区110户",
                },
                ago=30,
                state="approved",
                genre="plan",
                subject="urban_rural",
            ),
            # 信用：行政处罚、“黑名单”（惩戒性公示，确认公开个人信息）、违法违规处理、信誉业绩、行政许可
            Rec(
                "credit.penalty",
                "jgj",
                "六安市公共资源交易监督管理局行政处罚决定书（{decision_no}）",
                T["penalty"],
                {
                    "authority": "@jgj",
                    "party": xy,
                    "party_rep": "丁志军",
                    "decision_no": f"六公管罚〔{y(150)}〕3号",
                    "violation_type": "串通投标",
                    "facts": "当事人在参加六安市裕安区城南小学运动场改造工程投标活动中，与其他投标人的投标文件由同一单位编制，不同投标人的投标文件异常一致，属于串通投标行为。",
                    "legal_basis": "《中华人民共和国招标投标法》第三十二条",
                    "penalty_basis": "《中华人民共和国招标投标法》第五十三条",
                    "penalty_type": "罚款",
                    "penalty_text": "处中标项目金额千分之八的罚款，计人民币23,600.00元。",
                    "penalty_content": "处中标项目金额千分之八的罚款，计人民币23,600.00元",
                    "fine": "23600.00",
                },
                ago=150,
                lag=3,
                subject="market",
                keywords="行政处罚,串通投标",
            ),
            Rec(
                "credit.blacklist",
                "jgj",
                "关于将陈立新列入六安市公共资源交易评标专家“黑名单”的公告",
                T["blacklist"] + "\n\n当事人：陈立新（评标专家）",
                {
                    "authority": "@jgj",
                    "party": "陈立新",
                    "subject": "陈立新",
                    "list_type": "评标专家“黑名单”",
                    "subject_kind": "自然人",
                    "facts": "在担任六安市裕安区城南小学运动场改造工程评标委员会成员期间，私下接触投标人，未按照招标文件规定的评标标准和方法评标。",
                    "reason": "评标专家私下接触投标人，未按照招标文件规定的评标标准和方法评标",
                    "basis": "《中华人民共和国招标投标法实施条例》第七十一条、《六安市公共资源交易评标专家管理办法》第三十条",
                    "measures": "取消评标专家资格，三年内不得在本市公共资源交易活动中担任评标专家。",
                },
                ago=145,
                confirm=True,
                subject="market",
                keywords="黑名单,评标专家",
            ),
            Rec(
                "credit.construction_penalties",
                "zjj",
                "{party}弄虚作假骗取中标处理结果公告",
                "{authority}于{date_cn}对{party}作出处理决定（{decision_no}）。\n\n经查，{violation}\n\n依据{legal_basis}，决定：{result}",
                {
                    "authority": "@zjj",
                    "party": hy,
                    "party_role": "投标人",
                    "project": "六安市金安区东桥镇中心学校教学楼建设工程",
                    "decision_no": f"六建罚〔{y(110)}〕12号",
                    "violation": "该公司在投标文件中提供虚假的项目经理业绩证明材料，骗取中标。",
                    "legal_basis": "《中华人民共和国招标投标法》第五十四条",
                    "result": "中标无效；处中标项目金额千分之六的罚款，计人民币45,300.00元；一年内取消其在本市参加依法必须进行招标的项目的投标资格。",
                    "fine": "45300.00",
                },
                ago=110,
                subject="market",
            ),
            Rec(
                "credit.honours",
                "jgj",
                "关于{party}获得{honour}的信誉业绩信息",
                "{party}承建的六安市城区{year}年棚户区改造安置房工程荣获{awarding_body}授予的“{honour}”（{document_no}），现予公开。",
                {
                    "party": ph,
                    "honour": "安徽省建设工程“黄山杯”奖",
                    "level": "省部级",
                    "awarding_body": "安徽省住房和城乡建设厅",
                    "document_no": f"建质函〔{y(210)}〕88号",
                },
                ago=210,
                subject="market",
            ),
            # 综合：交易目录（旧版废止）、进场交易规模标准
            Rec(
                "general.trading_scope",
                "gov",
                "六安市公共资源交易目录（{year}年版）",
                LUAN_CATALOG.format(year=y(500)),
                {},
                ago=500,
                ref="catalog-old",
                genre="measure",
                doc_no=f"六政办〔{y(500)}〕3号",
                subject="economy",
                validity=("repealed", "已被新版《六安市公共资源交易目录》替代"),
            ),
            Rec(
                "general.trading_scope",
                "gov",
                "六安市公共资源交易目录（{year}年版）",
                LUAN_CATALOG.format(year=y(310)),
                {},
                ago=310,
                links=[("catalog-old", "related")],
                genre="measure",
                doc_no=f"六政办〔{y(310)}〕2号",
                subject="economy",
            ),
            Rec(
                "general.scale_thresholds",
                "gov",
                "六安市公共资源进场交易规模标准",
                LUAN_THRESHOLDS,
                {},
                ago=305,
                genre="measure",
                subject="economy",
            ),
        ],
    )


LUAN_POLICY_OLD = """
各县区人民政府，市政府各部门、各直属机构：
《六安市城区公共租赁住房保障管理办法》已经市政府常务会议研究同意，现印发给你们，请认真贯彻执行。

第一条　为规范城区公共租赁住房的申请、审核、配租和后续管理，根据《公共租赁住房管理办法》等规定，结合本市实际，制定本办法。
第二条　本办法适用于金安区、裕安区、六安经济技术开发区和高新区范围内政府投资建设或者筹集的公共租赁住房。
第三条　公共租赁住房保障对象为城镇中等偏下收入住房困难家庭、新就业无房职工和在城区稳定就业的外来务工人员。
第四条　申请、审核实行“三级审核、两级公示”，配租采取公开摇号方式进行。
第五条　本办法自印发之日起施行。
"""

LUAN_POLICY_NEW = """
各县区人民政府，市政府各部门、各直属机构：
《六安市城区保障性住房管理办法》已经市政府常务会议研究同意，现印发给你们，请认真贯彻执行。

第一条　为完善住房保障体系，规范保障性住房的建设、分配、运营和退出管理，根据国家和省有关规定，结合本市实际，制定本办法。
第二条　本办法所称保障性住房，包括公共租赁住房、保障性租赁住房和配售型保障性住房。
第三条　公共租赁住房面向城镇住房、收入困难家庭，实行实物保障与租赁补贴并举；保障性租赁住房面向新市民、青年人，不设收入线门槛。
第四条　保障性住房分配坚持公开、公平、公正，申请条件、审核程序、房源信息、分配过程和结果全过程公开。
第五条　本办法自印发之日起施行，原《六安市城区公共租赁住房保障管理办法》同时废止。
"""

LUAN_POLICY_READ = """
一、制定背景
为贯彻落实国家关于加快构建房地产发展新模式、完善住房保障体系的部署，解决新市民、青年人等群体住房困难，市住房城乡建设局起草了《六安市城区保障性住房管理办法》，经市政府常务会议审议通过后印发。

二、主要内容
《办法》共五章三十六条，明确了公共租赁住房、保障性租赁住房和配售型保障性住房三类保障性住房的保障对象、申请条件和分配方式，规定保障性住房分配实行申请条件、审核程序、房源信息、分配过程和结果“五公开”。

三、主要变化
与原办法相比，《办法》将保障性租赁住房和配售型保障性住房纳入管理，取消了新就业无房职工的收入限制，并建立了动态复核和退出机制。

四、解读机关
六安市住房和城乡建设局住房保障科。
"""

LUAN_HOUSING_PLAN = """
根据省住房城乡建设厅下达的目标任务，现将六安市{plan_year}年城镇保障性安居工程年度建设计划公开如下：

一、目标任务：{task_volume}
二、项目安排：年度计划项目的名称、位置、类型、套数和实施主体见附表。
三、工作要求：各项目实施主体应严格落实工程质量安全主体责任，确保按期开工、按期交付；各县区住房保障部门每月报送建设进度，市住房城乡建设局按季度公开计划完成情况。
"""

LUAN_CATALOG = """
根据《安徽省公共资源交易目录》和国务院办公厅关于推进公共资源配置领域政府信息公开的要求，现将六安市公共资源交易目录（{year}年版）公布如下：

一、工程建设项目招标投标：依法必须招标的房屋建筑和市政基础设施、交通、水利等工程项目的施工、勘察、设计、监理及与工程建设有关的重要设备、材料采购。
二、政府采购：集中采购目录以内或者限额标准以上的货物、工程和服务采购。
三、国有土地使用权和矿业权出让：经营性用地、工业用地使用权招标拍卖挂牌出让，矿业权招标拍卖挂牌出让。
四、国有产权交易：企业国有产权、国有资产转让，国有企业增资扩股。
五、其他公共资源交易：药品和医用耗材医用设备采购、林权、排污权、碳排放权、特许经营权、户外广告经营权等。

列入目录的公共资源交易项目，应当进入六安市公共资源交易中心或者依法设立的分中心交易。
"""

LUAN_THRESHOLDS = """
为规范公共资源进场交易行为，现将六安市公共资源进场交易规模标准公布如下：

一、工程建设项目：施工单项合同估算价在400万元以上，重要设备、材料等货物的采购单项合同估算价在200万元以上，勘察、设计、监理等服务的采购单项合同估算价在100万元以上的，必须进场公开招标。
二、政府采购：货物和服务类项目预算金额在200万元以上的，应当采用公开招标方式进场交易。
三、国有产权交易：国有企业产权转让和国有资产转让，无论金额大小，一律进场公开交易。

本标准自公布之日起执行。
"""


def hunchun(today: dt.date) -> Place:
    y = _years(today)
    ds = company("珲春鼎盛建筑工程有限公司", "222404", "珲春市靖和街道河南街88号", "金永哲")
    hd = company("延边恒达路桥工程有限公司", "222401", "延吉市长白山西路1188号")
    xh = company("吉林省兴华建设工程有限公司", "220104", "长春市朝阳区湖西路366号")
    hy = company("珲春华宇房地产开发有限公司", "222404", "珲春市新安街道珲春街199号")
    xd = company("珲春市兴达砂石开采有限公司", "222404", "珲春市英安镇英安村")
    zx = company("吉林省智讯信息技术有限公司", "220102", "长春市南关区人民大街3288号")
    db = company("珲春市东北亚商贸有限公司", "222404", "珲春市边境经济合作区合作大街2号")
    zd = company("延边正大会计师事务所有限公司", "222401", "延吉市光明街968号")
    hyl = company("珲春市宏远建筑劳务有限公司", "222404", "珲春市河南街道", "崔成浩")
    rk = company("延边瑞康医疗器械有限公司", "222401", "延吉市公园路326号")
    wy = company("珲春市安居物业服务有限公司", "222404", "珲春市靖和街道友谊路18号")
    school = body_of("珲春市第一高级中学", "222404", "12", "珲春市新安街道东山路8号")
    health = body_of("珲春市卫生健康局", "222404")

    road = {
        "project": f"珲春市{y(160)}年城区市政道路提升改造工程",
        "owner": "@ct",
        "agency": "@agency",
        "approver": body_of("珲春市发展和改革局", "222404"),
        "approval_no": f"珲发改审批字〔{y(160)}〕46号",
        "funding": "地方政府专项债券及自筹资金",
        "location": "珲春市城区河南街、新安街、靖和街",
        "scale": "改造道路6条，总长约5.8公里，同步改造雨污水管网及路灯",
        "scope": "道路路面翻建、人行道铺装、雨污水管网、路灯及交通设施工程，具体以工程量清单为准。",
        "qualification": "投标人须具备市政公用工程施工总承包二级及以上资质和有效的安全生产许可证；拟派项目经理须具备市政公用工程专业一级注册建造师执业资格和安全生产考核合格证书（B证）。",
        "duration_days": 180,
        "winner": hd,
        "second": ds,
        "third": xh,
        "price": "23648751.36",
        "second_price": "23905418.77",
        "third_price": "24136620.05",
        "winner_quals": "市政公用工程施工总承包一级；安全生产许可证（吉）JZ安许证字〔2018〕020176",
        "manager": "朴成镇",
        "manager_certificate": "一级注册建造师（市政公用工程）吉122181900356",
        "cert_kind": "一级注册建造师（市政公用工程）",
        "contract_name": f"珲春市{y(160)}年城区市政道路提升改造工程施工合同",
        "overview": "改造道路6条，总长约5.8公里，主要包括路面翻建、人行道铺装、雨污水管网、路灯及交通设施，计划工期180日历天。",
        "section": "一标段",
        "pub_period": "{pub_from_cn}至{pub_to_cn}（3日）",
    }
    road_cand = candidate_rows(
        road, ["朴成镇", "金永浩", "李春生"], ["吉122181900356", "吉122171600218", "吉122191700407"]
    )
    land = {
        "owner": "@zrj",
        "parcel": f"珲国土挂〔{y(240)}〕05号",
        "location": "珲春市靖和街道友谊路北侧、西环城路东侧",
        "area": "21580.00",
        "land_use": "城镇住宅用地",
        "term_years": 70,
        "plot_ratio": "1.5≤容积率≤2.0",
        "planning": "容积率1.5—2.0，建筑密度不大于28%，绿地率不小于35%，建筑限高45米。",
        "start_price": "45318000.00",
        "deposit": "9063600.00",
        "qualification": "中华人民共和国境内外的法人、自然人和其他组织均可申请参加竞买（法律、法规另有规定的除外），申请人可以单独申请，也可以联合申请。",
        "method": "挂牌",
        "winner": hy,
        "price": "49852000.00",
        "supply_method": "挂牌出让",
        "project": "珲春市靖和街道友谊路北侧住宅用地项目",
        "supervision_no": f"2224042{y(205)}B00031",
    }
    mine = {
        "project": "珲春市英安镇英安河道建筑用砂矿采矿权",
        "owner": "@zrj",
        "authority": body_of("珲春市人民政府", "222404"),
        "right_type": "采矿权",
        "mineral": "建筑用砂",
        "location": "珲春市英安镇英安村英安河河道",
        "coordinates": "矿区范围由4个拐点圈定：1号点X=4758210.12，Y=43520118.36；2号点X=4758316.40，Y=43520906.85；3号点X=4757902.63，Y=43520984.21；4号点X=4757820.55，Y=43520190.47（2000国家大地坐标系）",
        "area": "0.0862",
        "area_km2": "0.0862",
        "resources": "建筑用砂资源量约42.6万立方米",
        "term_years": 3,
        "start_price": "3860000.00",
        "deposit": "772000.00",
        "qualification": "竞买人须为依法设立的企业法人，具有与开采规模相适应的资金和技术能力，不接受联合竞买。",
        "method": "拍卖",
        "winner": xd,
        "price": "5120000.00",
        "licence_no": f"C2224042{y(380)}017130154216",
        "valid_to": add_years(today, 2),
    }
    meds = {
        "project": f"珲春市公立医疗机构{y(300)}年医用耗材（骨科创伤类）集中采购",
        "title": f"珲春市公立医疗机构{y(300)}年医用耗材（骨科创伤类）集中采购文件",
        "scope": "骨科创伤类医用耗材（接骨板、髓内钉、螺钉等）共46个品规，采购周期两年，采购量为全市公立医疗机构上年度使用量的80%。",
        "doc_url": "{site}medical/{year}-gkcs.pdf",
        "items": [
            {
                "product_name": "锁定加压接骨板",
                "specification": "直型 8孔",
                "packaging": "1块/盒",
                "manufacturer": "天津正天医疗器械有限公司",
                "price": "1180.00",
            },
            {
                "product_name": "股骨近端髓内钉",
                "specification": "Φ10×240mm",
                "packaging": "1套/盒",
                "manufacturer": "苏州施爱德医疗器械有限公司",
                "price": "4650.00",
            },
            {
                "product_name": "空心加压螺钉",
                "specification": "Φ6.5×80mm",
                "packaging": "1枚/盒",
                "manufacturer": "常州华森医疗器械有限公司",
                "price": "286.00",
            },
        ],
    }
    meds_typo = dict(meds, items=[dict(meds["items"][0], price="1810.00"), *meds["items"][1:]])
    procurement = {
        "project": "珲春市第一高级中学学生宿舍物业服务采购项目",
        "code": f"HCZC{y(200)}-032",
        "owner": school,
        "agency": "@agency",
        "method": "公开招标",
        "budget": "1680000.00",
        "scope": "为学生宿舍楼4栋（床位2400个）提供保洁、宿管、维修及安保服务，服务期一年。",
        "submission_deadline": "{deadline_cn}9时30分",
        "winner": wy,
        "price": "1596000.00",
        "main_items": [
            {
                "name": "学生宿舍物业服务",
                "quantity": "1",
                "unit_price": "1596000.00",
                "service_requirements": "服务期一年，驻场人员不少于28人",
            }
        ],
        "items_text": "学生宿舍物业服务1项，服务期一年",
        "experts": [
            {"name": "金光日"},
            {"name": "崔英爱"},
            {"name": "王海峰"},
            {"name": "李东浩"},
            {"name": "张丽娜"},
        ],
        "experts_text": "金光日、崔英爱、王海峰、李东浩、张丽娜",
        "contract_name": "珲春市第一高级中学学生宿舍物业服务合同",
        "contract_no": f"HCYG-WY-{y(165)}-01",
        "contract_text": "{site}contract/{code}.pdf",
        "subject": "学生宿舍物业服务（保洁、宿管、维修及安保）",
        "term_text": "一年",
    }
    equity = {
        "project": "珲春市城市建设投资有限公司所持珲春市边境商贸城有限公司60%股权转让",
        "code": f"HCCQ{y(260)}-004",
        "owner": "@ct",
        "overview": "珲春市边境商贸城有限公司注册资本5000万元，主营商铺租赁与物业管理，持有商铺312间、建筑面积约2.6万平方米。本次转让其60%股权。",
        "shareholders": [
            {"name": "珲春市城市建设投资有限公司", "share": "60"},
            {"name": "珲春市国有资产经营有限公司", "share": "40"},
        ],
        "qualification": "意向受让方应为依法设立并有效存续的企业法人，具有良好的财务状况和商业信用，不接受联合体受让。",
        "conditions": "受让方须承继标的企业现有租赁合同，保持商贸城经营业态稳定；成交后5个工作日内签订产权交易合同并一次性付清价款。",
        "method": "网络竞价",
        "winner": db,
        "price": "31260000.00",
        "start_price": "29800000.00",
        "auditor": zd,
    }
    common = {
        "jur": "珲春市",
        "centre": "珲春市公共资源交易中心",
        "centre_addr": "珲春市靖和街道行政中心综合楼",
        "platform": "吉林省公共资源交易公共服务平台（珲春市）",
        "site": "https://hunchun.ggzy.example.org/",
        "supervisor_name": "珲春市发展和改革局",
        "venue": "珲春市公共资源交易中心开标大厅（珲春市靖和街道行政中心综合楼）",
        "addr": {
            "ct": "珲春市新安街道口岸路66号",
            "agency": "珲春市靖和街道河南街160号",
            "zrj": "珲春市靖和街道行政中心",
        },
    }
    return Place(
        code="222404",
        slug="hunchun",
        orgs={
            "gov": "珲春市人民政府办公室",
            "tc": "珲春市公共资源交易中心",
            "zjj": "珲春市住房和城乡建设局",
            "czj": "珲春市财政局",
            "zrj": "珲春市自然资源局",
            "ct": "珲春市城市建设投资有限公司",
            "agency": "吉林东信招标代理有限公司",
        },
        extra=[
            ("fgj", "珲春市发展和改革局", "department", "11"),
            ("tdcb", "珲春市土地储备中心", "institution", "12"),
        ],
        facts=common,
        records=[
            # 医药集中采购（交易中心）
            Rec(
                "medical.work_plan",
                "tc",
                "珲春市{year}年公立医疗机构药品和医用耗材集中带量采购工作方案",
                HUNCHUN_MED_PLAN,
                {},
                ago=640,
                genre="plan",
                subject="health",
                validity=("expired", "该年度工作方案已执行完毕"),
            ),
            Rec(
                "medical.work_plan",
                "tc",
                "珲春市{year}年公立医疗机构药品和医用耗材集中带量采购工作方案",
                HUNCHUN_MED_PLAN,
                {},
                ago=90,
                genre="plan",
                subject="health",
            ),
            Rec(
                "medical.procurement_documents",
                "tc",
                "{title}",
                "根据{jur}公立医疗机构药品和医用耗材集中带量采购工作方案，现发布{project}文件。\n\n采购范围：{scope}\n\n有意参加的生产企业请于{doc_from_cn}至{doc_to_cn}登录{platform}下载采购文件并按要求提交申报材料。",
                meds,
                ago=300,
                ref="med-doc",
                subject="health",
            ),
            Rec(
                "medical.result",
                "tc",
                "珲春市公立医疗机构{year}年医用耗材（骨科创伤类）集中采购结果公示",
                "{project}已完成企业申报、专家评审和价格谈判。现将拟中选产品及价格予以公示（见附表），共{count}个产品拟中选，平均降幅52.6%。\n\n公示期：{pub_from_cn}至{pub_to_cn}。对公示结果有异议的企业，请在公示期内以书面形式向{centre}反映。",
                dict(meds_typo, count=3),
                ago=260,
                ref="med-result",
                links=[("med-doc", "stage")],
                subject="health",
                correct=("锁定加压接骨板中选价格录入有误，应为1,180.00元", {"items": meds["items"]}),
            ),
            Rec(
                "medical.adverse_records",
                "tc",
                "关于{party}不良记录的公告",
                "{party}在{jur}公立医疗机构医用耗材集中采购中，{misconduct}\n\n根据集中采购文件的约定，现将其列入不良记录，处理措施：{measures}",
                {
                    "party": rk,
                    "misconduct": "中选后无正当理由未按合同约定及时配送中选产品，经约谈后仍未整改，影响医疗机构临床使用。",
                    "measures": "取消其中选资格，自公告之日起两年内不得参加本市公立医疗机构药品和医用耗材集中采购。",
                    "authority": health,
                    "valid_to": None,
                },
                ago=180,
                subject="health",
                keywords="不良记录,医用耗材",
            ),
            Rec(
                "medical.procurement_documents",
                "tc",
                "{title}",
                "现发布{project}文件。\n\n采购范围：{scope}",
                dict(
                    meds,
                    project=f"珲春市公立医疗机构{y(60)}年医用耗材（眼科类）集中采购",
                    title=f"珲春市公立医疗机构{y(60)}年医用耗材（眼科类）集中采购文件",
                    scope="眼科类医用耗材（人工晶状体、黏弹剂等）共18个品规，采购周期两年。",
                ),
                ago=60,
                state="draft",
                subject="health",
            ),
            Rec(
                "medical.result",
                "tc",
                "珲春市公立医疗机构{year}年第二批药品集中带量采购结果公示",
                "{jur}公立医疗机构第二批药品集中带量采购已完成议价，现将中选结果予以公示（见附表）。",
                dict(
                    meds,
                    items=[
                        {
                            "product_name": "阿托伐他汀钙片",
                            "dosage_form": "片剂",
                            "specification": "20mg",
                            "packaging": "28片/盒",
                            "manufacturer": "吉林敖东延边药业股份有限公司",
                            "price": "9.86",
                        }
                    ],
                ),
                ago=45,
                state="submitted",
                subject="health",
            ),
            Rec(
                "medical.work_plan",
                "tc",
                "珲春市{next_year}年公立医疗机构医用耗材集中采购工作安排",
                "为做好{next_year}年全市公立医疗机构医用耗材集中采购工作，现就有关事项安排如下：\n\n一、采购品种：延续执行骨科创伤类、眼科类集中采购结果，新增血管介入类医用耗材。\n二、时间安排：{next_year}年第一季度完成需求报送，第二季度完成采购。",
                {"next_year": y(0) + 1},
                due_in=3,
                state="reviewed",
                genre="plan",
                subject="health",
            ),
            # 住房保障（住建局）
            Rec(
                "housing.annual_plan",
                "zjj",
                "珲春市{plan_year}年城镇保障性安居工程年度建设计划",
                HUNCHUN_HOUSING_PLAN,
                {
                    "plan_year": y(580),
                    "year": y(580),
                    "task_quantity": 420,
                    "planned_projects": [
                        {
                            "project_name": "珲春市河南街道老旧小区改造",
                            "location": "河南街道",
                            "housing_type": "老旧小区改造",
                            "unit_count": 320,
                            "owner": "珲春市住房和城乡建设局",
                            "owner_uscc": "1122240480790123XM",
                        },
                        {
                            "project_name": "珲春市人才公寓（二期）",
                            "location": "靖和街道",
                            "housing_type": "保障性租赁住房",
                            "unit_count": 100,
                        },
                    ],
                    "planned_unit_types": [
                        {"unit_type": "一室一厅", "floor_area": "45", "unit_count": 60},
                        {"unit_type": "两室一厅", "floor_area": "60", "unit_count": 40},
                    ],
                },
                ago=580,
                genre="plan",
                subject="urban_rural",
                validity=("expired", "年度计划执行期已届满"),
            ),
            Rec(
                "housing.annual_plan",
                "zjj",
                "珲春市{plan_year}年城镇保障性安居工程年度建设计划",
                HUNCHUN_HOUSING_PLAN,
                {
                    "plan_year": y(310),
                    "year": y(310),
                    "task_quantity": 560,
                    "planned_projects": [
                        {
                            "project_name": "珲春市新安街道老旧小区改造",
                            "location": "新安街道",
                            "housing_type": "老旧小区改造",
                            "unit_count": 460,
                            "owner": "珲春市住房和城乡建设局",
                            "owner_uscc": "1122240480790123XM",
                        },
                        {
                            "project_name": "珲春市人才公寓（三期）",
                            "location": "靖和街道",
                            "housing_type": "保障性租赁住房",
                            "unit_count": 100,
                        },
                    ],
                    "planned_unit_types": [
                        {"unit_type": "一室一厅", "floor_area": "45", "unit_count": 50},
                        {"unit_type": "两室一厅", "floor_area": "62", "unit_count": 50},
                    ],
                },
                ago=310,
                genre="plan",
                subject="urban_rural",
            ),
            Rec(
                "housing.allocation_policy",
                "zjj",
                "珲春市公共租赁住房管理实施细则",
                HUNCHUN_POLICY,
                {},
                ago=400,
                ref="hc-policy",
                genre="measure",
                doc_no=f"珲住建发〔{y(400)}〕12号",
                subject="urban_rural",
            ),
            Rec(
                "housing.allocation_policy",
                "zjj",
                "《珲春市公共租赁住房管理实施细则》解读",
                HUNCHUN_POLICY_READ,
                {},
                ago=396,
                links=[("hc-policy", "interpretation")],
                genre="interpretation",
                subject="urban_rural",
            ),
            Rec(
                "housing.allocation_targets",
                "zjj",
                "珲春市{batch}公共租赁住房保障对象审核结果公示",
                T["allocation_targets"] + "\n\n经办人：李美善，联系电话：13843356728。",
                {
                    "authority": "@zjj",
                    "batch": f"{y(120)}年第二批",
                    "count": 3,
                    "pub_period": "{pub_from_cn}至{pub_to_cn}",
                    "applicants": [
                        {
                            "applicant_name": "金美玉",
                            "household_size": 2,
                            "guarantee_type": "城镇低收入住房困难家庭",
                            "review_result": "符合条件",
                        },
                        {
                            "applicant_name": "王德福",
                            "household_size": 3,
                            "guarantee_type": "城镇中等偏下收入住房困难家庭",
                            "review_result": "符合条件",
                        },
                        {
                            "applicant_name": "崔顺姬",
                            "household_size": 1,
                            "guarantee_type": "城镇低保住房困难家庭",
                            "review_result": "符合条件",
                        },
                    ],
                },
                ago=120,
                ref="hc-targets",
                mask=True,
                redacted=True,
                subject="urban_rural",
            ),
            Rec(
                "housing.allocation_result",
                "zjj",
                "珲春市{batch}公共租赁住房配租结果公告",
                T["allocation_result"],
                {
                    "batch": f"{y(120)}年第二批",
                    "venue": "珲春市政务服务中心一楼大厅",
                    "results": [
                        {
                            "recipient_name": "金美玉",
                            "project_name": "珲春市人才公寓（二期）",
                            "building_unit": "2号楼3单元401室",
                            "unit_type": "一室一厅",
                            "floor_area": "45.2",
                        },
                        {
                            "recipient_name": "王德福",
                            "project_name": "珲春市人才公寓（二期）",
                            "building_unit": "1号楼2单元202室",
                            "unit_type": "两室一厅",
                            "floor_area": "60.5",
                        },
                    ],
                },
                ago=85,
                links=[("hc-targets", "stage")],
                subject="urban_rural",
            ),
            Rec(
                "housing.rural_renovation_subsidy",
                "zjj",
                "珲春市{year}年农村危房改造补助资金分配公示",
                "根据省、州下达的农村危房改造补助资金，经乡镇申报、住建局审核，现将{year}年农村危房改造补助资金分配情况予以公示（见附表）。补助标准：{subsidy_standard}",
                {
                    "total_amount": "384000.00",
                    "subsidy_standard": "C级危房每户补助1.5万元，D级危房每户补助3.2万元",
                    "allocations": [
                        {
                            "household_head": "朴龙洙",
                            "township": "春化镇",
                            "village": "草帽村",
                            "amount": "32000.00",
                        },
                        {
                            "household_head": "赵玉芬",
                            "township": "敬信镇",
                            "village": "防川村",
                            "amount": "15000.00",
                        },
                    ],
                },
                ago=220,
                subject="urban_rural",
            ),
            # 土地（自然资源局）
            Rec(
                "land.supply_plan",
                "zrj",
                "珲春市{year}年度国有建设用地供应计划",
                "经珲春市人民政府批准，现将{year}年度国有建设用地供应计划公布如下：计划供应国有建设用地{total_area}公顷，其中工矿仓储用地62.40公顷、商服用地8.60公顷、住宅用地21.30公顷、公共管理与公共服务用地15.75公顷。",
                {
                    "total_area": "108.05",
                    "by_use": [
                        {"land_use": "工矿仓储用地", "area": "62.40"},
                        {"land_use": "商服用地", "area": "8.60"},
                        {"land_use": "住宅用地", "area": "21.30"},
                        {"land_use": "公共管理与公共服务用地", "area": "15.75"},
                    ],
                },
                ago=300,
                genre="plan",
                subject="land_resources",
            ),
            Rec(
                "land.transfer_notice",
                "zrj",
                "珲春市国有建设用地使用权挂牌出让公告（{parcel}）",
                T["land_notice"],
                land,
                ago=240,
                ref="hc-land-notice",
                subject="land_resources",
                keywords="国有建设用地,挂牌出让",
            ),
            Rec(
                "land.transaction_publicity",
                "zrj",
                "{parcel}地块国有建设用地使用权成交公示",
                T["land_deal"],
                dict(land, price="48952000.00"),
                ago=205,
                ref="hc-land-deal",
                links=[("hc-land-notice", "stage")],
                subject="land_resources",
                correct=("成交价录入有误，应为49,852,000.00元", {"price": "49852000.00"}),
            ),
            Rec(
                "land.supply_result",
                "zrj",
                "{project}供应结果公示",
                "{owner}与{winner}于{date_cn}签订国有建设用地使用权出让合同，现将供应结果公示如下：\n\n项目名称：{project}；土地位置：{location}；面积：{area}平方米；土地用途：{land_use}；供应方式：{supply_method}；成交价格：{price_yuan}；土地使用权人：{winner}。",
                land,
                ago=190,
                late=4,
                links=[("hc-land-deal", "stage")],
                subject="land_resources",
            ),
            Rec(
                "land.transfer_notice",
                "zrj",
                "珲春市国有建设用地使用权挂牌出让公告（{parcel}）",
                T["land_notice"],
                dict(
                    land,
                    parcel=f"珲国土挂〔{y(130)}〕09号",
                    location="珲春市边境经济合作区图们江路南侧",
                    area="46210.00",
                    land_use="工业用地",
                    term_years=50,
                    plot_ratio="1.0≤容积率≤1.8",
                    start_price="9704100.00",
                    deposit="1940820.00",
                ),
                ago=130,
                withdraw="因竞买人资格条件设置需调整，本次挂牌出让公告撤回，调整后另行公告。",
                subject="land_resources",
            ),
            # 矿业权（自然资源局）
            Rec(
                "mining.transfer_notice",
                "zrj",
                "{project}拍卖出让公告",
                T["mining_notice"],
                mine,
                ago=450,
                ref="hc-mine-notice",
                subject="land_resources",
            ),
            Rec(
                "mining.transaction_publicity",
                "zrj",
                "{project}出让结果公示",
                T["mining_deal"],
                mine,
                ago=420,
                ref="hc-mine-deal",
                links=[("hc-mine-notice", "stage")],
                subject="land_resources",
            ),
            Rec(
                "mining.approval_result",
                "zrj",
                "{project}审批结果公开",
                T["mining_approval"],
                dict(mine, authority="@zrj"),
                ago=380,
                links=[("hc-mine-deal", "stage")],
                subject="land_resources",
            ),
            # 政府采购（代理机构、财政局）
            Rec(
                "procurement.notice",
                "agency",
                "{project}公开招标公告",
                T["procurement_notice"],
                procurement,
                ago=200,
                ref="hc-proc-notice",
                subject="education",
            ),
            Rec(
                "procurement.result",
                "agency",
                "{project}中标结果公告",
                T["procurement_result"],
                procurement,
                ago=175,
                lag=1,
                ref="hc-proc-result",
                links=[("hc-proc-notice", "stage")],
                subject="education",
            ),
            Rec(
                "procurement.contract",
                "agency",
                "{contract_name}公告",
                T["procurement_contract"],
                procurement,
                ago=166,
                lag=1,
                links=[("hc-proc-result", "stage")],
                genre="contract",
                subject="education",
            ),
            Rec(
                "procurement.complaint_decision",
                "czj",
                "珲春市财政局政府采购投诉处理决定书（{decision_no}）",
                "投诉人{complainant}因对{project}中标结果不满，于{open_cn}向本机关提起投诉。\n\n投诉事项：{complaint_matters}\n\n经调查：{findings}\n\n处理决定：{decision}",
                dict(
                    procurement,
                    complainant=zx,
                    party=wy,
                    decision_no=f"珲财采诉决〔{y(140)}〕2号",
                    authority="@czj",
                    complaint_matters="中标供应商驻场人员数量不满足采购文件实质性要求。",
                    findings="经查阅投标文件和评审记录，中标供应商承诺驻场人员30人，满足采购文件不少于28人的要求，评审过程符合规定。",
                    decision="根据《政府采购质疑和投诉办法》第二十九条第（二）项，投诉事项缺乏事实依据，驳回投诉。",
                ),
                ago=140,
                genre="decision",
                subject="finance",
            ),
            Rec(
                "procurement.notice",
                "agency",
                "{project}公开招标公告",
                T["procurement_notice"],
                dict(
                    procurement,
                    project="珲春市第一高级中学食堂食材配送服务采购项目",
                    code=f"HCZC{y(95)}-058",
                    budget="2350000.00",
                    scope="为学校食堂配送米面粮油、肉禽蛋、蔬菜水果等食材，服务期一年。",
                ),
                ago=95,
                withdraw="采购人预算调整，本项目终止采购，原公告撤回。",
                subject="education",
            ),
            # 国有产权（城投公司）
            Rec(
                "property.project_info",
                "ct",
                "{project}项目信息公告",
                "{project}项目在{platform}公开挂牌，现将项目信息公告如下：\n\n标的概况：{overview}\n\n受让方资格条件：{qualification}\n\n交易条件：{conditions}\n\n信息披露期：{listing_period}。",
                equity,
                ago=260,
                ref="hc-equity",
                subject="state_assets",
            ),
            Rec(
                "property.transaction_price",
                "ct",
                "{project}交易结果公告",
                "{project}项目信息披露期满后，经{method}，由{winner}以{price_yuan}受让。现将交易价格予以公告。",
                equity,
                ago=215,
                links=[("hc-equity", "stage")],
                subject="state_assets",
            ),
            # 工程建设（城投公司）：招标公告 → 中标候选人 → 中标结果（更正） → 合同
            Rec(
                "construction.tender_notice",
                "ct",
                "{project}施工招标公告",
                T["tender_notice"],
                road,
                ago=160,
                ref="hc-road-notice",
                subject="urban_rural",
            ),
            Rec(
                "construction.candidates",
                "ct",
                "{project}中标候选人公示",
                T["candidates"],
                road,
                ago=132,
                lag=1,
                ref="hc-road-cand",
                links=[("hc-road-notice", "stage")],
                f={"candidates": road_cand},
                subject="urban_rural",
            ),
            Rec(
                "construction.award",
                "ct",
                "{project}中标结果公告",
                T["award"],
                dict(road, duration_days=150),
                ago=125,
                ref="hc-road-award",
                links=[("hc-road-cand", "stage")],
                subject="urban_rural",
                correct=("工期录入有误，应为180日历天", {"duration_days": 180}),
            ),
            Rec(
                "construction.contract",
                "ct",
                "{contract_name}订立信息公开",
                T["contract"],
                road,
                ago=110,
                links=[("hc-road-award", "stage")],
                genre="contract",
                subject="urban_rural",
            ),
            Rec(
                "general.transaction_process",
                "ct",
                "{project}开标记录",
                "{project}于{date_cn}9时30分在{venue}开标。投标截止时间前共有7家投标人递交了电子投标文件，经解密均有效。开标过程由{supervisor_name}现场监督。",
                dict(
                    road,
                    step="开标",
                    details="投标截止时间前共有7家投标人递交电子投标文件，解密成功7家；最高投标报价24,986,310.20元，最低投标报价23,648,751.36元。",
                ),
                ago=138,
                subject="urban_rural",
            ),
            # 信用、综合（发展改革局）
            Rec(
                "credit.blacklist",
                "fgj",
                "关于将{party}列入公共资源配置领域“黑名单”的公告",
                T["blacklist"],
                {
                    "party": hyl,
                    "party_rep": "崔成浩",
                    "authority": "@fgj",
                    "decision_no": f"珲发改信〔{y(100)}〕7号",
                    "basis": "《珲春市公共资源配置领域“黑名单”管理办法》第八条",
                    "facts": "在珲春市城区供热管网改造工程投标中伪造项目经理社保缴纳证明，骗取中标。",
                    "reason": "伪造证明材料骗取中标",
                    "measures": "三年内禁止参加本市公共资源交易活动，并推送至全国信用信息共享平台实施联合惩戒。",
                },
                ago=100,
                subject="market",
                keywords="黑名单,失信惩戒",
            ),
            Rec(
                "general.annual_progress",
                "fgj",
                "珲春市{year}年推进公共资源配置领域政府信息公开工作进展情况",
                HUNCHUN_PROGRESS,
                {
                    "year": y(300) - 1,
                    "progress": "全年主动公开公共资源配置领域信息1,286条，其中工程建设项目招标投标信息512条、政府采购信息398条、国有土地使用权和矿业权出让信息146条，按时公开率98.6%。",
                },
                ago=300,
                genre="report",
                subject="economy",
            ),
        ],
    )


HUNCHUN_MED_PLAN = """
为深化医药卫生体制改革，降低群众用药负担，根据国家和省关于药品、医用耗材集中带量采购的部署，制定本方案。

一、采购范围：全市公立医疗机构（含医保定点社会办医疗机构自愿参加）临床使用的国家和省级集中带量采购以外的部分药品和医用耗材。
二、采购方式：由市公共资源交易中心统一组织，以公立医疗机构上年度实际使用量为基础确定采购量，采取带量采购、以量换价。
三、工作安排：第一季度完成采购需求报送，第二季度完成企业申报、评审和议价，第三季度起执行中选结果。
四、监督管理：中选结果和不良记录在交易平台公开，接受社会监督。
"""

HUNCHUN_HOUSING_PLAN = """
根据吉林省下达的城镇保障性安居工程目标任务，现将珲春市{plan_year}年年度建设计划公开如下：

一、任务数量：{plan_year}年计划实施城镇保障性安居工程{task_quantity}套（户）。
二、项目安排：计划项目的名称、位置、类型、套数和实施主体，以及户型面积见附表。
三、保障措施：落实项目资金和用地，严格工程质量安全监管，按季度公开计划完成情况。
"""

HUNCHUN_POLICY = """
第一条　为规范本市公共租赁住房的申请、审核、配租、使用和退出管理，根据《公共租赁住房管理办法》《吉林省城镇保障性住房管理办法》，制定本细则。
第二条　申请公共租赁住房应当同时具备下列条件：具有本市城镇户籍或者在本市稳定就业；在本市无自有住房或者人均住房建筑面积低于15平方米；家庭收入、财产符合规定标准。
第三条　公共租赁住房配租实行申请、审核、公示、轮候、摇号配租制度，审核结果和配租结果均予公示。
第四条　承租人租赁期满需要续租的，应当在期满前3个月提出申请，经审核符合条件的，准予续租。
第五条　本细则自发布之日起施行。
"""

HUNCHUN_POLICY_READ = """
一、为什么制定《细则》
近年来我市公共租赁住房房源逐步增加，原有管理规定已不能适应申请审核、动态管理和退出的需要，有必要制定实施细则，进一步规范公共租赁住房管理。

二、《细则》的主要内容
《细则》明确了申请条件、审核程序、配租方式、租金标准、续租和退出管理，规定审核结果和配租结果必须公示。

三、申请人如何办理
申请人可向户籍所在地或者工作单位所在地的街道（乡镇）提出申请，也可通过“吉事办”平台在线申请。
"""

HUNCHUN_PROGRESS = """
{year}年，我市认真贯彻落实国务院办公厅关于推进公共资源配置领域政府信息公开的意见，按照《珲春市公共资源配置领域信息公开目录》，扎实推进各领域信息公开工作。

一、总体情况：{progress}
二、主要做法：统一公开渠道，依托市政府门户网站和公共资源交易平台集中公开；建立“谁批准、谁公开，谁实施、谁公开，谁制作、谁公开”的责任机制；开展季度检查并通报。
三、存在问题和下一步工作：部分单位履约信息公开不够及时，下一步将加强培训和督查，推动公开质量持续提升。
"""


def tinghu(today: dt.date) -> Place:
    y = _years(today)
    hh = company("江苏黄海路桥工程有限公司", "320902", "盐城市亭湖区新洋街道开放大道88号")
    yd = company("盐城市盐都建设工程有限公司", "320903", "盐城市盐都区潘黄街道世纪大道1166号")
    hl = company("盐城市华龙市政工程有限公司", "320902", "盐城市亭湖区五星街道建军东路52号")
    ht = company("盐城恒通置业有限公司", "320902", "盐城市亭湖区毓龙东路118号")
    ddh = company("江苏丹顶鹤医疗器械有限公司", "320902", "盐城市亭湖区环保科技城纬一路8号")
    zh = company("盐城智汇信息科技有限公司", "320902", "盐城市亭湖区文港南路5号")
    hy = company("盐城海韵温泉度假有限公司", "320902", "盐城市亭湖区黄尖镇")
    dsh = company("盐城鼎盛商业管理有限公司", "320902", "盐城市亭湖区解放南路216号")
    cj = company("盐城市诚建建筑劳务有限公司", "320902", "盐城市亭湖区南洋镇", "周海波")
    sf = company("盐城市顺发建材贸易有限公司", "320902", "盐城市亭湖区便仓镇", "吴建新")
    bk = company("江苏百康医用材料有限公司", "320903", "盐城市盐都区高新区科创路9号")
    jt = body_of("盐城市亭湖区交通运输局", "320902", address="盐城市亭湖区青年东路58号")

    road = {
        "project": f"亭湖区{y(230)}年农村公路提档升级工程（一标段）",
        "code": f"TH-JS-{y(230)}-046",
        "owner": jt,
        "agency": company("江苏盐阜工程咨询有限公司", "320902", "盐城市亭湖区人民中路66号"),
        "approver": "@fgw",
        "approval_no": f"亭发改审〔{y(250)}〕37号",
        "location": "盐城市亭湖区南洋镇、新兴镇、盐东镇",
        "scale": "提档升级农村公路12条，总长约26.4公里，路面宽度6米",
        "scope": "路基拓宽、水泥混凝土路面、桥涵接长、交通安全设施等，具体以工程量清单为准。",
        "overview": "本工程提档升级农村公路12条，总长约26.4公里，计划工期150日历天。",
        "qualification": "投标人须具备公路工程施工总承包三级及以上资质和有效的安全生产许可证；拟派项目经理须具备公路工程专业二级及以上注册建造师执业资格。",
        "duration_days": 150,
        "winner": hh,
        "second": yd,
        "third": hl,
        "price": "31462800.00",
        "second_price": "31720563.50",
        "third_price": "31987104.26",
        "winner_quals": "公路工程施工总承包二级；安全生产许可证（苏）JZ安许证字〔2017〕090233",
        "cert_kind": "二级注册建造师（公路工程）",
        "bid_evaluation": "评标委员会由5人组成，采用经评审的最低投标价法，共7家投标人，均通过初步评审。",
        "award_reasons": "第一中标候选人的投标报价为经评审的最低投标价，且满足招标文件实质性要求。",
        "contract_name": f"亭湖区{y(230)}年农村公路提档升级工程（一标段）施工合同",
        "provisional_sums": "800000.00",
        "approval_type": "审批",
        "tender_method": "公开招标",
        "tender_org": "委托招标",
    }
    road_cand = candidate_rows(
        road, ["顾海军", "张成林", "孙立民"], ["苏232151600417", "苏232141708823", "苏232161900315"]
    )
    land = {
        "owner": "@zrfj",
        "transferor": "盐城市自然资源和规划局亭湖分局",
        "parcel": f"亭挂（{y(260)}）08号",
        "plot_ratio": "1.6≤容积率≤2.2",
        "location": "亭湖区毓龙东路南侧、青年东路北侧",
        "area": "32680.50",
        "land_use": "城镇住宅用地",
        "term_years": 70,
        "planning": "容积率1.6—2.2，建筑密度不大于25%，绿地率不小于35%，建筑限高54米。",
        "start_price": "196083000.00",
        "deposit": "39216600.00",
        "method": "挂牌",
        "schedule": "挂牌时间：{deadline_cn}至{deal_day_cn}；挂牌地点：{venue}。",
        "qualification": "中华人民共和国境内外的法人、自然人和其他组织均可申请参加竞买（法律、法规另有规定的除外）。",
        "winner": ht,
        "price": "211520000.00",
        "contract_no": f"3209022{y(228)}B00112",
        "grantee": ht,
        "payment_status": "出让价款已于合同约定期限内全部缴清",
        "start": today - dt.timedelta(days=150),
        "actual_start": today - dt.timedelta(days=140),
    }
    proc = {
        "project": "盐城市亭湖区人民医院智慧病房信息化建设项目",
        "code": f"THZC{y(150)}-117",
        "owner": body_of("盐城市亭湖区人民医院", "320902", "12", "盐城市亭湖区建军东路75号"),
        "agency": company("江苏盐阜工程咨询有限公司", "320902", "盐城市亭湖区人民中路66号"),
        "method": "公开招标",
        "budget": "2860000.00",
        "scope": "建设智慧病房床旁交互系统、护理白板系统和移动护理系统，覆盖病区12个、床位600张。",
        "qualification": "供应商须满足《政府采购法》第二十二条规定的条件，未被列入失信被执行人和政府采购严重违法失信行为记录名单。",
        "winner": zh,
        "price": "2718000.00",
        "main_items": [
            {"name": "床旁交互终端", "spec": "15.6英寸", "quantity": "600", "unit_price": "3200.00"},
            {"name": "护理信息系统软件", "spec": "V3.0", "quantity": "1", "unit_price": "798000.00"},
        ],
        "experts": "顾志强、陈红梅、王建东、许晓光、杨春华",
        "items_text": "床旁交互终端600台、护理信息系统软件1套",
        "experts_text": "顾志强、陈红梅、王建东、许晓光、杨春华",
        "contract_name": "盐城市亭湖区人民医院智慧病房信息化建设项目采购合同",
        "contract_no": f"THRMYY-{y(112)}-HT021",
        "subject": "床旁交互终端600台、护理信息系统软件1套及实施服务",
        "doc_url": "{site}zfcg/{code}.pdf",
    }
    geo = {
        "project": "盐城市亭湖区黄尖镇地热资源（地热水）采矿权",
        "owner": "@zrfj",
        "transferor": "盐城市自然资源和规划局亭湖分局",
        "authority": body_of("江苏省自然资源厅", "320000"),
        "right_type": "采矿权",
        "mineral": "地热（地热水）",
        "location": {
            "textarea": "盐城市亭湖区黄尖镇，矿区范围由4个拐点圈定，开采深度1200米至2100米",
            "text": "盐城市亭湖区黄尖镇",
        },
        "area": "1.2600",
        "area_km2": "1.2600",
        "resources": "可开采热水量约800立方米/日",
        "term_years": 10,
        "start_price": "2850000.00",
        "deposit": "570000.00",
        "method": "挂牌",
        "qualification": "竞买人须为依法设立的企业法人，具备地热资源开发利用的资金和技术能力。",
        "schedule": "挂牌时间：{deadline_cn}至{deal_day_cn}",
        "winner": hy,
        "price": "3316000.00",
    }
    shop = {
        "subject": "盐城市亭湖区城市资产投资集团有限公司所持解放南路216号商业用房（建筑面积1,862平方米）",
        "project": "亭湖区解放南路216号商业用房转让项目",
        "owner": "@ct",
        "subject_details": "位于亭湖区解放南路216号，建筑面积1,862平方米，框架结构，现空置。",
        "start_price": "16758000.00",
        "qualification": "意向受让方应为依法设立的企业法人或者具有完全民事行为能力的自然人。",
        "method": "网络竞价",
        "winner": dsh,
        "price": "17926000.00",
        "authority": body_of("盐城市亭湖区人民政府", "320902"),
        "decision": "经集团党委会、董事会研究，同意公开转让该商业用房，转让底价不低于评估值。",
        "approval_no": f"亭政复〔{y(225)}〕21号",
    }
    consumables = {
        "project": f"盐城市亭湖区公立医疗机构{y(170)}年第一批医用耗材集中采购",
        "procurement_docs": "采购范围为一次性使用输液器、注射器、留置针等基础医用耗材，采购周期一年。",
        "qualification_results": [
            {
                "enterprise": ddh.name,
                "enterprise_uscc": ddh.uscc,
                "product": "一次性使用静脉留置针",
                "registration_no": "苏械注准20202140512",
                "result": "通过",
            },
            {
                "enterprise": bk.name,
                "enterprise_uscc": bk.uscc,
                "product": "一次性使用输液器",
                "registration_no": "苏械注准20192140877",
                "result": "通过",
            },
        ],
        "quotations": [
            {
                "enterprise": ddh.name,
                "enterprise_uscc": ddh.uscc,
                "product": "一次性使用静脉留置针",
                "spec": "22G",
                "price": "3.60",
            },
            {
                "enterprise": bk.name,
                "enterprise_uscc": bk.uscc,
                "product": "一次性使用输液器",
                "spec": "带针",
                "price": "0.98",
            },
        ],
        "shortlist": [
            {
                "enterprise": ddh.name,
                "enterprise_uscc": ddh.uscc,
                "product": "一次性使用静脉留置针",
                "spec": "22G",
                "price": "3.60",
            },
            {
                "enterprise": bk.name,
                "enterprise_uscc": bk.uscc,
                "product": "一次性使用输液器",
                "spec": "带针",
                "price": "0.98",
            },
        ],
    }
    consumables_typo = dict(
        consumables, shortlist=[dict(consumables["shortlist"][0], price="6.30"), consumables["shortlist"][1]]
    )
    pre_award = ("winner", "second", "third", "price", "bid_evaluation", "award_reasons", "provisional_sums")
    notice_only = dict.fromkeys(
        (
            "tender_conditions",
            "project_overview",
            "bidder_requirements",
            "tender_docs_obtaining",
            "bid_deadline",
            "bid_submission",
        )
    )
    return Place(
        code="320902",
        slug="tinghu",
        orgs={
            "gov": "盐城市亭湖区人民政府办公室",
            "tc": "盐城市亭湖区公共资源交易中心",
            "zjj": "盐城市亭湖区住房和城乡建设局",
            "czj": "盐城市亭湖区财政局",
            "ct": "盐城市亭湖区城市资产投资集团有限公司",
        },
        extra=[
            ("zrfj", "盐城市自然资源和规划局亭湖分局", "department", "11"),
            ("fgw", "盐城市亭湖区发展和改革委员会", "department", "11"),
            ("wjw", "盐城市亭湖区卫生健康委员会", "department", "11"),
        ],
        facts={
            "jur": "亭湖区",
            "centre": "盐城市亭湖区公共资源交易中心",
            "centre_addr": "盐城市亭湖区政务服务中心四楼",
            "platform": "盐城市公共资源交易网（亭湖分网）",
            "site": "https://tinghu.ggzy.example.org/",
            "supervisor_name": "盐城市亭湖区政务服务管理办公室",
            "venue": "盐城市亭湖区公共资源交易中心开标室（亭湖区政务服务中心四楼）",
            "objection": "对评标结果有异议的，应当在公示期间以书面形式向招标人提出；对异议答复不满意的，可以向亭湖区交通运输局投诉。",
            "addr": {
                "tc": "盐城市亭湖区政务服务中心四楼",
                "ct": "盐城市亭湖区解放南路216号",
                "zrfj": "盐城市亭湖区青年东路36号",
            },
        },
        records=[
            # 综合：交易目录（旧版废止）
            Rec(
                "general.trading_catalogue",
                "gov",
                "盐城市亭湖区公共资源交易目录（{year}年版）",
                TINGHU_CATALOG,
                {
                    "title": "盐城市亭湖区公共资源交易目录（{year}年版）",
                    "doc_no": f"亭政办发〔{y(520)}〕6号",
                    "scope": "工程建设项目招标投标、政府采购、国有土地使用权和矿业权出让、国有产权交易、医用耗材采购及其他公共资源交易",
                    "thresholds": "施工单项合同估算价400万元以上、货物200万元以上、服务100万元以上的依法必须招标项目，全部进场交易",
                },
                ago=520,
                genre="measure",
                doc_no=f"亭政办发〔{y(520)}〕6号",
                subject="economy",
                validity=("repealed", "已被新版交易目录替代"),
            ),
            Rec(
                "general.trading_catalogue",
                "gov",
                "盐城市亭湖区公共资源交易目录（{year}年版）",
                TINGHU_CATALOG,
                {
                    "title": "盐城市亭湖区公共资源交易目录（{year}年版）",
                    "doc_no": f"亭政办发〔{y(300)}〕3号",
                    "scope": "工程建设项目招标投标、政府采购、国有土地使用权和矿业权出让、国有产权交易、医用耗材采购、农村集体产权交易及其他公共资源交易",
                    "thresholds": "施工单项合同估算价400万元以上、货物200万元以上、服务100万元以上的依法必须招标项目，全部进场交易；200万元以下的小型工程进入小型项目交易平台",
                },
                ago=300,
                genre="measure",
                doc_no=f"亭政办发〔{y(300)}〕3号",
                subject="economy",
            ),
            # 工程建设：审批 → 招标公告 → 中标候选人 → 中标结果（更正） → 合同
            Rec(
                "construction.approval",
                "fgw",
                "关于{project}初步设计及招标方案的批复",
                "{owner}：\n\n你单位报送的{project}初步设计及招标方案收悉。经研究，批复如下：\n\n一、建设规模：{scale}。\n二、招标范围：{scope}\n三、招标方式：公开招标，委托招标代理机构组织实施。\n\n请严格按照批复内容组织建设，依法依规开展招标投标活动。",
                dict(road, authority="@fgw", code=f"2506-320902-04-01-{y(250) % 100:02d}3617"),
                ago=250,
                ref="th-approval",
                genre="decision",
                doc_no=f"亭发改审〔{y(250)}〕37号",
                subject="transport",
            ),
            Rec(
                "construction.tender_to_award",
                "tc",
                "{project}招标公告",
                T["tender_notice"],
                _without(road, *pre_award),
                ago=230,
                ref="th-notice",
                links=[("th-approval", "stage")],
                subject="transport",
            ),
            Rec(
                "construction.tender_to_award",
                "tc",
                "{project}中标候选人公示",
                T["candidates"],
                road,
                f={
                    "candidates": road_cand,
                    "winner": None,
                    "winner_uscc": None,
                    "award_price": None,
                    "award_reasons": None,
                    "provisional_sums": None,
                    **notice_only,
                },
                ago=200,
                ref="th-cand",
                links=[("th-notice", "stage")],
                subject="transport",
            ),
            Rec(
                "construction.tender_to_award",
                "tc",
                "{project}中标结果公告",
                T["award"],
                dict(road, price="31426800.00"),
                f={"candidates": None, **notice_only},
                ago=193,
                ref="th-award",
                links=[("th-cand", "stage")],
                subject="transport",
                correct=("中标价格录入有误，应为31,462,800.00元", {"price": "31462800.00"}),
            ),
            Rec(
                "construction.contract_performance",
                "tc",
                "{contract_name}订立信息公开",
                T["contract"],
                road,
                f={"performance": None, "change_content": None, "changed_on": None},
                ago=180,
                links=[("th-award", "stage")],
                genre="contract",
                subject="transport",
            ),
            Rec(
                "construction.tender_to_award",
                "tc",
                "盐城市亭湖区文化馆改造提升工程招标公告",
                T["tender_notice"],
                _without(
                    dict(
                        road,
                        project="盐城市亭湖区文化馆改造提升工程",
                        code=f"TH-FJ-{y(100)}-021",
                        owner=body_of(
                            "盐城市亭湖区文化广电和旅游局", "320902", address="盐城市亭湖区解放南路99号"
                        ),
                        location="盐城市亭湖区文化馆",
                        scale="改造建筑面积约6,200平方米",
                        scope="装饰装修、消防、暖通及智能化工程。",
                        duration_days=120,
                        qualification="投标人须具备建筑装修装饰工程专业承包二级及以上资质。",
                    ),
                    *pre_award,
                ),
                ago=100,
                withdraw="招标文件中的资格条件设置需调整，原招标公告撤回，调整后重新发布。",
                subject="education",
            ),
            Rec(
                "construction.tender_to_award",
                "tc",
                "盐城市亭湖区新洋港河道护岸整治工程招标公告",
                T["tender_notice"],
                _without(
                    dict(
                        road,
                        project="盐城市亭湖区新洋港河道护岸整治工程",
                        code=f"TH-SL-{y(75)}-009",
                        owner=body_of("盐城市亭湖区水务局", "320902", address="盐城市亭湖区迎宾南路12号"),
                        location="新洋港亭湖段",
                        scale="整治护岸4.2公里",
                        scope="生态护岸、堤顶道路及绿化工程。",
                        duration_days=200,
                        qualification="投标人须具备水利水电工程施工总承包三级及以上资质。",
                    ),
                    *pre_award,
                ),
                ago=75,
                state="draft",
                subject="agriculture",
            ),
            Rec(
                "construction.penalties",
                "zjj",
                "盐城市亭湖区住房和城乡建设局行政处罚决定书（{decision_no}）",
                T["penalty"] + "\n\n当事人：{party}，法定代表人：周海波。",
                {
                    "authority": "@zjj",
                    "party": cj,
                    "party_rep": "周海波",
                    "decision_no": f"亭建罚决字〔{y(160)}〕第018号",
                    "facts": "当事人在亭湖区南洋镇中心小学风雨操场工程施工中，将劳务作业分包给不具备相应资质的个人。",
                    "legal_basis": "《建设工程质量管理条例》第二十五条",
                    "basis": "《建设工程质量管理条例》第六十二条",
                    "penalty_basis": "《建设工程质量管理条例》第六十二条",
                    "penalty_text": "没收违法所得，并处罚款人民币86,000.00元。",
                    "penalty": "没收违法所得，并处罚款人民币86,000.00元",
                },
                ago=160,
                confirm=True,
                subject="market",
                keywords="行政处罚,违法分包",
            ),
            Rec(
                "construction.credit_rewards_sanctions",
                "zjj",
                "关于对{party}实施守信激励的公告",
                "{party}在{year}年度全区建筑市场信用评价中得分位列前茅，所承建的亭湖区农村公路提档升级工程获评市级优质工程。根据{basis}，决定对其实施守信激励：{content}",
                {
                    "party": hh,
                    "kind": "守信激励",
                    "content": "在有效期内参加本区依法必须招标项目投标时，信用评价分值加2分，并减免投标保证金。",
                    "basis": "《盐城市建筑市场信用管理办法》第二十一条",
                    "authority": "@zjj",
                },
                ago=300,
                subject="market",
            ),
            # 土地：挂牌出让 → 成交 → 履约（交易中心）
            Rec(
                "land.transfer_transaction",
                "tc",
                "亭湖区国有建设用地使用权挂牌出让公告（{parcel}）",
                T["land_notice"],
                _without(land, "winner", "price"),
                f={"deal_date": None},
                ago=260,
                ref="th-land-notice",
                subject="land_resources",
            ),
            Rec(
                "land.transfer_transaction",
                "tc",
                "{parcel}地块国有建设用地使用权挂牌出让成交公示",
                T["land_deal"],
                land,
                ago=228,
                ref="th-land-deal",
                links=[("th-land-notice", "stage")],
                subject="land_resources",
            ),
            Rec(
                "land.performance",
                "tc",
                "{parcel}地块国有建设用地使用权出让合同履约情况公开",
                "截至{date_cn}，{parcel}地块（{location}）出让合同履约情况如下：\n\n受让人：{winner}；合同编号：{contract_no}。\n价款缴纳：{payment_status}。\n开工情况：约定开工日期{start_cn}，实际开工日期{actual_start_cn}，已按约定开工。",
                land,
                ago=120,
                links=[("th-land-deal", "stage")],
                subject="land_resources",
            ),
            Rec(
                "land.transfer_transaction",
                "tc",
                "亭湖区国有建设用地使用权挂牌出让公告（{parcel}）",
                T["land_notice"],
                _without(
                    dict(
                        land,
                        parcel=f"亭挂（{y(50)}）19号",
                        location="亭湖区环保科技城纬三路北侧",
                        area="41860.00",
                        land_use="工业用地",
                        term_years=50,
                        plot_ratio="1.0≤容积率≤2.0",
                        start_price="12558000.00",
                        deposit="2511600.00",
                    ),
                    "winner",
                    "price",
                ),
                f={"deal_date": None},
                ago=50,
                state="reviewed",
                subject="land_resources",
            ),
            Rec(
                "land.supply_plan",
                "zrfj",
                "亭湖区{year}年度国有建设用地供应计划",
                "经区人民政府同意，现将亭湖区{year}年度国有建设用地供应计划公布如下：计划供应国有建设用地{total_area}公顷，其中住宅用地28.60公顷、商服用地9.35公顷、工矿仓储用地45.80公顷、公共设施及基础设施用地32.15公顷。",
                {
                    "total_area": "115.90",
                    "by_use": [
                        {"use": "住宅用地", "area": "28.60"},
                        {"use": "商服用地", "area": "9.35"},
                        {"use": "工矿仓储用地", "area": "45.80"},
                        {"use": "公共设施及基础设施用地", "area": "32.15"},
                    ],
                },
                ago=300,
                genre="plan",
                subject="land_resources",
            ),
            # 矿业权（地热）
            Rec(
                "mining.transfer_notice",
                "zrfj",
                "{project}挂牌出让公告",
                T["mining_notice"],
                geo,
                ago=480,
                ref="th-geo-notice",
                subject="land_resources",
            ),
            Rec(
                "mining.transaction_publicity",
                "zrfj",
                "{project}挂牌出让成交公示",
                T["mining_deal"],
                dict(geo, date=today - dt.timedelta(days=452)),
                ago=450,
                links=[("th-geo-notice", "stage")],
                subject="land_resources",
                correct=("成交日期录入有误", {"date": today - dt.timedelta(days=455)}),
            ),
            # 政府采购：预算与采购文件 → 采购公告（去标识化） → 结果 → 合同（交易中心）
            Rec(
                "procurement.documents_budget",
                "tc",
                "{project}采购文件及预算公开",
                "{project}预算金额{budget_yuan}，采购文件已在{platform}公开，供应商可免费下载。",
                proc,
                ago=150,
                ref="th-proc-doc",
                subject="health",
            ),
            Rec(
                "procurement.notices",
                "tc",
                "{project}公开招标公告",
                T["procurement_notice"] + "\n\n项目联系人：许志明，手机：13951066218。",
                _without(proc, "winner", "price", "main_items", "experts"),
                ago=148,
                ref="th-proc-notice",
                links=[("th-proc-doc", "stage")],
                mask=True,
                redacted=True,
                subject="health",
            ),
            Rec(
                "procurement.notices",
                "tc",
                "{project}中标结果公告",
                T["procurement_result"],
                proc,
                f={
                    "requirements": None,
                    "supplier_requirements": None,
                    "docs_obtaining": None,
                    "response_deadline": None,
                },
                ago=120,
                ref="th-proc-result",
                links=[("th-proc-notice", "stage")],
                subject="health",
            ),
            Rec(
                "procurement.contract",
                "tc",
                "{contract_name}公告",
                T["procurement_contract"],
                proc,
                ago=112,
                links=[("th-proc-result", "stage")],
                genre="contract",
                subject="health",
            ),
            Rec(
                "procurement.notices",
                "tc",
                "盐城市亭湖区教育局中小学课桌椅采购项目公开招标公告",
                T["procurement_notice"],
                _without(
                    dict(
                        proc,
                        project="盐城市亭湖区教育局中小学课桌椅采购项目",
                        code=f"THZC{y(20)}-203",
                        owner=body_of("盐城市亭湖区教育局", "320902", address="盐城市亭湖区文港南路21号"),
                        budget="1460000.00",
                        scope="采购可升降课桌椅3,200套，含送货安装。",
                    ),
                    "winner",
                    "price",
                    "main_items",
                    "experts",
                ),
                due_in=4,
                state="submitted",
                subject="education",
            ),
            Rec(
                "procurement.catalogue_thresholds",
                "czj",
                "亭湖区{year}年政府集中采购目录及限额标准",
                TINGHU_THRESHOLDS,
                {
                    "title": "亭湖区{year}年政府集中采购目录及限额标准",
                    "catalogue": "通用办公设备、办公家具、公务用车、物业管理服务、印刷服务等",
                    "procurement_threshold": "1000000.00",
                    "open_tender_threshold": "4000000.00",
                },
                ago=600,
                genre="measure",
                subject="finance",
                validity=("expired", "新年度集中采购目录及限额标准已公布"),
            ),
            Rec(
                "procurement.complaint_inspection",
                "czj",
                "亭湖区财政局政府采购投诉处理决定书（{doc_no}）",
                "投诉人{party}对{project}的采购文件提出投诉。经调查，{result}",
                {
                    "title": "亭湖区财政局政府采购投诉处理决定书",
                    "doc_no": f"亭财购诉〔{y(90)}〕3号",
                    "kind": "投诉处理决定",
                    "party": zh,
                    "project": "亭湖区智慧城管平台运维服务采购项目",
                    "result": "采购文件设置的“本地服务网点”评分因素与采购标的的履约无直接关联，构成差别待遇，投诉事项成立。责令采购人修改采购文件后重新开展采购活动。",
                    "authority": "@czj",
                },
                ago=90,
                genre="decision",
                subject="finance",
            ),
            # 国有产权：批准 → 转让及成交结果
            Rec(
                "property.decision_approval",
                "czj",
                "关于同意转让{project}的批复",
                "同意{owner}通过亭湖区公共资源交易中心公开转让{subject}，转让底价不低于经备案的评估值。",
                shop,
                ago=225,
                ref="th-shop-approval",
                genre="decision",
                subject="state_assets",
            ),
            Rec(
                "property.transfer_result",
                "tc",
                "{project}成交结果公告",
                T["property_deal"],
                shop,
                ago=205,
                links=[("th-shop-approval", "stage")],
                subject="state_assets",
            ),
            # 医用耗材
            Rec(
                "medical.consumables_procurement",
                "tc",
                "{project}入围结果公示",
                "{project}已完成资质审核和报价，现将入围企业及产品价格予以公示（见附表）。公示期：{pub_from_cn}至{pub_to_cn}。",
                consumables_typo,
                ago=170,
                subject="health",
                correct=(
                    "一次性使用静脉留置针入围价格录入有误，应为3.60元",
                    {"shortlist": consumables["shortlist"]},
                ),
            ),
            Rec(
                "medical.supplier_points",
                "wjw",
                "关于对{party}医用耗材配送不良行为记分的公告",
                "{party}在{period}内多次未按约定时限配送医用耗材，根据《亭湖区公立医疗机构医用耗材采购管理办法》，记{points}分。",
                {
                    "party": bk,
                    "points": "3",
                    "reason": "配送不及时，经约谈仍未整改",
                    "period": f"{y(140)}年第二季度",
                },
                ago=140,
                subject="health",
            ),
            # 住房保障
            Rec(
                "housing.plan_scheme",
                "zjj",
                "亭湖区“十四五”保障性住房发展规划",
                "为完善住房保障体系，根据《盐城市“十四五”住房发展规划》，制定本规划。\n\n规划期内全区计划筹集保障性租赁住房3,000套（间），改造城镇老旧小区60个，完成棚户区改造1,200户。",
                {
                    "title": "亭湖区“十四五”保障性住房发展规划",
                    "period": "2021—2025年",
                    "scheme": "规划期内计划筹集保障性租赁住房3,000套（间），改造城镇老旧小区60个，完成棚户区改造1,200户。",
                },
                ago=630,
                genre="plan",
                subject="urban_rural",
                validity=("expired", "规划期已届满"),
            ),
            Rec(
                "housing.annual_plan_projects",
                "zjj",
                "亭湖区{year}年城镇保障性安居工程计划项目",
                "现将亭湖区{year}年城镇保障性安居工程计划项目公开如下（见附表）。",
                {
                    "projects": [
                        {
                            "name": "亭湖区人才公寓（毓龙路）",
                            "location": "毓龙东路",
                            "housing_type": "保障性租赁住房",
                            "units": 420,
                            "builder": "盐城市亭湖区城市资产投资集团有限公司",
                            "builder_uscc": "913209021065267563",
                        },
                        {
                            "name": "先锋街道老旧小区改造",
                            "location": "先锋街道",
                            "housing_type": "老旧小区改造",
                            "units": 1260,
                        },
                    ]
                },
                ago=310,
                genre="plan",
                subject="urban_rural",
            ),
            Rec(
                "housing.allocation_policy",
                "zjj",
                "亭湖区公共租赁住房保障对象准入标准",
                "为规范公共租赁住房保障工作，现将保障对象准入标准公布如下：\n\n{eligibility}\n\n{standards}",
                {
                    "title": "亭湖区公共租赁住房保障对象准入标准",
                    "doc_no": f"亭住建发〔{y(380)}〕15号",
                    "eligibility": "具有本区城镇户籍或者在本区稳定就业满一年，在本区无自有住房或者人均住房建筑面积低于16平方米。",
                    "standards": "城镇中等偏下收入家庭人均可支配收入低于上年度城镇居民人均可支配收入的80%。",
                },
                ago=380,
                genre="measure",
                doc_no=f"亭住建发〔{y(380)}〕15号",
                subject="urban_rural",
            ),
            Rec(
                "housing.allocation_targets",
                "zjj",
                "亭湖区{batch}公共租赁住房保障对象公示",
                T["allocation_targets"] + "\n\n经办人：陈丽华，联系电话：13770512386。",
                {
                    "authority": "@zjj",
                    "batch": f"{y(110)}年第三批",
                    "count": 3,
                    "applicants": [
                        {
                            "applicant": "顾秀兰",
                            "household_size": 2,
                            "community": "先锋街道",
                            "security_type": "实物配租",
                        },
                        {
                            "applicant": "陆志刚",
                            "household_size": 3,
                            "community": "五星街道",
                            "security_type": "实物配租",
                        },
                        {
                            "applicant": "戴春燕",
                            "household_size": 1,
                            "community": "毓龙街道",
                            "security_type": "租赁补贴",
                        },
                    ],
                },
                ago=110,
                ref="th-targets",
                mask=True,
                redacted=True,
                subject="urban_rural",
            ),
            Rec(
                "housing.allocation_result",
                "zjj",
                "亭湖区{batch}公共租赁住房配租结果公告",
                T["allocation_result"],
                {
                    "batch": f"{y(110)}年第三批",
                    "venue": "亭湖区政务服务中心",
                    "results": [
                        {
                            "applicant": "顾秀兰",
                            "project": "亭湖区人才公寓（毓龙路）",
                            "unit_no": "2-1-603",
                            "floor_area": "52.3",
                        },
                        {
                            "applicant": "陆志刚",
                            "project": "亭湖区人才公寓（毓龙路）",
                            "unit_no": "5-2-1102",
                            "floor_area": "68.6",
                        },
                    ],
                },
                ago=80,
                links=[("th-targets", "stage")],
                subject="urban_rural",
            ),
            Rec(
                "housing.rural_renovation_subsidies",
                "zjj",
                "亭湖区{year}年农村危房改造补助资金发放公示",
                "{year}年全区农村危房改造补助资金共{total_yuan}，已全部拨付至农户“一卡通”账户，现将发放情况予以公示（见附表）。",
                {
                    "total": "96000.00",
                    "allocations": [
                        {"householder": "蔡永华", "village": "盐东镇沿海村", "amount": "32000.00"},
                        {"householder": "王桂芳", "village": "黄尖镇新街村", "amount": "32000.00"},
                        {"householder": "沈国富", "village": "南洋镇岔头村", "amount": "32000.00"},
                    ],
                },
                ago=200,
                subject="urban_rural",
            ),
            # 信用：负面清单（惩戒性公示，确认公开个人信息；信用修复后撤回）
            Rec(
                "credit.blacklist",
                "fgw",
                "关于将{party}列入公共资源交易负面清单的公告",
                T["blacklist"] + "\n\n当事人：{party}，法定代表人：钱卫国。",
                {
                    "party": company(
                        "盐城市恒宇劳务派遣有限公司", "320902", "盐城市亭湖区大洋街道", "钱卫国"
                    ),
                    "authority": "@fgw",
                    "conduct": "严重破坏市场公平竞争秩序和骗取公共资源的行为",
                    "facts": "在亭湖区环卫保洁服务采购中与其他供应商恶意串通，操纵投标报价。",
                    "basis": "《盐城市公共资源交易负面清单管理办法》第七条",
                    "measures": "三年内不得参加本区公共资源交易活动。",
                },
                ago=60,
                confirm=True,
                subject="market",
            ),
            Rec(
                "credit.blacklist",
                "fgw",
                "关于将{party}列入公共资源交易负面清单的公告",
                T["blacklist"] + "\n\n当事人：{party}，法定代表人：吴建新。",
                {
                    "party": sf,
                    "authority": "@fgw",
                    "conduct": "严重破坏市场公平竞争秩序和骗取公共资源的行为",
                    "facts": "在亭湖区农村公路养护材料采购中提供虚假检测报告，骗取成交资格。",
                    "basis": "《盐城市公共资源交易负面清单管理办法》第七条",
                    "measures": "三年内不得参加本区公共资源交易活动。",
                },
                ago=160,
                confirm=True,
                subject="market",
                withdraw="当事人已按规定完成信用修复，经审核同意提前移出负面清单，撤下公示信息。",
            ),
        ],
    )


TINGHU_CATALOG = """
为进一步规范公共资源交易活动，根据《江苏省公共资源交易目录》，结合我区实际，制定本目录。

一、纳入范围：{scope}。
二、进场标准：{thresholds}。
三、交易平台：纳入目录的项目统一在盐城市亭湖区公共资源交易中心进行交易，交易信息在盐城市公共资源交易网（亭湖分网）公开。
四、本目录实行动态调整，由区政务服务管理办公室会同有关部门适时修订。
"""

TINGHU_THRESHOLDS = """
根据《政府采购法》和省、市有关规定，现将亭湖区{year}年政府集中采购目录及限额标准公布如下：

一、集中采购目录：{catalogue}。
二、分散采购限额标准：货物、服务类项目100万元，工程类项目100万元。
三、公开招标数额标准：货物、服务类项目400万元；工程类项目按照招标投标法律法规执行。
"""


def anxi(today: dt.date) -> Place:
    y = _years(today)
    ly = company("安溪县绿野林业发展有限公司", "350524", "安溪县凤城镇河滨北路188号")
    cx = company("安溪县茶乡生态农业专业合作社", "350524", "安溪县龙涓乡内灶村", prefix="93")
    village = Party(
        "安溪县龙涓乡内灶村股份经济合作社",
        make_uscc("安溪县龙涓乡内灶村股份经济合作社", "350524", "N2"),
        "安溪县龙涓乡内灶村",
    )
    jx = company("福建安溪晶鑫光电科技有限公司", "350524", "安溪县湖头镇光电产业园")
    hz = company("泉州安溪华庭置业有限公司", "350524", "安溪县城厢镇同美大道98号")
    ss = company("安溪县石盛建材有限公司", "350524", "安溪县感德镇")
    zr = company("福建中软智教科技有限公司", "350102", "福州市鼓楼区软件大道89号")
    wl = company("安溪县茶乡文旅发展有限公司", "350524", "安溪县凤城镇茶都大道66号")
    mn = company("福建闽南建设工程有限公司", "350503", "泉州市丰泽区津淮街228号")
    at = company("泉州市安泰建设工程有限公司", "350502", "泉州市鲤城区江滨南路36号")
    lx = company("福建蓝溪建设有限公司", "350524", "安溪县城厢镇经济开发区")
    hs = company("安溪县恒升建筑工程有限公司", "350524", "安溪县蓬莱镇", "苏明辉")
    ls = company("安溪县隆盛木业有限公司", "350524", "安溪县剑斗镇")
    school = body_of("安溪县第八中学", "350524", "12", "安溪县城厢镇东岳路1号")

    forest = {
        "subject": "安溪县龙涓乡内灶村集体林木所有权及林地经营权（杉木、马尾松混交林）",
        "lot": "龙涓乡内灶村集体林木所有权及林地经营权",
        "code": f"AXLQ{y(260)}-017",
        "owner": village,
        "location": {
            "textarea": "安溪县龙涓乡内灶村“后垅山”“坑尾”山场，东至山脊，西至溪沟，南至村道，北至山脊（四至以林权证为准）",
            "text": "安溪县龙涓乡内灶村“后垅山”“坑尾”山场",
        },
        "area_mu": "682.5",
        "forest_type": "杉木、马尾松混交林",
        "right_type": "林木所有权",
        "term": "林木所有权一次性转让，林地经营权流转期限30年",
        "start_price": "1365000.00",
        "deposit": "130000.00",
        "method": "拍卖",
        "qualification": "竞买人须为依法设立的企业、农民专业合作社或者具有完全民事行为能力的自然人，受让后应按森林经营方案进行经营，不得改变林地用途。",
        "overview": "标的位于安溪县龙涓乡内灶村，面积682.5亩，林分为杉木、马尾松混交林，平均树龄22年，蓄积量约4,860立方米。本次流转已经村民代表大会表决同意。",
        "winner": ly,
        "price": "1728000.00",
        "bidders": 3,
        "contract_no": f"AXLQ-HT-{y(200)}-009",
        "performance_status": "受让方已按合同约定付清流转价款，完成林木采伐迹地更新造林320亩，成活率95%以上。",
    }
    emission = {
        "subject": f"安溪县{y(300)}年第一批主要污染物排污权出让",
        "code": f"AXPW{y(300)}-001",
        "owner": "@sthj",
        "pollutant": "化学需氧量、氨氮、二氧化硫、氮氧化物",
        "quantity": "86.4",
        "validity": "5年",
        "start_price": "928000.00",
        "method": "挂牌",
        "qualification": "竞买人须为本县行政区域内已取得环境影响评价批复、需新增排污权的排污单位。",
        "overview": "本批出让化学需氧量8.6吨、氨氮0.9吨、二氧化硫31.5吨、氮氧化物45.4吨，合计86.4吨，有效期5年。",
        "winner": jx,
        "price": "1036800.00",
        "deposit": "185600.00",
        "bidders": 2,
        "contract_no": f"AXPW-HT-{y(270)}-003",
        "performance_status": "受让方已缴清排污权有偿使用费，排污许可证已载明新增排放量。",
    }
    land = {
        "owner": "@zrj",
        "transferor": "@zrj",
        "parcel": f"安溪县{y(350)}P07号",
        "location": "安溪县城厢镇同美村，同美大道东侧",
        "area": "18630.00",
        "land_use": "城镇住宅用地",
        "term_years": 70,
        "plot_ratio": "2.0≤容积率≤2.8",
        "planning": "容积率2.0—2.8，建筑密度不大于25%，绿地率不小于30%，建筑限高80米。",
        "start_price": "121095000.00",
        "deposit": "24219000.00",
        "method": "挂牌",
        "qualification": "中华人民共和国境内外的法人、自然人和其他组织均可申请参加竞买（法律、法规另有规定的除外）。",
        "winner": hz,
        "price": "132450000.00",
        "contract_no": f"3505242{y(318)}B00045",
        "payment_status": "出让价款132,450,000.00元已全部缴清",
        "performance_status": "已按约定时间开工，主体结构施工中。",
    }
    mine = {
        "project": "安溪县感德镇霞云村建筑用花岗岩矿采矿权",
        "owner": "@zrj",
        "transferor": "@zrj",
        "authority": body_of("泉州市自然资源局", "350500"),
        "right_type": "采矿权",
        "mineral": "建筑用花岗岩",
        "location": "安溪县感德镇霞云村，矿区范围由4个拐点圈定，开采标高+560米至+420米",
        "area": "0.0968",
        "area_km2": "0.0968",
        "resources": "保有资源量约356万立方米",
        "production_scale": "30万立方米/年",
        "term_years": 8,
        "start_price": "16800000.00",
        "deposit": "3360000.00",
        "method": "挂牌",
        "qualification": "竞买人须为依法设立的企业法人，具备相应的资金能力和开采技术条件。",
        "winner": ss,
        "price": "23150000.00",
    }
    proc = {
        "project": "安溪县第八中学录播教室及创新实验室设备采购项目",
        "code": f"AXZC{y(180)}-0096",
        "owner": school,
        "agency": company("福建省安溪诚信招标代理有限公司", "350524", "安溪县凤城镇城东路12号"),
        "method": "公开招标",
        "budget": "1860000.00",
        "scope": "采购录播教室设备2套、创新实验室设备1套及配套安装服务。",
        "qualification": "供应商须满足《政府采购法》第二十二条规定的条件，本项目专门面向中小企业采购。",
        "winner": zr,
        "price": "1792600.00",
        "items": [
            {"name": "全自动录播系统", "spec": "4K", "quantity": "2", "unit_price": "386000.00"},
            {"name": "创新实验室设备", "spec": "成套", "quantity": "1", "unit_price": "1020600.00"},
        ],
        "items_text": "全自动录播系统2套、创新实验室设备1套",
        "experts": "林国荣、陈丽萍、黄志坚、王晓东、苏建华",
        "experts_text": "林国荣、陈丽萍、黄志坚、王晓东、苏建华",
        "agency_fee": "21500.00",
    }
    shop = {
        "subject": "安溪县城市建设集团有限公司所持茶都大道66号商业综合楼",
        "code": f"AXCQ{y(210)}-003",
        "owner": "@ct",
        "overview": "标的位于安溪县凤城镇茶都大道66号，建筑面积4,360平方米，共5层，现出租率60%。",
        "target_info": "标的位于安溪县凤城镇茶都大道66号，建筑面积4,360平方米，共5层，现出租率60%。",
        "approval": "经安溪县城市建设集团有限公司董事会决议，并经安溪县财政局（县国资办）批准同意公开转让",
        "audit_summary": "账面价值2,946.18万元",
        "appraised": "36520000.00",
        "start_price": "36520000.00",
        "deposit": "7000000.00",
        "qualification": "意向受让方应为依法设立并有效存续的企业法人，受让后应保持标的现有租赁关系。",
        "method": "网络竞价",
        "winner": wl,
        "price": "38860000.00",
        "bidders": 2,
    }
    school_build = {
        "project": "安溪县第十一小学新建教学综合楼工程",
        "code": f"E3505240{y(190)}0012",
        "owner": body_of("安溪县教育局", "350524", address="安溪县凤城镇河滨南路8号"),
        "agency": company("福建省安溪诚信招标代理有限公司", "350524", "安溪县凤城镇城东路12号"),
        "approver": "@fgj",
        "approval_no": f"安发改审〔{y(190)}〕102号",
        "location": "安溪县城厢镇经兜村",
        "scale": "新建教学综合楼1栋，地上5层，建筑面积9,860平方米",
        "scope": "土建、装饰装修、给排水、电气、消防及室外配套工程。",
        "qualification": "投标人须具备建筑工程施工总承包二级及以上资质；拟派项目经理须具备建筑工程专业一级注册建造师执业资格。",
        "duration_days": 420,
        "winner": mn,
        "price": "32186500.00",
        "manager": "陈伟强",
        "certificates": [{"name": "一级注册建造师（建筑工程）", "number": "闽135141500872"}],
        "section": "施工",
        "contract_no": f"AXJY-SG-{y(150)}-01",
        "performance_status": "主体结构已封顶，累计完成合同工程量的62%，工程质量和安全生产处于受控状态。",
    }
    return Place(
        code="350524",
        slug="anxi",
        orgs={
            "gov": "安溪县人民政府办公室",
            "tc": "安溪县公共资源交易中心",
            "fgj": "安溪县发展和改革局",
            "lyj": "安溪县林业局",
            "sthj": "安溪县生态环境局",
            "czj": "安溪县财政局",
            "ct": "安溪县城市建设集团有限公司",
            "cnz": "安溪县参内镇人民政府",
        },
        extra=[
            ("zrj", "安溪县自然资源局", "department", "11"),
            ("zjj", "安溪县住房和城乡建设局", "department", "11"),
        ],
        facts={
            "jur": "安溪县",
            "centre": "安溪县公共资源交易中心",
            "centre_addr": "安溪县凤城镇行政服务中心五楼",
            "platform": "泉州市公共资源交易平台（安溪县）",
            "site": "https://anxi.ggzy.example.org/",
            "supervisor_name": "安溪县发展和改革局",
            "venue": "安溪县公共资源交易中心交易大厅（安溪县凤城镇行政服务中心五楼）",
            "addr": {
                "zrj": "安溪县凤城镇河滨北路1号",
                "sthj": "安溪县凤城镇城东路5号",
                "ct": "安溪县凤城镇茶都大道66号",
            },
        },
        records=[
            # 林权：交易公告 → 变更公告 → 竞价过程 → 成交公示（更正） → 合同履约；撤回的公告
            Rec(
                "forestry.notice",
                "lyj",
                "{subject}流转交易公告",
                T["rights_notice"],
                forest,
                ago=260,
                ref="ax-forest-notice",
                subject="agriculture",
                keywords="林权,流转交易",
            ),
            Rec(
                "forestry.change",
                "lyj",
                "关于{subject}流转交易公告的变更公告",
                "原于{prev_cn}发布的{subject}流转交易公告，现作如下变更：\n\n{change_items}\n\n其他内容不变。",
                dict(
                    forest,
                    change_items="报名截止时间延长至原截止时间后第5个工作日，竞价时间相应顺延。",
                    reason="应意向竞买人申请，给予充分的现场踏勘时间",
                    original="原交易公告",
                ),
                ago=250,
                links=[("ax-forest-notice", "correction")],
                subject="agriculture",
            ),
            Rec(
                "general.transaction_process",
                "tc",
                "{subject}网络竞价过程记录",
                "{subject}于{date_cn}在{platform}进行网络竞价。{details}",
                dict(
                    forest,
                    project="{subject}",
                    step="网络竞价",
                    details="共3家竞买人通过资格审查，经42轮报价，最高报价1,728,000.00元，竞价过程由县林业局派员现场监督。",
                ),
                ago=236,
                links=[("ax-forest-notice", "stage")],
                subject="agriculture",
            ),
            Rec(
                "forestry.result",
                "lyj",
                "安溪县林权流转交易成交公示（{lot}）",
                T["rights_deal"],
                dict(forest, price="1782000.00"),
                ago=232,
                ref="ax-forest-deal",
                links=[("ax-forest-notice", "stage")],
                subject="agriculture",
                correct=("成交价录入有误，应为1,728,000.00元", {"price": "1728000.00"}),
            ),
            Rec(
                "forestry.performance",
                "lyj",
                "{subject}流转合同履约信息",
                "{owner}与{winner}于{contract_date_cn}签订林权流转合同（合同编号：{contract_no}）。截至{date_cn}，{performance_status}",
                dict(forest, contract_date=today - dt.timedelta(days=225)),
                ago=100,
                links=[("ax-forest-deal", "stage")],
                subject="agriculture",
            ),
            Rec(
                "forestry.notice",
                "lyj",
                "{subject}转让公告",
                T["rights_notice"],
                dict(
                    forest,
                    subject="安溪县感德镇槐植村杉木林木所有权",
                    code=f"AXLQ{y(120)}-031",
                    owner=cx,
                    area_mu="215.0",
                    forest_type="杉木纯林",
                    location="安溪县感德镇槐植村“大坪”山场",
                    start_price="486000.00",
                    deposit="48000.00",
                    overview="标的位于安溪县感德镇槐植村，面积215亩，林分为杉木纯林，平均树龄25年，蓄积量约2,150立方米。",
                ),
                ago=120,
                withdraw="经核查，该宗林地部分地块权属存在争议，暂停交易，原公告撤回。",
                subject="agriculture",
            ),
            Rec(
                "general.sector_catalog",
                "lyj",
                "安溪县林业领域公共资源配置信息公开范围（{year}年版）",
                "根据《安溪县公共资源配置领域政府信息公开清单》，现将林业领域公共资源配置信息公开范围公布如下：林权流转交易公告、资格审查结果、交易过程、成交信息、合同履约及变更信息，由县林业局和县公共资源交易中心按职责公开。",
                {},
                ago=540,
                genre="measure",
                subject="agriculture",
                validity=("expired", "已按新版公开清单调整"),
            ),
            # 排污权
            Rec(
                "emission.notice",
                "sthj",
                "{subject}公告",
                T["rights_notice"],
                emission,
                ago=300,
                ref="ax-em-notice",
                subject="urban_rural",
                keywords="排污权",
            ),
            Rec(
                "emission.result",
                "sthj",
                "{subject}成交信息公示",
                T["rights_deal"],
                emission,
                ago=270,
                ref="ax-em-deal",
                links=[("ax-em-notice", "stage")],
                subject="urban_rural",
            ),
            Rec(
                "emission.performance",
                "sthj",
                "{subject}合同履约信息",
                "{winner}受让的排污权（合同编号：{contract_no}）履约情况：{performance_status}",
                emission,
                ago=240,
                links=[("ax-em-deal", "stage")],
                subject="urban_rural",
            ),
            # 土地
            Rec(
                "land.notice",
                "zrj",
                "安溪县国有建设用地使用权挂牌出让公告（{parcel}）",
                T["land_notice"],
                land,
                ago=350,
                ref="ax-land-notice",
                subject="land_resources",
            ),
            Rec(
                "land.result",
                "zrj",
                "{parcel}地块国有建设用地使用权成交信息",
                T["land_deal"],
                dict(land, winner=Party("泉州安溪华廷置业有限公司", hz.uscc, hz.address)),
                ago=318,
                late=2,
                ref="ax-land-deal",
                links=[("ax-land-notice", "stage")],
                subject="land_resources",
                correct=("竞得人名称录入有误，应为“泉州安溪华庭置业有限公司”", {"winner": hz}),
            ),
            Rec(
                "land.performance",
                "zrj",
                "{parcel}地块出让合同履约信息",
                "{parcel}地块（{location}）出让合同（编号{contract_no}）履约情况：{payment_status}；{performance_status}",
                land,
                ago=150,
                links=[("ax-land-deal", "stage")],
                subject="land_resources",
            ),
            # 矿业权
            Rec(
                "mining.notice",
                "zrj",
                "{project}挂牌出让公告",
                T["mining_notice"],
                mine,
                ago=420,
                ref="ax-mine-notice",
                subject="land_resources",
            ),
            Rec(
                "mining.result",
                "zrj",
                "{project}成交信息",
                T["mining_deal"],
                mine,
                ago=390,
                links=[("ax-mine-notice", "stage")],
                subject="land_resources",
            ),
            # 政府采购（结构化字段中的联系电话去标识化；中标结果撤回）
            Rec(
                "procurement.notice",
                "czj",
                "{project}公开招标公告",
                T["procurement_notice"] + "\n\n项目联系人：林志明，手机：13905951234。",
                _without(proc, "winner", "price"),
                f={"contact_person": "林志明", "contact_phone": "13905951234"},
                ago=180,
                ref="ax-proc-notice",
                mask=True,
                redacted=True,
                subject="education",
            ),
            Rec(
                "procurement.result",
                "czj",
                "{project}中标结果公告",
                T["procurement_result"],
                proc,
                ago=155,
                lag=1,
                links=[("ax-proc-notice", "stage")],
                subject="education",
                withdraw="中标供应商放弃中标资格，原中标结果公告撤回，采购人将依法重新确定中标供应商。",
            ),
            # 国有产权
            Rec(
                "property.notice",
                "czj",
                "{subject}转让公告",
                "受{owner}委托，{centre}公开挂牌转让{subject}。\n\n标的概况：{overview}\n\n评估价值：{appraised_yuan}；挂牌底价：{start_price_yuan}；交易保证金：{deposit_yuan}。\n\n受让方资格条件：{qualification}\n\n信息披露期：{listing_period}。",
                shop,
                ago=210,
                ref="ax-shop-notice",
                subject="state_assets",
            ),
            Rec(
                "property.result",
                "czj",
                "{subject}成交信息",
                T["property_deal"],
                shop,
                ago=170,
                links=[("ax-shop-notice", "stage")],
                subject="state_assets",
            ),
            # 工程建设：招标公告 → 中标信息（更正） → 合同履约
            Rec(
                "construction.notice",
                "zjj",
                "{project}施工招标公告",
                T["tender_notice"],
                _without(school_build, "winner", "price"),
                ago=190,
                ref="ax-build-notice",
                subject="education",
            ),
            Rec(
                "construction.qualification_result",
                "zjj",
                "{project}资格审查结果公示",
                "{project}资格审查已于{date_cn}完成，审查结果如下（见附表）。",
                dict(
                    school_build,
                    results=[
                        {"applicant": mn.name, "applicant_uscc": mn.uscc, "passed": True},
                        {"applicant": at.name, "applicant_uscc": at.uscc, "passed": True},
                        {
                            "applicant": lx.name,
                            "applicant_uscc": lx.uscc,
                            "passed": False,
                            "reason": "拟派项目经理有在建工程",
                        },
                    ],
                ),
                ago=176,
                ref="ax-build-qual",
                links=[("ax-build-notice", "stage")],
                subject="education",
            ),
            Rec(
                "construction.award",
                "zjj",
                "{project}中标信息公示",
                T["award"],
                dict(school_build, price="32168500.00"),
                ago=160,
                ref="ax-build-award",
                links=[("ax-build-qual", "stage")],
                subject="education",
                correct=("中标价格录入有误，应为32,186,500.00元", {"price": "32186500.00"}),
            ),
            Rec(
                "construction.performance",
                "zjj",
                "{project}合同履约信息",
                "{project}（合同编号{contract_no}，合同价{price_yuan}）履约情况：截至{date_cn}，{performance_status}",
                school_build,
                ago=60,
                links=[("ax-build-award", "stage")],
                subject="education",
            ),
            # 住房保障
            Rec(
                "housing.project_construction",
                "zjj",
                "安溪县{year}年保障性租赁住房项目建设信息",
                "现将安溪县保障性租赁住房项目建设情况公开如下：项目名称：{project}；建设地点：{location}；建设规模：{units}套；建设单位：{winner}；{progress}",
                {
                    "project": "安溪县城东人才公寓",
                    "location": "安溪县凤城镇城东片区",
                    "project_type": "保障性租赁住房",
                    "units": 480,
                    "winner": "@ct",
                    "progress": "主体结构已完成，计划年内竣工交付。",
                },
                ago=230,
                subject="urban_rural",
            ),
            Rec(
                "housing.allocation_process",
                "cnz",
                "参内镇{batch}保障性住房分配过程公示",
                "参内镇{batch}保障性住房分配工作已完成资格审核和轮候排序，现将分配过程信息予以公示（名单及轮候序号见附表）。\n\n公示期：{pub_from_cn}至{pub_to_cn}。对公示内容有异议的，请向参内镇人民政府反映。经办人：苏丽娟，联系电话：13860722351。",
                {
                    "batch": f"{y(95)}年第一批",
                    "housing_source": "安溪县城东人才公寓二期30套",
                    "applicants": [
                        {"name": "陈秀玉", "household_size": 3, "result": "符合条件", "queue_no": 1},
                        {"name": "林德胜", "household_size": 2, "result": "符合条件", "queue_no": 2},
                    ],
                    "objection_channel": "向参内镇人民政府书面反映",
                },
                ago=95,
                ref="ax-alloc",
                mask=True,
                redacted=True,
                subject="urban_rural",
            ),
            Rec(
                "housing.allocation_result",
                "cnz",
                "参内镇{batch}保障性住房分配结果公告",
                T["allocation_result"],
                {
                    "batch": f"{y(95)}年第一批",
                    "venue": "参内镇便民服务中心",
                    "allocations": [
                        {
                            "name": "陈秀玉",
                            "household_size": 3,
                            "project": "安溪县城东人才公寓二期",
                            "unit": "3号楼1202室",
                        },
                        {
                            "name": "林德胜",
                            "household_size": 2,
                            "project": "安溪县城东人才公寓二期",
                            "unit": "3号楼806室",
                        },
                    ],
                },
                ago=70,
                links=[("ax-alloc", "stage")],
                subject="urban_rural",
            ),
            # 信用
            Rec(
                "credit.blacklist",
                "fgj",
                "关于将{party}列入公共资源配置领域“黑名单”的公告",
                T["blacklist"] + "\n\n当事人：{party}，法定代表人：苏明辉。",
                {
                    "party": hs,
                    "entity_type": "法人",
                    "party_rep": "苏明辉",
                    "authority": "@fgj",
                    "department": "安溪县发展和改革局",
                    "basis": "《安溪县公共资源配置领域“黑名单”管理暂行办法》第六条",
                    "facts": "在安溪县农村公路安防工程投标中，与其他投标人相互串通投标，被依法处理。",
                    "misconduct": "与其他投标人相互串通投标",
                    "measures": "三年内限制参加本县公共资源交易活动。",
                    "decision_no": f"安发改信〔{y(130)}〕4号",
                },
                ago=130,
                confirm=True,
                subject="market",
                keywords="黑名单",
            ),
            Rec(
                "credit.licence_penalty",
                "lyj",
                "安溪县林业局行政处罚决定书（{decision_no}）",
                T["penalty"],
                {
                    "decision_type": "行政处罚",
                    "party": ls,
                    "authority": "@lyj",
                    "decision_no": f"安林罚决字〔{y(200)}〕第012号",
                    "facts": "当事人未经批准在剑斗镇后井村山场擅自采伐杉木，滥伐林木蓄积28.6立方米。",
                    "legal_basis": "《中华人民共和国森林法》第五十六条",
                    "penalty_basis": "《中华人民共和国森林法》第七十六条第二款",
                    "penalty_text": "责令在原地补种滥伐株数五倍的树木，并处滥伐林木价值三倍的罚款，计人民币42,900.00元。",
                    "content": "责令补种滥伐株数五倍的树木，并处罚款人民币42,900.00元",
                    "basis": "《中华人民共和国森林法》第七十六条第二款",
                    "fine": "42900.00",
                },
                ago=200,
                subject="agriculture",
            ),
            Rec(
                "credit.credit_info",
                "fgj",
                "{party}公共资源交易信用信息",
                "{party}在{year}年度公共资源交易信用评价中被评为A级，现予公开。",
                {
                    "party": lx,
                    "info_type": "信用评价结果",
                    "content": "年度公共资源交易信用评价A级",
                    "authority": "@fgj",
                },
                ago=280,
                subject="market",
            ),
            # 综合
            Rec(
                "general.catalog",
                "fgj",
                "安溪县公共资源配置领域政府信息公开清单（{year}年版）",
                ANXI_CATALOG,
                {},
                ago=560,
                ref="ax-cat-old",
                genre="measure",
                subject="economy",
                validity=("repealed", "已被新版公开清单替代"),
            ),
            Rec(
                "general.catalog",
                "fgj",
                "安溪县公共资源配置领域政府信息公开清单（{year}年版）",
                ANXI_CATALOG,
                {},
                ago=300,
                links=[("ax-cat-old", "related")],
                genre="measure",
                subject="economy",
            ),
            Rec(
                "general.progress_report",
                "fgj",
                "安溪县{year}年推进公共资源配置领域政府信息公开工作情况",
                "{report}",
                {
                    "year": y(300) - 1,
                    "report": "{year}年，全县共公开公共资源配置领域信息2,036条，其中林权交易信息186条、排污权交易信息42条；按照“谁批准、谁公开，谁实施、谁公开，谁制作、谁公开”的原则，落实各部门公开责任，按时公开率99.1%。",
                },
                ago=300,
                genre="report",
                subject="economy",
            ),
            # 交易中心的交易过程信息（演示账号的草稿、待审查、待审批）
            Rec(
                "general.transaction_process",
                "tc",
                "{project}开标记录",
                "{project}于{date_cn}开标，{details}",
                dict(school_build, step="开标", details="共有3家投标人递交投标文件，均按时解密。"),
                ago=178,
                links=[("ax-build-notice", "stage")],
                subject="education",
            ),
            Rec(
                "general.transaction_process",
                "tc",
                "安溪县凤城镇老旧小区改造工程开标记录",
                "{project}于{date_cn}开标，{details}",
                dict(
                    school_build,
                    project="安溪县凤城镇老旧小区改造工程",
                    code=f"E3505240{y(40)}0031",
                    step="开标",
                    details="共有5家投标人递交投标文件，均按时解密。",
                ),
                ago=40,
                state="draft",
                subject="urban_rural",
            ),
            Rec(
                "general.transaction_process",
                "tc",
                "安溪县湖头镇农村供水工程评标过程记录",
                "{project}评标工作于{date_cn}完成，{details}",
                dict(
                    school_build,
                    project="安溪县湖头镇农村供水工程",
                    code=f"E3505240{y(0)}0042",
                    step="评标",
                    details="评标委员会由5人组成，推荐中标候选人3名。",
                ),
                due_in=3,
                state="submitted",
                subject="agriculture",
            ),
            Rec(
                "general.transaction_process",
                "tc",
                "安溪县西坪镇茶园生态改造项目竞价过程记录",
                "{project}于{date_cn}完成网络竞价，{details}",
                dict(
                    school_build,
                    project="安溪县西坪镇茶园生态改造项目",
                    code=f"AXNY{y(35)}-006",
                    step="网络竞价",
                    details="共4家竞买人参与报价。",
                ),
                ago=35,
                state="reviewed",
                subject="agriculture",
            ),
        ],
    )


ANXI_CATALOG = """
根据国务院办公厅《关于推进公共资源配置领域政府信息公开的意见》和福建省有关要求，现将安溪县公共资源配置领域政府信息公开清单公布如下：

一、公开领域：住房保障、国有土地使用权出让、矿业权出让、政府采购、国有产权交易、工程建设项目招标投标、林权交易、排污权交易等。
二、公开内容：公共资源交易公告、资格审查结果、交易过程信息、成交信息、履约信息及有关变更信息，以及市场主体信用信息。
三、公开主体：按照“谁批准、谁公开，谁实施、谁公开，谁制作、谁公开”的原则，由县直有关部门和乡镇人民政府负责公开。
四、公开时限：信息形成或者变更之日起20个工作日内公开；法律法规另有规定的，从其规定。
"""


def taiyuan(today: dt.date) -> Place:
    y = _years(today)
    fh = company("山西汾河建设工程有限公司", "140105", "太原市小店区长治路226号")
    bz = company("太原市并州市政工程有限公司", "140106", "太原市迎泽区并州南路36号")
    lc = company("山西龙城建筑安装工程有限公司", "140107", "太原市杏花岭区解放路158号")
    jy = company("太原市晋源华府置业有限公司", "140110", "太原市晋源区晋祠路三段88号")
    xl = company("清徐县鑫磊建材有限公司", "140121", "清徐县马峪乡")
    zx = company("山西智行交通科技有限公司", "140105", "太原市小店区学府街116号")
    bw = company("山西并州物业服务集团有限公司", "140106", "太原市迎泽区迎泽大街289号")
    ht = company("山西恒泰建设工程有限公司", "140108", "太原市尖草坪区胜利北街9号")
    wm = company("太原市小店区味美佳食品厂", "140105", "太原市小店区北格镇", "郝建国")
    sw = company("太原龙城水务有限公司", "140109", "太原市万柏林区千峰南路18号")
    sj = company("太原市市政工程设计研究院有限公司", "140106", "太原市迎泽区桃园南路5号")
    jl = company("山西诚达工程监理有限公司", "140109", "太原市万柏林区长风西街16号")
    major = "太原市汾东大道东延快速化改造工程"

    bridge = {
        "project": f"太原市滨河东路南延线道路及桥梁工程（{y(190)}年）",
        "code": f"TYSZ{y(190)}-0088",
        "owner": "@szzx",
        "agency": "@agency",
        "approver": "@fgw",
        "approval_no": f"并发改审发〔{y(190)}〕215号",
        "funding": "市级财政资金",
        "location": "太原市小店区滨河东路南延段",
        "scale": "新建城市主干路2.6公里，跨河桥梁1座（长186米）",
        "scope": "道路、桥梁、排水、照明、交通及绿化工程，具体以工程量清单为准。",
        "overview": "新建城市主干路2.6公里、跨河桥梁1座，计划工期365日历天。",
        "qualification": "投标人须具备市政公用工程施工总承包一级及以上资质和有效的安全生产许可证；拟派项目经理须具备市政公用工程专业一级注册建造师执业资格。",
        "duration_days": 365,
        "consortium": True,
        "winner": fh,
        "second": bz,
        "third": lc,
        "price": "86420315.72",
        "second_price": "87106288.40",
        "third_price": "87559012.63",
        "winner_quals": "市政公用工程施工总承包一级；安全生产许可证（晋）JZ安许证字〔2016〕000389",
        "cert_kind": "一级注册建造师（市政公用工程）",
        "manager": "赵志刚",
        "certificates": [{"name": "一级注册建造师（市政公用工程）", "number": "晋114151602287"}],
        "contract_name": f"太原市滨河东路南延线道路及桥梁工程（{y(190)}年）施工合同",
        "status": "桥梁下部结构已完成，道路路基完成80%，累计完成合同工程量的46%，工程质量、安全生产处于受控状态。",
    }
    cand = candidate_rows(
        bridge, ["赵志刚", "郭振宇", "高俊峰"], ["晋114151602287", "晋114141706113", "晋114161800542"]
    )
    land = {
        "owner": "@gzj",
        "grantor": "@gzj",
        "parcel": f"TY{y(270)}-017号",
        "location": "太原市晋源区晋祠路三段东侧、义井街南侧",
        "area": "42315.60",
        "area_ha": "4.2316",
        "land_use": "城镇住宅用地",
        "term_years": 70,
        "plot_ratio": "2.0≤容积率≤2.5",
        "planning": "容积率2.0—2.5，建筑密度不大于22%，绿地率不小于35%，建筑限高80米，配建幼儿园一所。",
        "start_price": "338524800.00",
        "deposit": "67704960.00",
        "method": "挂牌",
        "qualification": "中华人民共和国境内外的法人、自然人和其他组织均可申请参加竞买（法律法规另有规定的除外），可以独立竞买，也可以联合竞买。",
        "winner": jy,
        "price": "352900000.00",
        "supply_method": "挂牌出让",
        "project": "晋源区晋祠路三段东侧住宅用地项目",
        "supervision_no": f"1401102{y(225)}B00087",
        "contract_date": today - dt.timedelta(days=228),
    }
    mine = {
        "project": "清徐县马峪乡建筑石料用灰岩矿采矿权",
        "owner": "@gzj",
        "grantor": "@gzj",
        "authority": body_of("太原市人民政府", "140100"),
        "right_type": "采矿权",
        "mineral": "建筑石料用灰岩",
        "location": "清徐县马峪乡东马峪村西北，矿区范围由6个拐点圈定，开采标高+1280米至+1120米",
        "area_km2": "0.2486",
        "resources": "保有资源量约2,150万吨",
        "term_years": 12,
        "start_price": "68500000.00",
        "deposit": "13700000.00",
        "method": "挂牌",
        "qualification": "竞买人须为依法设立的企业法人，具备与开采规模相适应的资金和技术能力，不接受联合竞买。",
        "winner": xl,
        "price": "91260000.00",
        "licence_no": f"C1401002{y(320)}027150158934",
        "approval_type": "新立",
        "valid_to": add_years(today, 11),
    }
    proc = {
        "project": f"太原市市政设施{y(210)}年度巡查检测服务采购项目",
        "code": f"TYZC{y(210)}-0316",
        "owner": "@szzx",
        "agency": "@agency",
        "method": "公开招标",
        "budget": "4680000.00",
        "scope": "对全市城市道路、桥梁、隧道等市政设施开展日常巡查、定期检测和病害评估，服务期一年。",
        "qualification": "供应商须满足《政府采购法》第二十二条规定的条件，具备公路水运工程试验检测专业甲级或者市政工程检测相应资质。",
        "winner": zx,
        "price": "4512000.00",
        "winners": [{"name": zx.name, "uscc": zx.uscc, "address": zx.address, "amount": "4512000.00"}],
        "items": "市政设施日常巡查、桥梁定期检测、隧道结构检测及病害评估服务，服务期一年。",
        "items_text": "市政设施日常巡查、桥梁定期检测、隧道结构检测及病害评估服务",
        "experts": "李明辉、王海英、张建军、刘卫东、陈晓峰",
        "experts_text": "李明辉、王海英、张建军、刘卫东、陈晓峰",
        "agency_fee": "按原国家计委计价格〔2002〕1980号文件标准收取，计人民币40,600.00元",
        "contract_name": f"太原市市政设施{y(210)}年度巡查检测服务合同",
        "contract_no": f"TYSZ-FW-{y(178)}-006",
        "subject": "市政设施日常巡查、桥梁定期检测、隧道结构检测及病害评估服务",
    }
    equity = {
        "project": "太原市龙城发展投资集团有限公司所持太原龙城物业服务有限公司51%股权转让",
        "code": f"TYCQ{y(240)}-011",
        "owner": "@lc",
        "subject": "太原龙城物业服务有限公司51%股权，标的企业注册资本2,000万元，在管物业面积约380万平方米。",
        "target_company": "太原龙城物业服务有限公司",
        "financials": "截至审计基准日，资产总额8,652.30万元，负债总额5,106.18万元，所有者权益3,546.12万元",
        "qualification": "意向受让方应为依法设立的企业法人，具有物业服务企业经营经验，受让后应保持职工队伍稳定。",
        "conditions": "受让方须在成交之日起5个工作日内签订产权交易合同，并一次性支付全部价款。",
        "authority": body_of("太原市人民政府国有资产监督管理委员会", "140100"),
        "approval_no": f"并国资产权〔{y(250)}〕18号",
        "decision": "经集团董事会研究，同意公开转让所持太原龙城物业服务有限公司51%股权。",
        "method": "网络竞价",
        "winner": bw,
        "price": "19360000.00",
    }
    common = {
        "jur": "太原市",
        "centre": "太原市公共资源交易中心",
        "centre_addr": "太原市万柏林区长风西街1号政务服务中心",
        "platform": "太原市公共资源交易平台",
        "site": "https://taiyuan.ggzy.example.org/",
        "supervisor_name": "太原市发展和改革委员会",
        "venue": "太原市公共资源交易中心开标室（太原市万柏林区长风西街1号）",
        "addr": {
            "szzx": "太原市迎泽区桃园南路38号",
            "agency": "太原市小店区体育路356号",
            "gzj": "太原市万柏林区长风西街1号",
            "lc": "太原市小店区晋阳街202号",
        },
    }
    return Place(
        code="140100",
        slug="taiyuan",
        orgs={
            "gov": "太原市人民政府办公厅",
            "tc": "太原市公共资源交易中心",
            "fgw": "太原市发展和改革委员会",
            "zjj": "太原市住房和城乡建设局",
            "czj": "太原市财政局",
            "gzj": "太原市规划和自然资源局",
            "lc": "太原市龙城发展投资集团有限公司",
            "agency": "山西并州工程招标代理有限公司",
        },
        extra=[
            ("szzx", "太原市市政工程建设管理中心", "owner", "12"),
            ("sthj", "太原市生态环境局", "department", "11"),
            ("scjg", "太原市市场监督管理局", "department", "11"),
        ],
        facts=common,
        records=[
            # 重大建设项目：审批服务 → 征地 → 招标投标（交易中心） → 施工信息 → 设计变更
            Rec(
                "major_projects.approval_service",
                "gov",
                "太原市政府投资重大建设项目审批服务指南",
                "为优化重大建设项目审批服务，现将政府投资重大建设项目可行性研究报告审批事项服务指南公布如下：\n\n一、受理条件：{requirements}\n二、办理程序：{procedure}\n三、办理时限：{time_limit}\n四、受理机构：{accepting_body}（{accepting_body_contact}）\n五、投诉渠道：{objection}",
                {
                    "project": "政府投资项目可行性研究报告审批",
                    "approval_matter": "政府投资项目可行性研究报告审批",
                    "requirements": "项目已列入年度政府投资计划，项目建议书已批复，用地预审和规划选址意见已取得。",
                    "materials": [
                        {"name": "项目可行性研究报告", "note": "具备相应资质的咨询机构编制"},
                        {"name": "用地预审与选址意见书", "note": "复印件"},
                        {"name": "节能审查意见", "note": "按规定需要的"},
                    ],
                    "procedure": "网上申报—窗口受理—评估论证—审查决定—批复送达",
                    "time_limit": "受理后10个工作日（不含评估时间）",
                    "accepting_body": "太原市发展和改革委员会",
                    "accepting_body_contact": "太原市政务服务中心二楼发改委窗口（太原市万柏林区长风西街1号）",
                    "objection": "12345政务服务便民热线",
                },
                ago=420,
                genre="other",
                subject="economy",
            ),
            Rec(
                "major_projects.land_expropriation",
                "gov",
                "{project}征收土地方案公告",
                "根据《中华人民共和国土地管理法》及其实施条例，经{approving_authority}批准（{approval_doc_no}），现将{project}征收土地方案公告如下：\n\n一、征收范围：{location}，征收土地{area_ha}公顷（其中农用地{farm_ha}公顷）。\n二、土地用途：{land_use}。\n三、补偿标准：{compensation_standard}\n四、安置方式：{resettlement}\n五、被征收土地的所有权人、使用权人应在公告之日起30日内，持土地权属证书到所在街道（乡镇）办理征地补偿登记。",
                {
                    "project": major,
                    "info_type": "征收土地方案",
                    "approving_authority": "山西省人民政府",
                    "approval_doc_no": f"晋政地字〔{y(330)}〕92号",
                    "approval_date": today - dt.timedelta(days=340),
                    "land_use": "城市道路（交通运输用地）",
                    "location": "小店区北格镇张花村、西桥村",
                    "land_owner": "张花村股份经济合作社、西桥村股份经济合作社",
                    "land_class": "耕地、园地、农村道路",
                    "area_ha": "18.6420",
                    "farm_ha": "15.2036",
                    "compensation_standard": "执行山西省区片综合地价标准，每亩6.2万元；青苗和地上附着物按《太原市征地地上附着物和青苗补偿标准》补偿。",
                    "resettlement": "被征地农民纳入社会保障，采取货币补偿与留地安置相结合的方式。",
                    "registration": "公告之日起30日内到北格镇人民政府办理补偿登记",
                },
                ago=330,
                ref="ty-land-exp",
                subject="land_resources",
            ),
            Rec(
                "major_projects.tendering",
                "tc",
                "{project}施工总承包招标公告",
                "{body}",
                {
                    "project": major,
                    "owner": "@lc",
                    "info_type": "招标公告",
                    "title": f"{major}施工总承包招标公告",
                    "body": "本项目已由太原市发展和改革委员会批准建设，项目业主为太原市龙城发展投资集团有限公司，建设资金来自市级财政及专项债券资金。现对该项目施工总承包进行公开招标，招标范围为道路、桥梁、排水及附属工程，计划工期540日历天。投标人须具备市政公用工程施工总承包特级或一级资质。",
                    "code": f"TYZD{y(300)}-001",
                },
                ago=300,
                ref="ty-major-notice",
                links=[("ty-land-exp", "related")],
                subject="transport",
                keywords="重大建设项目,招标公告",
            ),
            Rec(
                "major_projects.tendering",
                "tc",
                "{project}施工总承包中标结果公示",
                "{body}",
                {
                    "project": major,
                    "owner": "@lc",
                    "info_type": "中标结果公示",
                    "title": f"{major}施工总承包中标结果公示",
                    "body": "经评标委员会评审和招标人定标，确定山西汾河建设工程有限公司为中标人，中标价格1,286,452,000.00元，工期540日历天。",
                    "code": f"TYZD{y(300)}-001",
                },
                ago=262,
                ref="ty-major-award",
                links=[("ty-major-notice", "stage")],
                subject="transport",
            ),
            Rec(
                "major_projects.construction",
                "zjj",
                "{project}施工有关信息公开",
                "{project}项目法人为{owner}，现将参建单位及项目管理机构信息公开如下（见附表）：\n\n项目管理机构：{pm_organization}\n主要职责：{pm_duties}",
                {
                    "project": major,
                    "owner": "@lc",
                    "legal_entity_principal": "王建平",
                    "participants": [
                        {
                            "role": "设计单位",
                            "name": sj.name,
                            "uscc": sj.uscc,
                            "principal": "刘振华",
                            "qualification": "市政行业甲级",
                        },
                        {
                            "role": "施工单位",
                            "name": fh.name,
                            "uscc": fh.uscc,
                            "principal": "张海涛",
                            "project_manager": "赵志刚",
                            "qualification": "市政公用工程施工总承包一级",
                        },
                        {
                            "role": "监理单位",
                            "name": jl.name,
                            "uscc": jl.uscc,
                            "principal": "何春生",
                            "project_manager": "吕文斌",
                            "qualification": "市政公用工程监理甲级",
                        },
                    ],
                    "pm_organization": "太原市龙城发展投资集团有限公司汾东大道东延项目指挥部",
                    "pm_duties": "负责项目建设的组织协调、质量安全、进度和投资控制。",
                },
                ago=240,
                links=[("ty-major-award", "stage")],
                subject="transport",
            ),
            Rec(
                "major_projects.design_change",
                "fgw",
                "关于{project}重大设计变更的批复",
                "{owner}：\n\n你单位报送的{project}重大设计变更申请收悉。经研究，批复如下：\n\n一、变更原因：{reason}\n二、主要变更内容：{main_changes}\n三、审批结论：{result}",
                {
                    "project": major,
                    "owner": "@lc",
                    "reason": "为避让地下既有天然气高压管线，需调整K3+200—K3+860段线位。",
                    "main_changes": "K3+200—K3+860段道路中线向南平移18米，相应调整桥梁跨径布置，增加投资约2,360万元。",
                    "basis": "《太原市政府投资项目管理办法》第二十六条",
                    "authority": "@fgw",
                    "approval_doc_no": f"并发改审发〔{y(120)}〕188号",
                    "result": "同意该重大设计变更，增加投资在项目总概算预备费中列支。",
                },
                ago=120,
                links=[("ty-major-award", "related")],
                genre="decision",
                subject="transport",
            ),
            Rec(
                "major_projects.tendering",
                "tc",
                "{project}监理招标公告",
                "{body}",
                {
                    "project": major,
                    "owner": "@lc",
                    "info_type": "招标公告",
                    "title": f"{major}施工监理招标公告",
                    "body": "现对汾东大道东延快速化改造工程施工监理进行公开招标，投标人须具备市政公用工程监理甲级资质。",
                    "code": f"TYZD{y(60)}-002",
                },
                ago=60,
                state="draft",
                subject="transport",
            ),
            # 土地：供应计划（上年度失效） → 出让公告 → 成交公示 → 供应结果；撤回的公告；待审批的成交公示
            Rec(
                "land.supply_plan",
                "gov",
                "太原市{year}年度国有建设用地供应计划",
                "经市人民政府同意，现将太原市{year}年度国有建设用地供应计划公布如下：计划供应国有建设用地{total_area_ha}公顷，各类用地安排见附表。",
                {
                    "total_area_ha": "1286.45",
                    "by_use": [
                        {"land_use": "住宅用地", "area_ha": "312.60"},
                        {"land_use": "商服用地", "area_ha": "86.25"},
                        {"land_use": "工矿仓储用地", "area_ha": "402.10"},
                        {"land_use": "公共管理与公共服务用地", "area_ha": "185.50"},
                        {"land_use": "交通运输及其他用地", "area_ha": "300.00"},
                    ],
                },
                ago=630,
                genre="plan",
                subject="land_resources",
                validity=("expired", "该年度供应计划执行期已届满"),
            ),
            Rec(
                "land.supply_plan",
                "gov",
                "太原市{year}年度国有建设用地供应计划",
                "经市人民政府同意，现将太原市{year}年度国有建设用地供应计划公布如下：计划供应国有建设用地{total_area_ha}公顷，各类用地安排见附表。",
                {
                    "total_area_ha": "1198.30",
                    "by_use": [
                        {"land_use": "住宅用地", "area_ha": "276.40"},
                        {"land_use": "商服用地", "area_ha": "72.15"},
                        {"land_use": "工矿仓储用地", "area_ha": "418.55"},
                        {"land_use": "公共管理与公共服务用地", "area_ha": "191.20"},
                        {"land_use": "交通运输及其他用地", "area_ha": "240.00"},
                    ],
                },
                ago=320,
                genre="plan",
                subject="land_resources",
            ),
            Rec(
                "land.transfer_notice",
                "tc",
                "太原市国有建设用地使用权挂牌出让公告（{parcel}）",
                T["land_notice"],
                land,
                ago=270,
                ref="ty-land-notice",
                subject="land_resources",
            ),
            Rec(
                "land.transaction_publicity",
                "tc",
                "{parcel}地块国有建设用地使用权挂牌出让成交公示",
                T["land_deal"],
                dict(land, area="42351.60"),
                ago=240,
                ref="ty-land-deal",
                links=[("ty-land-notice", "stage")],
                subject="land_resources",
                correct=("出让面积录入有误，应为42,315.60平方米", {"area": "42315.60"}),
            ),
            Rec(
                "land.supply_result",
                "gzj",
                "{project}供应结果",
                "现将{project}供应结果公开如下：电子监管号{supervision_no}；土地位置：{location}；面积：{area_ha}公顷；用途：{land_use}；供应方式：{supply_method}；成交价：{price_yuan}；受让人：{winner}。",
                land,
                ago=225,
                links=[("ty-land-deal", "stage")],
                subject="land_resources",
            ),
            Rec(
                "land.transfer_notice",
                "tc",
                "太原市国有建设用地使用权挂牌出让公告（{parcel}）",
                T["land_notice"],
                dict(
                    land,
                    parcel=f"TY{y(110)}-041号",
                    location="太原市尖草坪区胜利北街西侧",
                    area="26480.00",
                    land_use="商务金融用地",
                    term_years=40,
                    plot_ratio="3.0≤容积率≤4.5",
                    start_price="95328000.00",
                    deposit="19065600.00",
                ),
                ago=110,
                withdraw="该宗地规划条件需按新版控制性详细规划调整，本次挂牌出让终止，原公告撤回。",
                subject="land_resources",
            ),
            Rec(
                "land.transaction_publicity",
                "tc",
                "{parcel}地块国有建设用地使用权挂牌出让成交公示",
                T["land_deal"],
                dict(
                    land,
                    parcel=f"TY{y(30)}-052号",
                    location="太原市小店区龙城大街南侧",
                    area="31250.00",
                    land_use="城镇住宅用地",
                    price="248750000.00",
                ),
                due_in=2,
                state="reviewed",
                subject="land_resources",
            ),
            # 矿业权
            Rec(
                "mining.transfer_notice",
                "tc",
                "{project}挂牌出让公告",
                T["mining_notice"],
                mine,
                ago=380,
                ref="ty-mine-notice",
                subject="land_resources",
            ),
            Rec(
                "mining.transaction_publicity",
                "tc",
                "{project}出让公示",
                T["mining_deal"],
                dict(mine, price="92160000.00"),
                ago=350,
                ref="ty-mine-deal",
                links=[("ty-mine-notice", "stage")],
                subject="land_resources",
                correct=("成交价录入有误，应为91,260,000.00元", {"price": "91260000.00"}),
            ),
            Rec(
                "mining.approval_result",
                "gzj",
                "{project}新立审批结果",
                T["mining_approval"],
                dict(mine, authority="@gzj"),
                ago=320,
                links=[("ty-mine-deal", "stage")],
                subject="land_resources",
            ),
            # 政府采购
            Rec(
                "procurement.notice",
                "tc",
                "{project}公开招标公告",
                T["procurement_notice"],
                _without(proc, "winner", "price", "winners"),
                ago=210,
                ref="ty-proc-notice",
                subject="transport",
            ),
            Rec(
                "procurement.result",
                "tc",
                "{project}中标公告",
                T["procurement_result"],
                proc,
                ago=185,
                lag=1,
                ref="ty-proc-result",
                links=[("ty-proc-notice", "stage")],
                subject="transport",
            ),
            Rec(
                "procurement.contract",
                "szzx",
                "{contract_name}公告",
                T["procurement_contract"],
                proc,
                ago=178,
                lag=1,
                links=[("ty-proc-result", "stage")],
                genre="contract",
                subject="transport",
            ),
            Rec(
                "procurement.violations",
                "czj",
                "太原市财政局政府采购行政处罚决定书（{decision_no}）",
                T["penalty"],
                {
                    "party": ht,
                    "authority": "@czj",
                    "decision_no": f"并财采罚〔{y(140)}〕5号",
                    "facts": "当事人在太原市学校食堂设备采购项目中提供虚假的业绩合同，谋取中标。",
                    "legal_basis": "《中华人民共和国政府采购法》第七十七条",
                    "penalty_basis": "《中华人民共和国政府采购法》第七十七条第一款第（一）项",
                    "penalty_text": "处采购金额千分之八的罚款，计人民币18,400.00元；列入不良行为记录名单，一年内禁止参加政府采购活动。",
                    "conduct": "提供虚假材料谋取中标",
                    "penalty": "罚款人民币18,400.00元，一年内禁止参加政府采购活动",
                    "ban_period": "一年",
                },
                ago=140,
                subject="finance",
            ),
            # 国有产权
            Rec(
                "property.approval",
                "lc",
                "{project}决策及批准信息",
                "{decision}\n\n经{authority}批准（{approval_no}），同意通过{centre}公开挂牌转让。",
                equity,
                ago=250,
                ref="ty-eq-approval",
                genre="decision",
                subject="state_assets",
            ),
            Rec(
                "property.project_info",
                "tc",
                "{project}信息披露公告",
                "{project}在{platform}公开挂牌，现将项目信息公告如下：\n\n标的概况：{subject}\n\n主要财务指标：{financials}\n\n受让方资格条件：{qualification}\n\n交易条件：{conditions}\n\n信息披露期：{listing_period}。",
                equity,
                ago=240,
                ref="ty-eq-notice",
                links=[("ty-eq-approval", "stage")],
                subject="state_assets",
            ),
            Rec(
                "property.transaction_price",
                "tc",
                "{project}交易结果公告",
                "{project}项目信息披露期满，经{method}，由{winner}以{price_yuan}受让，成交日期{date_cn}。",
                dict(equity, price="19630000.00"),
                ago=200,
                links=[("ty-eq-notice", "stage")],
                subject="state_assets",
                correct=("成交价格录入有误，应为19,360,000.00元", {"price": "19360000.00"}),
            ),
            # 工程建设：招标公告 → 中标候选人 → 中标结果（逾期发布） → 合同 → 履约；待审查的中标结果
            Rec(
                "construction.tender_notice",
                "tc",
                "{project}施工招标公告",
                T["tender_notice"],
                _without(bridge, "winner", "price"),
                ago=190,
                ref="ty-br-notice",
                subject="transport",
            ),
            Rec(
                "construction.candidates",
                "tc",
                "{project}中标候选人公示",
                T["candidates"],
                bridge,
                f={"candidates": cand},
                ago=165,
                lag=1,
                ref="ty-br-cand",
                links=[("ty-br-notice", "stage")],
                subject="transport",
            ),
            Rec(
                "construction.award",
                "tc",
                "{project}中标结果公告",
                T["award"],
                bridge,
                ago=158,
                late=2,
                ref="ty-br-award",
                links=[("ty-br-cand", "stage")],
                subject="transport",
            ),
            Rec(
                "construction.contract",
                "szzx",
                "{contract_name}订立信息公开",
                T["contract"],
                bridge,
                ago=150,
                ref="ty-br-contract",
                links=[("ty-br-award", "stage")],
                genre="contract",
                subject="transport",
            ),
            Rec(
                "construction.performance",
                "szzx",
                "{project}合同履行信息",
                "{project}（合同价{price_yuan}）履约情况：截至{date_cn}，{status}",
                bridge,
                ago=30,
                links=[("ty-br-contract", "stage")],
                subject="transport",
            ),
            Rec(
                "construction.candidates",
                "tc",
                "太原市迎泽区老军营片区雨污分流改造工程中标候选人公示",
                T["candidates"],
                dict(
                    bridge,
                    project="太原市迎泽区老军营片区雨污分流改造工程",
                    code=f"TYSZ{y(62)}-0192",
                    winner=lc,
                    second=bz,
                    third=fh,
                    price="12596800.00",
                    second_price="12683500.00",
                    third_price="12790420.00",
                    duration_days=180,
                ),
                f={
                    "candidates": candidate_rows(
                        dict(
                            bridge,
                            winner=lc,
                            second=bz,
                            third=fh,
                            price="12596800.00",
                            second_price="12683500.00",
                            third_price="12790420.00",
                            duration_days=180,
                        ),
                        ["李卫东", "郭振宇", "高俊峰"],
                        ["晋114171900658", "晋114141706113", "晋114161800542"],
                    )
                },
                ago=62,
                lag=1,
                subject="urban_rural",
                withdraw="经投诉调查，第一中标候选人拟派项目经理存在在建项目，招标人组织原评标委员会重新评审，原中标候选人公示撤回。",
            ),
            Rec(
                "construction.award",
                "tc",
                "太原市迎泽区老军营片区雨污分流改造工程中标结果公告",
                T["award"],
                dict(
                    bridge,
                    project="太原市迎泽区老军营片区雨污分流改造工程",
                    code=f"TYSZ{y(45)}-0192",
                    winner=bz,
                    price="12683500.00",
                    duration_days=180,
                ),
                ago=45,
                state="submitted",
                subject="urban_rural",
            ),
            # 住房保障
            Rec(
                "housing.construction_plan",
                "gov",
                "太原市{year}年保障性安居工程建设任务",
                "根据省下达的目标任务，太原市{year}年计划开工保障性住房{planned_starts}套、基本建成{planned_completions}套，计划完成投资{planned_investment_wan}。项目清单见附表。",
                {
                    "planned_starts": 6800,
                    "planned_completions": 5200,
                    "planned_investment": "3860000000.00",
                    "projects": [
                        {
                            "name": "太原市小店区保障性租赁住房（南内环东街）",
                            "location": "小店区南内环东街",
                            "units": 1260,
                            "builder": lc.name,
                            "builder_uscc": lc.uscc,
                        },
                        {"name": "尖草坪区城中村改造安置房", "location": "尖草坪区胜利北街", "units": 2400},
                    ],
                },
                ago=300,
                genre="plan",
                subject="urban_rural",
            ),
            Rec(
                "housing.allocation_policy",
                "gov",
                "太原市公共租赁住房管理办法",
                TAIYUAN_POLICY_OLD,
                {},
                ago=600,
                ref="ty-policy-old",
                genre="measure",
                doc_no=f"并政发〔{y(600)}〕14号",
                subject="urban_rural",
                validity=("repealed", "已被《太原市保障性住房管理办法》废止"),
            ),
            Rec(
                "housing.allocation_policy",
                "gov",
                "太原市保障性住房管理办法",
                TAIYUAN_POLICY_NEW,
                {},
                ago=280,
                links=[("ty-policy-old", "related")],
                genre="measure",
                doc_no=f"并政发〔{y(280)}〕6号",
                subject="urban_rural",
            ),
            Rec(
                "housing.allocation_recipients",
                "zjj",
                "太原市{batch}公共租赁住房保障对象审核结果公示",
                T["allocation_targets"] + "\n\n经办人：郝丽萍，联系电话：13903512468。",
                {
                    "authority": "@zjj",
                    "batch": f"{y(100)}年第四批",
                    "count": 3,
                    "applicants": [
                        {
                            "applicant": "韩志强",
                            "household_size": 3,
                            "guarantee_type": "城镇中等偏下收入住房困难家庭",
                            "review_result": "符合条件",
                        },
                        {
                            "applicant": "阎秀梅",
                            "household_size": 2,
                            "guarantee_type": "城镇低收入住房困难家庭",
                            "review_result": "符合条件",
                        },
                        {
                            "applicant": "武建军",
                            "household_size": 4,
                            "guarantee_type": "新就业无房职工",
                            "review_result": "符合条件",
                        },
                    ],
                },
                ago=100,
                ref="ty-targets",
                mask=True,
                redacted=True,
                subject="urban_rural",
            ),
            Rec(
                "housing.allocation_result",
                "zjj",
                "太原市{batch}公共租赁住房配租结果公告",
                T["allocation_result"],
                {
                    "batch": f"{y(100)}年第四批",
                    "venue": "太原市住房保障服务中心",
                    "results": [
                        {
                            "applicant": "韩志强",
                            "project_name": "太原市小店区保障性租赁住房（南内环东街）",
                            "unit_no": "5-2-1806",
                            "guarantee_type": "实物配租",
                        },
                        {
                            "applicant": "阎秀梅",
                            "project_name": "太原市小店区保障性租赁住房（南内环东街）",
                            "unit_no": "3-1-0902",
                            "guarantee_type": "实物配租",
                        },
                    ],
                },
                ago=72,
                links=[("ty-targets", "stage")],
                subject="urban_rural",
            ),
            # 信用
            Rec(
                "credit.blacklist",
                "fgw",
                "关于将{party}列入公共资源配置领域“黑名单”的公告",
                T["blacklist"],
                {
                    "party": ht,
                    "authority": "@fgw",
                    "basis": "《太原市公共资源配置领域严重失信主体名单管理办法》第九条",
                    "facts": "在政府采购活动中提供虚假材料谋取中标，被财政部门行政处罚。",
                    "conduct": "在政府采购活动中提供虚假材料谋取中标",
                    "measures": "三年内限制参加本市公共资源交易活动，并在“信用中国（山西太原）”网站公示。",
                },
                ago=130,
                links=[],
                subject="market",
                keywords="黑名单",
            ),
            Rec(
                "credit.market_entity_credit",
                "fgw",
                "{party}良好行为记录",
                "{party}承建的{project}获评“汾水杯”优质工程，现记入良好行为记录。",
                {
                    "party": fh,
                    "project": f"太原市滨河东路南延线道路及桥梁工程（{y(190)}年）",
                    "record_type": "良好行为记录",
                    "content": "承建工程获评“汾水杯”优质工程",
                    "authority": "@fgw",
                },
                ago=20,
                state="approved",
                subject="market",
            ),
            # 本市增设的领域：规范性文件与政策解读、环评、食品安全“黑名单”、办事指南
            Rec(
                "open_government.normative_documents",
                "gov",
                "太原市人民政府关于全面推行公共资源交易全流程电子化的通知",
                TAIYUAN_NORMATIVE,
                {
                    "title": "太原市人民政府关于全面推行公共资源交易全流程电子化的通知",
                    "doc_no": f"并政发〔{y(340)}〕11号",
                    "issuer": "太原市人民政府",
                    "gazette_issue": f"《太原市人民政府公报》{y(340)}年第3期",
                },
                ago=340,
                ref="ty-normative",
                genre="circular",
                doc_no=f"并政发〔{y(340)}〕11号",
                subject="economy",
            ),
            Rec(
                "open_government.policy_interpretation",
                "gov",
                "《太原市人民政府关于全面推行公共资源交易全流程电子化的通知》政策解读",
                TAIYUAN_READ,
                {
                    "policy_title": "太原市人民政府关于全面推行公共资源交易全流程电子化的通知",
                    "policy_doc_no": f"并政发〔{y(340)}〕11号",
                    "background": "为落实优化营商环境要求，降低市场主体交易成本，推动公共资源交易由“线下”向“线上”全面转变。",
                    "key_tasks": "全面实行电子招标投标、远程异地评标、电子保函替代现金保证金、交易档案电子化。",
                    "drafting_department": "太原市发展和改革委员会",
                    "interpreter": "太原市发展和改革委员会公共资源交易管理处",
                },
                ago=336,
                links=[("ty-normative", "interpretation")],
                genre="interpretation",
                subject="economy",
            ),
            Rec(
                "environment.eia",
                "sthj",
                "关于{project}环境影响报告书的批复",
                "{builder}：\n\n你单位报送的《{project}环境影响报告书》收悉。经研究，批复如下：\n\n一、项目位于{location}，新建污水处理规模10万立方米/日，出水执行《城镇污水处理厂污染物排放标准》一级A标准。\n二、在落实报告书提出的各项污染防治措施后，项目建设对环境的不利影响能够得到缓解和控制，同意项目建设。",
                {
                    "project": "太原市晋阳污水处理厂三期工程",
                    "builder": sw,
                    "location": "太原市晋源区晋阳街南侧",
                    "info_type": "审批决定",
                    "doc_no": f"并环审〔{y(180)}〕46号",
                },
                ago=180,
                genre="decision",
                subject="urban_rural",
            ),
            Rec(
                "food_safety.blacklist",
                "scjg",
                "关于将{party}列入食品安全严重违法生产经营者“黑名单”的公告",
                T["blacklist"] + "\n\n当事人：{party}，法定代表人：郝建国。",
                {
                    "party": wm,
                    "authority": "@scjg",
                    "basis": "《食品生产经营严重违法失信名单管理办法》第六条",
                    "facts": "在糕点生产中超范围使用食品添加剂脱氢乙酸钠，货值金额较大，被依法吊销食品生产许可证。",
                    "conduct": "超范围使用食品添加剂，被吊销食品生产许可证",
                    "measures": "法定代表人五年内不得从事食品生产经营管理工作；列入严重违法失信名单，实施联合惩戒。",
                    "listed_until": "自公布之日起三年",
                },
                ago=120,
                confirm=True,
                subject="market",
                keywords="食品安全,黑名单",
            ),
            Rec(
                "gov_services.service_guides",
                "gov",
                "太原市公共资源交易市场主体注册办事指南",
                "一、事项名称：{service}\n二、受理部门：{department}\n三、办理条件：{conditions}\n四、申请材料：{materials}\n五、办理流程：{procedure}\n六、办理时限：{time_limit}\n七、收费标准：{fees}\n八、办理地点：{place_contact}",
                {
                    "service": "公共资源交易市场主体注册",
                    "department": "太原市公共资源交易中心",
                    "conditions": "依法设立的法人、非法人组织或者具有完全民事行为能力的自然人。",
                    "materials": "营业执照或者其他主体资格证明、法定代表人身份证明、数字证书（CA）。",
                    "procedure": "网上注册—在线提交材料—系统核验—注册完成",
                    "time_limit": "即时办结",
                    "fees": "不收费",
                    "place_contact": "太原市公共资源交易平台网上办理；现场咨询：太原市政务服务中心三楼交易中心服务窗口",
                },
                ago=260,
                genre="other",
                subject="economy",
            ),
        ],
    )


TAIYUAN_POLICY_OLD = """
第一条　为规范公共租赁住房的分配、使用和管理，根据《公共租赁住房管理办法》，结合本市实际，制定本办法。
第二条　公共租赁住房面向本市城镇中等偏下收入住房困难家庭、新就业无房职工和在本市稳定就业的外来务工人员供应。
第三条　公共租赁住房实行轮候配租，配租结果向社会公开。
第四条　本办法自发布之日起施行。
"""

TAIYUAN_POLICY_NEW = """
第一条　为完善住房保障体系，规范保障性住房的建设、分配、运营和退出，根据国家和省有关规定，结合本市实际，制定本办法。
第二条　本办法所称保障性住房，包括公共租赁住房、保障性租赁住房和配售型保障性住房。
第三条　保障性住房分配对象、房源、程序、过程和结果全过程公开，接受社会监督。
第四条　本办法自发布之日起施行，《太原市公共租赁住房管理办法》同时废止。
"""

TAIYUAN_NORMATIVE = """
各县（市、区）人民政府，市人民政府各委、局、办：
为深化公共资源交易平台整合共享，优化营商环境，现就全面推行公共资源交易全流程电子化有关事项通知如下：

一、全面推行电子招标投标。依法必须招标的工程建设项目、政府采购项目一律实行电子化交易，取消纸质投标文件。
二、推行远程异地评标。与省内其他市互联互通，实现评标专家资源共享。
三、推广电子保函。鼓励以电子保函替代现金缴纳投标保证金、履约保证金。
四、实行交易档案电子化管理。交易全过程信息实时记录、全程留痕、可追溯。

本通知自印发之日起施行。
"""

TAIYUAN_READ = """
一、出台背景
{background}

二、主要任务
{key_tasks}

三、对市场主体的影响
市场主体可通过太原市公共资源交易平台在线完成注册、投标、开标、签约等全部环节，无需到现场；以电子保函缴纳保证金可减少资金占用。

四、解读机关
{interpreter}。
"""


PLACES = (hunchun, tinghu, luan, anxi, taiyuan)


# --- loading ---------------------------------------------------------------------------------------------------

REVIEW_COMMENT = "经保密审查，未发现涉及国家秘密、商业秘密和个人隐私的内容，同意公开"
_FLOW = ("draft", "submitted", "reviewed", "approved", "published")


def _prev_workday(day: dt.date) -> dt.date:
    calendar = get_calendar()
    while not calendar.is_workday(day):
        day -= dt.timedelta(days=1)
    return day


def _derive(c: Ctx, formed: dt.date, published: dt.date | None) -> None:
    """Dates and phrases every record may use, unless its facts say otherwise."""
    calendar = get_calendar()
    shown = published or calendar.add_workdays(formed, 1).due
    defaults: dict[str, Any] = {
        "date": formed,
        "year": formed.year,
        "open": formed - dt.timedelta(days=1),
        "doc_from": calendar.add_workdays(shown, 1).due,
        "doc_to": calendar.add_workdays(shown, 6).due,
        "deadline": shown + dt.timedelta(days=21),
        "pub": shown,
        "pub_from": shown,
        "pub_to": shown + dt.timedelta(days=4),
        "start": formed + dt.timedelta(days=15),
        "delivery": formed + dt.timedelta(days=30),
        "valid_to": add_years(formed, 3) - dt.timedelta(days=1),
        "base_date": formed.replace(day=1) - dt.timedelta(days=62),
        "decision_date": formed - dt.timedelta(days=20),
        "prev": formed - dt.timedelta(days=30),
    }
    for key, value in defaults.items():
        c.setdefault(key, value)
    c.setdefault("deal_day", c["deadline"] + dt.timedelta(days=10))
    c.setdefault("finish", c["start"] + dt.timedelta(days=int(c.get("duration_days", 365)) - 1))
    c.setdefault("pub_period", f"{_cn(c['pub_from'])}至{_cn(c['pub_to'])}")
    c.setdefault("listing_period", f"{_cn(shown)}至{_cn(calendar.add_workdays(shown, 20).due)}（20个工作日）")
    c.setdefault("consortium_text", "接受" if c.get("consortium") else "不接受")
    # templates among the facts ("{owner}，地址：{owner_addr}") are filled last, twice for templates in templates
    # (a default that speaks of facts this record lacks is dropped)
    for _ in range(2):
        for key, value in list(c.items()):
            if isinstance(value, str) and "{" in value:
                with contextlib.suppress(KeyError):
                    c[key] = value.format_map(c)
    for key, value in list(c.items()):
        if isinstance(value, str) and "{" in value:
            del c[key]


@dataclass
class _Made:
    rec: Rec
    disclosure: Disclosure
    publisher: Any
    reviewer: Any
    item: CatalogItem
    published: dt.date | None


class _PlaceLoader:
    def __init__(self, place: Place, today: dt.date, password: str) -> None:
        self.place = place
        self.today = today
        self.password = password
        self.jurisdiction = Jurisdiction.objects.get(code=place.code)
        self.items = {i.key: i for i in effective_items(self.jurisdiction)}
        self.orgs: dict[str, Organization] = {}
        self.made: dict[int, _Made] = {}
        self.refs: dict[str, int] = {}

    # organizations and people

    def prepare(self) -> None:
        for alias, name in self.place.orgs.items():
            self.orgs[alias] = Organization.objects.get(jurisdiction=self.jurisdiction, name=name)
        for alias, name, kind, prefix in self.place.extra:
            org = Organization.objects.filter(jurisdiction=self.jurisdiction, name=name).first()
            if org is None:
                org = create_organization(
                    name=name,
                    uscc=make_uscc(name, self.place.code, prefix),
                    kind=kind,
                    jurisdiction=self.jurisdiction,
                )
            self.orgs[alias] = org

    def staff(self, org: Organization) -> tuple[Any, Any]:
        """The organization's publisher and reviewer: the demo accounts where organizations.yaml names them, else
        `<slug>-<kind>-publisher` / `-reviewer` (one pair per kind of body in the jurisdiction)."""
        people = []
        for role, label in ((Role.PUBLISHER, "信息发布员"), (Role.REVIEWER, "保密审查员")):
            member = (
                Membership.objects.filter(organization=org, role=role)
                .select_related("user")
                .order_by("pk")
                .first()
            )
            if member is not None:
                people.append(member.user)
                continue
            kind = org.kind.replace("_", "-")
            user = ensure_user(
                f"{self.place.slug}-{kind}-{role.value}",
                password=self.password,
                full_name=f"{self.jurisdiction.name}{org.get_kind_display()}{label}",
                staff=True,
            )
            grant_role(user=user, organization=org, role=role)
            people.append(user)
        return people[0], people[1]

    # dates

    def formed_on(self, rec: Rec, item: CatalogItem) -> dt.date:
        if rec.due_in is None:
            return _prev_workday(self.today - dt.timedelta(days=rec.ago))
        until = get_calendar().add_workdays(self.today, rec.due_in).due
        day = self.today
        for _ in range(90):
            day = _prev_workday(day - dt.timedelta(days=1))
            if compute_due(item, self.jurisdiction, day).due_on <= until:
                return day
        return day

    def published_on(self, rec: Rec, item: CatalogItem, formed: dt.date) -> dt.date | None:
        if rec.state != "published":
            return None
        calendar = get_calendar()
        if rec.late:
            day = calendar.add_workdays(compute_due(item, self.jurisdiction, formed).due_on, rec.late).due
        else:
            day = calendar.add_workdays(formed, rec.lag).due
        return min(day, self.today)

    # facts

    def context(
        self, rec: Rec, formed: dt.date, published: dt.date | None, changes: dict | None = None
    ) -> Ctx:
        c = Ctx(DEFAULT_FACTS)
        c.update({k: v for k, v in self.place.facts.items() if k != "addr"})
        c.update(rec.c)
        c.update(changes or {})
        for key, value in list(c.items()):
            if isinstance(value, str) and value.startswith("@"):
                org = self.orgs[value[1:]]
                c[key] = Party(org.name, org.uscc, self.place.facts.get("addr", {}).get(value[1:], ""))
        if rec.links and rec.links[0][0] in self.refs:
            c.setdefault("prev", self.made[self.refs[rec.links[0][0]]].disclosure.formed_on)
        _derive(c, formed, published)
        return c

    def content(self, rec: Rec, item: CatalogItem, c: Ctx, where: str) -> dict[str, Any]:
        return {
            "title": fmt(rec.title, c),
            "body": fmt(rec.body, c),
            "fields": build_fields(item, c, rec.f, where),
        }

    # records

    def create(self, number: int, rec: Rec) -> _Made:
        item = self.items[rec.item]
        org = self.orgs[rec.org]
        publisher, reviewer = self.staff(org)
        formed = self.formed_on(rec, item)
        published = self.published_on(rec, item, formed)
        c = self.context(rec, formed, published)
        data = self.content(rec, item, c, f"{self.place.slug}/{rec.item}")
        data.update(
            formed_on=formed,
            subject=rec.subject,
            genre=rec.genre,
            doc_no=rec.doc_no,
            keywords=rec.keywords,
            redacted=rec.redacted,
            valid_until=rec.valid_until or None,
        )
        d, _ = services.upsert_draft(
            actor=publisher, organization=org, external_id=f"{EXTERNAL_PREFIX}{number}", item=item, data=data
        )
        stage = _FLOW.index(rec.state)
        if stage >= 1:
            d = services.submit(actor=publisher, disclosure=d)
        if stage >= 2:
            d = services.review(actor=reviewer, disclosure=d, comment=REVIEW_COMMENT)
            if rec.mask:
                services.mask_personal_data(actor=reviewer, disclosure=d)
        if stage >= 3:
            d = services.approve(actor=reviewer, disclosure=d, confirm_personal_data=rec.confirm)
        if stage >= 4:
            d = services.publish(actor=publisher, disclosure=d, today=published)
        made = _Made(rec, d, publisher, reviewer, item, published)
        self.made[number] = made
        if rec.ref:
            self.refs[rec.ref] = number
        return made

    def afterwards(self, made: _Made) -> None:
        """What happens once a record is out: corrections, withdrawal, validity, links, copies."""
        rec, d = made.rec, made.disclosure
        for correction, decide in ((rec.correct, True), (rec.propose, False)):
            if correction is None:
                continue
            reason, changes = correction
            c = self.context(rec, d.formed_on, made.published, changes)
            data = self.content(rec, made.item, c, f"{self.place.slug}/{rec.item}（更正）")
            revision = services.propose_correction(
                actor=made.publisher, disclosure=d, data=data, reason=reason
            )
            if decide:
                services.decide_correction(
                    actor=made.reviewer, revision=revision, approve=True, comment="同意更正"
                )
        for target_ref, kind in rec.links:
            target = self.made[self.refs[target_ref]].disclosure
            if kind == "interpretation":  # the policy is the source, its interpretation the target
                services.link(actor=made.publisher, source=target, target=d, kind=kind)
            else:
                services.link(actor=made.publisher, source=d, target=target, kind=kind)
        if rec.copied:
            services.mark_copied(
                actor=made.publisher, disclosure=d, sent_on=get_calendar().add_workdays(made.published, 1).due
            )
        if rec.validity:
            validity, reason = rec.validity
            services.change_validity(actor=made.reviewer, disclosure=d, validity=validity, reason=reason)
        if rec.withdraw:
            services.withdraw(actor=made.reviewer, disclosure=d, reason=rec.withdraw)


def _password() -> str:
    data = read_yaml(Path(settings.DATA_DIR) / "demo" / "organizations.yaml").data
    return str(data["password"])


def demo_disclosures():
    return Disclosure.objects.filter(external_id__startswith=EXTERNAL_PREFIX)


def summary(today: dt.date | None = None) -> dict[str, int]:
    """Counts of the demo disclosures by outcome."""
    today = today or timezone.localdate()
    qs = demo_disclosures()
    corrected = (
        qs.filter(revisions__number__gt=1, revisions__status=RevisionStatus.PUBLISHED).distinct().count()
    )
    return {
        "total": qs.count(),
        "published": qs.filter(state=State.PUBLISHED).count(),
        "corrected": corrected,
        "late": sum(
            1
            for due, pub in qs.exclude(published_on=None).values_list("due_on", "published_on")
            if due and pub > due
        ),
        "withdrawn": qs.filter(state=State.WITHDRAWN).count(),
        "invalid": qs.exclude(validity=Validity.VALID).count(),
        "draft": qs.filter(state=State.DRAFT).count(),
        "submitted": qs.filter(state=State.SUBMITTED).count(),
        "reviewed": qs.filter(state=State.REVIEWED).count(),
        "approved": qs.filter(state=State.APPROVED).count(),
        "overdue": qs.overdue(today).count(),
        "links": DisclosureLink.objects.filter(source__in=qs).count(),
        "copied": SupervisorCopy.objects.filter(disclosure__in=qs, state="sent").count(),
        "copies_pending": SupervisorCopy.objects.filter(disclosure__in=qs, state="pending").count(),
    }


@transaction.atomic
def load_demo_disclosures(today: dt.date | None = None) -> dict[str, int]:
    """Create the demo disclosures through the disclosure services (idempotent: once there are demo disclosures,
    nothing more is created). Returns the counts by outcome (see `summary`), with `created`."""
    today = today or timezone.localdate()
    if demo_disclosures().exists():
        return {**summary(today), "created": 0}
    password = _password()
    _WARNINGS.clear()
    number = 0
    created = 0
    for build in PLACES:
        place = build(today)
        loader = _PlaceLoader(place, today, password)
        loader.prepare()
        numbered = []
        for rec in place.records:
            number += 1
            numbered.append((number, rec))
        # in the order the information was formed, so index numbers run with the dates
        numbered.sort(key=lambda nr: (loader.formed_on(nr[1], loader.items[nr[1].item]), nr[0]))
        made = [loader.create(n, rec) for n, rec in numbered]
        for m in made:
            loader.afterwards(m)
        created += len(made)
    for warning in _WARNINGS:
        log.warning("demo data: %s", warning)
    return {**summary(today), "created": created}
