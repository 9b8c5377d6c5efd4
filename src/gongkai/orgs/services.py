"""Creating organizations and granting roles."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.catalog.models import Jurisdiction
from gongkai.core.errors import DomainError
from gongkai.orgs.models import Membership, Organization, Role


@transaction.atomic
def create_organization(
    *,
    name: str,
    uscc: str,
    kind: str,
    jurisdiction: Jurisdiction,
    parent: Organization | None = None,
    is_supervisor: bool = False,
    **extra: str,
) -> Organization:
    """Create an organization after validating its unified social credit code; errors are DomainErrors."""
    org = Organization(
        name=name,
        uscc=uscc.strip().upper(),
        kind=kind,
        jurisdiction=jurisdiction,
        parent=parent,
        is_supervisor=is_supervisor,
        **extra,
    )
    try:
        org.full_clean()
    except ValidationError as exc:
        messages = "；".join(f"{k}：{'，'.join(v)}" for k, v in exc.message_dict.items())
        raise DomainError(f"机构信息有误：{messages}", code="invalid_organization") from exc
    org.save()
    return org


@transaction.atomic
def grant_role(*, user, organization: Organization, role: Role | str) -> Membership:
    membership, _ = Membership.objects.get_or_create(user=user, organization=organization, role=Role(role))
    return membership


def ensure_user(
    username: str, *, password: str, full_name: str = "", staff: bool = False, superuser: bool = False
):
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username,
        defaults={"first_name": full_name, "is_staff": staff or superuser, "is_superuser": superuser},
    )
    if created:
        user.set_password(password)
        user.save()
    return user
