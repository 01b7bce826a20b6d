"""The store's remembered last sync: whatever another build (or a hand edit) left under the key,
reading it never fails, and an older time never replaces a newer one."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from caseworker.store import settings
from caseworker.store.store import Store


@pytest.mark.parametrize(
    "stored", ["", "yesterday", "2026-13-45T99:00:00", "2026-01-02T03:04:05", "\x00" * 10]
)
def test_a_last_sync_that_cannot_be_read_is_as_never(tmp_path: Path, stored: str) -> None:
    store = Store(tmp_path / "caseworker.db")
    try:
        with store.write() as s:
            settings.write(s, settings.LAST_SYNC_KEY, stored)  # naive or garbage: not trusted
        with store.read() as s:
            assert settings.last_sync(s) is None
    finally:
        store.close()


def test_an_earlier_sync_never_replaces_a_later_one(tmp_path: Path) -> None:
    store = Store(tmp_path / "caseworker.db")
    later = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    try:
        with store.write() as s:
            settings.record_sync(s, later)
            settings.record_sync(s, later - timedelta(hours=1))  # a slower process finishing
        with store.read() as s:
            assert settings.last_sync(s) == later
    finally:
        store.close()
