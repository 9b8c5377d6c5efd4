"""Who may handle applications: the handlers (依申请公开办理人) of the organization applied to; extensions are
approved by the head of its disclosure office (its 保密审查员 role). Predicates return (allowed, reason)."""

from __future__ import annotations

from gongkai.applications.models import Application
from gongkai.core.permissions import Perm
from gongkai.orgs.models import Organization
from gongkai.orgs.roles import has_perm, organizations_with, supervised_jurisdiction_ids

Verdict = tuple[bool, str]
OK: Verdict = (True, "")


def can_handle(user, organization: Organization) -> Verdict:
    if not has_perm(user, organization, Perm.APPLICATION_HANDLE):
        return False, f"您不是{organization.name}的依申请公开办理人"
    return OK


def can_approve_extension(user, application: Application) -> Verdict:
    if not has_perm(user, application.organization, Perm.APPLICATION_APPROVE_EXTENSION):
        return False, f"延期须经{application.organization.name}政府信息公开工作机构负责人批准"
    return OK


def can_edit_letters(user, organization: Organization) -> Verdict:
    """The letter templates are the disclosure office's: its head (the extension approver) or the organization's
    administrator edits them."""
    from gongkai.orgs.models import Membership, Role

    if getattr(user, "is_superuser", False) and user.is_active:
        return OK
    if has_perm(user, organization, Perm.APPLICATION_APPROVE_EXTENSION):
        return OK
    if (organization.active and getattr(user, "is_authenticated", False) and user.is_active
            and Membership.objects.filter(user=user, organization=organization, role=Role.ADMINISTRATOR).exists()):  # fmt: skip
        return OK
    return False, f"文书模板由{organization.name}政府信息公开工作机构负责人或管理员维护"


def visible_to(user, qs=None):
    """Applications a staff user may see: those made to organizations where they handle applications or
    approve extensions, and — read only — those of the jurisdictions a supervising organization of theirs
    oversees (its own and those below)."""
    from django.db.models import Q

    qs = Application.objects.all() if qs is None else qs
    orgs = organizations_with(user, Perm.APPLICATION_HANDLE) | organizations_with(
        user, Perm.APPLICATION_APPROVE_EXTENSION
    )
    supervised = supervised_jurisdiction_ids(user)
    if not supervised:
        return qs.filter(organization__in=orgs.values("pk"))
    return qs.filter(Q(organization__in=orgs.values("pk")) | Q(organization__jurisdiction_id__in=supervised))
