"""Who may see the delivery log: superusers, and supervisors (监督人员) of an active organization."""

from __future__ import annotations

from gongkai.core.permissions import Perm
from gongkai.orgs.roles import organizations_with


def can_view_delivery_log(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or organizations_with(user, Perm.SUPERVISION_VIEW).exists()
