"""``caseworker central serve``: started as an operator starts it, it says where it listens only
once it answers, refuses to start in one plain line when it cannot serve, and stops cleanly."""

import signal
import socket
import subprocess

import pytest
import requests

from sync import central
from sync.gateway.process import SCRIPT
from sync.http import CouchClient
from tests.support.couch_server import CouchServer
from tests.support.gateway import (
    USERS,
    Gateway,
    Server,
    central_database,
)

JSON = {"Accept": "application/json"}


def serve(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    """A ``central serve`` expected to exit by itself."""
    return subprocess.run(
        [str(SCRIPT), "central", "serve", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_it_says_where_it_listens_once_it_answers(gateway: Gateway) -> None:
    # Gateway.start read the first line: "listening on http://127.0.0.1:PORT", nothing else.
    assert gateway.url.startswith("http://127.0.0.1:")
    port = int(gateway.url.rsplit(":", 1)[1])
    assert 0 < port < 65536
    assert requests.get(gateway.url, headers=JSON, timeout=10).json()["couchdb"] == "Welcome"
    assert requests.get(gateway.db_url, auth=USERS["ann"], headers=JSON, timeout=10).ok
    assert "Traceback" not in gateway.stderr_text()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_it_stops_cleanly_on_a_signal(
    server: Server, gateway: Gateway, sig: signal.Signals
) -> None:
    other = Gateway(server, gateway.upstream_db_url).start()
    try:
        proc = other._proc
        assert proc is not None
        proc.send_signal(sig)
        assert proc.wait(timeout=30) == 0
        assert "Traceback" not in other.stderr_text()
    finally:
        other.close()


def test_a_wrong_admin_password_is_one_line_and_no_listening(
    server: Server, gateway: Gateway
) -> None:
    done = serve(
        "--server",
        gateway.upstream_db_url,
        "--user",
        "admin",
        "--password-stdin",
        "--port",
        "0",
        stdin="wrong\n",
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr and "wrong" not in done.stderr


def test_a_database_without_the_access_views_is_refused(server: Server) -> None:
    bare = server.create_db("bare-for-gateway")
    try:
        done = serve(
            "--server",
            bare,
            "--user",
            server.admin_auth[0],
            "--password-stdin",
            "--port",
            "0",
            stdin=server.admin_auth[1] + "\n",
        )
        assert done.returncode == 1 and done.stdout == ""
        assert "central init" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    finally:
        server.delete_db("bare-for-gateway")


def test_access_views_of_another_version_are_refused_until_init_is_run_again(
    server: Server,
) -> None:
    """An older design (a ``citizen_cases`` view, no citizen keys in ``cases``) would let an
    erased citizen's case be stored again: the gateway does not start on it."""
    from caseworker.access.views import DESIGN_ID, design_document

    url = server.create_db("older-views-for-gateway")
    admin = CouchClient(url, *server.admin_auth)
    try:
        older = design_document()
        older["views"]["cases"] = {"map": "function (doc) { emit(doc._id, null); }"}
        older["views"]["citizen_cases"] = {"map": "function (doc) { emit(doc._id, null); }"}
        admin.put("/" + DESIGN_ID, older)
        args = ["--server", url, "--user", server.admin_auth[0], "--password-stdin"]
        done = serve(*args, "--port", "0", stdin=server.admin_auth[1] + "\n")
        assert done.returncode == 1 and done.stdout == ""
        assert "another version" in done.stderr and "central init" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert any("installed the access views" in line for line in central.init(admin))
        assert admin.get("/" + DESIGN_ID)["views"] == design_document()["views"]
    finally:
        admin.close()
        server.delete_db("older-views-for-gateway")


def test_a_missing_database_is_refused(server: Server) -> None:
    done = serve(
        "--server",
        server.url + "/no-such-db",
        "--user",
        server.admin_auth[0],
        "--password-stdin",
        "--port",
        "0",
        stdin=server.admin_auth[1] + "\n",
    )
    assert done.returncode == 1 and done.stdout == ""
    assert "does not exist" in done.stderr


def test_a_port_already_taken_is_one_line(server: Server, gateway: Gateway) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = serve(
            "--server",
            gateway.upstream_db_url,
            "--user",
            server.admin_auth[0],
            "--password-stdin",
            "--port",
            str(port),
            stdin=server.admin_auth[1] + "\n",
        )
    assert done.returncode == 1 and done.stdout == ""
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        [
            "--server",
            "http://admin:pw@127.0.0.1:5984/council",
            "--user",
            "admin",
            "--password-stdin",
        ],
        [
            "--server",
            "http://couch.example.org:5984/council",
            "--user",
            "admin",
            "--password-stdin",
        ],
        [
            "--server",
            "http://127.0.0.1:5984/council",
            "--user",
            "admin",
            "--password-stdin",
            "--port",
            "70000",
        ],
    ],
)
def test_unusable_options_are_refused_before_anything_starts(args: list[str]) -> None:
    done = serve(*args, stdin="pw\n")
    assert done.returncode != 0 and done.stdout == ""
    assert "Traceback" not in done.stderr


def test_init_installs_the_access_views(couch_server: CouchServer, couch_db: str) -> None:
    from caseworker.access.views import DESIGN_ID, design_document

    with central_database(couch_server, couch_db) as admin:
        installed = admin.get("/" + DESIGN_ID)
        assert installed["views"] == design_document()["views"]
        from sync import central

        assert any("access views are up to date" in line for line in central.init(admin))


def test_a_couchdb_that_is_not_there_is_one_line() -> None:
    from sync.devserver import find_free_port

    done = serve(
        "--server",
        f"http://127.0.0.1:{find_free_port()}/council",
        "--user",
        "admin",
        "--password-stdin",
        "--port",
        "0",
        stdin="pw\n",
    )
    assert done.returncode == 1 and done.stdout == ""
    assert "cannot reach" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_init_leaves_every_member_out_and_removes_the_old_rules(
    couch_server: CouchServer, couch_db: str
) -> None:
    user, password = couch_server.admin_auth
    before = CouchClient(couch_db, user, password)
    try:  # a database set up as before the gateway: members and validate_doc_update
        central.install_baseline(before)
    finally:
        before.close()
    done = subprocess.run(
        [
            str(SCRIPT),
            "central",
            "init",
            "--server",
            couch_db,
            "--user",
            user,
            "--password-stdin",
        ],
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    security = requests.get(f"{couch_db}/_security", auth=couch_server.admin_auth, timeout=30)
    assert security.json()["members"] == {"names": [], "roles": ["_admin"]}
    assert (
        requests.get(
            f"{couch_db}/_design/caseworker", auth=couch_server.admin_auth, timeout=30
        ).status_code
        == 404
    )
    assert (
        requests.get(
            f"{couch_db}/_design/caseworker-access", auth=couch_server.admin_auth, timeout=30
        ).status_code
        == 200
    )
