"""Server passwords live in the OS keyring only; a machine without one is told so plainly."""

import pytest
from keyring.backends.fail import Keyring as NoKeyringBackend

from sync import credentials
from sync.errors import NoKeyring
from tests.support.memory_keyring import MemoryKeyring, installed

SERVER = "https://couch.council.example/caseworker"


def test_a_password_is_kept_per_user_and_database_without_credentials_in_the_key() -> None:
    with installed(MemoryKeyring()) as ring:
        credentials.remember_password(SERVER + "/", "a.jones", "s3cret")
        assert credentials.remembered_password(SERVER, "a.jones") == "s3cret"
        assert credentials.remembered_password(SERVER, "b.smith") is None
        assert credentials.remembered_password(SERVER + "-other", "a.jones") is None
        assert list(ring.passwords) == [(credentials.SERVICE, f"a.jones@{SERVER}")]
        credentials.forget(SERVER, "a.jones")
        assert ring.passwords == {}


def test_no_keyring_is_said_plainly_and_nothing_is_written_anywhere() -> None:
    with installed(NoKeyringBackend()):
        assert credentials.remembered_password(SERVER, "a.jones") is None
        with pytest.raises(NoKeyring) as raised:
            credentials.remember_password(SERVER, "a.jones", "s3cret")
    assert str(raised.value).startswith("credentials cannot be remembered on this machine")
