"""Moved to tests/helpers/search.py; kept importable for tests written before the move."""

from tests.helpers.search import TODAY, Record, make_corpus, scan  # noqa: F401
