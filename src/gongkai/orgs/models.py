from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from gongkai.catalog.choices import BodyKind
from gongkai.catalog.models import Jurisdiction
from gongkai.core.codes import uscc_problem


def validate_uscc(value: str) -> None:
    problem = uscc_problem(value)
    if problem:
        raise ValidationError(problem, code="invalid_uscc")


class Role(models.TextChoices):
    PUBLISHER = "publisher", "信息发布员"
    REVIEWER = "reviewer", "保密审查员"
    HANDLER = "handler", "依申请公开办理人"
    SUPERVISOR = "supervisor", "监督人员"
    ADMINISTRATOR = "administrator", "管理员"


class Organization(models.Model):
    """A body that publishes, reviews, handles applications or supervises, within one jurisdiction."""

    name = models.CharField("名称", max_length=120)
    short_name = models.CharField("简称", max_length=60, blank=True)
    uscc = models.CharField("统一社会信用代码", max_length=18, unique=True, validators=[validate_uscc])
    kind = models.CharField("机构类型", max_length=20, choices=BodyKind.choices)
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="organizations")
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    is_supervisor = models.BooleanField(
        "监督机构", default=False, help_text="政务公开办、公共资源交易监督管理局等"
    )
    address = models.CharField("办公地址", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    office_hours = models.CharField("办公时间", max_length=100, blank=True)
    active = models.BooleanField("有效", default=True)

    class Meta:
        ordering = ["jurisdiction__code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "name"], name="organization_unique_name_per_jurisdiction"
            )
        ]
        verbose_name = verbose_name_plural = "机构"

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self.uscc = (self.uscc or "").strip().upper()
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": "上级机构不能是自己"})


class Membership(models.Model):
    """A user's role in an organization. Permissions are granted through memberships only."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organization", "role"], name="membership_unique_role")
        ]
        verbose_name = verbose_name_plural = "岗位"

    def __str__(self) -> str:
        return f"{self.user} · {self.organization} · {self.get_role_display()}"
