"""The demo disclosures: `load_demo()` leaves a living portal in every seed jurisdiction, through the services."""

from __future__ import annotations

from django.utils import timezone

from gongkai.core.audit import verify_chain
from gongkai.demo.services import load_demo
from gongkai.disclosures.choices import RevisionStatus, State
from gongkai.disclosures.models import Disclosure

SEEDS = ["222404", "320902", "341500", "350524", "140100"]
DOMAINS = [
    "housing", "land", "mining", "procurement", "property", "construction", "medical", "forestry", "emission",
    "franchise", "major_projects", "credit",
]  # fmt: skip


def corrected(qs):
    return qs.filter(revisions__number__gt=1, revisions__status=RevisionStatus.PUBLISHED).distinct()


def test_demo_loads_a_living_portal_once(db, client):
    load_demo()
    today = timezone.localdate()
    demo = Disclosure.objects.filter(external_id__startswith="demo-")
    assert 120 <= demo.count() <= 210

    for code in SEEDS:
        here = demo.filter(jurisdiction__code=code)
        assert here.filter(state=State.PUBLISHED).count() >= 12, code
        assert corrected(here).count() >= 3, code
        assert here.filter(state=State.WITHDRAWN).count() >= 2, code
        assert here.overdue(today).exists(), code
        assert here.exclude(validity="valid").count() >= 2, code
        assert {State.DRAFT, State.SUBMITTED, State.REVIEWED} <= set(here.values_list("state", flat=True)), (
            code
        )

    published_domains = set(
        demo.filter(state=State.PUBLISHED).values_list("catalog_item__domain__code", flat=True)
    )
    assert set(DOMAINS) <= published_domains
    assert demo.filter(
        personal_data_confirmed=True, catalog_item__punitive=True, state=State.PUBLISHED
    ).exists()
    assert demo.filter(body__contains="139****1234", state=State.PUBLISHED).exists()  # masked before approval
    assert not demo.filter(body__contains="13905641234").exists()
    assert verify_chain().ok

    # loading again creates nothing new
    count, revisions = demo.count(), sum(d.revisions.count() for d in demo)
    load_demo()
    assert demo.count() == count
    assert sum(d.revisions.count() for d in demo) == revisions

    # the public page of a corrected record says so
    d = corrected(demo).filter(state=State.PUBLISHED).first()
    response = client.get(f"/disclosures/{d.pk}/")
    assert response.status_code == 200
    assert "更正" in response.content.decode()
