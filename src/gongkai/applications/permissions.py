"""Who may handle applications: the handlers (依申请公开办理人) of the organization applied to; extensions are
approved by the head of its disclosure office (its 保密审查员 role). Predicates return (allowed, reason)."""

from __future__ import annotations

from gongkai.applications.models import Application
from gongkai.core.permissions import Perm
from gongkai.orgs.models import Organization
from gongkai.orgs.roles import has_perm, organizations_with

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


def visible_to(user, qs=None):
    """Applications a staff user may see: those made to organizations where they handle applications or
    approve extensions."""
    qs = Application.objects.all() if qs is None else qs
    orgs = organizations_with(user, Perm.APPLICATION_HANDLE) | organizations_with(
        user, Perm.APPLICATION_APPROVE_EXTENSION
    )
    return qs.filter(organization__in=orgs.values("pk"))
