"""Transactions (交易项目) and their lifecycle: each step a published disclosure at one of the domain's stages.

Disclosures know nothing of transactions (the layers run one way): the link lives here, one `TransactionStep` per
disclosure. The unified transaction code (统一交易标识码) is issued once, when the transaction is registered.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.catalog.models import Domain, Jurisdiction, Stage
from gongkai.disclosures.models import Disclosure
from gongkai.orgs.models import Organization


class Transaction(models.Model):
    """One allocation of a public resource — a tender, a procurement, a land or property transfer — from approval
    to performance, identified by its unified transaction code, with the publishers' own numbers beside it."""

    code = models.CharField("统一交易标识码", max_length=33, unique=True)
    operator_uscc = models.CharField("交易平台运行机构统一社会信用代码", max_length=18)
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="transactions")
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="transactions")
    region_code = models.CharField("项目所在行政区域代码", max_length=6)
    title = models.CharField("交易项目名称", max_length=300)
    project_no = models.CharField("项目编号（发布单位自编）", max_length=100, blank=True)
    project_code = models.CharField("投资项目代码", max_length=60, blank=True)
    owner = models.ForeignKey(
        Organization,
        verbose_name="招标人、采购人、出让人或转让方",
        on_delete=models.PROTECT,
        related_name="owned_transactions",
    )
    agency = models.ForeignKey(
        Organization,
        verbose_name="代理机构",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agency_transactions",
    )
    registered_by = models.ForeignKey(
        Organization,
        verbose_name="登记机构",
        on_delete=models.PROTECT,
        related_name="registered_transactions",
    )
    budget = models.DecimalField(
        "预算金额、最高限价或底价（元）", max_digits=18, decimal_places=2, null=True, blank=True
    )
    procedure = models.CharField("交易方式", max_length=40, blank=True)
    registered_on = models.DateField("登记日期")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-registered_on", "-pk"]
        indexes = [models.Index(fields=["domain", "jurisdiction"])]
        verbose_name = verbose_name_plural = "交易项目"

    def __str__(self) -> str:
        return f"{self.title}（{self.code}）"


class TransactionStep(models.Model):
    """A disclosure attached to a transaction at a stage of its domain's lifecycle (one transaction per disclosure)."""

    transaction = models.ForeignKey(Transaction, on_delete=models.CASCADE, related_name="steps")
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="+")
    disclosure = models.OneToOneField(Disclosure, on_delete=models.CASCADE, related_name="transaction_step")
    attached_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    attached_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["transaction", "stage__position", "pk"]
        verbose_name = verbose_name_plural = "交易环节信息"

    def __str__(self) -> str:
        return f"{self.transaction.code} · {self.stage.name} · {self.disclosure_id}"


class CodeSerial(models.Model):
    """The last serial issued by an operator on a day (locked with SELECT … FOR UPDATE while a code is issued)."""

    operator_uscc = models.CharField(max_length=18)
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["operator_uscc", "day"], name="txn_code_serial_unique")
        ]

    def __str__(self) -> str:
        return f"{self.operator_uscc}/{self.day:%Y%m%d}: {self.last}"
