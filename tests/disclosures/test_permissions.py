"""The permission matrix: role × action × own/other organization, enforced by the services themselves.

A publisher works only for their own organizations, and only on catalog items whose publishing-body kinds include
their organization's kind; reviewers review only their organizations' drafts. Every disclosure is brought to the
state an action needs by other, authorised users (an author publisher and a reviewer of the owning organization);
then the user under test calls the service. Refusals raise PermissionDenied and change nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from gongkai.catalog.models import Jurisdiction
from gongkai.core.errors import PermissionDenied
from gongkai.core.models import AuditEntry
from gongkai.disclosures import services
from gongkai.disclosures.choices import CopyState, RevisionStatus, State, Validity
from gongkai.disclosures.models import Attachment, Disclosure, Revision, SupervisorCopy
from gongkai.disclosures.permissions import visible_to
from gongkai.orgs.models import Role
from tests.factories import OrganizationFactory, UserFactory, make_uscc
from tests.helpers.disclosures import item, member, required_fields

TODAY = dt.date(2026, 9, 30)
PHONE = "13812345678"


# --- the world: an owning organization, a second one of the same kind, a supervision bureau ---------------------


@dataclass
class World:
    own: Any
    other: Any
    supervisor: Any
    contract: Any
    author: Any  # a publisher of `own` who drafts, submits, proposes corrections
    checker: Any  # a reviewer of `own` who reviews, approves, decides


def _org(name: str, kind: str, seed: int, **extra):
    luan = Jurisdiction.objects.get(code="341500")
    return OrganizationFactory(
        name=name, kind=kind, jurisdiction=luan, uscc=make_uscc("91", "341500", random.Random(seed)), **extra
    )


@pytest.fixture
def world(db, settings, tmp_path) -> World:
    settings.MEDIA_ROOT = tmp_path  # attachments land in a throwaway directory
    own = _org("六安市城市建设投资有限公司（权限测试）", "owner", 101)
    other = _org("六安市交通投资集团有限公司（权限测试）", "owner", 102)  # same kind, same jurisdiction
    supervisor = _org("六安市公共资源交易监督管理局（权限测试）", "department", 103, is_supervisor=True)
    return World(
        own=own,
        other=other,
        supervisor=supervisor,
        contract=item("341500", "construction.contract"),  # published by kind "owner"; copied to the bureau
        author=member(own, Role.PUBLISHER, "perm-author"),
        checker=member(own, Role.REVIEWER, "perm-checker"),
    )


def contract_data(w: World, **overrides) -> dict[str, Any]:
    data = {
        "title": "六安市城区2026年老旧小区改造工程施工合同公开",
        "formed_on": dt.date(2026, 9, 29),
        "body": f"合同主要条款如下。承包人联系电话：{PHONE}。",
        "fields": required_fields(w.contract),
    }
    data.update(overrides)
    return data


# --- bringing a disclosure to the state an action needs, as the authorised users ---------------------------------


def _draft(w: World, author=None) -> Disclosure:
    return services.create_draft(
        actor=author or w.author, organization=w.own, item=w.contract, data=contract_data(w)
    )


def _submitted(w: World, author=None) -> Disclosure:
    """Submitted, with its personal data masked by the reviewer (保密审查 refuses it unmasked)."""
    author = author or w.author
    d = services.submit(actor=author, disclosure=_draft(w, author))
    services.mask_personal_data(actor=w.checker, disclosure=d)
    d.refresh_from_db()
    return d


def _reviewed(w: World, author=None) -> Disclosure:
    return services.review(actor=w.checker, disclosure=_submitted(w, author), comment="无涉密内容")


def _approved(w: World) -> Disclosure:
    return services.approve(actor=w.checker, disclosure=_reviewed(w))


def _published(w: World) -> Disclosure:
    return services.publish(actor=w.author, disclosure=_approved(w), today=TODAY)


def _proposed(w: World, proposer=None) -> Revision:
    return services.propose_correction(
        actor=proposer or w.author,
        disclosure=_published(w),
        data={"title": "施工合同公开（更正）"},
        reason="标题有误",
    )


# --- the actions, each through its service ------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    setup: Callable[[World], Any]  # the target (a disclosure, or a revision) in the state the action needs
    call: Callable[[Any, Any, World], Any]  # (actor, target, world) -> result
    succeeded: Callable[[Any, Any, Any], None]  # (actor, target, result): asserts the effect


def _state(expected: State):
    def check(actor, target, result):
        assert Disclosure.objects.get(pk=target.pk).state == expected

    return check


def _created(actor, target, result):
    assert (result.state, result.created_by) == (State.DRAFT, actor)


def _updated(actor, target, result):
    assert Disclosure.objects.get(pk=target.pk).title == "施工合同公开（修改）"


def _proposed_by_actor(actor, target, result):
    assert (result.status, result.proposed_by) == (RevisionStatus.PROPOSED, actor)


def _decided(actor, target, result):
    assert (result.status, result.decided_by) == (RevisionStatus.PUBLISHED, actor)
    assert Disclosure.objects.get(pk=target.disclosure_id).title == "施工合同公开（更正）"


def _repealed(actor, target, result):
    assert Disclosure.objects.get(pk=target.pk).validity == Validity.REPEALED


def _copied(actor, target, result):
    copy = SupervisorCopy.objects.get(disclosure=target)
    assert (copy.state, copy.sent_by) == (CopyState.SENT, actor)


def _attached(actor, target, result):
    assert list(Attachment.objects.filter(disclosure=target).values_list("uploaded_by", flat=True)) == [
        actor.pk
    ]


def _masked(actor, target, result):
    assert result == 1
    body = Disclosure.objects.get(pk=target.pk).body
    assert PHONE not in body
    assert "138****5678" in body


ACTIONS: dict[str, Action] = {
    "create_draft": Action(
        setup=lambda w: None,
        call=lambda actor, _t, w: services.create_draft(
            actor=actor, organization=w.own, item=w.contract, data=contract_data(w)
        ),
        succeeded=_created,
    ),
    "update_draft": Action(
        setup=_draft,
        call=lambda actor, d, w: services.update_draft(
            actor=actor, disclosure=d, data={"title": "施工合同公开（修改）"}
        ),
        succeeded=_updated,
    ),
    "submit": Action(
        setup=_draft,
        call=lambda actor, d, w: services.submit(actor=actor, disclosure=d),
        succeeded=_state(State.SUBMITTED),
    ),
    "review": Action(
        setup=_submitted,
        call=lambda actor, d, w: services.review(actor=actor, disclosure=d, comment="无涉密内容"),
        succeeded=_state(State.REVIEWED),
    ),
    "approve": Action(
        setup=_reviewed,
        call=lambda actor, d, w: services.approve(actor=actor, disclosure=d),
        succeeded=_state(State.APPROVED),
    ),
    "send_back": Action(
        setup=_submitted,
        call=lambda actor, d, w: services.send_back(
            actor=actor, disclosure=d, comment="请补充合同价款的大写"
        ),
        succeeded=_state(State.DRAFT),
    ),
    "publish": Action(
        setup=_approved,
        call=lambda actor, d, w: services.publish(actor=actor, disclosure=d, today=TODAY),
        succeeded=_state(State.PUBLISHED),
    ),
    "propose_correction": Action(
        setup=_published,
        call=lambda actor, d, w: services.propose_correction(
            actor=actor, disclosure=d, data={"title": "施工合同公开（更正）"}, reason="标题有误"
        ),
        succeeded=_proposed_by_actor,
    ),
    "decide_correction": Action(
        setup=_proposed,
        call=lambda actor, rev, w: services.decide_correction(actor=actor, revision=rev, approve=True),
        succeeded=_decided,
    ),
    "withdraw": Action(
        setup=_published,
        call=lambda actor, d, w: services.withdraw(actor=actor, disclosure=d, reason="招标人撤销招标"),
        succeeded=_state(State.WITHDRAWN),
    ),
    "change_validity": Action(
        setup=_published,
        call=lambda actor, d, w: services.change_validity(
            actor=actor, disclosure=d, validity=Validity.REPEALED, reason="被新合同替代"
        ),
        succeeded=_repealed,
    ),
    "mark_copied": Action(
        setup=_published,
        call=lambda actor, d, w: services.mark_copied(
            actor=actor, disclosure=d, sent_on=dt.date(2026, 10, 8)
        ),
        succeeded=_copied,
    ),
    "add_attachment": Action(
        setup=_draft,
        call=lambda actor, d, w: services.add_attachment(
            actor=actor, disclosure=d, name="施工合同.pdf", content=b"%PDF-1.4 test"
        ),
        succeeded=_attached,
    ),
    "mask_personal_data": Action(
        setup=_draft,
        call=lambda actor, d, w: services.mask_personal_data(actor=actor, disclosure=d),
        succeeded=_masked,
    ),
}

# Who may, in their own organization. In another organization nobody may; without a role nobody may.
ALLOWED: dict[str, set[Role]] = {
    "create_draft": {Role.PUBLISHER},
    "update_draft": {Role.PUBLISHER},
    "submit": {Role.PUBLISHER},
    "review": {Role.REVIEWER},
    "approve": {Role.REVIEWER},
    "send_back": {Role.REVIEWER},
    "publish": {Role.PUBLISHER, Role.REVIEWER},
    "propose_correction": {Role.PUBLISHER},
    "decide_correction": {Role.REVIEWER},
    "withdraw": {Role.REVIEWER},
    "change_validity": {Role.REVIEWER},
    "mark_copied": {Role.PUBLISHER},
    "add_attachment": {Role.PUBLISHER},
    "mask_personal_data": {Role.PUBLISHER, Role.REVIEWER},  # the publisher on a draft, as here
}
assert set(ALLOWED) == set(ACTIONS)

NO_ROLE, ANONYMOUS = "no_role", "anonymous"
OWN, OTHER = "own", "other"


def _cases():
    for action in ACTIONS:
        for role in Role:
            for scope in (OWN, OTHER):
                allowed = scope == OWN and role in ALLOWED[action]
                yield pytest.param(action, role.value, scope, allowed, id=f"{action}-{role.value}-{scope}")
        for who in (NO_ROLE, ANONYMOUS):
            yield pytest.param(action, who, None, False, id=f"{action}-{who}")


CASES = list(_cases())


def _actor(w: World, who: str, scope: str | None):
    if who == ANONYMOUS:
        return AnonymousUser()
    if who == NO_ROLE:
        return UserFactory(username="perm-nobody")
    return member(w.own if scope == OWN else w.other, who, f"perm-{who}-{scope}")


def _snapshot() -> dict[str, list]:
    """Everything a disclosure service may write, to show that a refusal wrote nothing."""
    return {
        "disclosures": list(Disclosure.objects.order_by("pk").values()),
        "revisions": list(Revision.objects.order_by("pk").values()),
        "attachments": list(Attachment.objects.order_by("pk").values_list("pk", flat=True)),
        "copies": list(SupervisorCopy.objects.order_by("pk").values()),
        "audit": list(AuditEntry.objects.order_by("seq").values_list("seq", flat=True)),
    }


@pytest.mark.parametrize(("action", "who", "scope", "allowed"), CASES)
def test_permission_matrix(world, action, who, scope, allowed):
    spec = ACTIONS[action]
    target = spec.setup(world)
    actor = _actor(world, who, scope)
    if allowed:
        result = spec.call(actor, target, world)
        spec.succeeded(actor, target, result)
        return
    before = _snapshot()
    with pytest.raises(PermissionDenied):
        spec.call(actor, target, world)
    assert _snapshot() == before


def test_the_matrix_is_complete():
    assert len(CASES) == len(ACTIONS) * (len(Role) * 2 + 2) == 168
    assert sum(1 for c in CASES if c.values[3]) == 16


# --- four eyes: the author never reviews or approves, the proposer never decides ----------------------------------


@pytest.mark.parametrize("action", ["review", "approve", "decide_correction"])
def test_nobody_reviews_approves_or_decides_their_own_work(world, action):
    both = member(world.own, Role.PUBLISHER, "perm-both")
    member(world.own, Role.REVIEWER, "perm-both")  # the same person also holds the reviewer role
    if action == "review":
        target = _submitted(world, author=both)
    elif action == "approve":
        target = _reviewed(world, author=both)
    else:
        target = _proposed(world, proposer=both)
    before = _snapshot()
    with pytest.raises(PermissionDenied, match="双人审核"):
        ACTIONS[action].call(both, target, world)
    assert _snapshot() == before
    # ...while another reviewer of the organization may.
    result = ACTIONS[action].call(world.checker, target, world)
    ACTIONS[action].succeeded(world.checker, target, result)


def test_a_publisher_may_not_mask_once_the_draft_is_submitted(world):
    d = services.submit(actor=world.author, disclosure=_draft(world))
    publisher = member(world.own, Role.PUBLISHER, "perm-pub2")
    before = _snapshot()
    with pytest.raises(PermissionDenied):
        services.mask_personal_data(actor=publisher, disclosure=d)
    assert _snapshot() == before
    assert services.mask_personal_data(actor=world.checker, disclosure=d) == 1


# --- the publishing-body kind -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["trading_centre", "department", "agency"])
def test_a_publisher_drafts_only_items_their_kind_of_body_publishes(world, kind):
    org = _org(f"六安市某机构（{kind}）", kind, 200 + len(kind))
    publisher = member(org, Role.PUBLISHER, f"perm-kind-{kind}")
    assert kind not in world.contract.publishers
    with pytest.raises(PermissionDenied) as info:
        services.create_draft(
            actor=publisher, organization=org, item=world.contract, data=contract_data(world)
        )
    message = info.value.message
    assert "应由" in message
    assert world.contract.publisher_text in message  # names who should publish: 招标人即项目的实施主体
    assert org.name in message
    assert not Disclosure.objects.filter(organization=org).exists()


# --- what each user sees in the back office ---------------------------------------------------------------------


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_visible_to_shows_only_the_users_organizations(world, role):
    own_d = _draft(world)
    other_author = member(world.other, Role.PUBLISHER, "perm-other-author")
    other_d = services.create_draft(
        actor=other_author, organization=world.other, item=world.contract, data=contract_data(world)
    )
    user = member(world.own, role, f"perm-viewer-{role}")
    assert list(visible_to(user)) == [own_d]
    other_user = member(world.other, role, f"perm-other-viewer-{role}")
    assert list(visible_to(other_user)) == [other_d]


def test_visible_to_shows_nothing_without_a_role(world):
    _draft(world)
    assert not visible_to(UserFactory(username="perm-nobody")).exists()
    assert not visible_to(AnonymousUser()).exists()
