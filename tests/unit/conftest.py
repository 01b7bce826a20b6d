"""Unit-test fixtures: a store with a minimal council (one service, a queue, staff)."""

from collections.abc import Iterator

import pytest

from caseworker.store import docstore
from caseworker.store.store import Store
from tests.support.council import AGENT, SUPERVISOR, council_docs

__all__ = ["AGENT", "SUPERVISOR"]  # the unit tests import them from here


@pytest.fixture
def council(store: Store) -> Iterator[Store]:
    with store.write() as session:
        for doc in council_docs():
            docstore.put(session, doc)
    yield store
