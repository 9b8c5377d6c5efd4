from __future__ import annotations

from django.db.models import QuerySet

from gongkai.orgs.models import Membership, Organization, Role


def organizations_of(user, role: Role | None = None) -> QuerySet[Organization]:
    """The organizations in which `user` holds `role` (any role when None)."""
    if not getattr(user, "is_authenticated", False):
        return Organization.objects.none()
    memberships = Membership.objects.filter(user=user)
    if role is not None:
        memberships = memberships.filter(role=role)
    return Organization.objects.filter(pk__in=memberships.values("organization_id"))


def organizations_in(jurisdiction) -> QuerySet[Organization]:
    return Organization.objects.filter(jurisdiction=jurisdiction, active=True).order_by("kind", "name")
