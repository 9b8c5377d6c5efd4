"""Demo transactions: complete and incomplete ones in every domain whose lifecycle has stages, with the red flags
the checks are there to catch — a missing award, a contract before its award, an award above budget, a deal below
the reserve price, a tender period shorter than the law allows, a winner without a credit code, a contract price
raised by more than 10 %, and a winner on the blacklist when the award was made.

The deals are data: `data/demo/transactions/<slug>.yaml`, with what their notices say where a step gives no value in
`data/demo/transaction-texts.yaml` (docs/demo.md). Everything goes through the services — organizations and
accounts (gongkai.orgs), each stage's disclosure through the whole publishing workflow (gongkai.disclosures), the
transaction and its steps (gongkai.transactions), the blacklist entry (gongkai.credit) — so the audit log and every
rule apply. Dates are relative to `today`. Loading again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction as db_transaction
from django.utils import timezone

from gongkai.catalog.models import CatalogItem, Domain, Jurisdiction
from gongkai.catalog.selectors import effective_items
from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import line_of, read_yaml
from gongkai.demo.datafile import plain
from gongkai.demo.facts import cn, make_uscc
from gongkai.disclosures import services as disclosure_services
from gongkai.orgs.models import Organization, Role
from gongkai.orgs.services import create_organization, ensure_user, grant_role
from gongkai.transactions import services
from gongkai.transactions.checks import run_checks
from gongkai.transactions.models import Transaction

PREFIX = "DEMO-"
DEAL_KEYS = {
    "domain",
    "title",
    "owner",
    "steps",
    "winner",
    "budget",
    "procedure",
    "winner_code",
    "blacklisted",
}
STEP_KEYS = {"item", "ago", "by", "fields"}
TOP_KEYS = {"code", "slug", "organizations", "deals", "blacklisting"}


def demo_uscc(name: str, region: str, prefix: str = "91") -> str:
    """The made-up credit code of a party of a demo transaction (its own series, apart from the disclosures')."""
    return make_uscc(name, region, prefix, seed="gongkai-demo-txn")


@dataclass(frozen=True)
class Step:
    item: str  # catalog item key
    ago: int  # published this many days before today (formed two days earlier)
    by: str = "owner"  # owner | an organization key of the place
    fields: dict[str, Any] = field(default_factory=dict)  # {"ago": N(, "words": true)}: a date N days back
    line: int | None = None


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
    path: str
    code: str
    slug: str
    orgs: dict[str, tuple[str, str]]  # key -> (name, kind); created when missing
    deals: tuple[Deal, ...]
    blacklisting: dict[str, Any]  # the listing of a blacklisted winner


def read_deals(path: Path) -> Place:
    """One jurisdiction's demo transactions, checked; a DataFileError lists every problem with its line."""
    doc = read_yaml(path)
    data, problems = doc.data, []

    def unknown(node: Any, allowed: set[str], what: str) -> None:
        for key in set(node) - allowed:
            problems.append(
                (line_of(node, key), f"{what}中有未知字段“{key}”（可用：{'、'.join(sorted(allowed))}）")
            )

    unknown(data, TOP_KEYS, "文件")
    orgs = {str(k): (str(v["name"]), str(v["kind"])) for k, v in (data.get("organizations") or {}).items()}
    deals = []
    for i, d in enumerate(data.get("deals") or []):
        unknown(d, DEAL_KEYS, f"第{i + 1}个交易")
        if not {"domain", "title", "owner", "steps"} <= set(d):
            problems.append((line_of(data["deals"], i), f"第{i + 1}个交易应有 domain、title、owner、steps"))
            continue
        steps = []
        for j, s in enumerate(d["steps"]):
            unknown(s, STEP_KEYS, f"第{i + 1}个交易的第{j + 1}步")
            if not isinstance(s.get("item"), str) or not isinstance(s.get("ago"), int):
                problems.append((line_of(d["steps"], j), "每一步应有 item（目录事项）和 ago（天数）"))
                continue
            steps.append(Step(str(s["item"]), s["ago"], str(s.get("by", "owner")), plain(s.get("fields") or {}),
                              line_of(d["steps"], j)))  # fmt: skip
        for key, where in [("owner", d)] + [("by", s) for s in d["steps"] if "by" in s]:
            if where[key] not in orgs:
                problems.append(
                    (line_of(where, key), f"未知的机构键“{where[key]}”（可用：{'、'.join(orgs)}）")
                )
        extra = {
            k: plain(d[k]) for k in ("winner", "budget", "procedure", "winner_code", "blacklisted") if k in d
        }
        deals.append(Deal(str(d["domain"]), str(d["title"]), str(d["owner"]), tuple(steps), **extra))
    if problems:
        raise DataFileError(doc.path, problems)
    blacklisting = plain(data.get("blacklisting") or {})
    return Place(doc.path, str(data["code"]), str(data["slug"]), orgs, tuple(deals), blacklisting)


def _title(project: str, category: str) -> str:
    """The notice's full title: the project and the kind of notice, without saying 采购 twice (…采购 + 采购公告)."""
    return project[:-2] + category if project[-2:] == category[:2] else project + category


def _value(spec: dict, ctx: dict[str, Any], texts: dict[str, Any]) -> Any:
    """A valid value for a field nobody set: names and codes of the deal, else something plain of the right type."""
    key, kind = spec["key"], spec["type"]
    if key in ctx:
        return ctx[key]
    if kind == "choice":
        return spec["options"][0]
    if kind == "table":
        return [
            {
                c["key"]: _value(c, ctx, texts)
                for c in spec.get("columns", [])
                if c.get("required") or c["type"] == "uscc"
            }
        ]
    if kind == "text" and texts["text_defaults"].get(key):
        return texts["text_defaults"][key]
    if kind == "date":
        return ctx["_date"]
    if kind == "uscc":
        return ctx.get("_owner_uscc")
    return texts["type_defaults"][kind]


def _fields(item: CatalogItem, ctx: dict[str, Any], overrides: dict[str, Any], texts: dict) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for spec in item.fields:
        key = spec["key"]
        if key in overrides:
            values[key] = overrides[key]
        elif spec.get("required") or key in ctx:
            value = _value(spec, ctx, texts)
            if value not in (None, ""):
                values[key] = value
    return values


@dataclass
class _Loader:
    place: Place
    today: dt.date
    password: str
    texts: dict[str, Any]
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
        unknown = [(s.line, f"未知的目录事项“{s.item}”") for d in self.place.deals for s in d.steps
                   if s.item not in self.items]  # fmt: skip
        if unknown:
            raise DataFileError(self.place.path, unknown)

    def on(self, value: Any) -> Any:
        """A step's field value, with `{ago: N}` as the date N days back (in words with the centre if `words`)."""
        if not (isinstance(value, dict) and "ago" in value):
            return value
        day = self.today - dt.timedelta(days=value["ago"])
        if not value.get("words"):
            return day.isoformat()
        return self.texts["time_place"].format(date=cn(day), centre=self.orgs["centre"].name)

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
            overrides = {k: self.on(v) for k, v in step.fields.items()}
            body = self.texts["body"].format(title=deal.title, category=item.category)
            d = disclosure_services.create_draft(
                actor=self.publisher, organization=org, item=item,
                data={"title": _title(deal.title, item.category), "formed_on": published - dt.timedelta(days=2),
                      "body": body, "info_source": org.name, "fields": _fields(item, ctx, overrides, self.texts)},
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
        texts = self.texts
        ctx: dict[str, Any] = {
            "_date": (published - dt.timedelta(days=2)).isoformat(),
            "_owner_uscc": owner.uscc,
        }
        for key in texts["name_keys"]:
            ctx[key] = deal.title
        ctx["contract_name"] = texts["contract_name"].format(title=deal.title)
        for key in texts["owner_keys"]:
            ctx[key] = owner.name
            ctx[f"{key}_uscc"] = owner.uscc
        if deal.winner:
            for key in texts["winner_keys"]:
                ctx[key] = deal.winner
                if deal.winner_code:
                    ctx[f"{key}_uscc"] = winner_uscc
        price = step.fields.get("bid_price") or step.fields.get("price") or step.fields.get("amount")
        if deal.winner and step.item.endswith(".candidates"):
            ctx["candidates"] = self.candidates(deal, winner_uscc, price or "0.00")
        if step.item.startswith("housing."):
            ctx["applicants"] = texts["applicants"]
            ctx["results"] = texts["results"]
        if step.item.startswith("procurement.result") or step.item.startswith("medical."):
            ctx["main_items"] = [
                {"name": deal.title.replace("采购", ""), "quantity": "1", "unit_price": price or "0.00"}
            ]
        return ctx

    def candidates(self, deal: Deal, winner_uscc: str, price: str) -> list[dict]:
        others = self.texts["other_bidders"]
        rows = [(deal.winner, winner_uscc, price)] + [
            (name, demo_uscc(name, others["region"]), f"{float(price) * (1.02 + 0.01 * i):.2f}")
            for i, name in enumerate(others["names"])
        ]
        row = self.texts["candidate"]
        return [
            {"rank": i, "name": name, "uscc": code, "bid_price": amount, "duration": row["duration"],
             "evaluation": row["evaluation"].format(score=95 - 3 * i), "managers": row["managers"],
             "qualification_conditions": row["qualification_conditions"]}
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
        listing = dict(self.place.blacklisting)
        bureau = self.orgs[listing.pop("organization")]
        entity = credit.register_entity(actor=self.publisher, uscc=uscc, name=name)
        entry = credit.propose_listing(actor=self.publisher, organization=bureau, entity=entity, data={
            **listing, "decided_by_name": bureau.name, "decided_by_uscc": bureau.uscc,
            "decided_on": on.isoformat(), "valid_from": on.isoformat(),
        })  # fmt: skip
        credit.review_listing(actor=self.reviewer, entry=entry, approve=True)
        return True


@db_transaction.atomic
def load_demo_transactions(today: dt.date | None = None) -> dict[str, int]:
    """Create the demo transactions of data/demo/transactions/ (idempotent); returns how many there are, how many
    are flagged and why."""
    today = today or timezone.localdate()
    if not Transaction.objects.filter(project_no__startswith=PREFIX).exists():
        demo_dir = Path(settings.DATA_DIR) / "demo"
        order = read_yaml(demo_dir / "organizations.yaml").data
        password = str(order["password"])
        texts = plain(read_yaml(demo_dir / "transaction-texts.yaml").data)
        paths = [demo_dir / "transactions" / f"{j['slug']}.yaml" for j in order["jurisdictions"]]
        for place in [read_deals(p) for p in paths if p.exists()]:
            loader = _Loader(place, today, password, texts)
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
