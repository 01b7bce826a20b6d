"""The central account keeps the password it signed in with in memory only while signed in:
it unlocks the window, and signing out drops it."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.credentials import (
    CentralAccount,
    end_session,
    remember_password,
    remembered_password,
)
from sync.errors import AuthError
from sync.keychain import store_key_provider
from tests.support.memory_keyring import MemoryKeyring, installed

UNREACHABLE = "https://127.0.0.1:9/council"  # nothing listens: signing in works offline


def _offline_account(password: str) -> CentralAccount:
    account = CentralAccount(UNREACHABLE)
    assert account.sign_in("a.jones", password, remember=False) is False
    return account


def test_only_the_password_signed_in_with_unlocks() -> None:
    account = _offline_account("Llanelli-1")
    assert account.check_password("Llanelli-1")
    assert not account.check_password("llanelli-1")
    assert not account.check_password("")


def test_signing_out_drops_the_password_from_memory() -> None:
    account = _offline_account("Llanelli-1")
    account.sign_out()
    assert not account.check_password("Llanelli-1")
    assert account.user is None
    with pytest.raises(AuthError):
        account.credentials()
    assert "Llanelli-1" not in repr(vars(account))


def test_an_account_never_signed_in_unlocks_nothing() -> None:
    assert not CentralAccount(UNREACHABLE).check_password("anything")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as ring:
        yield ring


def test_sign_out_keeps_a_remembered_password_in_the_keyring_only(
    memory_keyring: MemoryKeyring,
) -> None:
    remember_password(UNREACHABLE, "a.jones", "Llanelli-1")
    account = CentralAccount(UNREACHABLE)
    account.sign_in("a.jones", None, remember=False)  # the remembered one, offline
    end_session(account)
    assert not account.check_password("Llanelli-1")
    assert remembered_password(UNREACHABLE, "a.jones") == "Llanelli-1"


def test_forgetting_this_computer_takes_the_password_from_the_keyring_but_not_the_store_key(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    remember_password(UNREACHABLE, "a.jones", "Llanelli-1")
    remember_password(UNREACHABLE, "b.evans", "Porthcawl-2")
    store_key = store_key_provider()(tmp_path / "caseworker.db")  # a new store's key
    account = CentralAccount(UNREACHABLE)
    account.sign_in("a.jones", None, remember=False)
    end_session(account, forget_computer=True)
    assert remembered_password(UNREACHABLE, "a.jones") is None
    assert remembered_password(UNREACHABLE, "b.evans") == "Porthcawl-2"  # not someone else's
    # The store's key stays: without it the store, and whatever it has not sent, is lost.
    assert store_key_provider()(tmp_path / "caseworker.db") == store_key


def test_forgetting_with_nothing_remembered_is_not_an_error(
    memory_keyring: MemoryKeyring,
) -> None:
    account = _offline_account("Llanelli-1")
    end_session(account, forget_computer=True)
    end_session(None, forget_computer=True)
    assert memory_keyring.passwords == {}
