"""The change feed's rows: one per change of what the public sees, in the order the changes committed."""

from __future__ import annotations

from django.db import models

from gongkai.catalog.models import Jurisdiction
from gongkai.changes.choices import Change, Kind


class PublicChange(models.Model):
    """One public change. Rows are written only from the audit log's `action_logged` signal, i.e. while the
    writing transaction holds the audit head lock, so ids are handed out in commit order: a reader that has seen
    id N has seen every change that committed before it, and a change that commits later gets an id above N.
    Rolled-back transactions leave gaps in the ids, never rows out of order."""

    audit_seq = models.PositiveBigIntegerField("审计日志序号", db_index=True)
    occurred_at = models.DateTimeField("发生时间")
    kind = models.CharField("对象类别", max_length=20, choices=Kind.choices)
    change = models.CharField("变更", max_length=20, choices=Change.choices)
    object_id = models.CharField("对象编号", max_length=64)
    ref = models.CharField("公开标识", max_length=64, blank=True, help_text="交易项目编码或统一社会信用代码")
    title = models.CharField("标题", max_length=300, blank=True)
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        verbose_name="行政区域",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["id"]
        verbose_name = "公开变更"
        verbose_name_plural = "公开变更"
        indexes = [
            models.Index(fields=["kind", "id"], name="change_kind_id"),
            models.Index(fields=["jurisdiction", "id"], name="change_jurisdiction_id"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.object_id} {self.get_change_display()}"
