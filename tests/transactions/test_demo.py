"""The demo transactions: complete and incomplete ones in every domain with stages, and the flags they carry."""

from __future__ import annotations

from django.utils import timezone

from gongkai.catalog.models import Domain
from gongkai.core.audit import verify_chain
from gongkai.demo.transactions import PREFIX, load_demo_transactions
from gongkai.transactions.checks import run_checks
from gongkai.transactions.codes import is_valid_code
from gongkai.transactions.models import Transaction


def test_demo_transactions_cover_every_domain_and_every_flag(db):
    counts = load_demo_transactions()
    today = timezone.localdate()
    demo = list(Transaction.objects.filter(project_no__startswith=PREFIX).select_related("domain"))
    assert counts["transactions"] == len(demo) >= 24
    assert all(is_valid_code(t.code) for t in demo)

    by_domain: dict[str, list[set[str]]] = {}
    by_title: dict[str, set[str]] = {}
    for t in demo:
        by_title[t.title] = {r.code for r in run_checks(t, today) if r.flagged}
        by_domain.setdefault(t.domain.code, []).append(by_title[t.title])
    with_stages = set(Domain.objects.filter(stages__isnull=False).values_list("code", flat=True))
    assert set(by_domain) == with_stages
    for domain, flag_sets in by_domain.items():
        assert any("missing_stage" not in f for f in flag_sets), f"{domain}: no complete transaction"
        assert any("missing_stage" in f for f in flag_sets), f"{domain}: no incomplete transaction"

    every_flag = set().union(*(f for sets in by_domain.values() for f in sets))
    assert every_flag >= {"missing_stage", "stage_order", "award_over_budget", "deal_under_reserve", "tender_period",
                          "party_codes", "contract_change"}  # fmt: skip
    try:
        import gongkai.credit.services  # noqa: F401
    except ImportError:
        pass
    else:
        assert (
            "blacklisted_party" in by_title["六安市体育中心附属设施改造工程施工"]
        )  # its winner was listed before
    assert verify_chain().ok

    assert load_demo_transactions() == counts  # idempotent
