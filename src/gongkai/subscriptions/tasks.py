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


@task()
def deliver_due_task() -> dict[str, int]:
    """Send every due delivery: retries, and attempts whose worker died after claiming them (the claim's lease
    has run out); idempotent, as each attempt is claimed by a conditional update."""
    return services.deliver_due()
