"""Central set-up: the database reached through the gateway alone, its staff users, and a
laptop syncing through ``caseworker central serve`` from the command line.

The rules the gateway applies are specified in tests/unit/test_access_*.py and, through the
real gateway, tests/sync/test_gateway_*.py."""

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from main import run
from sync import central
from tests.support.couch_server import CouchServer
from tests.support.gateway import Gateway, a_case, running_gateway
from tests.sync.helpers import AGENT, OFFICER, client, make_store

JSON = {"Accept": "application/json"}


@pytest.fixture
def central_db(couch_server: CouchServer) -> Iterator[str]:
    """A central database set up by ``central init``, with staff users (ann an agent, olu a
    field officer, sam a supervisor), as laptops see it: the gateway's URL."""
    with running_gateway(couch_server) as gateway:
        yield gateway.db_url


def test_only_server_admins_reach_the_database_itself(
    couch_server: CouchServer, couch_db: str
) -> None:
    admin = client(couch_db, couch_server.admin_auth)
    try:
        central.init(admin)
        central.add_user(admin, "ann-direct", "ann-pw", "agent", AGENT.staff_id)
        again = central.init(admin)  # running init again changes nothing and says so
    finally:
        admin.close()
    assert any("access views are up to date" in line for line in again)
    assert requests.get(couch_db, headers=JSON, timeout=10).status_code == 401
    ann = ("ann-direct", "ann-pw")
    assert requests.get(couch_db, auth=ann, headers=JSON, timeout=10).status_code in (401, 403)
    security = requests.get(
        f"{couch_db}/_security", auth=couch_server.admin_auth, headers=JSON, timeout=10
    ).json()
    assert security["members"] == {"names": [], "roles": ["_admin"]}
    user = requests.get(
        f"{couch_server.url}/_users/org.couchdb.user:ann-direct",
        auth=couch_server.admin_auth,
        headers=JSON,
        timeout=10,
    ).json()
    assert user["roles"] == ["agent", "staff:" + AGENT.staff_id]


def test_the_cli_sets_up_the_central_service_and_syncs(
    couch_server: CouchServer, couch_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    admin_user, admin_password = couch_server.admin_auth
    monkeypatch.setattr("sys.stdin", io.StringIO(admin_password + "\n"))
    assert run(["central", "init", "--server", couch_db, "--user", admin_user,
                "--password-stdin"]) == 0  # fmt: skip
    assert "installed the access views" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{admin_password}\nolu-pw\n"))
    assert run(["central", "add-user", "--server", couch_db, "--user", admin_user,
                "--password-stdin", "olu-cli", "--role", "field_officer", "--staff-id",
                OFFICER.staff_id, "--new-password-stdin"]) == 0  # fmt: skip
    assert "user olu-cli (field_officer" in capsys.readouterr().out

    data = tmp_path / "laptop"
    make_store(tmp_path, "laptop").close()
    with Gateway(couch_server, couch_db) as gateway:
        args = ["--data-dir", str(data), "sync", "--server", gateway.db_url, "--user",
                "olu-cli", "--password-stdin", "--once"]  # fmt: skip
        monkeypatch.setattr("sys.stdin", io.StringIO("olu-pw\n"))
        assert run(args) == 0
        assert "up to date" in capsys.readouterr().out
        assert (data / "central.json").read_text().count("olu-pw") == 0

        monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
        assert run(args) == 1
    err = capsys.readouterr().err.strip()
    assert err == "caseworker: the central service refused the name or password of olu-cli"


def test_remember_without_an_os_keyring_warns_and_still_syncs(
    central_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from keyring.backends.fail import Keyring as NoKeyringBackend

    from tests.support.memory_keyring import installed

    make_store(tmp_path, "laptop").close()
    monkeypatch.setattr("sys.stdin", io.StringIO("olu-pw\n"))
    with installed(NoKeyringBackend()):
        code = run(["--data-dir", str(tmp_path / "laptop"), "sync", "--server", central_db,
                    "--user", "olu", "--password-stdin", "--remember", "--once"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0
    assert "up to date" in out
    assert "cannot be remembered on this machine" in err


def test_many_refusals_are_summed_up_not_printed_one_by_one(
    central_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from caseworker.store import docstore

    store = make_store(tmp_path, "laptop")
    with store.write() as session:  # an agent's laptop holding 12 cases assigned to a colleague
        for n in range(12):
            case = a_case("case:1", assignee_id=OFFICER.staff_id, reference=f"2EVQ-W146-S{n:03d}")
            docstore.put(session, {**case, "_id": f"case:{n}"})
    store.close()
    monkeypatch.setattr("sys.stdin", io.StringIO("ann-pw\n"))
    code = run(["--data-dir", str(tmp_path / "laptop"), "sync", "--server", central_db,
                "--user", "ann", "--password-stdin", "--once"])  # fmt: skip
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 11  # ten refusals named, then one line that sums up
    assert err[-1] == (
        "caseworker: 12 documents were refused by the central service (2 more not shown here); "
        "caseworker problems lists them all"
    )
