"""What the back office shows staff about the running system."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.ops.models import OpsAlert
from gongkai.orgs.models import Role
from gongkai.search.health import index_health


@dataclass(frozen=True)
class Notice:
    title: str
    message: str
    alert_id: int | None = None  # an alert an administrator can mark as handled


def is_administrator(user) -> bool:
    return user.is_superuser or user.memberships.filter(role=Role.ADMINISTRATOR).exists()


def notices_for(user) -> list[Notice]:
    """A lost or stale search index (every staff member: the public search is degraded), and the open alerts
    (administrators)."""
    out = []
    state = index_health()
    if not state.ok:
        out.append(Notice("全文检索索引异常，公众检索暂由数据库直接查询（较慢）", state.message))
    if is_administrator(user):
        out += [
            Notice(a.title, a.message, a.pk) for a in OpsAlert.objects.filter(resolved_at__isnull=True)[:20]
        ]
    return out
