"""Delivery mechanics without servers: backoff, the claim two workers cannot both win, query parsing."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

import pytest
from django.utils import timezone

from gongkai.subscriptions import channels, services
from gongkai.subscriptions.choices import DeliveryState
from gongkai.subscriptions.models import Delivery
from gongkai.subscriptions.query import clean_params


def test_backoff_grows_fourfold_and_is_capped():
    minutes = [services.backoff(n) / dt.timedelta(minutes=1) for n in range(1, 7)]
    assert minutes == [1, 4, 16, 64, 256, 360]


def test_query_parameters_are_cleaned():
    params = clean_params({"q": "  老旧小区 ", "item": "12", "organization": "x", "date_from": "2026-02-30",
                           "date_to": "2026-10-01", "page": "3", "sort": "relevance", "domain": ""})  # fmt: skip
    assert params == {"q": "老旧小区", "item": 12, "date_to": "2026-10-01"}


def test_webhook_signature_is_hmac_sha256_of_the_raw_body():
    body = channels.webhook_body(7, {"id": 1, "title": "标题"})
    assert (
        body.decode("utf-8")
        == '{"disclosure":{"id":1,"title":"标题"},"event":"disclosure.published","subscription":7}'
    )
    assert channels.signature("k", body) == "sha256=" + hmac.new(b"k", body, hashlib.sha256).hexdigest()
    assert channels.signature("k", body) != channels.signature("k", body + b" ")


@pytest.mark.parametrize("url", ["ftp://example.com/x", "http://10.0.0.8/hook", "http://[::1]/hook",
                                 "http://169.254.169.254/latest/meta-data/"])  # fmt: skip
def test_webhooks_to_other_schemes_or_internal_addresses_are_refused(url, settings):
    settings.SUBSCRIPTIONS_WEBHOOK_ALLOW_PRIVATE = False
    with pytest.raises(channels.ChannelError):
        channels.check_webhook_url(url)


@pytest.mark.django_db
def test_only_one_worker_can_claim_an_attempt(publisher, reviewer, centre, award_item,
                                              django_capture_on_commit_callbacks):  # fmt: skip
    from tests.helpers.subscriptions import publish

    d = publish(django_capture_on_commit_callbacks, publisher=publisher, reviewer=reviewer, centre=centre,
                award_item=award_item)  # fmt: skip
    sub = services.create_subscription(email="w@example.com", params={"q": "老旧小区"})
    now = timezone.now()
    delivery = Delivery.objects.create(subscription=sub, disclosure=d, channel="email", next_attempt_at=now)
    assert services._claim(delivery.pk, now) is True
    assert services._claim(delivery.pk, now) is False  # the second worker finds it leased
    delivery.refresh_from_db()
    assert delivery.attempts == 1
    assert delivery.next_attempt_at == now + services.LEASE
    Delivery.objects.filter(pk=delivery.pk).update(state=DeliveryState.SENT)
    assert services._claim(delivery.pk, now + dt.timedelta(days=1)) is False  # sent is final


@pytest.mark.django_db
def test_the_unique_constraint_refuses_a_second_delivery_on_a_channel(publisher, reviewer, centre, award_item,
                                                                      django_capture_on_commit_callbacks):  # fmt: skip
    from django.db import IntegrityError, transaction

    from tests.helpers.subscriptions import publish

    d = publish(django_capture_on_commit_callbacks, publisher=publisher, reviewer=reviewer, centre=centre,
                award_item=award_item)  # fmt: skip
    sub = services.create_subscription(email="u@example.com", params={})
    Delivery.objects.create(subscription=sub, disclosure=d, channel="email", next_attempt_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(
            subscription=sub, disclosure=d, channel="email", next_attempt_at=timezone.now()
        )
    Delivery.objects.create(subscription=sub, disclosure=d, channel="webhook", next_attempt_at=timezone.now())
