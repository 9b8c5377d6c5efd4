"""/admin/ for administrators only: issue 14 found publisher accounts (is_staff) in the Django admin."""

from __future__ import annotations

import pytest

from gongkai.orgs.models import Role
from tests.disclosures.fixtures import member

pytestmark = pytest.mark.django_db


def admin_answer(client, user):
    client.force_login(user)
    return client.get("/admin/", follow=True)


@pytest.mark.parametrize("role", [Role.PUBLISHER, Role.REVIEWER, Role.HANDLER, Role.SUPERVISOR])
def test_staff_without_the_administrator_role_do_not_reach_the_admin(client, centre, role):
    user = member(centre, role, f"adm-{role}")
    user.is_staff = True  # as the demo and ensure_user(staff=True) make every back-office account
    user.save(update_fields=["is_staff"])
    response = admin_answer(client, user)
    assert response.status_code == 404
    assert "站点管理" not in response.content.decode()
    assert "系统管理" not in response.content.decode()


def test_an_administrator_reaches_the_admin(client, centre):
    user = member(centre, Role.ADMINISTRATOR, "adm-admin")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    response = admin_answer(client, user)
    assert response.status_code == 200
    assert "系统管理" in response.content.decode()


def test_a_superuser_reaches_the_admin(client):
    from tests.factories import UserFactory

    response = admin_answer(client, UserFactory(username="adm-root", is_staff=True, is_superuser=True))
    assert response.status_code == 200


def test_the_admin_login_form_sends_people_to_the_staff_login(client):
    response = client.get("/admin/login/?next=/admin/auth/user/")
    assert response.status_code == 302
    assert response["Location"] == "/staff/login/?next=%2Fadmin%2Fauth%2Fuser%2F"
    # Posting a password to the admin's form does not sign anyone in around the throttling and second factor.
    from tests.factories import UserFactory

    UserFactory(username="adm-root2", is_staff=True, is_superuser=True)
    client.post("/admin/login/", {"username": "adm-root2", "password": "pw-for-tests"})
    assert "_auth_user_id" not in client.session


def test_authenticators_are_not_edited_row_by_row_in_the_admin(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="adm-root3", is_staff=True, is_superuser=True))
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert client.get("/admin/otp_static/staticdevice/").status_code == 404
