"""Public writes of applications are rate-limited (by address and by applicant) and idempotent: a client that
retries after losing the answer files once. The same holds for the staff API's handling steps."""

from __future__ import annotations

import datetime as dt
import io
import threading
import uuid

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from gongkai.applications.models import Application, Consultation
from gongkai.catalog.models import Jurisdiction
from gongkai.core.models import IdempotencyKey
from tests.applications.conftest import in_person, person
from tests.applications.test_staff_api import token_for
from tests.factories import OrganizationFactory

D = dt.date
PAGE = "/applications/new/?jurisdiction=341500"


def api_submit(client, org, key: str | None = None, remote: str = "127.0.0.1", **overrides):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post("/api/applications", {"organization_id": org.pk, **person(**overrides)},
                       content_type="application/json", REMOTE_ADDR=remote, **headers)  # fmt: skip


def page_form(org, **overrides) -> dict:
    return {"organization": org.pk, **person(**overrides)}


def test_fifty_identical_applications_are_cut_off_at_the_identity_limit(client, luan_org, settings):
    limit = settings.RATE_LIMITS["applications"]["identity"]["count"]
    answers = [api_submit(client, luan_org, remote=f"10.1.0.{i}") for i in range(50)]
    assert [r.status_code for r in answers].count(201) == limit
    refused = answers[limit]
    assert refused.status_code == 429
    assert refused.json()["code"] == "rate_limited"
    assert "提交过于频繁" in refused.json()["message"]
    assert int(refused["Retry-After"]) > 0
    assert Application.objects.count() == limit


def test_address_limit_over_different_applicants(client, luan_org, settings):
    limit = settings.RATE_LIMITS["applications"]["address"]["count"]
    for i in range(limit):
        r = api_submit(client, luan_org, id_number=f"E{i:08d}", id_type="passport", applicant_name=f"申请人{i}",
                       phone=f"1390000{i:04d}", email=f"a{i}@example.com")  # fmt: skip
        assert r.status_code == 201, r.json()
    r = api_submit(client, luan_org, phone="13911112222", email="other@example.com", id_number="E12345678",
                   id_type="passport")  # fmt: skip
    assert r.status_code == 429
    assert Application.objects.count() == limit


def test_refused_input_does_not_count(client, luan_org, settings):
    limit = settings.RATE_LIMITS["applications"]["identity"]["count"]
    for _ in range(limit + 2):
        assert api_submit(client, luan_org, info_description="").status_code == 400
    assert api_submit(client, luan_org).status_code == 201


def test_page_says_so_in_chinese_and_files_nothing(client, luan_org, settings):
    limit = settings.RATE_LIMITS["applications"]["identity"]["count"]
    for i in range(limit):
        assert client.post(PAGE, page_form(luan_org), REMOTE_ADDR=f"10.2.0.{i}").status_code == 200
    response = client.post(PAGE, page_form(luan_org, phone="138 0000 0000"), REMOTE_ADDR="10.2.1.1")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "提交过于频繁" in response.content.decode()
    assert 'name="applicant_name"' in response.content.decode()  # the form is shown again, filled in
    assert Application.objects.count() == limit


def test_retry_after_a_lost_answer_files_once(client, luan_org):
    key = str(uuid.uuid4())
    first = api_submit(client, luan_org, key=key)  # the client never sees this answer
    assert first.status_code == 201
    retry = api_submit(client, luan_org, key=key)
    assert retry.status_code == 201
    assert retry.json() == first.json()  # the same registration number and tracking code
    assert retry["Idempotent-Replayed"] == "true"
    assert Application.objects.count() == 1
    assert api_submit(client, luan_org, key=str(uuid.uuid4())).status_code == 201  # a new key files anew
    assert Application.objects.count() == 2


