"""Background work (django-tasks): tasks take primary keys, re-fetch, tolerate deleted rows, are idempotent."""

from __future__ import annotations

from django_tasks import task

from gongkai.subscriptions import services


@task()
def scan_subscriptions_task() -> int:
    """Check every active confirmed subscription for new matches and enqueue their pushes."""
    return services.scan_subscriptions()


@task()
def send_delivery_task(delivery_id: int) -> str | None:
    """Send one delivery if it is still due; a delivery already sent, failed or claimed is left alone."""
    return services.send_delivery(delivery_id)


@task()
def send_confirmation_task(subscription_id: int) -> bool:
    """E-mail the confirmation link of a subscription that is still unconfirmed."""
    return services.send_confirmation(subscription_id)
