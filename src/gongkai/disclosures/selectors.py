"""Reads of disclosures for the public, the back office and the API."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet

from gongkai.catalog.selectors import descendant_codes
from gongkai.core.errors import NotFound
from gongkai.disclosures import permissions as perms
from gongkai.disclosures.choices import RevisionStatus, State
from gongkai.disclosures.models import Disclosure, DisclosureLink, Revision
from gongkai.orgs.models import Role
from gongkai.orgs.selectors import organizations_of

_PUBLIC_RELATED = ("organization", "jurisdiction", "catalog_item__domain", "catalog_item__stage")


def public_disclosures() -> QuerySet[Disclosure]:
    return Disclosure.objects.published().select_related(*_PUBLIC_RELATED).order_by("-published_at", "-pk")


def get_public(pk: int) -> Disclosure:
    """A published (or withdrawn) disclosure; anything else is 'not found', so drafts never leak."""
    d = public_disclosures().filter(pk=pk).first()
    if d is None:
        raise NotFound("该信息不存在或尚未发布")
    return d


def revisions_of(d: Disclosure) -> list[Revision]:
    """Published and superseded revisions, newest first (the public history of corrections)."""
    return list(
        d.revisions.filter(status__in=[RevisionStatus.PUBLISHED, RevisionStatus.SUPERSEDED]).order_by(
            "-number"
        )
    )


def links_of(d: Disclosure, *, public: bool = True) -> list[tuple[str, Disclosure]]:
    """Related disclosures both ways, as (relation label, disclosure)."""
    visible = [State.PUBLISHED, State.WITHDRAWN]
    out = []
    for link in DisclosureLink.objects.filter(Q(source=d) | Q(target=d)).select_related("source", "target"):
        other = link.target if link.source_id == d.pk else link.source
        if public and other.state not in visible:
            continue
        label = link.get_kind_display()
        if link.target_id == d.pk and link.kind == "interpretation":
            label = "被解读的政策"
        out.append((label, other))
    return out


def staff_disclosures(user) -> QuerySet[Disclosure]:
    return perms.visible_to(user, Disclosure.objects.select_related(*_PUBLIC_RELATED, "created_by"))


def get_for_staff(user, pk: int) -> Disclosure:
    d = staff_disclosures(user).filter(pk=pk).first()
    if d is None:
        raise NotFound("该信息不存在")
    return d


def my_drafts(user) -> QuerySet[Disclosure]:
    return staff_disclosures(user).filter(
        state=State.DRAFT, organization__in=organizations_of(user, Role.PUBLISHER)
    )


def review_queue(user) -> QuerySet[Disclosure]:
    """Items awaiting this reviewer (never their own drafts), and proposed corrections."""
    orgs = organizations_of(user, Role.REVIEWER)
    return (
        staff_disclosures(user)
        .filter(organization__in=orgs)
        .filter(Q(state__in=[State.SUBMITTED, State.REVIEWED]) | Q(revisions__status=RevisionStatus.PROPOSED))
        .exclude(Q(state__in=[State.SUBMITTED, State.REVIEWED]) & Q(created_by=user))
        .distinct()
    )


def ready_to_publish(user) -> QuerySet[Disclosure]:
    return staff_disclosures(user).filter(state=State.APPROVED)


def overdue(user, today: dt.date) -> QuerySet[Disclosure]:
    return staff_disclosures(user).overdue(today).order_by("due_on")


def due_soon(user, today: dt.date, until: dt.date) -> QuerySet[Disclosure]:
    return staff_disclosures(user).due_within(today, until).order_by("due_on")


def pending_copies(user):
    from gongkai.disclosures.models import SupervisorCopy

    return (
        SupervisorCopy.objects.filter(disclosure__in=staff_disclosures(user), state="pending")
        .select_related("disclosure", "supervisor")
        .order_by("due_on")
    )


def search_staff(user, q: str) -> QuerySet[Disclosure]:
    """Search within the records of the user's organizations: title, document number, index number, body."""
    qs = staff_disclosures(user)
    for term in q.split():
        qs = qs.filter(
            Q(title__icontains=term)
            | Q(doc_no__icontains=term)
            | Q(index_no__icontains=term)
            | Q(body__icontains=term)
        )
    return qs.order_by("-updated_at")


def browse(*, jurisdiction=None, domain: str | None = None, item: int | None = None, organization: int | None = None,
           year: int | None = None) -> QuerySet[Disclosure]:  # fmt: skip
    """Published records by jurisdiction (with its children), domain, catalog item, organization and year."""
    qs = public_disclosures()
    if jurisdiction is not None:
        codes = [jurisdiction.code, *descendant_codes(jurisdiction)]
        qs = qs.filter(jurisdiction__code__in=codes)
    if domain:
        qs = qs.filter(catalog_item__domain__code=domain)
    if item:
        qs = qs.filter(catalog_item_id=item)
    if organization:
        qs = qs.filter(organization_id=organization)
    if year:
        qs = qs.filter(published_on__year=year)
    return qs


@dataclass(frozen=True)
class Timeliness:
    published: int
    on_time: int
    late: int
    overdue_unpublished: int

    @property
    def rate(self) -> float | None:
        """Share of records published by their due date, among those published (None when there are none)."""
        return None if not self.published else self.on_time / self.published


def timeliness(qs: QuerySet[Disclosure], today: dt.date) -> Timeliness:
    published = qs.filter(published_on__isnull=False, due_on__isnull=False)
    on_time = published.filter(published_on__lte=F("due_on")).count()
    total = published.count()
    return Timeliness(total, on_time, total - on_time, qs.overdue(today).count())


def item_counts(catalog_item_ids) -> dict[int, int]:
    """Published records per catalog item."""
    rows = (
        Disclosure.objects.published()
        .filter(catalog_item_id__in=list(catalog_item_ids))
        .values("catalog_item_id")
        .annotate(n=Count("pk"))
    )
    return {r["catalog_item_id"]: r["n"] for r in rows}


def latest_by_domain(limit: int = 5) -> list[tuple[str, str, list[Disclosure]]]:
    """(domain code, name, latest records) for each domain with published records."""
    from gongkai.catalog.models import Domain

    out = []
    for domain in (
        Domain.objects.filter(items__disclosures__state__in=[State.PUBLISHED]).distinct().order_by("position")
    ):
        records = list(
            public_disclosures().filter(catalog_item__domain=domain, state=State.PUBLISHED)[:limit]
        )
        out.append((domain.code, domain.name, records))
    return out


def counts_by_jurisdiction() -> dict[str, int]:
    rows = Disclosure.objects.published().values("jurisdiction__code").annotate(n=Count("pk"))
    return {r["jurisdiction__code"]: r["n"] for r in rows}
