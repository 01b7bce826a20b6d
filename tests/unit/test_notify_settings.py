"""The Notify key is read from a file only its owner can read, or from the environment, and a
key that is not shaped as Notify makes them is refused before anything is sent."""

import uuid
from pathlib import Path

import pytest

from caseworker.errors import CaseworkerError
from sync.notify.settings import KEY_VARIABLE, NotifySettings, read_key

KEY = f"council_live-{uuid.uuid4()}-{uuid.uuid4()}"


def test_a_private_key_file_is_read_and_the_key_never_shows_in_the_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEY_VARIABLE, raising=False)
    key_file = tmp_path / "notify.key"
    key_file.write_text(KEY + "\n")
    key_file.chmod(0o600)
    assert read_key(key_file) == KEY
    assert KEY not in repr(NotifySettings(KEY, "t-email", "t-sms"))


def test_a_key_file_others_can_read_is_refused(tmp_path: Path) -> None:
    key_file = tmp_path / "notify.key"
    key_file.write_text(KEY)
    key_file.chmod(0o644)
    with pytest.raises(CaseworkerError, match="chmod 600"):
        read_key(key_file)


@pytest.mark.parametrize(
    "value", ["", "not-a-key", KEY[:-1]], ids=["empty", "not a key", "one short"]
)
def test_a_missing_or_malformed_key_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(KEY_VARIABLE, value)
    with pytest.raises(CaseworkerError, match=r"no usable GOV\.UK Notify API key"):
        read_key(None)
    monkeypatch.setenv(KEY_VARIABLE, KEY)
    assert read_key(None) == KEY
