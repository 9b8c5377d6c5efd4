from __future__ import annotations

import pytest

from gongkai.search import services
from tests.helpers.search import make_corpus


@pytest.fixture
def corpus(db):
    """200 public records (and a few drafts), indexed by a rebuild."""
    records = make_corpus(200)
    services.rebuild()
    return records


@pytest.fixture
def empty_index(db):
    """An index rebuilt from this test's database (nothing left from earlier tests)."""
    services.rebuild()
