"""Encryption keys of local stores, kept in the OS keyring (never on disk in clear)."""

import secrets
from pathlib import Path

import keyring
from keyring.errors import KeyringError, NoKeyringError

from caseworker.errors import StoreError
from caseworker.store.engine import KeyProvider, is_encrypted

SERVICE = "caseworker-store"


def store_key_provider() -> KeyProvider:
    """Reads a store's key from the keyring; for a store not yet created, makes and keeps one."""

    def key_for(path: Path) -> str | None:
        account = str(path.resolve())
        try:
            key = keyring.get_password(SERVICE, account)
            if key is None and not is_encrypted(path) and not path.exists():
                key = secrets.token_urlsafe(32)
                keyring.set_password(SERVICE, account, key)
        except NoKeyringError as exc:
            raise StoreError(
                "no OS keyring on this machine: an encrypted store cannot be opened or created here"
            ) from exc
        except KeyringError as exc:
            raise StoreError(f"the OS keyring refused: {exc}") from exc
        return key

    return key_for
