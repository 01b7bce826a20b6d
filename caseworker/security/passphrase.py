"""A store's key from a passphrase, for a machine with no OS keyring to keep a random key.

The passphrase itself is given to SQLCipher as the key (``PRAGMA key = 'passphrase'``):
SQLCipher derives the encryption key from it with its own KDF (PBKDF2-HMAC-SHA512, 256,000
iterations in SQLCipher 4, and a random salt kept in the file's first 16 bytes), so nothing
derived from it is written anywhere by Caseworker. It is asked for each time the store opens:
in the window in a dialog, on the command line with ``--passphrase-stdin``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from caseworker.errors import StoreError

if TYPE_CHECKING:  # imported by the keyring modules at start-up: nothing heavy here
    from caseworker.store.engine import KeyProvider

MIN_PASSPHRASE = 12  # characters, for a new store: a laptop thief can guess offline
INSTALL_KEYRING = (
    "install a Secret Service provider and sign in to the desktop again "
    "(Debian and Ubuntu: sudo apt install gnome-keyring, or keepassxc with its Secret "
    "Service integration turned on)"
)


def passphrase_keys(passphrase: str) -> KeyProvider:
    """A key provider that gives ``passphrase`` as the key of the store it opens; a new store
    needs one of at least ``MIN_PASSPHRASE`` characters."""

    def key_for(path: Path) -> str:
        if not passphrase:
            raise StoreError("the passphrase is empty")
        if not path.exists() and len(passphrase) < MIN_PASSPHRASE:
            raise StoreError(
                f"a new store's passphrase needs at least {MIN_PASSPHRASE} characters "
                f"(this one has {len(passphrase)})"
            )
        return passphrase

    return key_for
