"""The two push channels: one e-mail per record, and a signed JSON webhook.

Both raise `ChannelError` with a short Chinese description when the other side did not take the push, so the
delivery service can record it and try again later.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import smtplib
import socket
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse

from gongkai.subscriptions import tokens

EVENT_PUBLISHED = "disclosure.published"
WEBHOOK_TIMEOUT = 10  # seconds
EMAIL_TIMEOUT = 30  # seconds, when settings.EMAIL_TIMEOUT is not set
USER_AGENT = "Gongkai-Webhook/1"


class ChannelError(Exception):
    """The push did not go through (refused, timed out, non-2xx); worth another attempt later."""


# --- what is pushed ------------------------------------------------------------------------------------------


def record_of(d) -> dict[str, Any]:
    """The public facts of a published record, as pushed to webhooks and shown in e-mails."""
    return {
        "id": d.pk,
        "title": d.title,
        "url": tokens.absolute(reverse("portal:disclosure", args=[d.pk])),
        "index_no": d.index_no,
        "published_on": d.published_on.isoformat() if d.published_on else None,
        "organization": d.organization.name,
        "jurisdiction": d.jurisdiction.name,
        "domain": d.catalog_item.domain.name,
    }


# --- e-mail --------------------------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def email_message(subscription, d, *, delivery_id: int | None = None) -> EmailMultiAlternatives:
    record = record_of(d)
    unsubscribe = tokens.unsubscribe_url(subscription)
    context = {"subscription": subscription, "record": record, "unsubscribe_url": unsubscribe}
    message = EmailMultiAlternatives(
        subject=_one_line(f"【公开】新信息：{d.title}"),
        body=render_to_string("subscriptions/email/new_record.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",  # RFC 8058: the link also takes a POST
            "Auto-Submitted": "auto-generated",
            "X-Gongkai-Delivery": str(delivery_id or ""),
        },
    )
    message.attach_alternative(render_to_string("subscriptions/email/new_record.html", context), "text/html")
    return message


def confirmation_message(subscription) -> EmailMultiAlternatives:
    from gongkai.subscriptions.query import describe

    context = {
        "subscription": subscription,
        "conditions": describe(subscription.query),
        "confirm_url": tokens.confirm_url(subscription),
        "days": tokens.CONFIRM_MAX_AGE.days,
    }
    message = EmailMultiAlternatives(
        subject=_one_line(f"【公开】请确认订阅：{subscription.name}"),
        body=render_to_string("subscriptions/email/confirm.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(render_to_string("subscriptions/email/confirm.html", context), "text/html")
    return message


def send_email(message: EmailMultiAlternatives) -> None:
    timeout = getattr(settings, "EMAIL_TIMEOUT", None) or EMAIL_TIMEOUT
    try:
        with get_connection(fail_silently=False, timeout=timeout) as connection:
            sent = connection.send_messages([message])
    except (smtplib.SMTPException, OSError) as exc:
        raise ChannelError(f"邮件发送失败：{exc.__class__.__name__}: {exc}"[:500]) from exc
    if not sent:
        raise ChannelError("邮件服务器未接受该邮件")


# --- webhook -------------------------------------------------------------------------------------------------


def webhook_body(subscription_id: int, record: dict[str, Any]) -> bytes:
    payload = {"event": EVENT_PUBLISHED, "subscription": subscription_id, "disclosure": record}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def signature(secret: str, body: bytes) -> str:
    """`sha256=<hex>`: HMAC-SHA256 of the raw body with the subscription's secret."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def private_hosts_allowed() -> bool:
    return bool(getattr(settings, "SUBSCRIPTIONS_WEBHOOK_ALLOW_PRIVATE", False))


def check_webhook_url(url: str) -> None:
    """Refuse what is not http(s), and hosts on private, loopback or link-local addresses.

    The form is public, so without this anyone could make the server POST into the internal network. A
    deployment whose receivers are internal sets SUBSCRIPTIONS_WEBHOOK_ALLOW_PRIVATE = True.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ChannelError("Webhook 地址须以 http:// 或 https:// 开头")
    if private_hosts_allowed():
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise ChannelError(f"无法解析 Webhook 主机名：{parts.hostname}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            raise ChannelError("Webhook 地址不能指向内网、本机或保留地址")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A redirect could lead a push to a host the address check never saw; a receiver must answer itself.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def post_webhook(*, url: str, secret: str, body: bytes, delivery_id: int) -> int:
    """POST the body; returns the HTTP status. Raises ChannelError on a network error or a non-2xx answer."""
    check_webhook_url(url)
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked above (http/https only)
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Gongkai-Event": EVENT_PUBLISHED,
            "X-Gongkai-Delivery": str(delivery_id),
            "X-Gongkai-Signature": signature(secret, body),
        },
    )
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=WEBHOOK_TIMEOUT) as response:
            response.read(1024)
            status = response.status
    except urllib.error.HTTPError as exc:
        exc.close()
        raise ChannelError(f"Webhook 返回 HTTP {exc.code}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ChannelError(f"Webhook 无法送达：{reason}"[:500]) from exc
    if not 200 <= status < 300:
        raise ChannelError(f"Webhook 返回 HTTP {status}")
    return status
