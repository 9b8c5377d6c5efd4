"""The subscription pages: the form, confirmation, and the staff delivery log (who may see it)."""

from __future__ import annotations

import pytest

from gongkai.orgs.models import Role
from gongkai.subscriptions import channels, services
from gongkai.subscriptions.models import Delivery, Subscription
from gongkai.subscriptions.tokens import confirm_url
from tests.factories import UserFactory
from tests.helpers.disclosures import member
from tests.helpers.subscriptions import SITE_URL

pytestmark = pytest.mark.django_db


def test_the_form_shows_the_search_and_its_feeds(client):
    response = client.get("/subscriptions/new/", {"q": "老旧小区", "jurisdiction": "341500", "page": "4"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "老旧小区" in html
    assert "六安市" in html
    assert "/feeds/search.rss?q=" in html
    assert 'name="email"' in html


def test_the_form_needs_a_channel_and_a_valid_address(client):
    response = client.post("/subscriptions/new/?q=x", {"email": "not-an-address"})
    assert response.status_code == 200
    assert "请至少选择一种推送方式" in response.content.decode()
    assert not Subscription.objects.exists()


def test_the_public_form_refuses_webhooks_into_the_internal_network(client):
    response = client.post(
        "/subscriptions/new/?q=x",
        {"email": "a@example.com", "send_email": "on", "webhook_url": "http://127.0.0.1:8080/hook"},
    )
    assert response.status_code == 200
    assert "内网" in response.content.decode()
    assert not Subscription.objects.exists()


def test_subscribing_sends_a_confirmation_and_pushes_nothing_yet(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/subscriptions/new/?q=老旧小区", {"email": "x@example.com", "send_email": "on"}
        )
    assert response.status_code == 201
    assert "x@example.com" in response.content.decode()
    sub = Subscription.objects.get()
    assert sub.confirmed_at is None
    assert sub.webhook_secret == ""
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "【公开】请确认订阅：关键词：老旧小区"


def test_confirming_needs_a_post_and_a_good_token(client, settings):
    settings.SUBSCRIPTIONS_WEBHOOK_ALLOW_PRIVATE = True  # no DNS look-up for example.com in tests
    sub = services.create_subscription(
        email="c@example.com", params={"q": "x"}, webhook_url="https://example.com/h"
    )
    path = confirm_url(sub).removeprefix(SITE_URL)
    response = client.get(path)
    assert response.status_code == 200
    assert "确认订阅" in response.content.decode()
    sub.refresh_from_db()
    assert sub.confirmed_at is None
    response = client.post(path)
    assert response.status_code == 200
    assert sub.webhook_secret in response.content.decode()  # the owner learns the signing secret here
    sub.refresh_from_db()
    assert sub.confirmed_at is not None
    assert client.post(path[:-3] + "xx/").status_code == 400


def test_a_confirmation_link_stops_working_after_unsubscribing(client):
    sub = services.create_subscription(email="u@example.com", params={"q": "x"})
    path = confirm_url(sub).removeprefix(SITE_URL)
    services.unsubscribe(subscription=sub, actor=UserFactory(username="s", is_staff=True))
    assert client.post(path).status_code == 400
    sub.refresh_from_db()
    assert sub.confirmed_at is None


def test_too_many_unconfirmed_subscriptions_for_one_address_are_refused():
    for _ in range(services.UNCONFIRMED_PER_EMAIL_PER_DAY):
        services.create_subscription(email="flood@example.com", params={"q": "x"})
    from gongkai.core.errors import DomainError

    with pytest.raises(DomainError) as exc:
        services.create_subscription(email="FLOOD@example.com", params={"q": "y"})
    assert exc.value.code == "too_many_unconfirmed"


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("publisher", 404), ("supervisor", 200), ("superuser", 200)],
)
def test_the_delivery_log_is_for_superusers_and_supervisors(client, centre, supervisor_org, who, status):
    if who == "publisher":
        client.force_login(member(centre, Role.PUBLISHER, "p1"))
    elif who == "supervisor":
        client.force_login(member(supervisor_org, Role.SUPERVISOR, "sv1"))
    elif who == "superuser":
        client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    response = client.get("/staff/subscriptions/")
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith("/staff/login/")


