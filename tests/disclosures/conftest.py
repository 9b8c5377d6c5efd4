"""Helpers for disclosure tests; the fixtures live in tests/disclosures/fixtures.py (a plugin of tests/conftest.py)."""

from tests.disclosures.fixtures import SAMPLE, WINNER_USCC, award_data, item, member, required_fields

__all__ = ["SAMPLE", "WINNER_USCC", "award_data", "item", "member", "required_fields"]
