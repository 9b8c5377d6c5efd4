"""Claimed slots of scheduled jobs: a unique (job, slot) row makes each run happen once, however many schedulers
are started and however often they look."""

from __future__ import annotations

from django.db import models


class ScheduledRun(models.Model):
    job = models.CharField("任务", max_length=80)
    slot = models.CharField(
        "时段", max_length=20
    )  # "2026-11-23" (daily) or "2026-11-23T08:10" (every N minutes)
    claimed_at = models.DateTimeField("启动时间", auto_now_add=True)
    task_result_id = models.CharField("后台任务编号", max_length=64, blank=True)
    error = models.TextField("错误", blank=True)

    class Meta:
        ordering = ["-claimed_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="scheduled_run_once")]
        verbose_name = verbose_name_plural = "定时任务运行记录"

    def __str__(self) -> str:
        return f"{self.job} @ {self.slot}"