def test_the_delivery_log_lists_deliveries_with_their_errors(client, centre, supervisor_org, publisher, reviewer,
                                                             award_item, django_assert_max_num_queries,
                                                             django_capture_on_commit_callbacks, monkeypatch, settings):  # fmt: skip
    from tests.helpers.subscriptions import publish

    settings.SUBSCRIPTIONS_WEBHOOK_ALLOW_PRIVATE = True  # no DNS look-up for example.com in tests
    staff = UserFactory(username="root", is_superuser=True, is_staff=True)
    sub = services.create_subscription(email="log@example.com", params={"q": "老旧小区"}, send_email=False,
                                       webhook_url="https://example.com/h")  # fmt: skip
    services.confirm_subscription(subscription=sub, actor=staff)

    # No network in this test: a webhook that cannot be reached fails and waits for its retry.
    def unreachable(**kwargs):
        raise channels.ChannelError("Webhook 无法送达：测试")

    monkeypatch.setattr(channels, "post_webhook", unreachable)
    for n in range(3):
        publish(django_capture_on_commit_callbacks, publisher=publisher, reviewer=reviewer, centre=centre,
                award_item=award_item, title=f"六安市老旧小区改造第{n}标段施工中标结果公告")  # fmt: skip
    assert Delivery.objects.filter(subscription=sub, state="pending", attempts=1).count() == 3
    client.force_login(staff)
    with django_assert_max_num_queries(12):
        response = client.get("/staff/subscriptions/")
    html = response.content.decode()
    assert "l***@example.com" in html
    assert "log@example.com" not in html
    assert html.count("Webhook 无法送达：测试") == 3
    assert client.get("/staff/subscriptions/", {"state": "sent"}).content.decode().count("无法送达") == 0


def test_the_admin_lists_subscriptions_and_deliveries_and_confirms_through_the_service(client):
    root = UserFactory(username="admin", is_superuser=True, is_staff=True)
    sub = services.create_subscription(email="adm@example.com", params={"q": "x"})
    client.force_login(root)
    assert client.get("/admin/subscriptions/subscription/").status_code == 200
    assert client.get("/admin/subscriptions/delivery/").status_code == 200
    assert client.get(f"/admin/subscriptions/subscription/{sub.pk}/change/").status_code == 200
    response = client.post(
        "/admin/subscriptions/subscription/", {"action": "confirm", "_selected_action": [sub.pk]}
    )
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.confirmed_at is not None
    from gongkai.core.audit import history_for

    assert [e.action for e in history_for(sub)] == ["subscription.created", "subscription.confirmed"]


def test_subscribing_is_rate_limited_by_address(client, settings):
    limit = settings.RATE_LIMITS["subscriptions"]["address"]["count"]
    for i in range(limit):
        r = client.post("/subscriptions/new/?q=x", {"email": f"s{i}@example.com", "send_email": "on"})
        assert r.status_code == 201
    refused = client.post("/subscriptions/new/?q=x", {"email": "late@example.com", "send_email": "on"})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "提交过于频繁" in refused.content.decode()
    assert Subscription.objects.count() == limit
    elsewhere = client.post("/subscriptions/new/?q=x", {"email": "late@example.com", "send_email": "on"},
                            REMOTE_ADDR="10.3.0.1")  # fmt: skip
    assert elsewhere.status_code == 201


def test_subscribing_is_rate_limited_by_address_of_the_subscriber(client, settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "subscriptions": {"identity": {"count": 2, "seconds": 3600}},
    }
    for i in range(2):
        assert client.post("/subscriptions/new/?q=x", {"email": "me@example.com", "send_email": "on"},
                           REMOTE_ADDR=f"10.4.0.{i}").status_code == 201  # fmt: skip
    refused = client.post("/subscriptions/new/?q=y", {"email": "ME@example.com", "send_email": "on"},
                          REMOTE_ADDR="10.4.1.1")  # fmt: skip
    assert refused.status_code == 429
    assert Subscription.objects.count() == 2


def test_supervisors_see_only_their_jurisdictions_subscriptions_masked(client, centre, supervisor_org):
    """Defect: every supervisor saw every subscriber's e-mail address."""
    from gongkai.catalog.models import Jurisdiction
    from tests.factories import OrganizationFactory

    def sub(email, **params):
        return services.create_subscription(email=email, params={"q": "招标", **params})

    luan = sub("luan.sub@example.com", jurisdiction="341500")
    by_org = sub("org.sub@example.com", organization=centre.pk)
    anxi = sub("county.sub@example.com", jurisdiction="350524")
    quanzhou = sub("qz.sub@example.com", jurisdiction="350500")
    everything = sub("total.sub@example.com")
    quanzhou_office = OrganizationFactory(name="泉州市监督局（测试）", is_supervisor=True,
                                          jurisdiction=Jurisdiction.objects.get(code="350500"))  # fmt: skip
    national_office = OrganizationFactory(name="国家监督机构（测试）", is_supervisor=True,
                                          jurisdiction=Jurisdiction.objects.get(code="100000"))  # fmt: skip
    expected = {
        member(supervisor_org, Role.SUPERVISOR, "sv-luan"): {luan, by_org},
        member(quanzhou_office, Role.SUPERVISOR, "sv-qz"): {anxi, quanzhou},  # with the county below
        member(national_office, Role.SUPERVISOR, "sv-nation"): {luan, by_org, anxi, quanzhou, everything},
    }
    for user, visible in expected.items():
        client.force_login(user)
        html = client.get("/staff/subscriptions/").content.decode()
        for s in (luan, by_org, anxi, quanzhou, everything):
            masked = s.email[0] + "***@example.com"
            assert (masked in html) == (s in visible), (user.username, s.email)
            assert s.email not in html
    ordinary = member(centre, Role.SUPERVISOR, "sv-not-a-bureau")
    client.force_login(ordinary)
    assert client.get("/staff/subscriptions/").status_code == 404
