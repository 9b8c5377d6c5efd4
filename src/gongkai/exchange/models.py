from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.orgs.models import Organization


class ApiToken(models.Model):
    """A machine client's credential (a trading system), scoped to one organization and a set of scopes.

    The token acts as its own account (`user`), which holds the publisher role in the organization, so the
    same permission rules apply to machines and people. Only a hash of the secret is stored.
    """

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="api_tokens")
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_token")
    name = models.CharField("名称", max_length=100)
    prefix = models.CharField(max_length=12, unique=True)
    secret_hash = models.CharField(max_length=64)
    scopes = models.JSONField("权限范围", default=list)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "接口令牌"

    def __str__(self) -> str:
        return f"{self.organization} · {self.name}"
