"""Moved to tests/helpers/subscriptions.py; kept importable for tests written before the move."""

from tests.helpers.subscriptions import *  # noqa: F403
