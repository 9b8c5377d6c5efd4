"""Applications for government information (依申请公开) and what happens to them: correction requests,
consultations, the extension and the reply. Only services (services.py) write these rows."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.applications.choices import (
    OPEN_STATES,
    ApplicantKind,
    Channel,
    ConsultationDecision,
    ConsultationKind,
    ConsultationOutcome,
    DeliveryForm,
    DeliveryWay,
    FeeMethod,
    FeeOutcome,
    IdType,
    RemedyKind,
    RemedyResult,
    ReminderKind,
    ReplyGround,
    ReplyType,
    State,
)
from gongkai.catalog.models import Jurisdiction
from gongkai.orgs.models import Organization


class ApplicationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def overdue(self, today):
        """Open and past the reply due date, whatever any earlier scan saw."""
        return self.open().filter(due_on__lt=today)

    def due_within(self, today, until):
        """Open and due between today and `until` (inclusive): the due-soon list, before it is too late."""
        return self.open().filter(due_on__gte=today, due_on__lte=until)

    def awaiting_confirmation(self):
        return self.filter(state=State.PENDING)


class Application(models.Model):
    """One application, from its arrival to the reply (第二十九条 content; 第三十一条 receipt date)."""

    registration_no = models.CharField("登记号", max_length=40, unique=True)
    # Only the SHA-256 of the tracking code is kept: the code is shown once, to the applicant.
    tracking_hash = models.CharField("查询码摘要", max_length=64, unique=True, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="applications")
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="applications")

    applicant_kind = models.CharField("申请人类型", max_length=20, choices=ApplicantKind.choices)
    applicant_name = models.CharField("申请人姓名或名称", max_length=120)
    id_type = models.CharField("证件类型", max_length=20, choices=IdType.choices)
    id_number = models.CharField("证件号码或统一社会信用代码", max_length=40)
    contact_person = models.CharField("联系人", max_length=60, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=10, blank=True)

    info_title = models.CharField("所需信息名称", max_length=200, blank=True)
    info_doc_no = models.CharField("文号", max_length=100, blank=True)
    info_description = models.TextField("所需信息的内容描述")
    delivery_form = models.CharField("提供形式", max_length=20, choices=DeliveryForm.choices)
    delivery_way = models.CharField("获取方式", max_length=20, choices=DeliveryWay.choices)

    channel = models.CharField("申请渠道", max_length=20, choices=Channel.choices)
    submitted_at = models.DateTimeField("提交时间")
    signed_on = models.DateField("签收日期", null=True, blank=True)
    confirmed_on = models.DateField("双方确认日期", null=True, blank=True)
    receipt_date = models.DateField("收到申请日期", null=True, blank=True)

    state = models.CharField("状态", max_length=24, choices=State.choices, default=State.PENDING)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="承办人", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    possible_repeat_of = models.ForeignKey(
        "self",
        verbose_name="疑似重复申请",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The reply due date as last computed by a service (compute_deadline gives the derivation); kept so that
    # overdue and due-soon lists are plain queries.
    due_on = models.DateField("答复期限", null=True, blank=True)
    due_provisional = models.BooleanField("期限暂定", default=False)

    reply_type = models.CharField("答复类型", max_length=20, choices=ReplyType.choices, blank=True)
    reply_ground = models.CharField("答复理由", max_length=24, choices=ReplyGround.choices, blank=True)
    reply_text = models.TextField("答复内容", blank=True)
    replied_on = models.DateField("答复日期", null=True, blank=True)
    completed_on = models.DateField("办结日期", null=True, blank=True)
    # 第三十六条(五): not this body's information — the body responsible and how to reach it.
    referred_body = models.CharField("负责公开的机关", max_length=120, blank=True)
    referred_contact = models.CharField("负责机关的联系方式", max_length=200, blank=True)
    # 第三十六条(六): the earlier application a 重复申请 reply refers to.
    repeat_of = models.ForeignKey(
        "self", verbose_name="重复申请对应的此前申请", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    # The information also published proactively with the reply (予以公开、部分公开).
    disclosure = models.ForeignKey(
        "disclosures.Disclosure", verbose_name="同时主动公开的信息", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["organization", "state", "due_on"], name="application_org_state_due")]
        verbose_name = verbose_name_plural = "政府信息公开申请"

    def __str__(self) -> str:
        return self.registration_no

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class RegistrationSerial(models.Model):
    """The last serial of an organization's registration numbers in a year."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="application_serial_unique")
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}/{self.year}: {self.last}"


