"""``caseworker central mentions connect``: the OAuth app registration with an out-of-band
code, the token kept in the keyring (never printed), and the collector finding it there."""

import io
from collections.abc import Iterator

import pytest

import main
from sync.http import CouchClient
from sync.keychain import TOKEN_SERVICE
from sync.mentions.command import TOKEN_VARIABLE
from tests.support.couch_server import CouchServer
from tests.support.mastodon import HOST, TOKEN, FakeMastodon, status
from tests.support.memory_keyring import MemoryKeyring, installed


@pytest.fixture
def fake() -> Iterator[FakeMastodon]:
    with FakeMastodon() as instance:
        yield instance


def test_connect_registers_the_app_and_keeps_the_token_in_the_keyring(
    fake: FakeMastodon,
    couch_server: CouchServer,
    couch_db: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv(TOKEN_VARIABLE, raising=False)
    with installed(MemoryKeyring()) as ring:
        monkeypatch.setattr("sys.stdin", io.StringIO("right-code\n"))
        assert main.run(["central", "mentions", "connect", "--instance", fake.base]) == 0
        out = capsys.readouterr().out
        assert "/oauth/authorize?client_id=cid" in out
        assert "scope=read%3Anotifications+write%3Astatuses" in out
        assert "redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob" in out
        assert TOKEN not in out
        assert ring.passwords[(TOKEN_SERVICE, HOST)] == TOKEN

        fake.mention("1", status("5001", "<p>@council the bins</p>"))
        user, password = couch_server.admin_auth
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        collect = ["central", "mentions", "collect", "--server", couch_db, "--user", user]
        collect += ["--password-stdin", "--instance", fake.base, "--once"]
        assert main.run(collect) == 0
    client = CouchClient(couch_db, user, password)
    try:
        assert client.get_or_none(f"/mention:mastodon-{HOST}-5001") is not None
    finally:
        client.close()


def test_a_wrong_code_keeps_nothing(
    fake: FakeMastodon, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with installed(MemoryKeyring()) as ring:
        monkeypatch.setattr("sys.stdin", io.StringIO("guessed\n"))
        assert main.run(["central", "mentions", "connect", "--instance", fake.base]) != 0
        assert ring.passwords == {}
    assert "caseworker:" in capsys.readouterr().err


def test_collect_without_a_token_says_how_to_get_one(
    fake: FakeMastodon,
    couch_db: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv(TOKEN_VARIABLE, raising=False)
    with installed(MemoryKeyring()):
        monkeypatch.setattr("sys.stdin", io.StringIO("pw\n"))
        argv = ["central", "mentions", "collect", "--server", couch_db, "--user", "admin"]
        assert main.run([*argv, "--password-stdin", "--instance", fake.base, "--once"]) != 0
    err = capsys.readouterr().err
    assert "mentions connect" in err and TOKEN_VARIABLE in err
