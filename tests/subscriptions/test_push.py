"""Pushes end to end, through a real SMTP server and a real HTTP receiver: the issue's acceptance test.

"A new matching record sends one e-mail and one signed webhook; a failing webhook is retried and then
delivered once."
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from gongkai.subscriptions import services
from gongkai.subscriptions.choices import Channel, DeliveryState
from gongkai.subscriptions.models import Delivery, Subscription
from tests.factories import UserFactory
from tests.helpers.subscriptions import (
    MATCHING_TITLE,
    OTHER_TITLE,
    QUERY,
    SITE_URL,
    link_in,
    publish,
    signature_ok,
    subject,
    text_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return UserFactory(username="staff-confirmer", is_staff=True)


@pytest.fixture
def records(publisher, reviewer, centre, award_item, django_capture_on_commit_callbacks):
    def make(title=MATCHING_TITLE):
        return publish(django_capture_on_commit_callbacks, publisher=publisher, reviewer=reviewer,
                       centre=centre, award_item=award_item, title=title)  # fmt: skip

    return make


def subscribe_through_the_form(client, capture, *, email, webhook_url="", send_email=True):
    """The public form, then the link in the confirmation e-mail (as a person would)."""
    data = {"email": email, "name": "老旧小区改造", "webhook_url": webhook_url}
    if send_email:
        data["send_email"] = "on"
    with capture(execute=True):
        response = client.post("/subscriptions/new/?q=老旧小区&page=3", data)
    assert response.status_code == 201, response.content.decode()
    return Subscription.objects.get(email__iexact=email)


def confirm_from_mail(client, message):
    link = link_in(text_of(message), "/subscriptions/confirm/")
    path = link.removeprefix(SITE_URL)
    assert client.get(path).status_code == 200  # looking at the page confirms nothing
    response = client.post(path)
    assert response.status_code == 200
    assert "订阅已确认" in response.content.decode()


def test_a_new_matching_record_sends_one_email_and_one_signed_webhook(
    client, smtp_server, webhook_server, records, django_capture_on_commit_callbacks
):
    sub = subscribe_through_the_form(client, django_capture_on_commit_callbacks,
                                     email="Reader@Example.com", webhook_url=webhook_server.url)  # fmt: skip
    assert sub.query == QUERY  # the page number is not part of the search
    assert sub.email == "Reader@example.com"  # the domain is case-insensitive, the local part kept as typed
    assert [subject(m) for m in smtp_server] == ["【公开】请确认订阅：老旧小区改造"]
    assert smtp_server[0]["To"] == "Reader@example.com"
    assert sub.confirmed_at is None
    confirm_from_mail(client, smtp_server[0])
    sub.refresh_from_db()
    assert sub.confirmed_at is not None

    d = records()

    mails = smtp_server[1:]
    assert len(mails) == 1
    mail = mails[0]
    assert subject(mail) == f"【公开】新信息：{MATCHING_TITLE}"
    assert mail["To"] == "Reader@example.com"
    body = text_of(mail)
    assert f"{SITE_URL}/disclosures/{d.pk}/" in body
    unsubscribe = link_in(body, "/subscriptions/unsubscribe/")
    assert str(mail["List-Unsubscribe"]).strip() == f"<{unsubscribe}>"  # folded like the subject
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"{SITE_URL}/disclosures/{d.pk}/" in mail.get_body(preferencelist=("html",)).get_content()

    assert len(webhook_server.requests) == 1
    hook = webhook_server.requests[0]
    assert hook.path == "/hooks/gongkai"
    assert hook.headers["Content-Type"] == "application/json"
    assert hook.headers["X-Gongkai-Event"] == "disclosure.published"
    webhook_delivery = Delivery.objects.get(subscription=sub, channel=Channel.WEBHOOK)
    assert hook.headers["X-Gongkai-Delivery"] == str(webhook_delivery.pk)
    assert signature_ok(sub.webhook_secret, hook)
    assert not signature_ok("another-secret", hook)
    payload = json.loads(hook.body)
    assert payload == {
        "event": "disclosure.published",
        "subscription": sub.pk,
        "disclosure": {
            "id": d.pk,
            "title": MATCHING_TITLE,
            "url": f"{SITE_URL}/disclosures/{d.pk}/",
            "index_no": d.index_no,
            "published_on": d.published_on.isoformat(),
            "organization": d.organization.name,
            "jurisdiction": d.jurisdiction.name,
            "domain": d.catalog_item.domain.name,
        },
    }
    assert set(Delivery.objects.filter(subscription=sub).values_list("channel", "state", "attempts")) == {
        (Channel.EMAIL, DeliveryState.SENT, 1),
        (Channel.WEBHOOK, DeliveryState.SENT, 1),
    }

    # Scanning again, delivering again, or publishing something else that does not match: nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.scan_subscriptions() == 0
    assert services.deliver_due(now=timezone.now() + dt.timedelta(days=1))["sent"] == 0
    records(title=OTHER_TITLE)
    assert len(smtp_server) == 2
    assert len(webhook_server.requests) == 1
    assert Delivery.objects.filter(subscription=sub).count() == 2


def test_a_failing_webhook_is_retried_and_then_delivered_once(
    staff, webhook_server, smtp_server, records, django_capture_on_commit_callbacks
):
    webhook_server.fail_first = 1
    with django_capture_on_commit_callbacks(execute=True):
        sub = services.create_subscription(email="hook-owner@example.com", params=QUERY, send_email=False,
                                           webhook_url=webhook_server.url)  # fmt: skip
    services.confirm_subscription(subscription=sub, actor=staff)

    records()

    assert len(webhook_server.requests) == 1  # answered 500
    delivery = Delivery.objects.get(subscription=sub)
    assert (delivery.state, delivery.attempts) == (DeliveryState.PENDING, 1)
    assert delivery.last_error == "Webhook 返回 HTTP 500"
    first_try = timezone.now()
    assert first_try < delivery.next_attempt_at <= first_try + services.backoff(1)

    # Not due yet: nothing is sent before the backoff has passed.
    assert services.deliver_due(now=first_try)["sent"] == 0
    assert len(webhook_server.requests) == 1

    later = delivery.next_attempt_at + dt.timedelta(seconds=1)
    assert services.deliver_due(now=later) == {"sent": 1, "pending": 0, "failed": 0}
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.last_error) == (DeliveryState.SENT, 2, "")
    assert len(webhook_server.requests) == 2
    first, second = webhook_server.requests
    assert first.body == second.body
    assert second.headers["X-Gongkai-Delivery"] == str(delivery.pk)
    assert signature_ok(sub.webhook_secret, second)

    # Delivered once: neither the task nor the periodic command sends it again.
    assert services.send_delivery(delivery.pk, now=later + dt.timedelta(days=2)) is None
    call_command("subscriptions", "deliver", stdout=io.StringIO())
    assert services.deliver_due(now=later + dt.timedelta(days=2))["sent"] == 0
    assert len(webhook_server.requests) == 2
    # webhook only: the confirmation is the only mail
    assert [subject(m) for m in smtp_server] == ["【公开】请确认订阅：关键词：老旧小区"]


def test_a_webhook_that_keeps_failing_is_given_up_after_six_attempts(
    staff, webhook_server, records, django_capture_on_commit_callbacks, mailoutbox
):
    webhook_server.always_fail = True
    sub = services.create_subscription(email="o@example.com", params=QUERY, send_email=False,
                                       webhook_url=webhook_server.url)  # fmt: skip
    services.confirm_subscription(subscription=sub, actor=staff)
    records()
    delivery = Delivery.objects.get(subscription=sub)
    now = timezone.now()
    for _ in range(services.MAX_ATTEMPTS):
        now += dt.timedelta(days=1)
        services.deliver_due(now=now)
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == (DeliveryState.FAILED, services.MAX_ATTEMPTS)
    assert len(webhook_server.requests) == services.MAX_ATTEMPTS
    services.deliver_due(now=now + dt.timedelta(days=30))
    assert len(webhook_server.requests) == services.MAX_ATTEMPTS


def test_unconfirmed_subscriptions_get_nothing(
    smtp_server, webhook_server, records, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sub = services.create_subscription(email="someone@example.com", params=QUERY,
                                           webhook_url=webhook_server.url)  # fmt: skip
    records()
    with django_capture_on_commit_callbacks(execute=True):
        services.scan_subscriptions()
    assert [subject(m) for m in smtp_server] == ["【公开】请确认订阅：关键词：老旧小区"]
    assert webhook_server.requests == []
    assert not Delivery.objects.filter(subscription=sub).exists()


def test_records_published_before_the_confirmation_are_not_pushed(
    staff, smtp_server, records, django_capture_on_commit_callbacks
):
    records()
    sub = services.create_subscription(email="late@example.com", params=QUERY)
    services.confirm_subscription(subscription=sub, actor=staff)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.scan_subscriptions() == 0
    assert smtp_server == []


def test_unsubscribing_stops_further_pushes(staff, client, smtp_server, webhook_server, records,
                                           django_capture_on_commit_callbacks):  # fmt: skip
    sub = services.create_subscription(email="bye@example.com", params=QUERY, webhook_url=webhook_server.url)
    services.confirm_subscription(subscription=sub, actor=staff)
    records()
    assert len(smtp_server) == 1
    assert len(webhook_server.requests) == 1
    unsubscribe = link_in(text_of(smtp_server[0]), "/subscriptions/unsubscribe/").removeprefix(SITE_URL)

    response = client.get(unsubscribe)
    assert response.status_code == 200
    assert "已退订" in response.content.decode()
    sub.refresh_from_db()
    assert not sub.active
    assert client.get(unsubscribe).status_code == 200  # a second click says the same

    records(title="六安市城区2026年老旧小区改造二期工程施工中标结果公告")
    with django_capture_on_commit_callbacks(execute=True):
        services.scan_subscriptions()
    services.deliver_due(now=timezone.now() + dt.timedelta(days=1))
    assert len(smtp_server) == 1
    assert len(webhook_server.requests) == 1


def test_the_mail_client_one_click_post_unsubscribes_too(client, settings, mailoutbox):
    from gongkai.subscriptions.tokens import unsubscribe_url

    sub = services.create_subscription(email="rfc8058@example.com", params=QUERY)
    client.handler.enforce_csrf_checks = True
    response = client.post(unsubscribe_url(sub).removeprefix(SITE_URL), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    sub.refresh_from_db()
    assert not sub.active


def test_a_forged_unsubscribe_token_is_refused(client):
    assert client.get("/subscriptions/unsubscribe/not-a-token/").status_code == 400


def test_the_scan_command_checks_every_subscription(
    staff, smtp_server, records, django_capture_on_commit_callbacks
):
    subs = [services.create_subscription(email=f"r{i}@example.com", params=QUERY) for i in range(3)]
    for sub in subs:
        services.confirm_subscription(subscription=sub, actor=staff)
    # A record indexed but not yet scanned (as if the task queue had been down): the periodic scan finds it.
    from gongkai.disclosures.signals import disclosure_changed
    from gongkai.subscriptions import receivers

    disclosure_changed.disconnect(dispatch_uid="subscriptions.on_disclosure_changed")
    try:
        records()
    finally:
        disclosure_changed.connect(
            receivers.on_disclosure_changed, dispatch_uid="subscriptions.on_disclosure_changed"
        )
    assert smtp_server == []
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("subscriptions", "scan", stdout=out)
    assert "新建推送 3 条" in out.getvalue()
    assert sorted(m["To"] for m in smtp_server) == ["r0@example.com", "r1@example.com", "r2@example.com"]
    with django_capture_on_commit_callbacks(execute=True):
        call_command("subscriptions", "scan", stdout=io.StringIO())
    assert len(smtp_server) == 3


def test_a_failed_attempt_enqueues_its_retry_for_later_where_the_backend_can_defer(
    staff, settings, webhook_server, records, django_capture_on_commit_callbacks
):
    webhook_server.always_fail = True
    sub = services.create_subscription(email="d@example.com", params=QUERY, send_email=False,
                                       webhook_url=webhook_server.url)  # fmt: skip
    services.confirm_subscription(subscription=sub, actor=staff)
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }  # queues, runs nothing
    from django_tasks import default_task_backend

    records()  # the scan task is only queued now: run the scan and the send by hand
    assert [r.task.name for r in default_task_backend.results] == ["scan_subscriptions_task"]
    with django_capture_on_commit_callbacks(execute=True):
        services.scan_subscriptions()
    delivery = Delivery.objects.get(subscription=sub)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_delivery(delivery.pk) == DeliveryState.PENDING
    delivery.refresh_from_db()
    retry = default_task_backend.results[-1]
    assert retry.task.name == "send_delivery_task"
    assert retry.args == [delivery.pk]
    assert retry.task.run_after == delivery.next_attempt_at
