"""Raising and resolving alerts to administrators (audited; e-mailed after commit)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gongkai.core.audit import log_action
from gongkai.ops.models import OpsAlert
from gongkai.orgs.models import Role

logger = logging.getLogger(__name__)


def administrator_emails() -> list[str]:
    """Where alerts go: active superusers and administrators of any organization that have an address, plus
    settings.ADMINS."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(Q(is_superuser=True) | Q(memberships__role=Role.ADMINISTRATOR)).distinct()
    emails = [*users.values_list("email", flat=True), *(e for _n, e in getattr(settings, "ADMINS", []))]
    return sorted(set(emails))


def raise_alert(*, kind: str, key: str, title: str, message: str, detail: str = "", actor=None) -> OpsAlert:
    """Record an alert (once per kind and key: raising it again returns the open one) and e-mail the
    administrators after commit."""
    with transaction.atomic():
        alert, created = OpsAlert.objects.get_or_create(
            kind=kind, key=key, defaults={"title": title, "message": message, "detail": detail}
        )
        if created:
            log_action(actor=actor, action="ops.alert_raised", obj=alert, data={"kind": kind, "key": key})
            transaction.on_commit(lambda: _mail(alert))
    return alert


def _mail(alert: OpsAlert) -> None:
    recipients = administrator_emails()
    if not recipients:
        logger.warning("alert %s has no administrator to e-mail: %s", alert.pk, alert.title)
        return
    body = f"{alert.message}\n\n{alert.detail}\n\n请登录工作台查看：{settings.SITE_URL}/staff/"
    try:
        send_mail(f"【运行告警】{alert.title}", body, settings.DEFAULT_FROM_EMAIL, recipients)
    except OSError:  # the alert stays in the back office; a mail server down must not fail the reaper
        logger.exception("alert %s could not be e-mailed", alert.pk)


def resolve_alert(*, alert: OpsAlert, actor) -> OpsAlert:
    """Mark an alert as handled."""
    with transaction.atomic():
        alert = OpsAlert.objects.select_for_update().get(pk=alert.pk)
        if alert.resolved_at is None:
            alert.resolved_at = timezone.now()
            alert.save(update_fields=["resolved_at"])
            log_action(actor=actor, action="ops.alert_resolved", obj=alert, data={"kind": alert.kind})
    return alert
