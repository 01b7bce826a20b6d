"""TLS certificate checks cannot be turned off silently: a server whose certificate no trusted
authority signed is refused, however the environment is set; a council's own authority is
given as a CA bundle; turning checks off is refused for another machine and warned about,
every time, for this one; the command line offers no way to turn them off."""

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from main import build
from sync.errors import InsecureConnection, NetworkError
from sync.http import CouchClient
from tests.support.hostile_server import HostileServer, Reply, self_signed

SESSION_OK = Reply(200, {"ok": True}, headers={"Set-Cookie": "AuthSession=abc; Path=/"})


@pytest.fixture
def secure(tmp_path: Path) -> Iterator[tuple[HostileServer, str]]:
    """An HTTPS server on 127.0.0.1 with a self-signed certificate, and that certificate."""
    tls, certificate = self_signed(tmp_path)
    with HostileServer(tls=tls) as server:
        server.on("/_session", SESSION_OK)
        server.on("/db", Reply(200, {"db_name": "db", "doc_count": 0, "doc_del_count": 0}))
        yield server, certificate


def test_a_certificate_no_trusted_authority_signed_is_refused_before_the_password_goes(
    secure: tuple[HostileServer, str],
) -> None:
    server, _certificate = secure
    client = CouchClient(server.url + "/db", "ann", "secret")
    with pytest.raises(NetworkError):
        client.get()
    assert server.requests == []  # the handshake failed: nothing was sent


@pytest.mark.parametrize(
    "variable", ["CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "PYTHONHTTPSVERIFY", "SSL_CERT_FILE"]
)
def test_an_empty_or_zero_environment_variable_does_not_turn_checks_off(
    secure: tuple[HostileServer, str], monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    server, _certificate = secure
    monkeypatch.setenv(variable, "0" if variable == "PYTHONHTTPSVERIFY" else "")
    with pytest.raises(NetworkError):
        CouchClient(server.url + "/db", "ann", "secret").get()
    assert server.requests == []


def test_the_councils_own_authority_is_given_as_a_ca_bundle(
    secure: tuple[HostileServer, str],
) -> None:
    server, certificate = secure
    client = CouchClient(server.url + "/db", "ann", "secret", verify=certificate)
    assert client.get()["db_name"] == "db"


def test_a_ca_bundle_that_is_not_there_is_refused_not_ignored(tmp_path: Path) -> None:
    with pytest.raises(InsecureConnection, match="no CA bundle file at"):
        CouchClient("https://couch.council.example/db", verify=str(tmp_path / "missing.pem"))
    with pytest.raises(InsecureConnection, match="no CA bundle file at"):
        CouchClient("https://couch.council.example/db", verify="")


def test_checks_cannot_be_turned_off_for_another_machine() -> None:
    with pytest.raises(InsecureConnection, match="give the council's authority as a CA bundle"):
        CouchClient("https://couch.council.example/db", "ann", "secret", verify=False)


@pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")
def test_turning_checks_off_for_this_machine_is_warned_about_every_time(
    secure: tuple[HostileServer, str], capsys: pytest.CaptureFixture[str]
) -> None:
    server, _certificate = secure
    first = CouchClient(server.url + "/db", "ann", "secret", verify=False)
    first.fork()
    warnings = capsys.readouterr().err.splitlines()
    said = f"TLS certificates are not checked for {server.url} (this computer)"
    assert warnings == [f"caseworker: WARNING: {said}"] * 2
    assert first.get()["db_name"] == "db"


def _options(argv: list[str]) -> set[str]:
    parser = build().parser()
    namespace, _rest = parser.parse_known_args([*argv, "--server", "https://c.example/db"])
    return set(vars(namespace))


def test_the_command_line_offers_a_ca_bundle_and_no_way_to_turn_checks_off() -> None:
    sync_options = _options(["sync", "--user", "ann"])
    assert "ca_bundle" in sync_options
    assert not {o for o in sync_options if "verify" in o or "insecure" in o}
    # The central processes use the system's authorities: no option they would ignore.
    serve = build().parser()
    with pytest.raises(SystemExit):
        serve.parse_args(
            [
                "central",
                "serve",
                "--server",
                "https://c.example/db",
                "--user",
                "a",
                "--ca-bundle",
                "x",
            ]
        )


def test_sync_uses_the_ca_bundle_it_is_given(
    secure: tuple[HostileServer, str], tmp_path: Path
) -> None:
    from sync.cli import _client

    server, certificate = secure
    args = argparse.Namespace(
        server=server.url + "/db",
        user="ann",
        password_stdin=False,
        remember=False,
        allow_http=False,
        ca_bundle=certificate,
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sync.cli._password", lambda _args: "secret")
        client = _client(args)
    assert client.get()["db_name"] == "db"
