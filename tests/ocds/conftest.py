"""Transactions built step by step through the services (the transactions tests' builder)."""

from tests.transactions.conftest import build, owner, owner_publisher, owner_reviewer  # noqa: F401
