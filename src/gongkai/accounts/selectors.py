"""Who must pass a second factor and who may enter /admin/ (docs/security.md, 认证与会话)."""

from __future__ import annotations

from django.conf import settings
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.orgs.models import Membership, Role


def is_administrator(user) -> bool:
    """A superuser, or an active staff account holding the administrator role somewhere."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.is_staff and Membership.objects.filter(user=user, role=Role.ADMINISTRATOR).exists()


def second_factor_required(user) -> bool:
    """True for superusers and holders of a role in settings.OTP_REQUIRED_ROLES (reviewers, administrators)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return Membership.objects.filter(user=user, role__in=settings.OTP_REQUIRED_ROLES).exists()


def authenticator_of(user) -> TOTPDevice | None:
    """The user's confirmed authenticator (TOTP) device, if any."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def seconds_until_next_try(user) -> int:
    """How long django-otp's throttling makes the user wait before the next code is checked (0: now)."""
    from django.utils import timezone

    waits = [0]
    for device in [*TOTPDevice.objects.filter(user=user), *StaticDevice.objects.filter(user=user)]:
        allowed, info = device.verify_is_allowed()
        if not allowed and info and info.get("locked_until"):
            waits.append(int((info["locked_until"] - timezone.now()).total_seconds()) + 1)
    return max(waits)


def recovery_codes_left(user) -> int:
    device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    return device.token_set.count() if device else 0
