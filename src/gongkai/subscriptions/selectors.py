"""Reads for the staff delivery log."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from gongkai.subscriptions.choices import DeliveryState
from gongkai.subscriptions.models import Delivery, Subscription
from gongkai.subscriptions.permissions import visible_to


def subscriptions_with_counts(user) -> QuerySet[Subscription]:
    """The subscriptions `user` may see (permissions.visible_to), with their delivery counts."""
    return (
        visible_to(user, Subscription.objects.all())
        .annotate(
            sent=Count("deliveries", filter=Q(deliveries__state=DeliveryState.SENT)),
            pending=Count("deliveries", filter=Q(deliveries__state=DeliveryState.PENDING)),
            failed=Count("deliveries", filter=Q(deliveries__state=DeliveryState.FAILED)),
        )
        .order_by("-created_at")
    )


def deliveries(user, *, state: str | None = None) -> QuerySet[Delivery]:
    """The deliveries of the subscriptions `user` may see."""
    visible = visible_to(user, Subscription.objects.all())
    qs = (
        Delivery.objects.filter(subscription__in=visible)
        .select_related("subscription", "disclosure")
        .order_by("-created_at", "-pk")
    )
    if state in DeliveryState.values:
        qs = qs.filter(state=state)
    return qs
