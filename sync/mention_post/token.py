"""The council's Mastodon access token, for the central side only: from the environment
(``CASEWORKER_MASTODON_TOKEN``, for servers and tests) or else from the OS keyring, where
``central mentions connect`` keeps it (``sync.keychain``, the instance's host as the account).
Never from or into the database, never printed. The collector and the poster both read it here.
"""

import os
from urllib.parse import urlsplit

from caseworker.errors import CaseworkerError
from sync.keychain import TOKEN_SERVICE, token_for

TOKEN_VARIABLE = "CASEWORKER_MASTODON_TOKEN"
KEYRING_SERVICE = TOKEN_SERVICE


def instance_host(instance: str) -> str:
    """``council.social`` for ``https://council.social/`` (a bare host stays as it is)."""
    return urlsplit(instance).netloc or instance.strip().rstrip("/")


def mastodon_token(instance: str) -> str:
    token = os.environ.get(TOKEN_VARIABLE, "").strip()
    if token:
        return token
    host = instance_host(instance)
    found = (token_for(host) or "").strip()
    if not found:
        raise CaseworkerError(
            f"no Mastodon token for {host}: run 'caseworker central mentions connect' "
            f"or set {TOKEN_VARIABLE}"
        )
    return found
