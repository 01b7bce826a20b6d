"""``caseworker central access-log --citizen ID``: every access to a citizen's documents, oldest
first, through the real gateway; and one plain line for each way it cannot answer.

The council (``tests.support.gateway.gateway_council``): Carys ``citizen:c1`` with
``case:w1`` and ``note:w1`` (held by ann and sam); Dafydd ``citizen:c2`` with ``case:h1``
(held by olu); Eira ``citizen:c3``, whom nobody reads here.
"""

import io
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pytest
import requests

from caseworker.documents.types import CASE
from main import run
from sync.access_log_design import DESIGN_ID, log_db_name
from tests.support.gateway import (
    USERS,
    Gateway,
    Server,
    a_case,
    a_citizen,
    central_database,
    central_server,
    gateway_council,
)

JSON = {"Accept": "application/json"}
ODD = 'citizen:ödd "quoted"/slash?&x=1 100%'


@dataclass
class Central:
    server: Server
    db_url: str
    name: str


def council() -> list[dict[str, Any]]:
    docs = gateway_council()
    docs.append(
        {
            "_id": "directory:c1",
            "type": "directory",
            "schema": 1,
            "citizen_id": "citizen:c1",
            "given_name": "Carys",
            "family_name": "Onewater",
            "phones": [],
            "emails": [],
            "postcodes": [],
        }
    )
    # an id the laptop's own checks would refuse, yet a server may hold (another tool wrote it)
    docs.append({**a_citizen("citizen:placeholder", "Ffion", "Oddity"), "_id": ODD})
    odd_case = a_case(f"{CASE.id_prefix}:odd", citizen_id=ODD, queue_id="queue:elsewhere")
    docs.append(odd_case)
    return docs


def as_user(
    gateway: Gateway, name: str, device: str, method: str, path: str, body: Any = None
) -> int:
    answer = requests.request(
        method, gateway.db_url + path, json=body, auth=USERS[name],
        headers={**JSON, "X-Caseworker-Device": device}, timeout=30,
    )  # fmt: skip
    return answer.status_code


@pytest.fixture(scope="module")
def central(request: pytest.FixtureRequest) -> Iterator[Central]:
    """A council read through the gateway by ann, sam, olu and ada; the gateway then stopped
    (which writes what its log still held)."""
    server = central_server(request)
    name = f"gw-{uuid.uuid4().hex[:12]}"
    db_url = server.create_db(name)
    try:
        with central_database(server, db_url, council()):
            with Gateway(server, db_url) as gateway:
                steps = [
                    ("sam", "laptop-17", "GET", "/citizen:c1", None),
                    ("ann", "laptop-2", "POST", "/_bulk_get",
                     {"docs": [{"id": "case:w1"}, {"id": "note:w1"}, {"id": "case:h1"}]}),
                    ("olu", "tablet-5", "GET", "/case:h1", None),
                    ("ann", "laptop-2", "GET", "/directory:c1", None),
                    ("ada", "desk-1", "GET", "/" + quote(ODD, safe=""), None),
                    ("ada", "desk-1", "POST", "/_all_docs?include_docs=true",
                     {"keys": ["case:odd", "citizen:c2"]}),
                ]  # fmt: skip
                for name_, device, method, path, body in steps:
                    assert as_user(gateway, name_, device, method, path, body) == 200, path
            yield Central(server, db_url, name)
    finally:
        for db in (name, log_db_name(name)):
            server.delete_db(db)


def access_log(
    central: Central,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *extra: str,
    user: str | None = None,
    password: str | None = None,
) -> tuple[int, str, str]:
    admin, admin_password = central.server.admin_auth
    monkeypatch.setattr("sys.stdin", io.StringIO((password or admin_password) + "\n"))
    code = run(["central", "access-log", "--server", central.db_url, "--user", user or admin,
                "--password-stdin", *extra])  # fmt: skip
    out, err = capsys.readouterr()
    return code, out, err


