"""The demo applications: about twenty, in every state and several reply types, with a fee, a remedy and an
overdue one, made through the services; loading twice adds nothing."""

from __future__ import annotations

import pytest
from django.utils import timezone

from gongkai.applications.models import Application, FeeNotice, Remedy
from gongkai.demo.applications import load_demo_applications  # bound before the fixture replaces it


@pytest.fixture
def demo_orgs(db, monkeypatch):
    """The demo organizations and accounts only: the other apps' demo loaders are someone else's concern."""
    import gongkai.demo.applications as demo_applications
    from gongkai.demo import services as demo_services

    called = []
    monkeypatch.setattr(demo_applications, "load_demo_applications",
                        lambda *a, **k: called.append(1) or 0)  # fmt: skip
    for module, name in (("credit", "load_demo_credit"), ("disclosures", "load_demo_disclosures"),
                         ("transactions", "load_demo_transactions"), ("reports", "load_demo_reports"),
                         ("oversight", "load_demo_oversight"), ("complaints", "load_demo_complaints")):  # fmt: skip
        mod = pytest.importorskip(f"gongkai.demo.{module}")
        monkeypatch.setattr(mod, name, lambda *a, **k: None)
    demo_services.load_demo()
    assert called == [1]  # load_demo calls the applications loader


def test_demo_applications(demo_orgs):
    today = timezone.localdate()
    assert 18 <= load_demo_applications() <= 24
    demo = Application.objects.all()
    states = set(demo.values_list("state", flat=True))
    assert {"pending", "received", "correction_requested", "in_consultation", "extended", "awaiting_fee",
            "replied", "closed"} <= states  # fmt: skip
    assert {"disclosed", "partial", "withheld", "unavailable", "not_handled", "other"} <= set(
        demo.values_list("reply_type", flat=True)
    )
    assert demo.overdue(today).exists()
    assert FeeNotice.objects.exists()
    assert Remedy.objects.filter(result="upheld").exists()
    assert demo.filter(consultations__notice_sent_on__isnull=False).exists()
    assert demo.filter(referred_body="六安市财政局").exists()
    assert demo.filter(reply_ground="repeat", repeat_of__isnull=False).exists()
    assert demo.values("organization__jurisdiction").distinct().count() == 5
    count = demo.count()
    assert load_demo_applications() == count
