"""The audit log: an append-only, hash-chained record of every state change (written by core.audit only)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

GENESIS_HASH = "0" * 64


class AuditEntry(models.Model):
    """One state change or revision. Rows are never updated or deleted (database triggers refuse it).

    Each row's ``hash`` covers its content and the previous row's hash, so altering or removing any row
    breaks the chain at that row; ``core.audit.verify_chain`` finds the first break.
    """

    seq = models.PositiveBigIntegerField("序号", unique=True)
    created_at = models.DateTimeField("时间")
    # The hash covers the actor's id, so the triggers refuse the SET_NULL that deleting the account would
    # issue: an account that has acted is deactivated, not deleted. actor_name keeps who it was regardless.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(
        "操作人名称", max_length=150, blank=True, help_text="当时的用户名或客户端名称"
    )
    action = models.CharField("操作", max_length=100, help_text="如 disclosure.published")
    object_type = models.CharField("对象类型", max_length=100, blank=True, help_text="app_label.model")
    object_id = models.CharField("对象编号", max_length=64, blank=True)
    # A plain id, not a foreign key: core depends on no other app, and the log outlives organizations.
    organization_id = models.BigIntegerField("机构编号", null=True, blank=True)
    data = models.JSONField("数据", default=dict, blank=True)
    prev_hash = models.CharField("前一哈希", max_length=64)
    hash = models.CharField("哈希", max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="core_audit_object_idx")]
        verbose_name = verbose_name_plural = "审计日志"

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}".rstrip(":")


class AuditHead(models.Model):
    """The single row (id 1) naming the last entry. Appends lock it, so seq stays contiguous under
    concurrency; verification compares it with the last entry, so removing rows from the end shows."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.PositiveBigIntegerField("最后序号", default=0)
    hash = models.CharField("最后哈希", max_length=64, default=GENESIS_HASH)

    class Meta:
        verbose_name = verbose_name_plural = "审计日志头"

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash[:12]}"


class IdempotencyKey(models.Model):
    """The first answer to a write sent with an `Idempotency-Key` header, kept per client until it expires, so a
    retry with the same key and body gets that answer again instead of filing twice (core/idempotency.py).

    A row exists only for a write that succeeded: it is inserted in the same transaction as the write and is
    rolled back with it. The unique (client, key) makes concurrent retries wait for the first and then replay it.
    """

    client = models.CharField("客户端", max_length=80, help_text="令牌或客户端地址的哈希")
    key = models.CharField("幂等键", max_length=255)
    fingerprint = models.CharField("请求摘要", max_length=64, help_text="方法、路径和请求体的 SHA-256")
    status = models.PositiveSmallIntegerField("状态码", default=0)
    content_type = models.CharField("内容类型", max_length=100)
    body = models.TextField("响应体", blank=True)
    created_at = models.DateTimeField("时间")
    expires_at = models.DateTimeField("过期时间", db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["client", "key"], name="idempotency_key_once_per_client")
        ]
        verbose_name = verbose_name_plural = "幂等键"

    def __str__(self) -> str:
        return f"{self.client} {self.key}"
