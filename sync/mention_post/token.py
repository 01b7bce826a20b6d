"""The council's Mastodon access token, for the central side only: from the environment
(``CASEWORKER_MASTODON_TOKEN``, for servers and tests) or else from the OS keyring (service
``caseworker-mastodon``, the instance's address as the account). Never from or into the
database, never printed.

The mentions collector reads the same token; the lead unifies the two readers at merge (this
one is deliberately tiny).
"""

import os

from caseworker.errors import CaseworkerError

TOKEN_VARIABLE = "CASEWORKER_MASTODON_TOKEN"
KEYRING_SERVICE = "caseworker-mastodon"


def mastodon_token(instance: str) -> str:
    token = os.environ.get(TOKEN_VARIABLE, "").strip()
    if token:
        return token
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            found = keyring.get_password(KEYRING_SERVICE, instance.rstrip("/"))
        except KeyringError:
            found = None
    except ImportError:  # pragma: no cover - keyring is a dependency; a broken install
        found = None
    if not found:
        raise CaseworkerError(
            f"no Mastodon token for {instance}: run 'caseworker central mentions connect' "
            f"or set {TOKEN_VARIABLE}"
        )
    return str(found).strip()
