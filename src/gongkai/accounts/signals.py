"""Audit entries for events django-axes reports."""

from __future__ import annotations

from axes.signals import user_locked_out
from django.dispatch import receiver

from gongkai.core.audit import log_action


@receiver(user_locked_out, dispatch_uid="gongkai.accounts.audit_lockout")
def audit_lockout(sender, request, username: str | None, ip_address: str | None, **kwargs) -> None:
    log_action(
        actor_name=username or "",
        action="auth.lockout",
        data={"username": username or "", "ip_address": ip_address or ""},
    )
