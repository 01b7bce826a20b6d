"""Test-wide set-up. Qt needs its platform chosen before anything imports it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

from collections.abc import Iterator
from pathlib import Path

import pytest

from caseworker.store.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store in a real SQLite file."""
    s = Store(tmp_path / "caseworker.db")
    yield s
    s.close()
