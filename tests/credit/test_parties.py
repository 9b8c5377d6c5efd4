"""Entities named in published disclosures (winners, candidates, contractors) are linked by credit code."""

from __future__ import annotations

import datetime as dt

from gongkai.credit import selectors, services
from gongkai.credit.models import Entity, PartyMention
from gongkai.credit.parties import extract_parties
from gongkai.disclosures import services as disclosure_services
from tests.helpers.credit import HUAWEI
from tests.helpers.disclosures import item
from tests.helpers.disclosures import published as publish_award

TODAY = dt.date(2026, 9, 30)


def test_a_published_award_links_its_winner_and_tenderer(publisher, reviewer, centre, award_item):
    assert not Entity.objects.exists()
    d = publish_award(publisher, reviewer, centre, award_item)
    huawei = selectors.entity_by_uscc(HUAWEI)
    assert huawei.name == "华为技术有限公司"  # created from the name beside the code
    tenderer = selectors.entity_by_uscc(d.fields["tenderer_uscc"])
    assert tenderer.name == "六安市城市建设投资有限公司"
    mentions = {(m.entity.uscc, m.role, m.field_key) for m in PartyMention.objects.filter(disclosure=d)}
    assert mentions == {(HUAWEI, "中标人", "winner_uscc"), (tenderer.uscc, "招标人", "tenderer_uscc")}
    [group] = selectors.public_mentions(huawei)
    assert (group.domain, group.stage) == ("工程建设项目招标投标", "中标结果")
    assert [m.disclosure_id for m in group.mentions] == [d.pk]


def test_linking_is_idempotent_and_follows_corrections_and_withdrawal(
    publisher, reviewer, centre, award_item
):
    existing = services.register_entity(actor=publisher, uscc=HUAWEI, name="华为技术有限公司")
    d = publish_award(publisher, reviewer, centre, award_item)
    assert Entity.objects.filter(uscc=HUAWEI).get() == existing  # known entities are reused, not renamed
    services.sync_party_mentions(disclosure_id=d.pk)
    services.sync_party_mentions(disclosure_id=d.pk)
    assert PartyMention.objects.filter(disclosure=d).count() == 2
    fields = {**d.fields, "winner": "中国建筑第八工程局有限公司", "winner_uscc": "91350100M000100Y43"}
    revision = disclosure_services.propose_correction(actor=publisher, disclosure=d, data={"fields": fields},
                                                      reason="中标人名称及代码录入错误")  # fmt: skip
    disclosure_services.decide_correction(actor=reviewer, revision=revision, approve=True)
    winners = PartyMention.objects.filter(disclosure=d, field_key="winner_uscc")
    assert [m.entity.uscc for m in winners] == ["91350100M000100Y43"]
    assert selectors.public_mentions(existing) == []
    disclosure_services.withdraw(actor=reviewer, disclosure=d, reason="项目终止")
    assert not PartyMention.objects.filter(disclosure=d).exists()


def test_codes_in_table_columns_take_the_name_column_beside_them(db):
    candidates = item("341500", "construction.candidates")
    rows = [{"rank": 1, "name": "华为技术有限公司", "uscc": HUAWEI},
            {"rank": 2, "name": "某某建设集团有限公司", "uscc": "91350100M000100Y43"},
            {"rank": 3, "name": "代码有误的公司", "uscc": "91350100M000100Y4Z"}]  # fmt: skip
    parties = extract_parties(
        candidates.fields, {"candidates": rows, "tenderer": "六安市城投", "tenderer_uscc": ""}
    )
    assert [(p.uscc, p.name, p.role, p.field_key) for p in parties] == [
        (HUAWEI, "华为技术有限公司", "中标候选人", "candidates.0.uscc"),
        ("91350100M000100Y43", "某某建设集团有限公司", "中标候选人", "candidates.1.uscc"),
    ]


def test_a_name_field_with_the_name_suffix_is_found(db):
    penalty = item("341500", "credit.penalty")
    [party] = extract_parties(penalty.fields, {"party_name": "华为技术有限公司", "party_uscc": HUAWEI})
    assert (party.name, party.role) == ("华为技术有限公司", "行政相对人")
