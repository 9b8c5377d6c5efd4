"""Demo credit information: about forty market entities with their registration, licences, honours and penalties,
and the blacklist — entries listed in four jurisdictions, one awaiting review, one past its validity, one removed
after review and one removed by credit repair — so the entity pages, the blacklist and the back office have
something to show.

The content is data: `data/demo/credit/<slug>.yaml` per jurisdiction (its companies, honours, penalties and
listings) and `data/demo/credit-texts.yaml` (docs/demo.md). The companies are the ones the demo disclosures name
(same names, same made-up but valid codes, so an entity's page also lists its awards and contracts), plus
华为技术有限公司 with its real code (registration only). Everything goes through `gongkai.credit.services` acting as
the demo accounts, so the four-eyes rules and the audit log apply. Dates are relative to `today`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from gongkai.core.errors import DataFileError
from gongkai.core.permissions import Perm
from gongkai.core.yamlfile import read_yaml
from gongkai.credit import services
from gongkai.credit.models import BlacklistEntry, CreditRecord, Entity, RepairRecord
from gongkai.credit.rules import add_months
from gongkai.demo.datafile import read_dated
from gongkai.demo.facts import make_uscc
from gongkai.orgs.models import Organization
from gongkai.orgs.roles import organizations_with

SECTIONS = {"companies", "honours", "penalties", "listings"}


def read_credit(
    today: dt.date, data_dir: Path | None = None
) -> tuple[dict[str, Any], dict[str, dict[str, list]]]:
    """The shared texts and each jurisdiction's credit content (slug → section → entries), in the order of
    data/demo/organizations.yaml."""
    demo_dir = (data_dir or Path(settings.DATA_DIR)) / "demo"
    texts = read_dated(demo_dir / "credit-texts.yaml", today)
    places = {}
    for j in read_yaml(demo_dir / "organizations.yaml").data["jurisdictions"]:
        path = demo_dir / "credit" / f"{j['slug']}.yaml"
        if not path.exists():
            continue
        data = read_dated(path, today)
        if unknown := set(data) - SECTIONS:
            raise DataFileError(
                str(path),
                [(None, f"未知的部分：{'、'.join(sorted(unknown))}（可用：{'、'.join(sorted(SECTIONS))}）")],
            )
        places[str(j["slug"])] = {key: data.get(key) or [] for key in SECTIONS}
    return texts, places


class _Demo:
    def __init__(self, today: dt.date, texts: dict[str, Any], places: dict[str, dict[str, list]]) -> None:
        self.today = today
        self.texts = texts
        self.places = places
        users = get_user_model().objects
        self.users = {
            u.username: u for u in users.filter(username__regex=r"^[a-z]+-(publisher|reviewer|supervisor)$")
        }
        self.entities: dict[str, Entity] = {}

    def user(self, slug: str, role: str):
        return self.users[f"{slug}-{role}"]

    def centre(self, slug: str) -> Organization:
        """The demo trading centre where the jurisdiction's publisher works (records and proposes there)."""
        orgs = organizations_with(self.user(slug, "publisher"), Perm.BLACKLIST_PROPOSE)
        return orgs.filter(kind="trading_centre").order_by("pk").first()

    def entries(self, section: str):
        for slug, place in self.places.items():
            for entry in place[section]:
                yield slug, dict(entry)

    def entity(self, name: str) -> Entity:
        if name not in self.entities:
            raise DataFileError("data/demo/credit", [(None, f"“{name}”不是演示信用数据中登记的企业")])
        return self.entities[name]

    def register(self) -> None:
        publisher = self.user("luan", "publisher")
        authorities = self.texts["authorities"]
        for _slug, c in self.entries("companies"):
            uscc = make_uscc(c["name"], c["region"], c.get("prefix", "91"))
            self.entities[c["name"]] = services.register_entity(
                actor=publisher, uscc=uscc, name=c["name"], legal_representative=c.get("rep", ""),
                registered_address=c["address"], registration_authority=authorities[c["region"]],
                established_on=c["established"],
            )  # fmt: skip
        for e in self.texts["registered_only"]:
            self.entities[e["name"]] = services.register_entity(
                actor=publisher, uscc=e["uscc"], name=e["name"], legal_representative=e["rep"],
                registered_address=e["address"], registration_authority=e["authority"], established_on=e["established"],
            )  # fmt: skip

    def record(self, name: str, slug: str, **data) -> CreditRecord:
        return services.record_credit(actor=self.user(slug, "publisher"), organization=self.centre(slug),
                                      entity=self.entity(name), data=data, today=self.today)  # fmt: skip

    def registrations_licences_honours(self) -> None:
        texts = self.texts
        for slug, c in self.entries("companies"):
            authority = texts["authorities"][c["region"]]
            registration = texts["registration"]
            self.record(c["name"], slug, kind="registration", title=registration["title"],
                        content=registration["content"].format(authority=authority, **c),
                        decided_by_name=authority, decided_on=c["established"])  # fmt: skip
            if decided := c.get("licence_on"):
                licence = texts["licence"]
                doc_no = licence["doc_no"].format(region=c["region"], length=len(c["name"]), date=decided)
                self.record(c["name"], slug, kind="licence", title=licence["title"], content=licence["content"],
                            decided_by_name=licence["decided_by_name"], decided_on=decided, doc_no=doc_no,
                            basis=licence["basis"], publicity_until=add_months(decided, licence["publicity_months"]))  # fmt: skip
        honour = texts["honour"]
        for slug, h in self.entries("honours"):
            self.record(h["entity"], slug, kind="honour", title=h["title"], content=honour["content"].format(
                        name=h["entity"], **h), decided_by_name=h["by"], decided_on=h["decided_on"],
                        doc_no=honour["doc_no"].format(year=h["decided_on"].year))  # fmt: skip
        for e in texts["registered_only"]:
            self.record(e["name"], "luan", kind="registration", title=texts["registration"]["title"],
                        content=texts["registered_content"].format(**e), decided_by_name=e["authority"],
                        decided_on=e["established"])  # fmt: skip

    def penalties(self) -> None:
        repairs = []
        for slug, p in self.entries("penalties"):
            repair = p.pop("repair", None)
            record = self.record(p.pop("entity"), slug, **p)
            if repair:
                repairs.append((slug, record, repair))
        for slug, record, repair in repairs:
            self.repair(slug, record, repair)

    def repair(self, slug: str, target: CreditRecord | BlacklistEntry, repair: dict[str, Any]) -> None:
        """An application for credit repair, decided by the reviewer if `decided_on` (`when_allowed`: only once the
        record may be repaired)."""
        if repair.get("when_allowed"):
            target.refresh_from_db()
            if not (target.repair_from and target.repair_from <= repair["applied_on"]):
                return
        extra = {"commitment": True} if repair.get("commitment") else {}
        application = services.record_repair_application(
            actor=self.user(slug, "publisher"), target=target, applied_on=repair["applied_on"],
            evidence=repair["evidence"], **extra,
        )  # fmt: skip
        if "decided_on" in repair:
            extra = {"comment": repair["comment"]} if "comment" in repair else {}
            services.decide_repair(actor=self.user(slug, "reviewer"), repair=application, approve=True,
                                   today=repair["decided_on"], **extra)  # fmt: skip

    def blacklist(self) -> None:
        settings_ = self.texts["listing"]
        for slug, data in self.entries("listings"):
            entity = self.entity(data.pop("entity"))
            pending = data.pop("pending", False)
            removal, repair = data.pop("removal", None), data.pop("repair", None)
            months = data.pop("valid_months", settings_["months"])
            if not pending:
                data["valid_to"] = add_months(data["decided_on"], months)
            entry = services.propose_listing(actor=self.user(slug, "publisher"), organization=self.centre(slug),
                                             entity=entity, data=data)  # fmt: skip
            if pending:
                continue
            entry = services.review_listing(actor=self.user(slug, "reviewer"), entry=entry, approve=True,
                                            comment=settings_["review_comment"])  # fmt: skip
            if removal:
                services.propose_removal(actor=self.user(slug, "publisher"), entry=entry, kind="removed",
                                         reason=removal["reason"])  # fmt: skip
                services.review_removal(actor=self.user(slug, "supervisor"), entry=entry, approve=True,
                                        today=removal["approved_on"])  # fmt: skip
            if repair:
                self.repair(slug, entry, repair)


@transaction.atomic
def load_demo_credit(today: dt.date | None = None) -> dict[str, int]:
    """Create the demo credit information (idempotent: once there are demo entries, nothing more is created)."""
    today = today or timezone.localdate()
    texts, places = read_credit(today)
    marker = next(entry["entity"] for place in places.values() for entry in place["listings"])
    if not BlacklistEntry.objects.filter(entity__name=marker).exists():  # the first listing: loaded already
        demo = _Demo(today, texts, places)
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
