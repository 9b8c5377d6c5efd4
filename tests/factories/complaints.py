from __future__ import annotations

import datetime as dt
import hashlib

import factory
from django.utils import timezone

from gongkai.complaints.models import Complaint
from tests.factories.orgs import OrganizationFactory


class ComplaintFactory(factory.django.DjangoModelFactory):
    """A complaint about a Lu'an organization received by a supervising office, due 20 days later."""

    class Meta:
        model = Complaint

    registration_no = factory.Sequence(lambda n: f"TJ-{n:05d}")
    tracking_hash = factory.Sequence(lambda n: hashlib.sha256(f"jb{n}".encode()).hexdigest())
    organization = factory.SubFactory(OrganizationFactory)
    jurisdiction = factory.SelfAttribute("organization.jurisdiction")
    supervisor = factory.SubFactory(OrganizationFactory, supervisor=True)
    category = "not_disclosed"
    description = "中标结果未按时公开"
    submitted_at = factory.LazyFunction(timezone.now)
    received_on = dt.date(2026, 3, 2)
    due_on = factory.LazyAttribute(lambda c: c.received_on + dt.timedelta(days=20))
