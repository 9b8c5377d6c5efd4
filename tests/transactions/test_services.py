"""Registering transactions and attaching disclosures: who may, which stage, links between steps, the audit log;
and the rules file's errors."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from tests.factories import OrganizationFactory, make_uscc
from tests.helpers.disclosures import member
from tests.helpers.transactions import publish

from gongkai.catalog.models import Domain, Stage
from gongkai.core.audit import history_for
from gongkai.core.errors import DataFileError, DomainError, PermissionDenied
from gongkai.disclosures.models import DisclosureLink
from gongkai.orgs.models import Role
from gongkai.transactions import services
from gongkai.transactions.rules import check_rules, read_check_rules
from gongkai.transactions.selectors import transaction_of

D = dt.date


def test_attach_takes_the_items_stage_and_links_to_the_previous_step(build):
    t = build.transaction()
    first = build.step(t, "construction.tender_notice", published_on=D(2026, 3, 3))
    second = build.step(t, "construction.candidates", published_on=D(2026, 4, 1))
    assert [s.stage.code for s in t.steps.order_by("stage__position")] == ["tender_notice", "candidates"]
    assert DisclosureLink.objects.filter(source=second, target=first, kind="stage").exists()
    assert transaction_of(second.pk) == t
    assert transaction_of(second.pk).step_stage.code == "candidates"
    assert [e.action for e in history_for(t)] == [
        "transaction.created", "transaction.disclosure_attached", "transaction.disclosure_attached",
    ]  # fmt: skip


def test_attach_is_idempotent_but_a_disclosure_belongs_to_one_transaction(build):
    t, other = build.transaction(), build.transaction(title="另一个工程")
    d = build.step(t, "construction.tender_notice", published_on=D(2026, 3, 3))
    step = services.attach_disclosure(actor=build.publisher, transaction=t, disclosure=d)
    assert t.steps.count() == 1
    assert step.transaction_id == t.pk
    with pytest.raises(DomainError, match="已关联到交易项目"):
        services.attach_disclosure(actor=build.publisher, transaction=other, disclosure=d)


def test_attach_refuses_another_domain_and_a_foreign_stage(build):
    t = build.transaction("procurement", title="测试采购")
    d = publish(build.owner, build.publisher, build.reviewer, "construction.award",
                formed_on=D(2026, 4, 1), published_on=D(2026, 4, 1))  # fmt: skip
    with pytest.raises(DomainError, match="与交易项目的领域"):
        services.attach_disclosure(actor=build.publisher, transaction=t, disclosure=d)
    construction = build.transaction()
    with pytest.raises(DomainError, match="不属于工程建设项目招标投标"):
        services.attach_disclosure(actor=build.publisher, transaction=construction, disclosure=d,
                                   stage=Stage.objects.get(domain__code="procurement", code="result"))  # fmt: skip


def test_only_the_publishing_bodys_staff_attach_and_only_a_party_body(build, luan):
    t = build.transaction()
    d = publish(build.owner, build.publisher, build.reviewer, "construction.tender_notice",
                formed_on=D(2026, 3, 3), published_on=D(2026, 3, 3))  # fmt: skip
    stranger_org = OrganizationFactory(name="六安市某中学（测试）", kind="owner", jurisdiction=luan,
                                       uscc=make_uscc("12", "341500", random.Random(21)))  # fmt: skip
    stranger = member(stranger_org, Role.PUBLISHER, "stranger")
    with pytest.raises(PermissionDenied, match="信息发布员或审查员"):
        services.attach_disclosure(actor=stranger, transaction=t, disclosure=d)
    # The stranger's own notice is not the transaction's: its body is neither owner, agency nor a public body.
    foreign = publish(stranger_org, stranger, member(stranger_org, Role.REVIEWER, "stranger-rev"),
                      "construction.tender_notice", formed_on=D(2026, 3, 3), published_on=D(2026, 3, 3))  # fmt: skip
    with pytest.raises(PermissionDenied, match="不是该交易的招标人"):
        services.attach_disclosure(actor=stranger, transaction=t, disclosure=foreign)


def test_the_trading_centre_may_attach_its_own_records(build, centre, publisher, reviewer):
    t = build.transaction()
    d = publish(
        centre,
        publisher,
        reviewer,
        "construction.award",
        formed_on=D(2026, 4, 10),
        published_on=D(2026, 4, 10),
    )
    step = services.attach_disclosure(actor=publisher, transaction=t, disclosure=d)
    assert step.stage.code == "award"


def test_detach(build):
    t = build.transaction()
    d = build.step(t, "construction.tender_notice", published_on=D(2026, 3, 3))
    services.detach_disclosure(actor=build.publisher, step=t.steps.get())
    assert not t.steps.exists()
    assert transaction_of(d.pk) is None
    assert history_for(t).last().action == "transaction.disclosure_detached"


def test_registration_is_validated(build):
    with pytest.raises(DomainError, match="不适用于"):
        build.transaction(procedure="land_auction")
    with pytest.raises(DomainError, match="6位数字"):
        build.transaction(region_code="34150")
    with pytest.raises(DomainError, match="没有交易环节"):
        services.create_transaction(actor=build.publisher, organization=build.owner,
                                    domain=Domain.objects.get(code="general"), title="综合")  # fmt: skip
    with pytest.raises(DomainError, match="预算金额"):
        build.transaction(budget="-1")
    t = build.transaction(budget="1,234.50", project_no="LA-2026-001", procedure="bidding_mandatory")
    assert str(t.budget) == "1234.50"
    assert t.region_code == "341500"
    assert t.owner == build.owner


def test_the_shipped_rules_cover_every_domain_with_stages(db):
    rules = check_rules()
    with_stages = set(Domain.objects.filter(stages__isnull=False).values_list("code", flat=True))
    assert with_stages <= set(rules.domains)
    assert rules.procedures["bidding_mandatory"].min_days == 20
    assert rules.procedures["gp_negotiation"].unit == "workdays"


def test_rule_file_errors_name_their_lines(tmp_path: Path, db):
    bad = tmp_path / "checks.yaml"
    bad.write_text(
        "checks:\n"
        "  missing_stage: {name: 缺失, severity: fatal}\n"
        "contract_change: {max_share: -1, source: x, verified: V}\n"
        "procedures: []\n"
        "domains:\n"
        "  construction:\n"
        "    direction: purchase\n"
        "    required:\n"
        "      - {stage: tender, allowance: 10}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as exc:
        read_check_rules(bad)
    problems = {(line, message.split("（")[0]) for line, message in exc.value.problems}
    assert (2, "检查“missing_stage”的 severity 应为 high、medium、low 之一") in problems
    assert (3, "contract_change.max_share 应为大于 0 的比例") in problems
    assert (9, "领域“construction”没有环节“tender”") in problems
    assert any("checks 缺少“stage_order”" in m for _line, m in exc.value.problems)
