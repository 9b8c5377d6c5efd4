"""Subscriptions and pushes: subscribe (double opt-in), confirm, unsubscribe, collect matches, deliver.

Never twice: a `Delivery` row exists once per (subscription, record, channel) — a unique constraint, and rows
are created with conflicts ignored — and a row is sent only by the worker that claims it with a conditional
UPDATE (pending, due → attempts+1 and a lease on `next_attempt_at`); a row marked sent is never claimed again.
Failures are retried with exponential backoff until MAX_ATTEMPTS, then the row is marked failed.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from gongkai.core.audit import log_action
from gongkai.core.errors import DomainError, NotFound
from gongkai.disclosures.choices import State
from gongkai.disclosures.models import Disclosure
from gongkai.subscriptions import channels, tokens
from gongkai.subscriptions.choices import Channel, DeliveryState
from gongkai.subscriptions.models import Delivery, Subscription
from gongkai.subscriptions.query import clean_params, default_name, search_query

logger = logging.getLogger(__name__)

# Re-look this far behind the last check, for records indexed late (a busy writer, a failed hook); the unique
# delivery constraint makes looking twice harmless, so the margin can be generous.
OVERLAP = dt.timedelta(days=1)
SEARCH_PAGE_SIZE = 50
SEARCH_MAX_PAGES = 40  # at most 2,000 new records per subscription and scan (the newest; see the warning)
MAX_ATTEMPTS = 6
FIRST_BACKOFF = dt.timedelta(minutes=1)
MAX_BACKOFF = dt.timedelta(hours=6)
LEASE = dt.timedelta(minutes=5)  # a claimed attempt; far longer than the channels' timeouts


def lease() -> dt.timedelta:
    """How long a claimed attempt is held: a worker killed mid-send leaves it due again after this
    (settings.SUBSCRIPTIONS_DELIVERY_LEASE seconds; LEASE by default)."""
    seconds = getattr(settings, "SUBSCRIPTIONS_DELIVERY_LEASE", None)
    return dt.timedelta(seconds=seconds) if seconds else LEASE


UNCONFIRMED_PER_EMAIL_PER_DAY = 5


def backoff(attempts: int) -> dt.timedelta:
    """Wait before the next attempt after `attempts` failed ones: 1 min × 4^(attempts−1), at most 6 h."""
    return min(FIRST_BACKOFF * 4 ** max(attempts - 1, 0), MAX_BACKOFF)


# --- subscribing ---------------------------------------------------------------------------------------------


@transaction.atomic
def create_subscription(
    *,
    actor=None,
    email: str,
    params: dict,
    name: str = "",
    send_email: bool = True,
    webhook_url: str = "",
) -> Subscription:
    """Save a search as an unconfirmed subscription and send the confirmation link to `email` (after commit).

    `actor` is the staff user registering it for someone (None from the public form); either way nothing is
    pushed before the owner of the address confirms.
    """
    email = BaseUserManager.normalize_email(email.strip())  # the domain part lower-cased, as Django does
    webhook_url = webhook_url.strip()
    if not send_email and not webhook_url:
        raise DomainError("请至少选择一种推送方式（电子邮件或 Webhook）", code="no_channel")
    if webhook_url:
        try:
            channels.check_webhook_url(webhook_url)
        except channels.ChannelError as exc:
            raise DomainError(str(exc), code="bad_webhook_url") from exc
    recent = Subscription.objects.filter(
        email__iexact=email, confirmed_at__isnull=True, created_at__gte=timezone.now() - dt.timedelta(days=1)
    ).count()
    if recent >= UNCONFIRMED_PER_EMAIL_PER_DAY:
        raise DomainError(
            "该邮箱有多个订阅尚未确认，请先查收确认邮件，或明天再试", code="too_many_unconfirmed"
        )
    params = clean_params(params)
    _check_query(params)
    sub = Subscription.objects.create(
        name=(name.strip() or default_name(params))[:200],
        query=params,
        email=email,
        send_email=send_email,
        webhook_url=webhook_url,
        webhook_secret=secrets.token_hex(32) if webhook_url else "",
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    log_action(actor=actor, actor_name=None if actor else "订阅人", action="subscription.created", obj=sub,
               data={"channels": sub.channels, "query": params})  # fmt: skip
    from gongkai.subscriptions.tasks import send_confirmation_task

    transaction.on_commit(lambda: send_confirmation_task.enqueue(sub.pk))
    return sub


def _check_query(params: dict) -> None:
    """Refuse a search the index would refuse (an unknown validity, date range…), before anyone subscribes."""
    from gongkai.search.services import search

    try:
        search(search_query(params, sort="date", per_page=1))
    except DomainError as exc:
        if exc.code == "invalid_query":
            raise
        logger.warning("search unavailable while subscribing (%s); the query is checked at each scan", exc)
    except Exception:  # the index is broken: subscribing still works, the scans will log the same error
        logger.exception("search failed while subscribing; the query is checked at each scan")


def send_confirmation(subscription_id: int) -> bool:
    """E-mail the confirmation link (again). False when the subscription is gone or already confirmed."""
    sub = Subscription.objects.filter(pk=subscription_id, confirmed_at__isnull=True, active=True).first()
    if sub is None:
        return False
    channels.send_email(channels.confirmation_message(sub))
    return True


@transaction.atomic
def confirm_subscription(*, token: str | None = None, subscription: Subscription | None = None,
                         actor=None, now: dt.datetime | None = None) -> Subscription:  # fmt: skip
    """Confirm by the signed link (or by staff, with `subscription` and `actor`). Confirming twice is a no-op."""
    if token is not None:
        try:
            pk, email = tokens.read_confirm_token(token)
        except tokens.BadToken as exc:
            raise DomainError("确认链接无效或已过期，请重新订阅", code="bad_token") from exc
        sub = Subscription.objects.select_for_update().filter(pk=pk, email=email).first()
    elif subscription is not None and getattr(actor, "is_staff", False):
        sub = Subscription.objects.select_for_update().filter(pk=subscription.pk).first()
    else:
        raise DomainError("只有订阅人或工作人员可以确认订阅", code="forbidden")
    if sub is None:
        raise NotFound("该订阅不存在")
    if not sub.active:
        raise DomainError("该订阅已退订；如需继续接收，请重新订阅", code="unsubscribed")
    if sub.confirmed_at is None:
        sub.confirmed_at = now or timezone.now()
        sub.save(update_fields=["confirmed_at"])
        log_action(
            actor=actor, actor_name=None if actor else "订阅人", action="subscription.confirmed", obj=sub
        )
    return sub


@transaction.atomic
def unsubscribe(*, token: str | None = None, subscription: Subscription | None = None,
                actor=None) -> Subscription:  # fmt: skip
    """Stop a subscription (one click from the signed link, or staff); pending pushes are dropped."""
    if token is not None:
        try:
            pk = tokens.read_unsubscribe_token(token)
        except tokens.BadToken as exc:
            raise DomainError("退订链接无效", code="bad_token") from exc
        sub = Subscription.objects.select_for_update().filter(pk=pk).first()
    elif subscription is not None and getattr(actor, "is_staff", False):
        sub = Subscription.objects.select_for_update().filter(pk=subscription.pk).first()
    else:
        raise DomainError("只有订阅人或工作人员可以退订", code="forbidden")
    if sub is None:
        raise NotFound("该订阅不存在")
    if sub.active:
        sub.active, sub.unsubscribed_at = False, timezone.now()
        sub.save(update_fields=["active", "unsubscribed_at"])
        sub.deliveries.filter(state=DeliveryState.PENDING).update(
            state=DeliveryState.FAILED, last_error="订阅已退订"
        )
        log_action(
            actor=actor, actor_name=None if actor else "订阅人", action="subscription.unsubscribed", obj=sub
        )
    return sub


# --- matching ------------------------------------------------------------------------------------------------


def _since(sub: Subscription) -> dt.datetime:
    if sub.last_checked_at is None:
        return sub.confirmed_at
    return max(sub.confirmed_at, sub.last_checked_at - OVERLAP)


def _matching_ids(sub: Subscription, since: dt.datetime, today: dt.date | None) -> list[int]:
    from gongkai.search.services import search

    params = dict(sub.query)
    # A relative window (last week…) means nothing for pushes: only what is new since `since` is wanted.
    params.pop("date_preset", None)
    since_day = timezone.localdate(since)
    if not params.get("date_from") or dt.date.fromisoformat(params["date_from"]) < since_day:
        params["date_from"] = since_day.isoformat()
    if params.get("date_to") and dt.date.fromisoformat(params["date_to"]) < since_day:
        return []  # the subscribed period is over
    ids: list[int] = []
    for page in range(1, SEARCH_MAX_PAGES + 1):
        result = search(search_query(params, sort="date", page=page, per_page=SEARCH_PAGE_SIZE), today=today)
        ids += [hit.id for hit in result.hits if not hit.withdrawn]
        if not result.hits or page * SEARCH_PAGE_SIZE >= result.count:
            break
    else:
        # Newest first, so what is left out is the oldest of the window, and the next scan starts later.
        logger.warning(
            "subscription %s: more than %s new matches; the oldest are not pushed", sub.pk, len(ids)
        )
    # The index knows the day; the database knows the moment (and that the record is still published).
    return list(
        Disclosure.objects.filter(pk__in=ids, state=State.PUBLISHED, published_at__gte=since)
        .order_by("published_at", "pk")
        .values_list("pk", flat=True)
    )


def collect_new_matches(subscription: Subscription, *, today: dt.date | None = None,
                        now: dt.datetime | None = None) -> int:  # fmt: skip
    """Run the saved search for what was published since it was last checked; create the missing deliveries.

    Returns how many deliveries were created. Runs any number of times without creating one twice; the new
    ones are sent by tasks enqueued after commit.
    """
    now = now or timezone.now()
    sub = Subscription.objects.filter(pk=subscription.pk).first()
    if sub is None or not sub.is_deliverable:
        return 0
    ids = _matching_ids(sub, _since(sub), today)
    with transaction.atomic():
        sub = Subscription.objects.select_for_update().get(pk=sub.pk)
        if not sub.is_deliverable:
            return 0
        existing = set(
            Delivery.objects.filter(subscription=sub, disclosure_id__in=ids).values_list(
                "disclosure_id", "channel"
            )
        )
        missing = [(pk, channel) for pk in ids for channel in sub.channels if (pk, channel) not in existing]
        # ignore_conflicts: a scan running at the same time may have created some of them; the constraint wins.
        Delivery.objects.bulk_create(
            [
                Delivery(subscription=sub, disclosure_id=pk, channel=channel, next_attempt_at=now)
                for pk, channel in missing
            ],
            ignore_conflicts=True,
        )
        # The check time is when this run started looking, so what is published meanwhile is seen next time.
        Subscription.objects.filter(pk=sub.pk).update(last_checked_at=now)
        due = list(
            Delivery.objects.filter(subscription=sub, disclosure_id__in=ids)
            .due(now)
            .values_list("pk", flat=True)
        )
        if due:
            transaction.on_commit(lambda: enqueue_sends(due))
    return len(missing)


def scan_subscriptions(*, today: dt.date | None = None, now: dt.datetime | None = None) -> int:
    """Check EVERY active confirmed subscription (not only those touched since the last run); idempotent.

    One subscription failing (a search error) is logged and does not stop the others. Returns the number
    of deliveries created.
    """
    now = now or timezone.now()
    created = 0
    for pk in Subscription.objects.deliverable().order_by("pk").values_list("pk", flat=True):
        try:
            created += collect_new_matches(Subscription(pk=pk), today=today, now=now)
        except Exception:
            logger.exception("subscription %s: scan failed", pk)
    return created


# --- delivering ----------------------------------------------------------------------------------------------


def enqueue_sends(delivery_ids: Iterable[int]) -> None:
    from gongkai.subscriptions.tasks import send_delivery_task

    for pk in delivery_ids:
        send_delivery_task.enqueue(pk)


def _claim(delivery_id: int, now: dt.datetime) -> bool:
    """Take one attempt of a due delivery for this worker: a conditional UPDATE only one worker can win."""
    return bool(
        Delivery.objects.filter(pk=delivery_id)
        .due(now)
        .update(attempts=F("attempts") + 1, next_attempt_at=now + lease())
    )


def _fail(delivery: Delivery, error: str, now: dt.datetime, *, final: bool = False) -> str:
    if final or delivery.attempts >= MAX_ATTEMPTS:
        Delivery.objects.filter(pk=delivery.pk).update(state=DeliveryState.FAILED, last_error=error)
        return DeliveryState.FAILED
    retry_at = now + backoff(delivery.attempts)
    Delivery.objects.filter(pk=delivery.pk, state=DeliveryState.PENDING).update(
        last_error=error, next_attempt_at=retry_at
    )
    schedule_retry(delivery.pk, retry_at)
    return DeliveryState.PENDING


def schedule_retry(delivery_id: int, when: dt.datetime) -> None:
    """Enqueue the retry to run at `when`, where the task backend can defer; else `deliver` picks it up."""
    from gongkai.subscriptions.tasks import send_delivery_task

    if not send_delivery_task.get_backend().supports_defer:
        return
    transaction.on_commit(lambda: send_delivery_task.using(run_after=when).enqueue(delivery_id))


def send_delivery(delivery_id: int, *, now: dt.datetime | None = None) -> str | None:
    """Send one due delivery on its channel. Returns its state after this attempt, or None if it was not due
    (already sent, failed, not yet due, or claimed by another worker).
    """
    now = now or timezone.now()
    if not _claim(delivery_id, now):
        return None
    delivery = Delivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None:  # deleted meanwhile (with its subscription)
        return None
    sub = delivery.subscription
    if not sub.is_deliverable:
        return _fail(delivery, "订阅已退订或未确认", now, final=True)
    d = (
        Disclosure.objects.select_related("organization", "jurisdiction", "catalog_item__domain")
        .filter(pk=delivery.disclosure_id, state=State.PUBLISHED)
        .first()
    )
    if d is None:
        return _fail(delivery, "信息已撤回，不再推送", now, final=True)
    try:
        if delivery.channel == Channel.EMAIL:
            channels.send_email(channels.email_message(sub, d, delivery_id=delivery.pk))
        else:
            body = channels.webhook_body(sub.pk, channels.record_of(d))
            channels.post_webhook(
                url=sub.webhook_url, secret=sub.webhook_secret, body=body, delivery_id=delivery.pk
            )
    except channels.ChannelError as exc:
        logger.info("delivery %s attempt %s failed: %s", delivery.pk, delivery.attempts, exc)
        return _fail(delivery, str(exc), now)
    Delivery.objects.filter(pk=delivery.pk).update(
        state=DeliveryState.SENT, sent_at=timezone.now(), last_error=""
    )
    return DeliveryState.SENT


def deliver_due(*, now: dt.datetime | None = None, limit: int = 1000) -> dict[str, int]:
    """Send every due delivery (the periodic fallback for retries and for tasks that never ran)."""
    now = now or timezone.now()
    counts = {DeliveryState.SENT: 0, DeliveryState.PENDING: 0, DeliveryState.FAILED: 0}
    for pk in (
        Delivery.objects.due(now).order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit]
    ):
        state = send_delivery(pk, now=now)
        if state is not None:
            counts[state] += 1
    return {str(k): v for k, v in counts.items()}


def after_publish() -> None:
    """Run after a record is published and committed: index it first, then scan the subscriptions."""
    try:
        from gongkai.search.services import process_outbox
    except ModuleNotFoundError as exc:  # the search app is not installed: nothing can match
        if exc.name not in {"gongkai.search", "gongkai.search.services"}:
            raise
        logger.warning("gongkai.search is not available; subscriptions are not scanned")
        return
    try:
        process_outbox()
    except Exception:
        logger.exception("indexing before the subscription scan failed; scanning anyway")
    from gongkai.subscriptions.tasks import scan_subscriptions_task

    scan_subscriptions_task.enqueue()


@transaction.atomic
def retry_failed(*, actor, delivery_ids: Iterable[int], now: dt.datetime | None = None) -> int:
    """Give failed deliveries of active subscriptions one more attempt (staff); sent ones are never touched."""
    if not getattr(actor, "is_staff", False):
        raise DomainError("只有工作人员可以重试推送", code="forbidden")
    now = now or timezone.now()
    qs = Delivery.objects.filter(
        pk__in=list(delivery_ids),
        state=DeliveryState.FAILED,
        subscription__active=True,
        subscription__confirmed_at__isnull=False,
    )
    ids = list(qs.values_list("pk", flat=True))
    # attempts are kept: a delivery that had used up its attempts gets exactly one more
    Delivery.objects.filter(pk__in=ids).update(state=DeliveryState.PENDING, next_attempt_at=now)
    for pk in ids:
        log_action(actor=actor, action="subscription.delivery_retried", obj=Delivery(pk=pk))
    transaction.on_commit(lambda: enqueue_sends(ids))
    return len(ids)