class CorrectionRequest(models.Model):
    """The one request to correct the application (第三十条): the reply period restarts when it arrives."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="correction")
    sent_on = models.DateField("告知补正日期")
    due_on = models.DateField("补正期限")
    items = models.TextField("需要补正的事项")
    corrected_on = models.DateField("收到补正申请日期", null=True, blank=True)
    correction = models.TextField("补正内容", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "补正告知"

    def __str__(self) -> str:
        return f"{self.application} 补正"


class Consultation(models.Model):
    """A consultation of a third party (第三十二条) or another body (第三十四条); its time is not counted."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="consultations")
    kind = models.CharField("征求对象类型", max_length=20, choices=ConsultationKind.choices)
    party = models.CharField("征求意见对象", max_length=120)
    sent_on = models.DateField("征求意见书送达日期")
    due_on = models.DateField("提出意见期限")
    answered_on = models.DateField("答复日期", null=True, blank=True)
    outcome = models.CharField("意见", max_length=20, choices=ConsultationOutcome.choices, blank=True)
    answer = models.TextField("意见内容", blank=True)
    reasons = models.TextField("理由", blank=True)
    letter_text = models.TextField("征求意见书", blank=True)
    decision = models.CharField("决定", max_length=20, choices=ConsultationDecision.choices, blank=True)
    decision_reasons = models.TextField("决定理由", blank=True)
    decided_on = models.DateField("决定日期", null=True, blank=True)
    # 第三十二条: disclosing against the third party's objection needs a written notice of content and reasons.
    notice_sent_on = models.DateField("书面告知第三方日期", null=True, blank=True)
    notice_text = models.TextField("书面告知内容", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["sent_on", "pk"]
        verbose_name = verbose_name_plural = "征求意见"

    def __str__(self) -> str:
        return f"{self.application} 征求{self.party}意见"

    @property
    def is_open(self) -> bool:
        return self.answered_on is None


class Extension(models.Model):
    """The one extension of the reply period (第三十三条), approved by the head of the disclosure office."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="extension")
    days = models.PositiveSmallIntegerField("延长工作日数")
    reason = models.TextField("延期理由")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="批准人", on_delete=models.PROTECT, related_name="+"
    )
    approved_on = models.DateField("批准日期")
    notice_sent_on = models.DateField("告知申请人日期")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "延期答复"

    def __str__(self) -> str:
        return f"{self.application} 延期 {self.days} 个工作日"


class FeeNotice(models.Model):
    """An information-processing fee (第四十二条; 国办函〔2020〕109号): charged only where the applicant's volume
    clearly exceeds a reasonable range; `basis` keeps the progressive computation as shown in the notice."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="fee")
    method = models.CharField("计费方式", max_length=20, choices=FeeMethod.choices)
    quantity = models.PositiveIntegerField("计费数量")  # the application's ordinal in the month, or pages
    amount = models.DecimalField("收费金额（元）", max_digits=10, decimal_places=2)
    basis = models.TextField("计算过程")
    reason = models.TextField("收费理由")
    notice_sent_on = models.DateField("收费通知日期")
    pay_by = models.DateField("缴费期限")
    paid_on = models.DateField("缴费日期", null=True, blank=True)
    # A waiver ends the suspension like a payment but collects nothing (the annual report counts paid fees only).
    waived_on = models.DateField("减免日期", null=True, blank=True)
    outcome = models.CharField(
        "缴费情况", max_length=20, choices=FeeOutcome.choices, default=FeeOutcome.PENDING
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "信息处理费"

    def __str__(self) -> str:
        return f"{self.application} 信息处理费 {self.amount} 元"


class Remedy(models.Model):
    """An administrative reconsideration or lawsuit against a reply (table 四 of the annual report)."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="remedies")
    kind = models.CharField("类型", max_length=20, choices=RemedyKind.choices)
    case_no = models.CharField("案号", max_length=80, blank=True)
    body = models.CharField("复议机关或受理法院", max_length=120)
    filed_on = models.DateField("受理日期")
    result = models.CharField(
        "结果", max_length=20, choices=RemedyResult.choices, default=RemedyResult.PENDING
    )
    decided_on = models.DateField("审结日期", null=True, blank=True)
    summary = models.TextField("情况说明", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["filed_on", "pk"]
        verbose_name = verbose_name_plural = "行政复议和行政诉讼"

    def __str__(self) -> str:
        return f"{self.application} {self.get_kind_display()}"


class LetterTemplate(models.Model):
    """An organization's own text for one letter or paragraph (keys of data/applications/letters.yaml); the
    default text from the file applies where an organization has none. Each save raises the version and is
    written, with the previous text, to the audit log."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="letter_templates")
    key = models.CharField("模板", max_length=60)
    text = models.TextField("文本")
    version = models.PositiveIntegerField("版本", default=1)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization", "key"], name="letter_template_unique")]
        verbose_name = verbose_name_plural = "文书模板"

    def __str__(self) -> str:
        return f"{self.organization} {self.key} v{self.version}"


class Reminder(models.Model):
    """A reminder e-mailed to the handlers of an application: at most one per application, kind and day."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField("提醒类型", max_length=20, choices=ReminderKind.choices)
    sent_on = models.DateField("提醒日期")
    recipients = models.PositiveSmallIntegerField("收件人数", default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind", "sent_on"], name="application_reminder_once"
            )
        ]
        verbose_name = verbose_name_plural = "办理提醒"

    def __str__(self) -> str:
        return f"{self.application} {self.kind} {self.sent_on}"
