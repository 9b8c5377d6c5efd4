"""The search outbox: one row per change the index has to follow, written in the changing transaction."""

from __future__ import annotations

from django.db import models


class SearchOutboxQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(processed_at__isnull=True).order_by("pk")


class SearchOutbox(models.Model):
    """A disclosure whose public face changed; processed (re-indexed from the database) after commit."""

    disclosure_id = models.BigIntegerField(db_index=True)
    action = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    objects = SearchOutboxQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["processed_at", "id"], name="search_outbox_pending")]
        verbose_name = verbose_name_plural = "搜索索引待办"

    def __str__(self) -> str:
        return f"{self.disclosure_id} {self.action}"
