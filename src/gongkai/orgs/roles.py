"""Which permissions each role grants, within the organizations where the user holds it."""

from __future__ import annotations

from gongkai.core.permissions import Perm
from gongkai.orgs.models import Role

ROLE_PERMISSIONS: dict[str, frozenset[Perm]] = {
    Role.PUBLISHER: frozenset(
        {
            Perm.DISCLOSURE_DRAFT,
            Perm.DISCLOSURE_SUBMIT,
            Perm.DISCLOSURE_PUBLISH,
            Perm.DISCLOSURE_CORRECT,
            Perm.DISCLOSURE_VIEW_INTERNAL,
            Perm.DISCLOSURE_COPY,
            Perm.CREDIT_RECORD,
            Perm.BLACKLIST_PROPOSE,
            Perm.TRANSACTION_MANAGE,
        }
    ),
    Role.REVIEWER: frozenset(
        {
            Perm.DISCLOSURE_REVIEW,
            Perm.DISCLOSURE_PUBLISH,
            Perm.DISCLOSURE_APPROVE_CORRECTION,
            Perm.DISCLOSURE_WITHDRAW,
            Perm.DISCLOSURE_VALIDITY,
            Perm.DISCLOSURE_VIEW_INTERNAL,
            Perm.BLACKLIST_REVIEW,
            Perm.APPLICATION_APPROVE_EXTENSION,
        }
    ),
    Role.HANDLER: frozenset({Perm.DISCLOSURE_VIEW_INTERNAL, Perm.APPLICATION_HANDLE}),
    Role.SUPERVISOR: frozenset({Perm.SUPERVISION_VIEW, Perm.DISCLOSURE_VIEW_INTERNAL, Perm.BLACKLIST_REVIEW}),
    Role.ADMINISTRATOR: frozenset({Perm.API_TOKEN_MANAGE, Perm.DISCLOSURE_VIEW_INTERNAL}),
}


def has_perm(user, organization, perm: Perm) -> bool:
    """True when `user` holds, in `organization`, a role that grants `perm`. Deny by default."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or organization is None:
        return False
    if not organization.active:
        return False
    from gongkai.orgs.models import Membership

    roles = Membership.objects.filter(user=user, organization=organization).values_list("role", flat=True)
    return any(perm in ROLE_PERMISSIONS.get(role, ()) for role in roles)


def organizations_with(user, perm: Perm):
    """The organizations in which `user` holds `perm`."""
    from gongkai.orgs.models import Membership, Organization

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Organization.objects.none()
    roles = [role for role, perms in ROLE_PERMISSIONS.items() if perm in perms]
    ids = Membership.objects.filter(user=user, role__in=roles).values("organization_id")
    return Organization.objects.filter(pk__in=ids, active=True)


def supervised_jurisdiction_ids(user, perm: Perm = Perm.SUPERVISION_VIEW) -> set[int]:
    """Jurisdictions, with everything below them, of the supervising organizations (is_supervisor) where `user`
    holds `perm`: the reach of a supervisor."""
    from gongkai.catalog.selectors import descendant_ids

    roots = (
        organizations_with(user, perm).filter(is_supervisor=True).values_list("jurisdiction_id", flat=True)
    )
    return set(descendant_ids(*set(roots)))
