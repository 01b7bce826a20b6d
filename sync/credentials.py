"""Passwords for the central service, in the OS keyring through ``keyring``.

Never in a file, a log or a setting. A machine without a keyring (``NoKeyringError``) cannot
remember a password: that is said plainly and the password is asked for each time.
``CentralAccount`` is what the sign-in dialog uses (``ui.signin.CentralSignIn``).
"""

import contextlib
from typing import TYPE_CHECKING

from caseworker.security.passphrase import INSTALL_KEYRING
from sync.errors import AuthError, NetworkError, NoKeyring, SyncError
from sync.urls import split_db_url

if TYPE_CHECKING:
    from sync.http import CouchClient

SERVICE = "caseworker-central"
NO_KEYRING = (
    "credentials cannot be remembered on this machine (it has no OS keyring), so the "
    "password will be asked for each time; to remember it, " + INSTALL_KEYRING
)


def keyring_available() -> bool:
    """Whether this machine has an OS keyring that can keep a password. Resolving the
    keyring takes a while (half a second): ask off the GUI thread."""
    import keyring
    from keyring.backends import fail, null

    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration keeps nothing either
        return False
    # keyring falls back to its fail backend when it finds none; a person may choose null.
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    chained = getattr(backend, "backends", None)  # a chainer with nothing behind it
    return not (isinstance(chained, list) and not chained)


def _account(server: str, user: str) -> str:
    return f"{user}@{split_db_url(server)[0]}"


def remembered_password(server: str, user: str) -> str | None:
    """The password kept for this user of this central database, or None (also when this
    machine has no keyring)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        password: str | None = keyring.get_password(SERVICE, _account(server, user))
    except KeyringError:
        return None
    return password


def remember_password(server: str, user: str, password: str) -> None:
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        keyring.set_password(SERVICE, _account(server, user), password)
    except NoKeyringError as exc:
        raise NoKeyring(NO_KEYRING) from exc
    except KeyringError as exc:
        raise SyncError(f"the OS keyring refused to keep the password: {exc}") from exc


def forget(server: str, user: str) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError, KeyringError):
        keyring.delete_password(SERVICE, _account(server, user))


def end_session(account: "CentralAccount | None", *, forget_computer: bool = False) -> None:
    """Signing out: the password leaves the account's memory and, with ``forget_computer``
    ("Sign out and forget this computer"), the OS keyring too. The store's own key stays in
    the keyring: it belongs to the store (and its unsent changes), not to the person."""
    if account is None:
        return
    if forget_computer and account.user is not None:
        forget(account.server, account.user)
    account.sign_out()


class CentralAccount:
    """Signing in to one central database; after ``sign_in``, ``client()`` replicates as that
    user (the password stays in this object's memory and the keyring only)."""

    def __init__(self, server: str, *, allow_http: bool = False) -> None:
        self.server = split_db_url(server)[0]
        self.allow_http = allow_http  # plain http:// to another machine was asked for
        self.user: str | None = None
        self._password: str | None = None

    def remembered(self, username: str) -> bool:
        return remembered_password(self.server, username) is not None

    def sign_in(self, username: str, password: str | None, remember: bool = True) -> bool:
        """Check the password with the server (or the remembered one when None); raise an
        error with a plain message when the server refuses it. True when the server checked
        it; False when the server could not be reached: offline first, the person works on and
        live sync signs in when the service answers (asking again if it then refuses)."""
        if password is None:
            password = remembered_password(self.server, username)
            if password is None:
                raise AuthError(f"no password is remembered for {username}: type it")
        from sync.http import CouchClient  # imported when needed: start-up stays quick

        client = CouchClient(self.server, username, password, allow_http=self.allow_http)
        try:
            client.sign_in()
        except NetworkError:
            self.user, self._password = username, password
            return False
        finally:
            client.close()
        self.user, self._password = username, password
        if remember:
            remember_password(self.server, username, password)
        return True

    def credentials(self) -> tuple[str, str]:
        """The user and password signed in with (for the live-sync process, over its pipe)."""
        if self.user is None or self._password is None:
            raise AuthError("sign in to the central service first")
        return self.user, self._password

    def check_password(self, typed: str) -> bool:
        """Whether ``typed`` is the password this account signed in with (unlocking the
        window): checked here, so it works offline, in constant time."""
        from caseworker.security.lock import same_secret

        return self._password is not None and same_secret(typed, self._password)

    def sign_out(self) -> None:
        """Drop the password from this object (the keyring keeps it only if remembered).
        Python cannot wipe a string's memory; this drops the last reference to it."""
        self._password = None
        self.user = None

    def client(self) -> "CouchClient":
        from sync.http import CouchClient

        return CouchClient(self.server, *self.credentials(), allow_http=self.allow_http)
