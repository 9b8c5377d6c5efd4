"""The demo's second factor: demo accounts whose role requires one get an authenticator with a known key
(data/demo/second_factor.yaml), so `make demo` stays easy to try."""

from __future__ import annotations

import time
from base64 import b32decode
from pathlib import Path
from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP

from gongkai.accounts import services
from gongkai.accounts.selectors import second_factor_required
from gongkai.core.yamlfile import read_yaml

DEVICE_NAME = "演示身份验证器"
STEP = 30


def demo_secret() -> str:
    return str(read_yaml(Path(settings.DATA_DIR) / "demo" / "second_factor.yaml").data["totp_secret"])


def _demo_password() -> str:
    return str(read_yaml(Path(settings.DATA_DIR) / "demo" / "organizations.yaml").data["password"])


def demo_key() -> bytes:
    return b32decode(demo_secret())


def config_url() -> str:
    issuer = settings.OTP_TOTP_ISSUER
    query = urlencode(
        {"secret": demo_secret(), "issuer": issuer, "digits": 6, "period": STEP}, quote_via=quote
    )
    return f"otpauth://totp/{quote(issuer)}:{quote('演示账号')}?{query}"


def current_code(now: float | None = None) -> tuple[str, int]:
    """The demo authenticator's code now, and the seconds it stays valid."""
    now = time.time() if now is None else now
    totp = TOTP(demo_key(), step=STEP, digits=6)
    totp.time = now
    return f"{totp.token():06d}", STEP - int(now) % STEP


def give_demo_authenticators() -> list[str]:
    """Demo accounts (those whose password is still the demo password) that must pass a second factor and
    have no authenticator get the demo one. Real accounts are never touched: their password is not the demo's."""
    password = _demo_password()
    key_hex = demo_key().hex()
    done = []
    for user in get_user_model().objects.filter(is_active=True).order_by("username"):
        if not second_factor_required(user) or not user.check_password(password):
            continue
        if user.totpdevice_set.filter(confirmed=True, key=key_hex).exists():
            done.append(user.get_username())
            continue
        services.install_authenticator(actor=None, user=user, key_hex=key_hex, name=DEVICE_NAME)
        done.append(user.get_username())
    return done
