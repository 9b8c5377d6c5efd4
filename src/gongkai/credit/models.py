"""Market entities (市场主体) keyed by their unified social credit code, their credit records (Lu'an art. 5), the
blacklist (严重失信主体名单, cn-rules §8.2), credit repair (信用修复) and the entities named in disclosures.

Nothing here is deleted: a record whose publicity has ended, an entry that expired or was removed, a repair
refused — all stay, and the selectors decide by date what the public sees.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.credit.choices import (
    BlacklistReason,
    BlacklistState,
    EntityKind,
    PartyRole,
    PublicationScope,
    RecordKind,
    RecordState,
    RemovalKind,
    RepairState,
)
from gongkai.disclosures.models import Disclosure
from gongkai.orgs.models import Organization, validate_uscc


class Entity(models.Model):
    """A market entity (市场主体): company, other organization or individual business, by its credit code."""

    uscc = models.CharField("统一社会信用代码", max_length=18, unique=True, validators=[validate_uscc])
    name = models.CharField("名称", max_length=200, db_index=True)
    kind = models.CharField(
        "主体类别", max_length=20, choices=EntityKind.choices, default=EntityKind.LEGAL_PERSON
    )
    legal_representative = models.CharField("法定代表人（负责人、经营者）", max_length=60, blank=True)
    registered_address = models.CharField("住所（经营场所）", max_length=300, blank=True)
    registration_authority = models.CharField("登记机关", max_length=120, blank=True)
    established_on = models.DateField("成立日期", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = verbose_name_plural = "市场主体"

    def __str__(self) -> str:
        return f"{self.name}（{self.uscc}）"


class NameHistory(models.Model):
    """A name the entity used before (曾用名), with when it stopped using it."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="names")
    name = models.CharField("曾用名", max_length=200)
    used_until = models.DateField("使用至", null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["entity", "-used_until", "-recorded_at"]
        verbose_name = verbose_name_plural = "曾用名"

    def __str__(self) -> str:
        return self.name


class CreditRecordQuerySet(models.QuerySet):
    def in_publicity(self, today):
        """In public view on `today`: disclosed, not withdrawn or repaired, started and not past its last day."""
        return self.filter(state=RecordState.PUBLIC, publicity_from__lte=today).filter(
            Q(publicity_until__isnull=True) | Q(publicity_until__gte=today)
        )

    def due_to_expire(self, today):
        """Still marked public but past their last day, whatever an earlier run saw."""
        return self.filter(state=RecordState.PUBLIC, publicity_until__lt=today)


class CreditRecord(models.Model):
    """One item of credit information about an entity, with its deciding body and its publicity period."""

    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="records")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name="录入机构"
    )
    kind = models.CharField("信息类别", max_length=20, choices=RecordKind.choices)
    title = models.CharField("名称", max_length=300)
    content = models.TextField("内容")
    decided_by_name = models.CharField("作出决定的机关", max_length=200)
    decided_by_uscc = models.CharField(
        "作出决定的机关统一社会信用代码", max_length=18, blank=True, validators=[validate_uscc]
    )
    decided_on = models.DateField("决定日期")
    doc_no = models.CharField("决定文书文号", max_length=100, blank=True)
    basis = models.TextField("依据", blank=True)
    scheme = models.CharField("公示期限规则", max_length=40, blank=True)
    severity = models.CharField("失信程度", max_length=20, blank=True)
    severity_label = models.CharField("失信程度（名称）", max_length=40, blank=True)
    publicity_from = models.DateField("公示起始日期")
    publicity_until = models.DateField("公示截止日期", null=True, blank=True)
    repair_from = models.DateField("可申请信用修复的日期", null=True, blank=True)
    rule_text = models.CharField("公示期限依据", max_length=400, blank=True)
    state = models.CharField("状态", max_length=20, choices=RecordState.choices, default=RecordState.PUBLIC)
    ended_on = models.DateField("提前停止公示日期", null=True, blank=True)
    end_reason = models.TextField("停止公示或撤回的理由", blank=True)
    source_disclosure = models.ForeignKey(
        Disclosure,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="来源公开信息",
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CreditRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "-pk"]
        indexes = [models.Index(fields=["state", "publicity_until"]), models.Index(fields=["entity", "kind"])]
        verbose_name = verbose_name_plural = "信用记录"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.title}"


class BlacklistQuerySet(models.QuerySet):
    def public_on(self, today):
        """On the public list on `today`: listed (or removal not yet decided), published to society, in validity."""
        return self.filter(
            state__in=[BlacklistState.LISTED, BlacklistState.REMOVAL_SUBMITTED],
            publication_scope=PublicationScope.PUBLIC,
            valid_from__lte=today,
            valid_to__gte=today,
        )

    def in_force_on(self, day):
        """On the list on `day`, whoever may see it: listed then and not removed or expired by then; a revoked
        decision never counts."""
        return self.filter(
            state__in=[
                BlacklistState.LISTED,
                BlacklistState.REMOVAL_SUBMITTED,
                BlacklistState.REMOVED,
                BlacklistState.EXPIRED,
            ],
            valid_from__lte=day,
            valid_to__gte=day,
        ).filter(Q(removed_on__isnull=True) | Q(removed_on__gt=day))

    def due_to_expire(self, today):
        return self.filter(
            state__in=[BlacklistState.LISTED, BlacklistState.REMOVAL_SUBMITTED], valid_to__lt=today
        )


