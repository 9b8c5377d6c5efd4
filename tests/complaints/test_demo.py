"""The demo complaints: every state, routed and handled through the services, loaded once."""

from __future__ import annotations

import random

from django.utils import timezone

from gongkai.catalog.models import Jurisdiction
from gongkai.complaints.models import Complaint
from gongkai.core.audit import verify_chain
from gongkai.demo.complaints import load_demo_complaints
from gongkai.orgs.models import Role
from tests.factories import OrganizationFactory, make_uscc
from tests.helpers.disclosures import member


def test_demo_complaints_in_every_state(db, client):
    luan, tinghu = Jurisdiction.objects.get(code="341500"), Jurisdiction.objects.get(code="320902")
    rng = random.Random(5)
    office = OrganizationFactory(name="六安市人民政府办公室", jurisdiction=luan, is_supervisor=True,
                                 uscc=make_uscc("11", "341500", rng))  # fmt: skip
    centre = OrganizationFactory(
        name="六安市公共资源交易中心", jurisdiction=luan, uscc=make_uscc("12", "341500", rng)
    )
    OrganizationFactory(name="六安市财政局", jurisdiction=luan, uscc=make_uscc("11", "341500", rng))
    OrganizationFactory(name="盐城市亭湖区财政局", jurisdiction=tinghu, uscc=make_uscc("11", "320902", rng))
    tinghu_office = OrganizationFactory(name="盐城市亭湖区人民政府办公室", jurisdiction=tinghu, is_supervisor=True,
                                        uscc=make_uscc("11", "320902", rng))  # fmt: skip
    supervisor = member(office, Role.SUPERVISOR, "luan-supervisor")
    publisher = member(centre, Role.PUBLISHER, "luan-publisher")

    assert load_demo_complaints() == 6
    assert load_demo_complaints() == 0
    states = set(Complaint.objects.values_list("state", flat=True))
    assert states == {"received", "accepted", "explanation_requested", "closed"}
    assert set(Complaint.objects.values_list("finding", flat=True)) == {"", "upheld", "not_upheld"}
    assert Complaint.objects.filter(anonymous=True).count() == 2
    assert Complaint.objects.overdue(timezone.localdate()).exists()
    assert Complaint.objects.get(organization__name="盐城市亭湖区财政局").supervisor == tinghu_office
    assert verify_chain().ok

    client.force_login(supervisor)
    assert client.get("/staff/complaints/").content.decode().count("/staff/complaints/") >= 5
    client.force_login(publisher)
    page = client.get("/staff/complaints/").content.decode()
    assert "待提交情况说明 1 件" in page
