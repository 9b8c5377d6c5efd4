"""Passing the second factor in tests the way a person does: an authenticator with a known key, and its codes.

`Client.force_login` (see tests/conftest.py) and the browser `login()` use these, so tests that sign staff in
keep working with the second factor enforced; the check itself is never switched off.
"""

from __future__ import annotations

import time
from binascii import unhexlify

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

KNOWN_KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test key, hex


def give_authenticator(user, *, key: str = KNOWN_KEY) -> TOTPDevice:
    """A confirmed authenticator with `key` for `user`, ready to accept the current code again."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "测试验证器", "key": key}
    )
    TOTPDevice.objects.filter(pk=device.pk).update(
        last_t=-1, throttling_failure_count=0, throttling_failure_timestamp=None
    )
    device.refresh_from_db()
    return device


def current_code(device: TOTPDevice, *, at: float | None = None) -> str:
    totp = TOTP(unhexlify(device.key), device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() if at is None else at
    return f"{totp.token():0{device.digits}d}"


def verify_client(client, user) -> None:
    """Mark the test client's session as past the second factor, with an authenticator of the user's."""
    device = give_authenticator(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