def test_same_key_other_body_is_refused(client, luan_org):
    key = str(uuid.uuid4())
    assert api_submit(client, luan_org, key=key).status_code == 201
    other = api_submit(client, luan_org, key=key, info_title="另一项信息")
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_key_reused"
    assert "幂等键" in other.json()["message"]
    assert Application.objects.count() == 1


def test_keys_are_per_client_and_failures_are_not_kept(client, luan_org):
    key = "retry-1"
    assert api_submit(client, luan_org, key=key, info_description="").status_code == 400
    assert not IdempotencyKey.objects.exists()  # a refused write keeps no answer: the key can be used again
    assert api_submit(client, luan_org, key=key).status_code == 201
    elsewhere = api_submit(client, luan_org, key=key, remote="10.9.9.9", info_title="另一项信息")
    assert elsewhere.status_code == 201  # another client's key of the same name is its own
    assert Application.objects.count() == 2
    bad = api_submit(client, luan_org, key="键")
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid_idempotency_key"


def test_keys_expire(client, luan_org, time_machine, settings):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC))
    assert api_submit(client, luan_org, key="k").status_code == 201
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC) + dt.timedelta(
        seconds=settings.IDEMPOTENCY_KEY_TTL_SECONDS + 1))  # fmt: skip
    assert "Idempotent-Replayed" not in api_submit(client, luan_org, key="k")
    assert Application.objects.count() == 2


def test_staff_step_retried_is_taken_once(client, luan_org, handler):
    auth = token_for(luan_org, ["applications:read", "applications:write"], "idem")
    app = in_person(luan_org, handler, D(2026, 3, 2))
    url = f"/api/client/applications/{app.pk}/consultations"
    data = {"kind": "third_party", "party": "某某建设有限公司", "sent_on": "2026-03-04"}
    headers = {**auth, "HTTP_IDEMPOTENCY_KEY": "consult-1"}
    first = client.post(url, data, content_type="application/json", **headers)
    again = client.post(url, data, content_type="application/json", **headers)
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert Consultation.objects.filter(application=app).count() == 1
    other_token = token_for(luan_org, ["applications:read", "applications:write"], "idem2")
    theirs = client.post(url, {**data, "party": "另一家公司"}, content_type="application/json",
                         **other_token, HTTP_IDEMPOTENCY_KEY="consult-1")  # fmt: skip
    assert theirs.status_code == 200  # keys are per token
    assert Consultation.objects.filter(application=app).count() == 2


def _concurrently(n: int, send) -> list:
    """Send `n` requests at once from `n` threads, each with its own database connection (as separate worker
    processes have), and return the answers."""
    barrier = threading.Barrier(n)
    answers: list = [None] * n

    def run(i: int) -> None:
        try:
            barrier.wait()
            answers[i] = send(i)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers: PostgreSQL (SQLite serialises)"
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_retries_and_bursts_on_postgresql(settings):
    call_command(
        "setup", verbosity=0, stdout=io.StringIO()
    )  # transactional tests start from an empty database
    org = OrganizationFactory(name="六安市公共资源交易中心（并发测试）", kind="trading_centre",
                              jurisdiction=Jurisdiction.objects.get(code="341500"))  # fmt: skip
    body = {"organization_id": org.pk, **person()}
    retries = _concurrently(6, lambda i: Client().post("/api/applications", body, content_type="application/json",
                                                       HTTP_IDEMPOTENCY_KEY="same-key"))  # fmt: skip
    assert {r.status_code for r in retries} == {201}
    assert len({r.json()["tracking_code"] for r in retries}) == 1
    assert Application.objects.count() == 1
    limit = settings.RATE_LIMITS["applications"]["identity"]["count"]
    burst = _concurrently(12, lambda i: Client().post("/api/applications", {**body, "info_title": f"信息{i}"},
                                                      content_type="application/json", REMOTE_ADDR=f"10.5.0.{i}"))  # fmt: skip
    assert sorted(r.status_code for r in burst) == [201] * (limit - 1) + [429] * (12 - limit + 1)
    assert Application.objects.count() == limit
