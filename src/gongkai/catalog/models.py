from __future__ import annotations

from django.db import models

from gongkai.catalog.choices import Attribute, Level


class Jurisdiction(models.Model):
    """An administrative area with a GB/T 2260 code: national → province → city → county."""

    code = models.CharField("行政区划代码", max_length=6, unique=True)
    name = models.CharField("名称", max_length=60)
    short_name = models.CharField("简称", max_length=30, blank=True)
    level = models.CharField("层级", max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    ipv6 = models.BooleanField("要求 IPv6 访问", default=False)
    profile = models.JSONField("规则配置（本级）", default=dict, blank=True)
    profile_sources = models.JSONField("规则配置依据", default=dict, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True)
    source_file = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = verbose_name_plural = "行政区域"

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list[Jurisdiction]:
        """Parents from the nearest up to the national level."""
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain


class Domain(models.Model):
    """A domain of public-resource allocation (shared vocabulary, or added by a jurisdiction)."""

    code = models.CharField("代码", max_length=40, unique=True)
    name = models.CharField("名称", max_length=60)
    description = models.CharField("说明", max_length=200, blank=True)
    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.CASCADE, null=True, blank=True, related_name="own_domains"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = verbose_name_plural = "公开领域"

    def __str__(self) -> str:
        return self.name


class Stage(models.Model):
    """A step of a domain's transaction lifecycle, in order."""

    domain = models.ForeignKey(Domain, on_delete=models.CASCADE, related_name="stages")
    code = models.CharField("代码", max_length=40)
    name = models.CharField("名称", max_length=60)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["domain", "position"]
        constraints = [
            models.UniqueConstraint(fields=["domain", "code"], name="stage_unique_code_per_domain")
        ]
        verbose_name = verbose_name_plural = "交易环节"

    def __str__(self) -> str:
        return f"{self.domain.name}·{self.name}"


class SourceDocument(models.Model):
    """A document a catalog cites (a local measure, a State Council opinion, a regulation)."""

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.CASCADE, related_name="documents")
    key = models.CharField(max_length=60)
    title = models.CharField("标题", max_length=200)
    doc_no = models.CharField("文号", max_length=60, blank=True)
    issuer = models.CharField("发文机关", max_length=100, blank=True)
    issued_on = models.DateField("发文日期", null=True, blank=True)
    url = models.URLField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "key"], name="document_unique_key")]
        verbose_name = verbose_name_plural = "依据文件"

    def __str__(self) -> str:
        return f"《{self.title}》{self.doc_no}"


class Catalog(models.Model):
    """One version of a jurisdiction's disclosure catalog (目录清单)."""

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.CASCADE, related_name="catalogs")
    version = models.CharField("版本", max_length=40)
    effective_from = models.DateField("生效日期")
    effective_to = models.DateField("失效日期", null=True, blank=True)
    extends = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, null=True, blank=True, related_name="extended_by"
    )
    defaults = models.JSONField(default=dict, blank=True)
    content_sha256 = models.CharField(max_length=64)
    source_file = models.CharField(max_length=200, blank=True)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["jurisdiction", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "version"], name="catalog_unique_version")
        ]
        verbose_name = verbose_name_plural = "公开目录版本"

    def __str__(self) -> str:
        return f"{self.jurisdiction.name}目录（{self.version}）"


class CatalogList(models.Model):
    """A table of a catalog as its document lays it out (Tinghu: 附件1, 附件2)."""

    catalog = models.ForeignKey(Catalog, on_delete=models.CASCADE, related_name="lists")
    title = models.CharField("标题", max_length=200)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["catalog", "position"]

    def __str__(self) -> str:
        return self.title


class CatalogItem(models.Model):
    """A catalog item: what is disclosed, by whom, by when, through which channels, and on what authority."""

    catalog = models.ForeignKey(Catalog, on_delete=models.CASCADE, related_name="items")
    catalog_list = models.ForeignKey(CatalogList, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    key = models.CharField("事项代码", max_length=80)
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="items")
    category = models.CharField("信息类别", max_length=200)
    content = models.TextField("公开内容")
    attribute = models.CharField("公开属性", max_length=12, choices=Attribute.choices)
    withheld_reason = models.TextField("不公开理由", blank=True)
    publishers = models.JSONField("公开主体类型", default=list)
    publisher_text = models.CharField("公开主体", max_length=300, blank=True)
    deadline = models.JSONField("公开时限规则", default=dict)
    channels = models.JSONField("公开渠道", default=list)
    supervision = models.CharField("监督渠道", max_length=300, blank=True)
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, null=True, blank=True, related_name="items")
    personal_data = models.BooleanField("含个人信息", default=False)
    punitive = models.BooleanField("惩戒性公示", default=False)
    # Kinds of personal data the law requires this item to publish (项目负责人 and certificates in a candidate
    # notice): shown to the reviewer as 依法公开 and never blocking; lawful_basis says which law.
    lawful_personal = models.JSONField("依法公开的个人信息", default=list, blank=True)
    lawful_basis = models.CharField("依法公开的依据", max_length=300, blank=True)
    fields = models.JSONField("结构化字段", default=list, blank=True)
    source = models.ForeignKey(SourceDocument, on_delete=models.PROTECT, related_name="items")
    source_ref = models.CharField("依据条款", max_length=100)

    class Meta:
        ordering = ["catalog", "catalog_list__position", "position"]
        constraints = [models.UniqueConstraint(fields=["catalog", "key"], name="item_unique_key_per_catalog")]
        verbose_name = verbose_name_plural = "公开事项"

    def __str__(self) -> str:
        return f"{self.category}：{self.content[:30]}"
