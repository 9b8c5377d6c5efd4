"""Applicants' identity numbers are masked in the back office and the staff API; a handler of the application
may look at the full number on purpose (查看完整证件号码), and each look is in the audit log."""

from __future__ import annotations

import datetime as dt

from gongkai.core.models import AuditEntry
from tests.applications.conftest import COMPANY_USCC, PERSON_ID, company, in_person
from tests.applications.test_staff_api import supervisor as supervisor_fixture
from tests.applications.test_staff_api import token_for

D = dt.date
supervisor = supervisor_fixture
MASKED = PERSON_ID[:6] + "********" + PERSON_ID[-4:]


def reveals():
    return AuditEntry.objects.filter(action="application.id_number_revealed")


def test_back_office_shows_the_number_masked_and_the_handler_may_look(client, luan_org, handler):
    app = in_person(luan_org, handler, D(2026, 3, 2))
    client.force_login(handler)
    page = client.get(f"/staff/applications/{app.pk}/").content.decode()
    assert MASKED in page
    assert PERSON_ID not in page
    assert "查看完整证件号码" in page
    shown = client.post(f"/staff/applications/{app.pk}/id-number/")
    assert shown.status_code == 200
    assert PERSON_ID in shown.content.decode()
    assert "no-store" in shown["Cache-Control"]
    entry = reveals().get()
    assert (entry.actor, entry.object_id, entry.data["registration_no"]) == (
        handler,
        str(app.pk),
        app.registration_no,
    )
    assert "application.id_number_revealed" in client.get(
        f"/staff/applications/{app.pk}/"
    ).content.decode() or (entry in AuditEntry.objects.filter(object_id=str(app.pk)))
    assert (
        client.get(f"/staff/applications/{app.pk}/id-number/").status_code == 405
    )  # a look is a deliberate act


def test_supervisors_and_other_organizations_cannot_look(
    client, luan_org, anxi_org, handler, handlers, supervisor
):
    app = in_person(luan_org, handler, D(2026, 3, 2))
    client.force_login(supervisor)
    page = client.get(f"/staff/applications/{app.pk}/").content.decode()
    assert MASKED in page
    assert "查看完整证件号码" not in page
    assert client.post(f"/staff/applications/{app.pk}/id-number/").status_code == 403
    client.force_login(handlers["national"])
    assert client.post(f"/staff/applications/{app.pk}/id-number/").status_code == 404
    client.logout()
    assert client.post(f"/staff/applications/{app.pk}/id-number/").status_code == 302
    assert not reveals().exists()


def test_an_organizations_credit_code_is_not_masked(client, luan_org, handler):
    app = in_person(
        luan_org,
        handler,
        D(2026, 3, 2),
        **{k: v for k, v in company().items() if k.startswith(("id_", "applicant_"))},
    )
    client.force_login(handler)
    page = client.get(f"/staff/applications/{app.pk}/").content.decode()
    assert COMPANY_USCC in page
    assert "查看完整证件号码" not in page


def test_staff_api_masks_and_reveals_with_an_audit_entry(client, luan_org, handler):
    app = in_person(luan_org, handler, D(2026, 3, 2))
    auth = token_for(luan_org, ["applications:read"], "ids")
    ledger = client.get("/api/client/applications", **auth).json()["items"][0]
    detail = client.get(f"/api/client/applications/{app.pk}", **auth).json()
    assert ledger["id_number"] == detail["id_number"] == MASKED
    assert PERSON_ID not in str(ledger) + str(detail)
    shown = client.post(f"/api/client/applications/{app.pk}/id-number", **auth)
    assert shown.status_code == 200
    assert shown.json() == {"id_type": "resident_id", "id_number": PERSON_ID}
    assert "no-store" in shown["Cache-Control"]
    assert reveals().get().actor.api_token.organization == luan_org
    other = token_for(luan_org, ["disclosures:read"], "noapps")
    assert client.post(f"/api/client/applications/{app.pk}/id-number", **other).status_code == 403
    assert client.post(f"/api/client/applications/{app.pk}/id-number").status_code == 401
    assert reveals().count() == 1
