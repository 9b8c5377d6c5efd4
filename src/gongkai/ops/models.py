"""Alerts to administrators: something went wrong that a person has to look at (a task that kept dying with
its worker, …). Shown in the back office until resolved, and e-mailed when raised."""

from __future__ import annotations

from django.db import models


class AlertKind(models.TextChoices):
    TASK_FAILED = "task_failed", "后台任务失败"


class OpsAlert(models.Model):
    kind = models.CharField("类别", max_length=30, choices=AlertKind.choices)
    key = models.CharField("对象", max_length=100)  # e.g. the task id: one open alert per thing
    title = models.CharField("标题", max_length=200)
    message = models.TextField("说明")  # shown in the back office: plain Chinese
    detail = models.TextField("技术细节", blank=True)  # e-mailed and in the admin: task path, ids
    created_at = models.DateTimeField("发生时间", auto_now_add=True)
    resolved_at = models.DateTimeField("处理时间", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="ops_alert_once")]
        verbose_name = verbose_name_plural = "运行告警"

    def __str__(self) -> str:
        return self.title
