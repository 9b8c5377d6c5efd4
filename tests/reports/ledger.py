"""Moved to tests/helpers/reports.py; kept importable for tests written before the move."""

from tests.helpers.reports import app, build_ledger, rotated_codes  # noqa: F401
