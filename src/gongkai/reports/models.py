"""Annual reports on government information disclosure (政府信息公开工作年度报告), one per organization or per
jurisdiction (the consolidated report of its people's government) and year. Only services.py writes them."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.catalog.models import Jurisdiction
from gongkai.orgs.models import Organization


class State(models.TextChoices):
    DRAFT = "draft", "草稿"
    PUBLISHED = "published", "已发布"


class Report(models.Model):
    """The working copy: narrative sections typed by staff and the figures as last computed. What the public
    reads is the latest `ReportVersion`, frozen at publication."""

    organization = models.ForeignKey(
        Organization, verbose_name="机构", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="行政区域（本级政府汇总报告）", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    year = models.PositiveSmallIntegerField("年度")
    state = models.CharField("状态", max_length=12, choices=State.choices, default=State.DRAFT)
    overview = models.TextField("一、总体情况", blank=True)
    improvements = models.TextField("五、存在的主要问题及改进情况", blank=True)
    other_matters = models.TextField("六、其他需要报告的事项", blank=True)
    figures = models.JSONField("统计数据", default=dict, blank=True)
    computed_at = models.DateTimeField("统计时间", null=True, blank=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organization__isnull=True, jurisdiction__isnull=False)
                | models.Q(organization__isnull=False, jurisdiction__isnull=True),
                name="report_one_subject",
            ),
            models.UniqueConstraint(
                fields=["organization", "year"], condition=models.Q(organization__isnull=False),
                name="report_unique_org_year",
            ),
            models.UniqueConstraint(
                fields=["jurisdiction", "year"], condition=models.Q(jurisdiction__isnull=False),
                name="report_unique_jurisdiction_year",
            ),
        ]  # fmt: skip
        verbose_name = verbose_name_plural = "政府信息公开工作年度报告"

    def __str__(self) -> str:
        return f"{self.subject_name}{self.year}年度报告"

    @property
    def subject_name(self) -> str:
        if self.organization_id:
            return self.organization.name
        return f"{self.jurisdiction.name}人民政府"

    @property
    def is_consolidated(self) -> bool:
        return self.jurisdiction_id is not None


class ReportVersion(models.Model):
    """What was published: the narrative and the figures, frozen. A corrected report is a new version; the
    earlier ones stay readable."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField("版本")
    content = models.JSONField("内容")
    reason = models.TextField("更正理由", blank=True)
    published_at = models.DateTimeField("发布时间")
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["report", "-number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="report_version_unique")]
        verbose_name = verbose_name_plural = "年度报告发布版本"

    def __str__(self) -> str:
        return f"{self.report} 第{self.number}版"


class Reminder(models.Model):
    """One reminder sent, so `gongkai reports remind` does not send the same one twice."""

    subject_key = models.CharField(max_length=40)  # org:<pk> or jur:<pk>
    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10)  # due_soon | overdue
    sent_on = models.DateField()
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subject_key", "year", "kind"], name="report_reminder_unique")
        ]

    def __str__(self) -> str:
        return f"{self.subject_key} {self.year} {self.kind}"
