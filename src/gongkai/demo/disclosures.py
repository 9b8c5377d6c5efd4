"""Demo disclosures: a living portal for a fresh `gongkai demo`.

About 200 records across the five seed jurisdictions and every domain they disclose proactively: published on time
and late, corrected, withdrawn, expired or repealed, linked (stages of a deal, policy and interpretation), masked
before approval, copied to the supervision bureau, and a few still in draft, under review or overdue in the demo
accounts' 工作台. Everything goes through `gongkai.disclosures.services` acting as users with the right roles, so the
audit log and every rule apply; a record the services refuse is a mistake in the data below, never worked around.

Dates are relative to `today`: each record is formed some days back and published a few working days later.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gongkai.catalog.models import CatalogItem, Jurisdiction
from gongkai.catalog.selectors import effective_items
from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import read_yaml
from gongkai.demo.datafile import Place, Rec, Texts, read_place, read_texts
from gongkai.demo.facts import Ctx, FieldBuilder, Party, derive, fmt, make_uscc, prev_workday
from gongkai.disclosures import services
from gongkai.disclosures.choices import RevisionStatus, State, Validity
from gongkai.disclosures.models import Disclosure, DisclosureLink, SupervisorCopy
from gongkai.disclosures.rules import compute_due
from gongkai.orgs.models import Membership, Organization, Role
from gongkai.orgs.services import create_organization, ensure_user, grant_role
from gongkai.workdays.calendar import get_calendar

EXTERNAL_PREFIX = "demo-"
log = logging.getLogger(__name__)

_FLOW = ("draft", "submitted", "reviewed", "approved", "published")


@dataclass
class _Made:
    rec: Rec
    disclosure: Disclosure
    publisher: Any
    reviewer: Any
    item: CatalogItem
    published: dt.date | None


class _PlaceLoader:
    def __init__(
        self, place: Place, today: dt.date, password: str, texts: Texts, fields: FieldBuilder
    ) -> None:
        self.place = place
        self.texts = texts
        self.fields = fields
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
            return prev_workday(self.today - dt.timedelta(days=rec.ago))
        until = get_calendar().add_workdays(self.today, rec.due_in).due
        day = self.today
        for _ in range(90):
            day = prev_workday(day - dt.timedelta(days=1))
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
        c = Ctx(self.texts.defaults)
        c.update({k: v for k, v in self.place.facts.items() if k != "addr"})
        c.update(rec.c)
        c.update(changes or {})
        for key, value in list(c.items()):
            if isinstance(value, str) and value.startswith("@"):
                org = self.orgs[value[1:]]
                c[key] = Party(org.name, org.uscc, self.place.facts.get("addr", {}).get(value[1:], ""))
        if rec.links and rec.links[0][0] in self.refs:
            c.setdefault("prev", self.made[self.refs[rec.links[0][0]]].disclosure.formed_on)
        derive(c, formed, published)
        return c

    def content(self, rec: Rec, item: CatalogItem, c: Ctx, where: str) -> dict[str, Any]:
        return {
            "title": fmt(rec.title, c),
            "body": fmt(rec.body, c),
            "fields": self.fields.build(item, c, rec.f, where),
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
            if rec.mask:  # 保密审查 refuses unmasked personal data: the reviewer masks first
                services.mask_personal_data(actor=reviewer, disclosure=d)
            d = services.review(actor=reviewer, disclosure=d, comment=self.texts.comments["review"],
                                confirm_personal_data=rec.confirm)  # fmt: skip
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
                    actor=made.reviewer,
                    revision=revision,
                    approve=True,
                    comment=self.texts.comments["correction"],
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


def read_places(today: dt.date, data_dir: Path | None = None) -> tuple[Texts, list[Place]]:
    """The texts and every jurisdiction's demo disclosures, in the order of data/demo/organizations.yaml."""
    demo_dir = (data_dir or Path(settings.DATA_DIR)) / "demo"
    texts = read_texts(demo_dir / "disclosure-texts.yaml")
    order = read_yaml(demo_dir / "organizations.yaml").data["jurisdictions"]
    paths = [demo_dir / "disclosures" / f"{j['slug']}.yaml" for j in order]
    return texts, [read_place(path, texts, today) for path in paths if path.exists()]


@transaction.atomic
def load_demo_disclosures(today: dt.date | None = None) -> dict[str, int]:
    """Create the demo disclosures of data/demo/disclosures/ through the disclosure services (idempotent: once
    there are demo disclosures, nothing more is created). Returns the counts by outcome (see `summary`), with
    `created`. A data file that does not fit the catalogs raises DataFileError before anything is written."""
    today = today or timezone.localdate()
    if demo_disclosures().exists():
        return {**summary(today), "created": 0}
    password = _password()
    texts, places = read_places(today)
    fields = FieldBuilder(texts.aliases)
    loaders = []
    for place in places:
        loader = _PlaceLoader(place, today, password, texts, fields)
        unknown = [(r.line, f"未知的目录事项“{r.item}”") for r in place.records if r.item not in loader.items]
        if unknown:
            raise DataFileError(place.path, unknown)
        loaders.append(loader)
    number = 0
    created = 0
    for loader in loaders:
        loader.prepare()
        numbered = []
        for rec in loader.place.records:
            number += 1
            numbered.append((number, rec))
        # in the order the information was formed, so index numbers run with the dates
        numbered.sort(key=lambda nr: (loader.formed_on(nr[1], loader.items[nr[1].item]), nr[0]))
        made = [loader.create(n, rec) for n, rec in numbered]
        for m in made:
            loader.afterwards(m)
        created += len(made)
    for warning in fields.warnings:
        log.warning("demo data: %s", warning)
    return {**summary(today), "created": created}
