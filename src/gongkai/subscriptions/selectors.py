"""Reads for the staff delivery log."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from gongkai.subscriptions.choices import DeliveryState
from gongkai.subscriptions.models import Delivery, Subscription


def subscriptions_with_counts() -> QuerySet[Subscription]:
    return Subscription.objects.annotate(
        sent=Count("deliveries", filter=Q(deliveries__state=DeliveryState.SENT)),
        pending=Count("deliveries", filter=Q(deliveries__state=DeliveryState.PENDING)),
        failed=Count("deliveries", filter=Q(deliveries__state=DeliveryState.FAILED)),
    ).order_by("-created_at")


def deliveries(*, state: str | None = None) -> QuerySet[Delivery]:
    qs = Delivery.objects.select_related("subscription", "disclosure").order_by("-created_at", "-pk")
    if state in DeliveryState.values:
        qs = qs.filter(state=state)
    return qs
