"""Disclosure tests use the fixtures of tests/disclosures/fixtures.py (a plugin of tests/conftest.py)."""

from tests.helpers.disclosures import SAMPLE, WINNER_USCC, award_data, item, member, required_fields

__all__ = ["SAMPLE", "WINNER_USCC", "award_data", "item", "member", "required_fields"]
