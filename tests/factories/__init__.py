"""factory_boy factories, one module per app, registered as pytest fixtures in tests/conftest.py
(pytest-factoryboy: `user`, `organization`, `disclosure`, … and attribute fixtures like `organization__name`).

Factories write rows directly, like a migration or the admin would: quick records for reading, counting and
permission checks. A test about a workflow goes through the services instead (tests/helpers/disclosures.py).
"""

from tests.factories.applications import ApplicationFactory
from tests.factories.catalog import JurisdictionFactory, catalog_item, jurisdiction
from tests.factories.complaints import ComplaintFactory
from tests.factories.credit import CreditRecordFactory, EntityFactory
from tests.factories.disclosures import DisclosureFactory
from tests.factories.orgs import MembershipFactory, OrganizationFactory, UserFactory
from tests.factories.transactions import TransactionFactory
from tests.helpers.codes import make_uscc

__all__ = [
    "ApplicationFactory",
    "ComplaintFactory",
    "CreditRecordFactory",
    "DisclosureFactory",
    "EntityFactory",
    "JurisdictionFactory",
    "MembershipFactory",
    "OrganizationFactory",
    "TransactionFactory",
    "UserFactory",
    "catalog_item",
    "jurisdiction",
    "make_uscc",
]
