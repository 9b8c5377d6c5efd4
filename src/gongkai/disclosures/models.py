"""Disclosure records (一信息一公开): the working copy, immutable published revisions, attachments and links."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.catalog.models import CatalogItem, Jurisdiction
from gongkai.disclosures.choices import CopyState, LinkKind, RevisionStatus, State, Validity
from gongkai.orgs.models import Organization


class DisclosureQuerySet(models.QuerySet):
    def published(self):
        """Visible to the public: published, or withdrawn (shown as a notice of withdrawal)."""
        return self.filter(state__in=[State.PUBLISHED, State.WITHDRAWN])

    def unpublished(self):
        return self.exclude(state__in=[State.PUBLISHED, State.WITHDRAWN])

    def overdue(self, today):
        """Not yet published and past the due date, whatever any earlier scan saw."""
        return self.unpublished().filter(due_on__lt=today)

    def due_within(self, today, until):
        return self.unpublished().filter(due_on__gte=today, due_on__lte=until)


class Disclosure(models.Model):
    """One item of information, disclosed once (一信息一公开), with the metadata of Lu'an art. 28.

    While a draft the fields here are the working copy; once published the public reads the current
    `Revision`, and a correction is a new revision — published content is never edited in place.
    """

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="disclosures")
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="disclosures")
    catalog_item = models.ForeignKey(CatalogItem, on_delete=models.PROTECT, related_name="disclosures")
    external_id = models.CharField("外部系统编号", max_length=100, blank=True)
    state = models.CharField("状态", max_length=12, choices=State.choices, default=State.DRAFT)

    title = models.CharField("标题名称", max_length=500)
    doc_no = models.CharField("文号", max_length=100, blank=True)
    subject = models.CharField("主题分类", max_length=40, blank=True)
    genre = models.CharField("体裁分类", max_length=40, blank=True)
    index_no = models.CharField("索引号", max_length=60, unique=True, null=True, blank=True)
    info_source = models.CharField("信息来源", max_length=200, blank=True)
    keywords = models.CharField("关键字", max_length=200, blank=True)
    valid_until = models.DateField("有效期至", null=True, blank=True)
    validity = models.CharField("效力状态", max_length=10, choices=Validity.choices, default=Validity.VALID)
    body = models.TextField("正文", blank=True)
    redacted = models.BooleanField("本文有删减", default=False)
    fields = models.JSONField("结构化字段", default=dict, blank=True)

    attribute = models.CharField("公开属性", max_length=12, default="proactive")
    attribute_reason = models.TextField("不公开或依申请公开的理由", blank=True)
    withheld_ground = models.CharField("不予公开的依据", max_length=40, blank=True)

    formed_on = models.DateField("信息形成或变更日期")
    due_on = models.DateField("公开期限", null=True, blank=True)
    due_provisional = models.BooleanField(default=False)
    published_on = models.DateField("发布日期", null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    risk_flag = models.BooleanField("涉及“三安全一稳定”风险", default=False)
    risk_decision = models.TextField("风险评估结论", blank=True)
    risk_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    personal_data_confirmed = models.BooleanField("确认公开惩戒性信息中的个人信息", default=False)

    review_comment = models.TextField("审查意见", blank=True)
    withdrawal_reason = models.TextField("撤回理由", blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DisclosureQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "external_id"],
                condition=~models.Q(external_id=""),
                name="disclosure_unique_external_id_per_org",
            )
        ]
        indexes = [
            models.Index(fields=["state", "due_on"]),
            models.Index(fields=["jurisdiction", "state", "published_on"]),
        ]
        verbose_name = verbose_name_plural = "公开信息"

    def __str__(self) -> str:
        return self.title

    @property
    def current_revision(self) -> Revision | None:
        return self.revisions.filter(status=RevisionStatus.PUBLISHED).first()


class Revision(models.Model):
    """An immutable snapshot of what the public saw: version 1 on publishing, one more per correction."""

    disclosure = models.ForeignKey(Disclosure, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveIntegerField("版本")
    status = models.CharField(max_length=12, choices=RevisionStatus.choices)
    content = models.JSONField("内容")  # title, doc_no, body, fields, metadata as published
    reason = models.TextField("更正理由", blank=True)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["disclosure", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["disclosure", "number"], name="revision_unique_number")
        ]
        verbose_name = verbose_name_plural = "发布版本"

    def __str__(self) -> str:
        return f"{self.disclosure} 第{self.number}版"


class Attachment(models.Model):
    """A file attached to a disclosure, stored outside the web root and served by a view with safe headers."""

    disclosure = models.ForeignKey(Disclosure, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField("文件名", max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    file = models.FileField(upload_to="attachments/%Y/%m/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = verbose_name_plural = "附件"

    def __str__(self) -> str:
        return self.name


class DisclosureLink(models.Model):
    """A relation between two disclosures (policy ↔ interpretation, notice ↔ correction, stages of a deal)."""

    source = models.ForeignKey(Disclosure, on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey(Disclosure, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField("关系", max_length=20, choices=LinkKind.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="link_unique"),
            models.CheckConstraint(condition=~models.Q(source=models.F("target")), name="link_not_to_itself"),
        ]
        verbose_name = verbose_name_plural = "关联信息"

    def __str__(self) -> str:
        return f"{self.source_id} {self.get_kind_display()} {self.target_id}"


class SupervisorCopy(models.Model):
    """Copy of transaction information to the supervision bureau (Lu'an art. 33), due in the profile's days."""

    disclosure = models.OneToOneField(Disclosure, on_delete=models.CASCADE, related_name="supervisor_copy")
    supervisor = models.ForeignKey(Organization, on_delete=models.PROTECT, null=True, related_name="+")
    due_on = models.DateField("抄送期限")
    state = models.CharField("状态", max_length=10, choices=CopyState.choices, default=CopyState.PENDING)
    sent_on = models.DateField("抄送日期", null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "抄送监管部门"

    def __str__(self) -> str:
        return f"{self.disclosure_id} 抄送期限 {self.due_on}"


class IndexSerial(models.Model):
    """The last serial of an organization's index numbers in a period (year, or year-month in Anhui)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=6)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization", "period"], name="index_serial_unique")]

    def __str__(self) -> str:
        return f"{self.organization_id}/{self.period}: {self.last}"
