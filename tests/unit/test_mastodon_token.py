"""The council's Mastodon token on the central side: the environment first (servers, tests),
else the OS keyring under the instance's host (where connect keeps it); none is a plain
message, never a guess."""

import pytest

from caseworker.errors import CaseworkerError
from sync.mention_post.token import KEYRING_SERVICE, TOKEN_VARIABLE, mastodon_token
from tests.support.memory_keyring import MemoryKeyring, installed

INSTANCE = "https://council.social"


def test_the_environment_wins_then_the_keyring_under_the_instance(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with installed(MemoryKeyring()) as ring:
        ring.set_password(KEYRING_SERVICE, "council.social", "from-the-keyring")
        monkeypatch.setenv(TOKEN_VARIABLE, " from-the-environment \n")
        assert mastodon_token(INSTANCE + "/") == "from-the-environment"
        monkeypatch.delenv(TOKEN_VARIABLE)
        assert mastodon_token(INSTANCE + "/") == "from-the-keyring"
        with pytest.raises(CaseworkerError, match=r"no Mastodon token for other\.example"):
            mastodon_token("https://other.example")
