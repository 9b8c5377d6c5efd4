"""Issuing, checking and revoking API tokens (`gk_<prefix>_<secret>`)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from enum import StrEnum

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from gongkai.core.audit import log_action
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.core.permissions import Perm
from gongkai.exchange.models import ApiToken
from gongkai.orgs.models import Organization, Role
from gongkai.orgs.roles import has_perm
from gongkai.orgs.services import grant_role


class Scope(StrEnum):
    DISCLOSURES_WRITE = "disclosures:write"
    DISCLOSURES_READ = "disclosures:read"
    APPLICATIONS_READ = "applications:read"
    APPLICATIONS_WRITE = "applications:write"


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def issue_token(*, actor, organization: Organization, name: str, scopes: list[str]) -> tuple[ApiToken, str]:
    """Create a token; the plain value is returned once and never stored."""
    if not (actor.is_superuser or has_perm(actor, organization, Perm.API_TOKEN_MANAGE)):
        raise PermissionDenied("您不能为该机构签发接口令牌")
    unknown = [s for s in scopes if s not in Scope.__members__.values()]
    if unknown or not scopes:
        raise DomainError(f"权限范围无效：{'、'.join(unknown) or '未指定'}", code="invalid_scope")
    prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    user = get_user_model().objects.create_user(
        username=f"api-{prefix}", first_name=f"{organization.name}·{name}（接口）", password=None
    )
    grant_role(user=user, organization=organization, role=Role.PUBLISHER)
    if {Scope.APPLICATIONS_READ, Scope.APPLICATIONS_WRITE} & set(scopes):
        # Applications are handled as the organization's handler (依申请公开办理人), with the same rules as the pages.
        grant_role(user=user, organization=organization, role=Role.HANDLER)
    token = ApiToken.objects.create(
        organization=organization, user=user, name=name, prefix=prefix, secret_hash=_hash(secret),
        scopes=list(scopes), created_by=actor,
    )  # fmt: skip
    log_action(
        actor=actor,
        action="api_token.issued",
        obj=token,
        organization_id=organization.pk,
        data={"name": name, "scopes": scopes},
    )
    return token, f"gk_{prefix}_{secret}"


def authenticate(value: str) -> ApiToken | None:
    try:
        _gk, prefix, secret = value.split("_", 2)
    except ValueError:
        return None
    token = (
        ApiToken.objects.select_related("organization", "user")
        .filter(prefix=prefix, revoked_at__isnull=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.secret_hash, _hash(secret)):
        return None
    if not token.user.is_active or not token.organization.active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token


@transaction.atomic
def revoke_token(*, actor, token: ApiToken) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    log_action(actor=actor, action="api_token.revoked", obj=token, organization_id=token.organization_id)
