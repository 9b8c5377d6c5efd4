"""`make demo` stays easy to try with the second factor: demo accounts that need one get the demo authenticator
(data/demo/second_factor.yaml) and `gongkai demo_otp --code` prints its current code."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.demo import second_factor
from gongkai.orgs.models import Role
from tests.disclosures.fixtures import member

pytestmark = pytest.mark.django_db


def with_password(user, password: str):
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


def test_demo_reviewers_get_the_demo_authenticator_and_sign_in_with_the_printed_code(client, centre):
    demo = with_password(member(centre, Role.REVIEWER, "demo-rev"), second_factor._demo_password())
    real = member(centre, Role.REVIEWER, "real-rev")  # another password: a real account, never touched
    member(centre, Role.PUBLISHER, "demo-pub")  # the factor is optional for publishers

    out = io.StringIO()
    call_command("demo_otp", stdout=out)
    assert second_factor.demo_secret() in out.getvalue()
    assert list(TOTPDevice.objects.values_list("user__username", flat=True)) == ["demo-rev"]
    assert not TOTPDevice.objects.filter(user=real).exists()
    call_command("demo_otp", stdout=io.StringIO())  # again: nothing changes
    assert TOTPDevice.objects.filter(user=demo).count() == 1

    code_out = io.StringIO()
    call_command("demo_otp", "--code", stdout=code_out)
    code = re.match(r"(\d{6})", code_out.getvalue()).group(1)
    client.post("/staff/login/", {"username": "demo-rev", "password": second_factor._demo_password()})
    response = client.post("/staff/login/verify/", {"token": code})
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 200
