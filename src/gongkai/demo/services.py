"""Demo data for a fresh installation: organizations and staff accounts in each seed jurisdiction."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from gongkai.catalog.models import Jurisdiction
from gongkai.core.yamlfile import read_yaml
from gongkai.orgs.models import Organization, Role
from gongkai.orgs.services import create_organization, ensure_user, grant_role


@dataclass(frozen=True)
class DemoAccount:
    username: str
    name: str
    role: str
    organizations: list[str]


def _organizations_for(spec: str, orgs: list[Organization]) -> list[Organization]:
    if spec == "supervisor":
        return [o for o in orgs if o.is_supervisor][:1]
    if "-" in str(spec):
        first, last = (int(x) for x in str(spec).split("-"))
        return orgs[first : last + 1]
    return [orgs[int(spec)]]


@transaction.atomic
def load_demo(path: str | Path | None = None) -> tuple[str, list[DemoAccount]]:
    """Create the demo organizations and users (idempotent); returns the password and the accounts."""
    data = read_yaml(path or Path(settings.DATA_DIR) / "demo" / "organizations.yaml").data
    password = str(data["password"])
    accounts = [DemoAccount("admin", "系统管理员", "管理员", ["全部"])]
    ensure_user("admin", password=password, full_name="系统管理员", superuser=True)
    for jdata in data["jurisdictions"]:
        jurisdiction = Jurisdiction.objects.get(code=str(jdata["code"]))
        orgs = []
        for o in jdata["organizations"]:
            org = Organization.objects.filter(uscc=o["uscc"]).first() or create_organization(
                name=o["name"],
                uscc=o["uscc"],
                kind=o["kind"],
                jurisdiction=jurisdiction,
                is_supervisor=bool(o.get("supervisor", False)),
            )
            orgs.append(org)
        for u in jdata["users"]:
            user = ensure_user(u["username"], password=password, full_name=u["name"], staff=True)
            targets = _organizations_for(u["org"], orgs)
            for org in targets:
                grant_role(user=user, organization=org, role=u["role"])
            accounts.append(
                DemoAccount(u["username"], u["name"], Role(u["role"]).label, [o.name for o in targets])
            )
    from gongkai.demo.applications import load_demo_applications
    from gongkai.demo.complaints import load_demo_complaints
    from gongkai.demo.credit import load_demo_credit
    from gongkai.demo.disclosures import load_demo_disclosures
    from gongkai.demo.oversight import load_demo_oversight
    from gongkai.demo.reports import load_demo_reports
    from gongkai.demo.transactions import load_demo_transactions

    load_demo_disclosures()
    load_demo_credit()
    load_demo_transactions()
    load_demo_applications()
    load_demo_reports()  # after the ledger and the disclosures it counts
    load_demo_oversight()
    load_demo_complaints()
    return password, accounts
