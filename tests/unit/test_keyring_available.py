"""Whether this machine can remember a password: not with keyring's fail backend (chosen when
there is no OS keyring) nor its null one (chosen by a person who wants none)."""

from keyring.backends import fail, null

from sync.credentials import keyring_available
from tests.support.memory_keyring import MemoryKeyring, installed


def test_a_machine_without_a_keyring_cannot_remember() -> None:
    with installed(fail.Keyring()):
        assert not keyring_available()
    with installed(null.Keyring()):
        assert not keyring_available()


def test_a_machine_with_a_keyring_can() -> None:
    with installed(MemoryKeyring()):
        assert keyring_available()
