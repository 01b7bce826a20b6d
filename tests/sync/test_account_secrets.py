"""The central account keeps the password it signed in with in memory only while signed in:
it unlocks the window, and signing out drops it."""

import pytest

from sync.credentials import CentralAccount
from sync.errors import AuthError

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
