"""Each factory makes a valid row, and the pytest-factoryboy fixtures wire them together."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.core.codes import is_valid_uscc
from gongkai.orgs.models import Role
from gongkai.transactions.codes import is_valid_code
from tests import factories

pytestmark = pytest.mark.django_db


def test_every_factory_makes_a_row_that_passes_model_validation():
    made = [
        factories.JurisdictionFactory(),
        factories.OrganizationFactory(),
        factories.OrganizationFactory(trading_centre=True),
        factories.MembershipFactory(),
        factories.DisclosureFactory(),
        factories.DisclosureFactory(published=True),
        factories.TransactionFactory(),
        factories.EntityFactory(),
        factories.CreditRecordFactory(),
        factories.ApplicationFactory(),
        factories.ComplaintFactory(),
    ]
    for obj in made:
        obj.full_clean()
    assert len({type(obj) for obj in made}) == 9  # nine models, two kinds of organization


def test_codes_are_valid_and_distinct():
    orgs = factories.OrganizationFactory.create_batch(3)
    assert all(is_valid_uscc(o.uscc) for o in orgs)
    transactions = factories.TransactionFactory.create_batch(2)
    assert all(is_valid_code(t.code) for t in transactions)
    assert transactions[0].code != transactions[1].code


def test_a_draft_is_due_by_the_rules_and_published_on_sets_the_state():
    draft = factories.DisclosureFactory(formed_on=dt.date(2026, 9, 25))
    assert draft.state == "draft"
    assert draft.due_on > draft.formed_on
    published = factories.DisclosureFactory(published_on=dt.date(2026, 9, 28))
    assert (published.state, published.published_at.date()) == ("published", dt.date(2026, 9, 28))


def test_a_membership_gives_the_user_the_role(membership):
    assert membership.user.memberships.get().role == Role.PUBLISHER


@pytest.mark.parametrize("membership__role", [Role.REVIEWER])
def test_attribute_fixtures_override_a_field(membership):
    assert membership.role == Role.REVIEWER


def test_a_complaint_fixture_goes_to_the_supervising_office(complaint, supervisor_org, organization):
    assert complaint.supervisor == supervisor_org
    assert complaint.organization == organization
