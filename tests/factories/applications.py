from __future__ import annotations

import datetime as dt
import hashlib

import factory
from django.utils import timezone

from gongkai.applications.choices import State
from gongkai.applications.models import Application
from tests.factories.orgs import OrganizationFactory


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An online application by a natural person, received and due on `due_on` (replied when `replied_on`)."""

    class Meta:
        model = Application

    registration_no = factory.Sequence(lambda n: f"TEST-{n:05d}")
    tracking_hash = factory.Sequence(lambda n: hashlib.sha256(f"t{n}".encode()).hexdigest())
    organization = factory.SubFactory(OrganizationFactory)
    jurisdiction = factory.SelfAttribute("organization.jurisdiction")
    applicant_kind = "natural_person"
    applicant_name = "张三"
    id_type = "resident_id"
    id_number = "110101199003071234"
    info_description = "申请公开某项目的合同"
    delivery_form = "electronic"
    delivery_way = "email"
    channel = "online"
    due_on = dt.date(2026, 10, 30)
    submitted_at = factory.LazyAttribute(
        lambda a: timezone.make_aware(dt.datetime.combine(a.due_on - dt.timedelta(days=30), dt.time(9)))
    )
    replied_on = None
    state = factory.LazyAttribute(lambda a: State.REPLIED if a.replied_on else State.RECEIVED)