def test_each_access_to_a_citizen_and_their_cases_is_listed_oldest_first(
    central: Central, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = access_log(central, monkeypatch, capsys, "--citizen", "citizen:c1", "--json")
    assert code == 0 and err == ""
    listed = json.loads(out)
    assert [(e["user"], e["device"], e["how"], e["doc_ids"]) for e in listed] == [
        ("sam", "laptop-17", "get", ["citizen:c1"]),
        ("ann", "laptop-2", "bulk_get", ["case:w1", "note:w1"]),  # not case:h1: not hers
        ("ann", "laptop-2", "get", ["directory:c1"]),
    ]
    times = [e["at"] for e in listed]
    assert times == sorted(times) and all(t.endswith("+00:00") for t in times)

    code, out, _ = access_log(central, monkeypatch, capsys, "--citizen", "c1")  # the key alone
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2 + 3
    assert lines[0] == "access to citizen:c1 and 1 case of theirs, oldest first (times in UTC):"
    assert lines[1].split() == ["when", "who", "device", "how", "documents"]
    assert "sam" in lines[2] and "laptop-17" in lines[2] and lines[2].endswith("citizen:c1")
    assert lines[3].endswith("case:w1, note:w1") and "bulk_get" in lines[3]
    assert "Dafydd" not in out and "case:h1" not in out and "tablet-5" not in out


def test_since_leaves_out_what_came_before(
    central: Central, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    later = ("--citizen", "citizen:c1", "--since", "2999-01-01")
    code, out, _ = access_log(central, monkeypatch, capsys, *later)
    assert code == 0 and out.startswith("no access to citizen:c1 or its cases is recorded since")
    code, out, _ = access_log(central, monkeypatch, capsys, *later, "--json")
    assert code == 0 and json.loads(out) == []
    code, out, _ = access_log(central, monkeypatch, capsys, "--citizen", "c1", "--since",
                              "2000-01-01T00:00+01:00", "--json")  # fmt: skip
    assert code == 0 and len(json.loads(out)) == 3


def test_a_citizen_with_odd_characters_in_their_id_is_listed(
    central: Central, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = access_log(central, monkeypatch, capsys, "--citizen", ODD, "--json")
    assert code == 0, err
    assert [(e["user"], e["how"], e["doc_ids"]) for e in json.loads(out)] == [
        ("ada", "get", [ODD]),
        ("ada", "all_docs", ["case:odd"]),
    ]


def test_a_citizen_nobody_was_served_and_one_that_does_not_exist(
    central: Central, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = access_log(central, monkeypatch, capsys, "--citizen", "citizen:c3")
    assert (code, out, err) == (0, "no access to citizen:c3 or its cases is recorded\n", "")
    code, out, err = access_log(central, monkeypatch, capsys, "--citizen", "citizen:nobody")
    assert code == 1 and out == ""
    assert err == (
        f"caseworker: no citizen citizen:nobody in {central.name}, and no access to that id "
        "is recorded\n"
    )
    for wrong in ("case:w1", "citizen:", ""):
        with pytest.raises(SystemExit) as usage:  # argparse's own exit
            access_log(central, monkeypatch, capsys, "--citizen", wrong)
        assert usage.value.code == 2
        assert "not a citizen's id" in capsys.readouterr().err


def test_what_clients_sent_cannot_forge_a_line_of_the_listing(
    central: Central, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    planted = {
        "_id": f"2001-01-01T00:00:00.000+00:00-{uuid.uuid4().hex[:12]}",
        "at": "2001-01-01T00:00:00.000+00:00",
        "user": "eve\n2026-01-01 00:00:00.000  ada  desk-1  get  citizen:c1",
        "device": "\u202elaptop\x1b[2J",
        "how": "open",
        "reason": "asked\r\nby nobody",
        "doc_ids": ["citizen:c1"],
        "roots": ["citizen:c1"],
    }
    log_url = f"{central.server.url}/{log_db_name(central.name)}"
    made = requests.post(log_url, json=planted, auth=central.server.admin_auth, timeout=30)
    assert made.status_code in (201, 202), made.text
    code, out, _ = access_log(central, monkeypatch, capsys, "--citizen", "citizen:c1")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2 + 4
    assert "eve\\n2026" in lines[2] and "\\u202elaptop\\x1b[2J" in lines[2]
    assert "(reason: asked\\r\\nby nobody)" in lines[2]
    assert "\x1b" not in out and "\u202e" not in out


@pytest.mark.parametrize("name", ["ann", "ada"])
def test_the_log_is_for_server_admins_only(
    central: Central, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    name: str,
) -> None:  # fmt: skip
    password = USERS[name][1]
    code, out, err = access_log(central, monkeypatch, capsys, "--citizen", "c1", user=name,
                                password=password)  # fmt: skip
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith(f"caseworker: {name} may not read the access log (the server said 40")
    assert err.rstrip().endswith("it is for server admins only")


def test_a_wrong_password_is_one_line(
    central: Central, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # kim: the user only ever signed in wrongly (a lock-out on CouchDB harms no other test)
    code, out, err = access_log(central, monkeypatch, capsys, "--citizen", "c1", user="kim",
                                password="not-her-password")  # fmt: skip
    assert (code, out) == (1, "")
    assert err == "caseworker: the central service refused the name or password of kim\n"


def test_no_log_yet_and_a_log_without_its_views_are_one_line(
    central: Central, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    server = central.server
    name = f"gw-{uuid.uuid4().hex[:12]}"
    db_url = server.create_db(name)
    try:
        with central_database(server, db_url, gateway_council()):
            fresh = Central(server, db_url, name)
            code, out, err = access_log(fresh, monkeypatch, capsys, "--citizen", "c1")
            assert (code, out) == (1, "")
            assert err == (
                f"caseworker: there is no access log for {name} yet (the database "
                f"{name}-access-log): caseworker central serve makes it when it starts\n"
            )
            # a log made by the first gateway: append-only, but no views to list it by
            log_url = f"{server.url}/{log_db_name(name)}"
            admin = server.admin_auth
            assert requests.put(log_url, auth=admin, timeout=30).status_code == 201
            old = {"_id": DESIGN_ID, "validate_doc_update": "function (n, o) {}"}
            requests.put(f"{log_url}/{DESIGN_ID}", json=old, auth=admin, timeout=30)
            code, out, err = access_log(fresh, monkeypatch, capsys, "--citizen", "c1")
            assert (code, out) == (1, "") and err.count("\n") == 1
            assert "start caseworker central serve of this version once" in err
    finally:
        for db in (name, log_db_name(name)):
            server.delete_db(db)
