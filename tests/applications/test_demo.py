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
    assert 27 <= load_demo_applications() <= 33
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


def test_last_years_ledger_fills_last_years_report(demo_orgs):
    from gongkai.applications.statistics import application_table, fees_collected, problems, remedy_table

    load_demo_applications()
    org = Application.objects.filter(info_title__contains="竞争性谈判").get().organization
    year = timezone.localdate().year - 1
    last, this = application_table([org.pk], year), application_table([org.pk], year + 1)
    assert last.row("received").cells["total"] >= 9
    assert (
        last.cell("carried_forward", "total") == 1 == this.cell("carried_over", "total")
    )  # the late-December one
    assert {"natural_person", "business", "research", "legal_service", "nonprofit"} <= {
        code for code, n in last.row("received").cells.items() if n
    }
    assert problems(last) == []
    assert problems(this, previous=last) == []
    assert fees_collected([org.pk], year) == 500  # 80 pages: (80 - 30) x 10 元
    assert remedy_table([org.pk], year).cell("cases", "litigation_direct.pending") == 1
