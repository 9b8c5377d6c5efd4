"""Second-factor enrolment and verification (django-otp: TOTP with static recovery codes) and lifting login
lockouts (django-axes). Every change is audited under `auth.*`."""

from __future__ import annotations

import re

from django.db import transaction
from django.db.models import QuerySet
from django_otp import verify_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.core.audit import log_action
from gongkai.core.errors import DomainError

RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "身份验证器"
RECOVERY_NAME = "恢复码"


class SecondFactorError(DomainError):
    code = "second_factor_invalid"
    status = 400


def _clean(token: str) -> str:
    return re.sub(r"[\s-]", "", token or "").lower()


@transaction.atomic
def start_enrolment(*, actor) -> TOTPDevice:
    """The unconfirmed authenticator the actor is about to scan: kept across page loads until confirmed, so a
    reload shows the same QR code."""
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=actor, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def _new_recovery_codes(actor) -> list[str]:
    StaticDevice.objects.filter(user=actor).delete()
    device = StaticDevice.objects.create(user=actor, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def confirm_enrolment(*, actor, device: TOTPDevice, token: str) -> list[str]:
    """Confirm the actor's pending authenticator with a code it shows; replaces any earlier authenticator and
    issues fresh recovery codes, returned once (only their use is stored). Raises SecondFactorError."""
    if device.user_id != actor.pk or device.confirmed:
        raise SecondFactorError("绑定请求已失效，请刷新页面后重新扫描二维码")
    token = _clean(token)
    allowed, _ = device.verify_is_allowed()
    if not allowed:
        raise SecondFactorError("验证码错误次数过多，请稍候几秒再试")
    if not (token.isdigit() and len(token) == device.digits and device.verify_token(token)):
        # verify_token records the failure for django-otp's throttling outside this function's transaction.
        raise SecondFactorError("验证码不正确，请输入身份验证器当前显示的6位数字")
    with transaction.atomic():
        TOTPDevice.objects.filter(user=actor).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_recovery_codes(actor)
        log_action(actor=actor, action="auth.otp.enrolled", obj=actor, data={"recovery_codes": len(codes)})
    return codes


def check_second_factor(*, actor, token: str) -> Device | None:
    """The device that accepts `token` (a 6-digit authenticator code or a recovery code), or None.

    Each attempt is audited: verified, recovery code used (with how many are left) or failed. django-otp
    throttles each device after failures (growing delays), so guessing is slow even from many addresses.
    """
    token = _clean(token)
    totp = TOTPDevice.objects.filter(user=actor, confirmed=True).order_by("pk").first()
    device: Device | None = None
    if totp is not None and token.isdigit() and len(token) == totp.digits:
        device = verify_token(actor, totp.persistent_id, token)
        kind = "authenticator"
    else:
        static = StaticDevice.objects.filter(user=actor, confirmed=True).first()
        if static is not None and token:
            device = verify_token(actor, static.persistent_id, token)
        kind = "recovery"
    with transaction.atomic():
        if device is None:
            log_action(actor=actor, action="auth.otp.failed", obj=actor, data={"kind": kind})
        elif isinstance(device, StaticDevice):
            left = device.token_set.count()
            log_action(actor=actor, action="auth.otp.recovery_used", obj=actor, data={"left": left})
        else:
            log_action(actor=actor, action="auth.otp.verified", obj=actor, data={})
    return device


@transaction.atomic
def install_authenticator(*, actor, user, key_hex: str, name: str) -> TOTPDevice:
    """Give `user` a confirmed authenticator with a key chosen by the system (the demo's known key); replaces
    any earlier one. Audited like an enrolment, with `installed_by`."""
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name=name, key=key_hex, confirmed=True)
    log_action(
        actor=actor,
        action="auth.otp.enrolled",
        obj=user,
        data={"installed_by": actor.get_username() if actor else "system", "name": name},
    )
    return device


@transaction.atomic
def regenerate_recovery_codes(*, actor) -> list[str]:
    """Replace the actor's recovery codes (the old ones stop working); returned once."""
    if not TOTPDevice.objects.filter(user=actor, confirmed=True).exists():
        raise SecondFactorError("请先绑定身份验证器")
    codes = _new_recovery_codes(actor)
    log_action(actor=actor, action="auth.otp.recovery_regenerated", obj=actor, data={"count": len(codes)})
    return codes


@transaction.atomic
def reset_second_factor(*, actor, user) -> int:
    """An administrator removes `user`'s authenticator and recovery codes (a lost phone): they enrol again at
    their next login. Returns the number of devices removed."""
    removed = TOTPDevice.objects.filter(user=user).delete()[0]
    removed += StaticDevice.objects.filter(user=user).delete()[0]
    log_action(actor=actor, action="auth.otp.reset", obj=user, data={"username": user.get_username()})
    return removed


@transaction.atomic
def release_lockouts(*, actor, attempts: QuerySet) -> int:
    """Lift login lockouts (django-axes AccessAttempt rows) before their cool-off ends; audited per row."""
    released = 0
    for attempt in attempts.select_for_update():
        log_action(
            actor=actor,
            action="auth.lockout.released",
            data={
                "username": attempt.username,
                "ip_address": attempt.ip_address,
                "failures": attempt.failures_since_start,
            },
        )
        attempt.delete()
        released += 1
    return released
