"""Who may see the delivery log and which subscriptions: superusers all of them; supervisors (监督人员 of a
supervising organization) those whose search is limited to a jurisdiction they oversee (their own and those below
it) or to an organization in one; a subscription to everything only those who oversee a top-level jurisdiction."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from gongkai.catalog.models import Jurisdiction
from gongkai.orgs.models import Organization
from gongkai.orgs.roles import supervised_jurisdiction_ids
from gongkai.subscriptions.models import Subscription


def can_view_delivery_log(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or bool(supervised_jurisdiction_ids(user))


def visible_to(user, qs: QuerySet[Subscription]) -> QuerySet[Subscription]:
    """The subscriptions of `qs` that `user` may see in the delivery log. Deny by default."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    reach = supervised_jurisdiction_ids(user)
    if not reach:
        return qs.none()
    codes = list(Jurisdiction.objects.filter(pk__in=reach).values_list("code", flat=True))
    org_ids = list(Organization.objects.filter(jurisdiction_id__in=reach).values_list("pk", flat=True))
    scope = Q(query__jurisdiction__in=codes) | Q(query__organization__in=org_ids)
    if Jurisdiction.objects.filter(pk__in=reach, parent__isnull=True).exists():
        scope |= ~Q(query__has_key="jurisdiction") & ~Q(query__has_key="organization")
    return qs.filter(scope)
