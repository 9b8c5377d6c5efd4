"""Saved searches that push new matching records (按需定制、精准推送), and the log of every push.

A `Subscription` is a search (its query parameters as JSON) with the channels it pushes to: e-mail to the
subscriber and/or a signed webhook. Nothing is pushed before the subscriber confirms by the signed link sent
to the e-mail address (double opt-in). A `Delivery` is one record pushed on one channel; the unique
constraint on (subscription, disclosure, channel) is what makes a record never go out twice on a channel.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.disclosures.models import Disclosure
from gongkai.subscriptions.choices import Channel, DeliveryState


class SubscriptionQuerySet(models.QuerySet):
    def deliverable(self):
        """Active and confirmed: the subscriptions that receive pushes."""
        return self.filter(active=True, confirmed_at__isnull=False)


class Subscription(models.Model):
    name = models.CharField("名称", max_length=200)
    query = models.JSONField("查询条件", default=dict, blank=True)
    email = models.EmailField("订阅人电子邮箱")
    send_email = models.BooleanField("通过电子邮件推送", default=True)
    webhook_url = models.URLField("Webhook 地址", max_length=500, blank=True)
    webhook_secret = models.CharField("Webhook 签名密钥", max_length=100, blank=True)
    confirmed_at = models.DateTimeField("确认时间", null=True, blank=True)
    active = models.BooleanField("有效", default=True)
    unsubscribed_at = models.DateTimeField("退订时间", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人（工作人员）",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_checked_at = models.DateTimeField("上次检查时间", null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(send_email=True) | ~models.Q(webhook_url=""),
                name="subscription_has_a_channel",
            )
        ]
        indexes = [models.Index(fields=["active", "confirmed_at"])]
        verbose_name = verbose_name_plural = "订阅"

    def __str__(self) -> str:
        return self.name

    @property
    def channels(self) -> list[str]:
        out = []
        if self.send_email:
            out.append(Channel.EMAIL)
        if self.webhook_url:
            out.append(Channel.WEBHOOK)
        return out

    @property
    def is_deliverable(self) -> bool:
        return self.active and self.confirmed_at is not None


class DeliveryQuerySet(models.QuerySet):
    def due(self, now):
        """Pending and due: never sent, and the next attempt (or the lease of a running one) has passed."""
        return self.filter(state=DeliveryState.PENDING, next_attempt_at__lte=now)


class Delivery(models.Model):
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    disclosure = models.ForeignKey(Disclosure, on_delete=models.CASCADE, related_name="+")
    channel = models.CharField("渠道", max_length=10, choices=Channel.choices)
    state = models.CharField(
        "状态", max_length=10, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    next_attempt_at = models.DateTimeField("下次尝试时间", db_index=True)
    last_error = models.TextField("最近错误", blank=True)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "disclosure", "channel"], name="delivery_once_per_channel"
            )
        ]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]
        verbose_name = verbose_name_plural = "推送记录"

    def __str__(self) -> str:
        return f"{self.subscription_id}/{self.disclosure_id}/{self.channel}: {self.state}"