class BlacklistEntry(models.Model):
    """An entry of the list of seriously dishonest entities, with the fields of cn-rules §8.2.

    Listing and removal each need a second person: the proposer never approves their own proposal.
    """

    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="blacklist_entries")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name="管理部门"
    )
    list_name = models.CharField("名单类型", max_length=100, default="公共资源交易领域严重失信主体名单")
    entity_name = models.CharField("主体名称", max_length=200)
    entity_kind = models.CharField("主体类别", max_length=20, choices=EntityKind.choices)
    role = models.CharField("主体角色", max_length=20, choices=PartyRole.choices)
    legal_representative = models.CharField("法定代表人", max_length=60, blank=True)
    reason_category = models.CharField("列入事由（类别）", max_length=20, choices=BlacklistReason.choices)
    reason = models.TextField("列入事由（失信行为）")
    legal_basis = models.TextField("认定依据")
    decided_by_name = models.CharField("认定单位", max_length=200)
    decided_by_uscc = models.CharField("认定单位统一社会信用代码", max_length=18, validators=[validate_uscc])
    doc_no = models.CharField("认定文书文号", max_length=100)
    decided_on = models.DateField("认定日期")
    valid_from = models.DateField("有效期起")
    valid_to = models.DateField("有效期至")
    restricted_activities = models.TextField("惩戒措施（限制行为）")
    publication_scope = models.CharField(
        "公开范围", max_length=10, choices=PublicationScope.choices, default=PublicationScope.PUBLIC
    )
    scheme = models.CharField("公示期限规则", max_length=40, blank=True)
    severity = models.CharField("失信程度", max_length=20, blank=True)
    repair_from = models.DateField("可申请信用修复的日期", null=True, blank=True)
    rule_text = models.CharField("有效期依据", max_length=400, blank=True)

    state = models.CharField(
        "状态", max_length=20, choices=BlacklistState.choices, default=BlacklistState.SUBMITTED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="提出人"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="列入审核人",
    )  # fmt: skip
    review_comment = models.TextField("审核意见", blank=True)
    listed_at = models.DateTimeField("列入时间", null=True, blank=True)

    removal_kind = models.CharField("移出方式", max_length=10, choices=RemovalKind.choices, blank=True)
    removal_reason = models.TextField("移出或撤销理由", blank=True)
    removal_proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="移出提出人",
    )  # fmt: skip
    removal_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="移出审核人",
    )  # fmt: skip
    removal_comment = models.TextField("移出审核意见", blank=True)
    removed_on = models.DateField("移出日期", null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BlacklistQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "-pk"]
        indexes = [models.Index(fields=["state", "valid_to"]), models.Index(fields=["entity", "state"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__gte=models.F("valid_from")), name="blacklist_valid_range"
            )
        ]
        verbose_name = verbose_name_plural = "严重失信主体名单"

    def __str__(self) -> str:
        return f"{self.entity_name}（{self.doc_no}）"


class RepairRecord(models.Model):
    """A credit-repair application (信用修复申请) about one credit record or one blacklist entry, and its decision.

    Approval ends the target's publicity early (the record stops being shown; the entry is removed from the list).
    """

    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="repairs")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name="受理机构"
    )
    credit_record = models.ForeignKey(
        CreditRecord, on_delete=models.PROTECT, null=True, blank=True, related_name="repairs"
    )
    blacklist_entry = models.ForeignKey(
        BlacklistEntry, on_delete=models.PROTECT, null=True, blank=True, related_name="repairs"
    )
    applied_on = models.DateField("申请日期")
    applicant = models.CharField("申请人", max_length=200)
    evidence = models.TextField("纠正失信行为、履行法定义务的证明")
    commitment = models.BooleanField("已提交信用承诺书", default=False)
    state = models.CharField("状态", max_length=10, choices=RepairState.choices, default=RepairState.PENDING)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="审核人",
    )  # fmt: skip
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decision_comment = models.TextField("审核意见", blank=True)
    effect = models.CharField("修复效果", max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-applied_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(credit_record__isnull=False) & Q(blacklist_entry__isnull=True))
                | (Q(credit_record__isnull=True) & Q(blacklist_entry__isnull=False)),
                name="repair_exactly_one_target",
            )
        ]
        verbose_name = verbose_name_plural = "信用修复"

    def __str__(self) -> str:
        return f"{self.applicant} {self.applied_on} 信用修复申请"

    @property
    def target(self) -> CreditRecord | BlacklistEntry:
        return self.credit_record or self.blacklist_entry


class PartyMention(models.Model):
    """An entity named by credit code in a published disclosure's structured fields (candidate, winner …)."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    disclosure = models.ForeignKey(Disclosure, on_delete=models.CASCADE, related_name="+")
    role = models.CharField("角色", max_length=100)
    field_key = models.CharField("字段", max_length=120)
    name_as_written = models.CharField("公开信息中的名称", max_length=200, blank=True)

    class Meta:
        ordering = ["-disclosure__published_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["disclosure", "field_key"], name="party_mention_unique_field")
        ]
        verbose_name = verbose_name_plural = "公开信息中的市场主体"

    def __str__(self) -> str:
        return f"{self.entity.name} · {self.role} · {self.disclosure_id}"
