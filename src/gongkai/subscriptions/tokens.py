"""Signed links: confirming a subscription (expires) and unsubscribing (does not), no account needed.

The tokens are signed with SECRET_KEY and a salt per purpose, so one kind cannot be used as the other.
The confirmation token also carries the e-mail address, so it stops working if the address is changed.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.urls import reverse

CONFIRM_SALT = "gongkai.subscriptions.confirm"
UNSUBSCRIBE_SALT = "gongkai.subscriptions.unsubscribe"
CONFIRM_MAX_AGE = dt.timedelta(days=7)


class BadToken(Exception):
    pass


def confirm_token(subscription) -> str:
    return signing.dumps({"s": subscription.pk, "e": subscription.email}, salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token: str) -> tuple[int, str]:
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature as exc:  # SignatureExpired is a BadSignature too
        raise BadToken(str(exc)) from exc
    return int(data["s"]), str(data["e"])


def unsubscribe_token(subscription) -> str:
    return signing.dumps({"s": subscription.pk}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> int:
    try:
        return int(signing.loads(token, salt=UNSUBSCRIBE_SALT)["s"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise BadToken(str(exc)) from exc


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def confirm_url(subscription) -> str:
    return absolute(reverse("subscriptions:subscription-confirm", args=[confirm_token(subscription)]))


def unsubscribe_url(subscription) -> str:
    return absolute(reverse("subscriptions:subscription-unsubscribe", args=[unsubscribe_token(subscription)]))
