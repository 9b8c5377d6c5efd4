"""Complaints (举报) against an organization for failing its disclosure duties (六安市实施细则第四十二条), routed
to the supervising office of its jurisdiction. Only services (services.py) write these rows."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.catalog.models import CatalogItem, Jurisdiction
from gongkai.complaints.choices import OPEN_STATES, Finding, State, StepKind
from gongkai.disclosures.models import Disclosure
from gongkai.orgs.models import Organization


class ComplaintQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def overdue(self, today):
        return self.open().filter(due_on__lt=today)

    def due_within(self, today, until):
        return self.open().filter(due_on__gte=today, due_on__lte=until)


class Complaint(models.Model):
    """One complaint, from its arrival to the finding and the close."""

    registration_no = models.CharField("登记号", max_length=40, unique=True)
    # Only the SHA-256 of the tracking code is kept: the code is shown once, to the complainant.
    tracking_hash = models.CharField("查询码摘要", max_length=64, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization, verbose_name="被举报单位", on_delete=models.PROTECT, related_name="complaints"
    )
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="complaints")
    # The supervising office handling it (routing, or a transfer).
    supervisor = models.ForeignKey(
        Organization, verbose_name="承办监督机构", on_delete=models.PROTECT, related_name="complaints_handled"
    )

    category = models.CharField("举报类别", max_length=40)
    subject_ref = models.CharField("涉及的公开信息或事项（链接或编号）", max_length=300, blank=True)
    disclosure = models.ForeignKey(
        Disclosure, on_delete=models.SET_NULL, null=True, blank=True, related_name="complaints"
    )
    catalog_item = models.ForeignKey(
        CatalogItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="complaints"
    )
    description = models.TextField("举报内容")

    anonymous = models.BooleanField("匿名举报", default=False)
    complainant_name = models.CharField("举报人姓名", max_length=120, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)

    submitted_at = models.DateTimeField("提交时间")
    received_on = models.DateField("收到日期")
    due_on = models.DateField("办理期限")
    state = models.CharField("状态", max_length=24, choices=State.choices, default=State.RECEIVED)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="承办人", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    accepted_on = models.DateField("受理日期", null=True, blank=True)

    finding = models.CharField("认定结果", max_length=20, choices=Finding.choices, blank=True)
    finding_text = models.TextField("认定意见", blank=True)
    rectification_required = models.TextField("整改要求", blank=True)
    decided_on = models.DateField("认定日期", null=True, blank=True)
    rectification = models.TextField("整改情况", blank=True)
    rectified_on = models.DateField("整改反馈日期", null=True, blank=True)
    result = models.TextField("办理结果", blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True)
    version = models.PositiveIntegerField("版本", default=1)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["supervisor", "state", "due_on"], name="complaint_sup_state_due"),
            models.Index(fields=["organization", "received_on"], name="complaint_org_received"),
            models.Index(fields=["organization", "decided_on"], name="complaint_org_decided"),
        ]
        verbose_name = verbose_name_plural = "举报"

    def __str__(self) -> str:
        return self.registration_no

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class ComplaintStep(models.Model):
    """One handling step, append-only: the complaint's history, with a snapshot of its state after the step.

    `public_note` may be shown to the complainant; `internal_note` never leaves the back office."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="steps")
    version = models.PositiveIntegerField("版本")
    kind = models.CharField("环节", max_length=24, choices=StepKind.choices)
    on = models.DateField("日期")
    at = models.DateTimeField("时间", auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    from_supervisor = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_supervisor = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    public_note = models.TextField("公开说明", blank=True)
    internal_note = models.TextField("内部意见", blank=True)
    snapshot = models.JSONField("办理后状态", default=dict)

    class Meta:
        ordering = ["complaint", "version"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "version"], name="complaint_step_unique_version")
        ]
        verbose_name = verbose_name_plural = "举报办理环节"

    def __str__(self) -> str:
        return f"{self.complaint} v{self.version} {self.get_kind_display()}"


class ExplanationRequest(models.Model):
    """The supervisor's request that the complained-about organization explain itself, and its answer."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="explanations")
    questions = models.TextField("需说明的问题")
    requested_on = models.DateField("要求日期")
    due_on = models.DateField("说明期限")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answer = models.TextField("情况说明", blank=True)
    answered_on = models.DateField("说明日期", null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["requested_on", "pk"]
        verbose_name = verbose_name_plural = "情况说明"

    def __str__(self) -> str:
        return f"{self.complaint} 情况说明"

    @property
    def is_open(self) -> bool:
        return self.answered_on is None


class RegistrationSerial(models.Model):
    """The last serial of a supervising office's complaint numbers in a year."""

    supervisor = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["supervisor", "year"], name="complaint_serial_unique")]

    def __str__(self) -> str:
        return f"{self.supervisor_id}/{self.year}: {self.last}"
