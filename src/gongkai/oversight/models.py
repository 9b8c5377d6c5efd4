"""Supervision (监督检查, 考核评估): inspection findings and their rectification, daily figure snapshots and the
reminders sent to publishers. The figures themselves are computed on read (selectors.py); only services write."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.catalog.models import Jurisdiction
from gongkai.disclosures.models import Disclosure
from gongkai.orgs.models import Organization
from gongkai.oversight.choices import UNRECTIFIED_STATES, FindingState, ReminderKind


class FindingQuerySet(models.QuerySet):
    def unrectified(self):
        return self.filter(state__in=UNRECTIFIED_STATES)

    def overdue(self, today):
        """Not rectified and past the rectification deadline, whatever any earlier scan saw."""
        return self.unrectified().filter(rectify_by__lt=today)


class Finding(models.Model):
    """An inspection finding (检查发现的问题) against an organization, with the rectification it requires."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="oversight_findings"
    )
    supervisor = models.ForeignKey(
        Organization, verbose_name="检查机构", on_delete=models.PROTECT, related_name="+"
    )
    inspected_on = models.DateField("检查日期")
    finding = models.TextField("发现的问题")
    requirement = models.TextField("整改要求")
    rectify_days = models.PositiveSmallIntegerField("整改期限（工作日）", null=True, blank=True)
    rectify_by = models.DateField("整改期限")
    state = models.CharField("状态", max_length=12, choices=FindingState.choices, default=FindingState.OPEN)
    rectification = models.TextField("整改情况", blank=True)
    rectified_on = models.DateField("整改完成日期", null=True, blank=True)
    decision_comment = models.TextField("验收意见", blank=True)
    accepted_on = models.DateField("验收日期", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["rectify_by", "pk"]
        verbose_name = verbose_name_plural = "检查发现问题"

    def __str__(self) -> str:
        return f"{self.organization} {self.inspected_on:%Y-%m-%d} {self.finding[:20]}"


class Snapshot(models.Model):
    """The figures of a jurisdiction (with its children) for one quarter, as computed on one working day."""

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.CASCADE, related_name="+")
    day = models.DateField("计算日期")
    period_start = models.DateField()
    period_end = models.DateField()
    figures = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["jurisdiction", "-day"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "day"], name="oversight_snapshot_unique_day")
        ]
        verbose_name = verbose_name_plural = "监测快照"

    def __str__(self) -> str:
        return f"{self.jurisdiction} {self.day}"


class Reminder(models.Model):
    """A reminder e-mailed about one disclosure on one day: at most one per record, kind and day."""

    disclosure = models.ForeignKey(Disclosure, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    day = models.DateField()
    recipients = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["disclosure", "kind", "day"], name="oversight_reminder_once_a_day"
            )
        ]
        verbose_name = verbose_name_plural = "到期提醒"

    def __str__(self) -> str:
        return f"{self.disclosure_id} {self.kind} {self.day}"
