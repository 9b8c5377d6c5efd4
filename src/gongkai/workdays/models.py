from django.db import models


class HolidayYear(models.Model):
    """One year's official schedule, as loaded from data/holidays/YYYY.yaml."""

    year = models.PositiveSmallIntegerField("年度", unique=True)
    source_title = models.CharField("依据文件", max_length=200)
    source_doc_no = models.CharField("文号", max_length=60, blank=True)
    source_issued_on = models.DateField("发布日期", null=True, blank=True)
    source_url = models.URLField("来源网址", blank=True)
    amendments = models.JSONField("调整通知", default=list, blank=True)
    file_sha256 = models.CharField(max_length=64)
    loaded_at = models.DateTimeField("载入时间", auto_now=True)

    class Meta:
        ordering = ["year"]
        verbose_name = verbose_name_plural = "节假日安排年度"

    def __str__(self) -> str:
        return f"{self.year}年（{self.source_doc_no or self.source_title}）"


class SpecialDay(models.Model):
    """A day that departs from the Monday–Friday rule: a day off (holiday) or a make-up working day (调休上班)."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", "放假"
        WORKDAY = "workday", "调休上班"

    schedule = models.ForeignKey(HolidayYear, on_delete=models.CASCADE, related_name="days")
    date = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    name = models.CharField("节日", max_length=40)

    class Meta:
        ordering = ["date"]
        verbose_name = verbose_name_plural = "放假及调休日"

    def __str__(self) -> str:
        return f"{self.date} {self.name}{self.get_kind_display()}"
