"""How long the window may stay idle: ten minutes unless set; never 'never'."""

from pathlib import Path

import pytest

import main
from caseworker.security.lock import (
    DEFAULT_MINUTES,
    LOCK_AFTER_KEY,
    lock_after_minutes,
    same_secret,
    set_lock_after_minutes,
)
from caseworker.store import settings
from caseworker.store.store import STORE_FILENAME, Store


def test_an_unset_store_locks_after_ten_minutes(store: Store) -> None:
    with store.read() as session:
        assert lock_after_minutes(session) == DEFAULT_MINUTES == 10


def test_a_set_time_is_kept(store: Store) -> None:
    with store.write() as session:
        set_lock_after_minutes(session, 3)
    with store.read() as session:
        assert lock_after_minutes(session) == 3


@pytest.mark.parametrize("minutes", [0, -5, 61, 100_000])
def test_a_time_out_of_range_is_refused(store: Store, minutes: int) -> None:
    with store.write() as session, pytest.raises(ValueError, match="1 to 60 idle minutes"):
        set_lock_after_minutes(session, minutes)


@pytest.mark.parametrize("written", ["0", "-1", "9999", "ten", "", "5.5"])
def test_a_value_another_build_wrote_falls_back_to_the_default_not_to_never(
    store: Store, written: str
) -> None:
    with store.write() as session:
        settings.write(session, LOCK_AFTER_KEY, written)
    with store.read() as session:
        assert lock_after_minutes(session) == DEFAULT_MINUTES


def test_a_password_matches_only_itself() -> None:
    assert same_secret("Gwyn-2024", "Gwyn-2024")
    assert not same_secret("Gwyn-2024 ", "Gwyn-2024")
    assert not same_secret("gwyn-2024", "Gwyn-2024")
    assert not same_secret("", "Gwyn-2024")
    assert same_secret("Siân", "Siân")  # not only ASCII


def test_the_command_line_shows_and_sets_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(tmp_path / STORE_FILENAME).close()
    assert main.run(["--data-dir", str(tmp_path), "lock-after"]) == 0
    assert capsys.readouterr().out == "the window locks after 10 idle minutes\n"
    assert main.run(["--data-dir", str(tmp_path), "lock-after", "4"]) == 0
    assert capsys.readouterr().out == "the window locks after 4 idle minutes\n"
    assert main.run(["--data-dir", str(tmp_path), "lock-after", "0"]) == 2
    assert "1 to 60 idle minutes, not 0" in capsys.readouterr().err
    store = Store(tmp_path / STORE_FILENAME)
    try:
        with store.read() as session:  # not changed by the refusal
            assert lock_after_minutes(session) == 4
    finally:
        store.close()
