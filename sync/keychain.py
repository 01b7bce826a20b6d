"""Encryption keys of local stores, kept in the OS keyring (never on disk in clear).

``keyring`` is imported, and its backend resolved (about half a second), only when a store is
actually encrypted or is being created encrypted: a plain store never touches the keyring.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from caseworker.errors import NoKeyStoreError, StoreError
from caseworker.security.passphrase import INSTALL_KEYRING

if TYPE_CHECKING:
    from caseworker.store.engine import KeyProvider

SERVICE = "caseworker-store"
NO_KEYRING = (
    "no OS keyring on this machine to keep the store's key: " + INSTALL_KEYRING + "; or use a "
    "passphrase instead (--passphrase-stdin on the command line; the window asks for it)"
)


def store_key_provider() -> KeyProvider:
    """Reads a store's key from the keyring (the account is the store file's resolved path);
    for a store not yet created, makes a fresh random key and keeps it there first."""

    def key_for(path: Path) -> str | None:
        import keyring
        from keyring.errors import KeyringError, NoKeyringError

        account = str(path.resolve())
        try:
            key = keyring.get_password(SERVICE, account)
            if key is None and not path.exists():
                key = secrets.token_urlsafe(32)
                keyring.set_password(SERVICE, account, key)
        except NoKeyringError as exc:
            raise NoKeyStoreError(NO_KEYRING) from exc
        except KeyringError as exc:
            raise StoreError(f"the OS keyring refused: {exc}") from exc
        return key

    return key_for


# -- the council's social-media tokens (the central mentions collector) ------------------------

TOKEN_SERVICE = "caseworker-mastodon"
NO_TOKEN_KEYRING = (
    "no OS keyring on this machine: the token cannot be kept here; "
    "give it to the collector in CASEWORKER_MASTODON_TOKEN instead"
)


def keep_token(host: str, token: str) -> None:
    """Keep an instance's access token in the keyring (the account is the instance's host)."""
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        keyring.set_password(TOKEN_SERVICE, host, token)
    except NoKeyringError as exc:
        raise StoreError(NO_TOKEN_KEYRING) from exc
    except KeyringError as exc:
        raise StoreError(f"the OS keyring refused to keep the token: {exc}") from exc


def token_for(host: str) -> str | None:
    """The access token kept for an instance, or None (also when there is no keyring)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        token: str | None = keyring.get_password(TOKEN_SERVICE, host)
    except KeyringError:
        return None
    return token
