"""The files of the open-data downloads (/data/), one row per jurisdiction, period and format."""

from __future__ import annotations

from django.db import models


class Format(models.TextChoices):
    JSONL = "jsonl", "JSON Lines"
    CSV = "csv", "CSV"
    XLSX = "xlsx", "Excel (.xlsx)"


class DataFile(models.Model):
    """A generated file. `fingerprint` says what it was built from (number of records and their latest change), so a
    period already published is rebuilt only when something in it changed."""

    scope = models.CharField("范围", max_length=12, help_text="行政区划代码（含下级），或 all 表示全部数据")
    period = models.CharField("期间", max_length=7, help_text="YYYY-MM，或 all 表示完整快照")
    fmt = models.CharField("格式", max_length=8, choices=Format.choices)
    name = models.CharField("文件名", max_length=200)
    rows = models.PositiveIntegerField("记录数")
    size = models.PositiveBigIntegerField("字节数")
    sha256 = models.CharField("SHA-256", max_length=64)
    fingerprint = models.CharField("数据指纹", max_length=100)
    generated_at = models.DateTimeField("生成时间")

    class Meta:
        ordering = ["scope", "-period", "fmt"]
        verbose_name = "开放数据文件"
        verbose_name_plural = "开放数据文件"
        constraints = [models.UniqueConstraint(fields=["scope", "period", "fmt"], name="datafile_unique")]

    def __str__(self) -> str:
        return self.name
