"""Central set-up: the database, its members, the validation rules the server really enforces."""

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from caseworker.documents.codec import new_document
from caseworker.documents.types import AUDIT_EVENT, CASE, NOTE
from main import run
from sync import central
from tests.support.couch_server import CouchServer
from tests.sync.helpers import AGENT, OFFICER, SUPERVISOR, client, make_store, sync

JSON = {"Accept": "application/json"}


@pytest.fixture
def central_db(couch_server: CouchServer, couch_db: str) -> Iterator[str]:
    admin = client(couch_db, couch_server.admin_auth)
    central.init(admin)
    central.add_user(admin, "ann", "ann-pw", "agent", AGENT.staff_id)
    central.add_user(admin, "olu", "olu-pw", "field_officer", OFFICER.staff_id)
    central.add_user(admin, "sam", "sam-pw", "supervisor", SUPERVISOR.staff_id)
    admin.close()
    yield couch_db


def put(db: str, auth: tuple[str, str] | None, doc: dict[str, Any]) -> requests.Response:
    return requests.put(f"{db}/{doc['_id']}", json=doc, auth=auth, headers=JSON, timeout=10)


def a_case(**fields: Any) -> dict[str, Any]:
    now = "2025-03-01T09:00:00Z"
    base = {
        "reference": "2EVQ-W146-S0DJ",
        "service_code": "missed-bin",
        "summary": "Bin missed",
        "status": "new",
        "priority": "normal",
        "channel": "phone",
        "queue_id": "queue:waste",
        "opened_at": now,
        "due_at": now,
        "updated_at": now,
    }
    return new_document(CASE, "case:1", {**base, **fields})


ANN, OLU, SAM = ("ann", "ann-pw"), ("olu", "olu-pw"), ("sam", "sam-pw")


def test_only_members_get_in(couch_server: CouchServer, central_db: str) -> None:
    assert requests.get(central_db, headers=JSON, timeout=10).status_code == 401
    assert requests.get(central_db, auth=ANN, headers=JSON, timeout=10).status_code == 200
    security = requests.get(
        f"{central_db}/_security", auth=couch_server.admin_auth, headers=JSON, timeout=10
    ).json()
    assert set(security["members"]["roles"]) == {"agent", "field_officer", "supervisor", "admin"}
    user = requests.get(
        f"{couch_server.url}/_users/org.couchdb.user:ann",
        auth=couch_server.admin_auth,
        headers=JSON,
        timeout=10,
    ).json()
    assert user["roles"] == ["agent", "staff:" + AGENT.staff_id]
    # Running init again changes nothing and says so.
    admin = client(central_db, couch_server.admin_auth)
    assert "the validation rules are up to date" in central.init(admin)


def test_every_document_needs_a_type_and_an_integer_schema(central_db: str) -> None:
    assert put(central_db, ANN, {"_id": "x:1", "schema": 1}).status_code == 403
    assert put(central_db, ANN, {"_id": "x:2", "type": "spaceship", "schema": 1}).status_code == 403
    bad_schema = {**a_case(), "_id": "case:2", "schema": "1"}
    refused = put(central_db, ANN, bad_schema)
    assert refused.status_code == 403
    assert refused.json()["reason"] == "every document needs an integer schema version"
    assert put(central_db, ANN, {**a_case(), "_id": "case:3", "schema": 1.5}).status_code == 403
    assert put(central_db, ANN, a_case()).status_code == 201


def test_append_only_records_cannot_be_changed_or_deleted(central_db: str) -> None:
    audit = new_document(
        AUDIT_EVENT,
        "audit:1",
        {"at": "2025-03-01T09:00:00Z", "by": AGENT.staff_id, "action": "x", "subject_id": "c"},
    )
    note = new_document(
        NOTE, "note:1", {"text": "Called back", "at": "2025-03-01T09:00:00Z", "by": "staff:agent"}
    )
    for doc in (audit, note):
        created = put(central_db, ANN, doc)
        assert created.status_code == 201
        rev = created.json()["rev"]
        changed = put(central_db, SAM, {**doc, "_rev": rev, "detail": "rewritten"})
        assert changed.status_code == 403
        assert "append-only" in changed.json()["reason"]
        gone = requests.delete(
            f"{central_db}/{doc['_id']}", params={"rev": rev}, auth=SAM, headers=JSON, timeout=10
        )
        assert gone.status_code == 403


def test_only_supervisors_move_queues_or_assign_others(central_db: str) -> None:
    created = put(central_db, ANN, a_case())
    assert created.status_code == 201
    rev = created.json()["rev"]
    moved = put(central_db, ANN, {**a_case(queue_id="queue:highways"), "_rev": rev})
    assert moved.status_code == 403
    assert moved.json()["reason"] == "only a supervisor can move a case to another queue"
    others = put(central_db, ANN, {**a_case(assignee_id=OFFICER.staff_id), "_rev": rev})
    assert others.status_code == 403
    assert others.json()["reason"] == "only a supervisor can assign a case to someone else"
    mine = put(central_db, ANN, {**a_case(assignee_id=AGENT.staff_id), "_rev": rev})
    assert mine.status_code == 201  # taking a case yourself is fine
    rev = mine.json()["rev"]
    taken = put(central_db, OLU, {**a_case(assignee_id=None), "_rev": rev})
    assert taken.status_code == 403
    supervisor = put(
        central_db, SAM, {**a_case(assignee_id=OFFICER.staff_id, queue_id="queue:highways"),
                          "_rev": rev},
    )  # fmt: skip
    assert supervisor.status_code == 201
    # The server admin is not checked (set-up and repair).
    assert put(central_db, None, {"_id": "x:3"}).status_code == 401


def test_replicated_edits_pass_the_rules(
    couch_server: CouchServer, central_db: str, tmp_path: Path
) -> None:
    """A second revision of an existing document reaches a database with validation rules."""
    store = make_store(tmp_path, "a", council=True)
    assert sync(store, central_db, couch_server.admin_auth).up_to_date
    from caseworker.services import cases
    from caseworker.services.cases import NewCase

    with store.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin", "phone"))
    assert sync(store, central_db, ANN).up_to_date
    with store.write() as s:
        cases.set_priority(s, AGENT, case_id, "high")
    result = sync(store, central_db, ANN)
    assert result.up_to_date and not result.refused
    doc = requests.get(f"{central_db}/{case_id}", auth=ANN, headers=JSON, timeout=10).json()
    assert doc["priority"] == "high" and doc["_rev"].startswith("2-")


def test_the_cli_sets_up_the_central_service_and_syncs(
    couch_server: CouchServer, couch_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    admin_user, admin_password = couch_server.admin_auth
    monkeypatch.setattr("sys.stdin", io.StringIO(admin_password + "\n"))
    assert run(["central", "init", "--server", couch_db, "--user", admin_user,
                "--password-stdin"]) == 0  # fmt: skip
    assert "installed the validation rules" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{admin_password}\nolu-pw\n"))
    assert run(["central", "add-user", "--server", couch_db, "--user", admin_user,
                "--password-stdin", "olu-cli", "--role", "field_officer", "--staff-id",
                OFFICER.staff_id, "--new-password-stdin"]) == 0  # fmt: skip
    assert "user olu-cli (field_officer" in capsys.readouterr().out

    data = tmp_path / "laptop"
    make_store(tmp_path, "laptop", council=True).close()
    args = ["--data-dir", str(data), "sync", "--server", couch_db, "--user", "olu-cli",
            "--password-stdin", "--once"]  # fmt: skip
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

    make_store(tmp_path, "laptop", council=True).close()
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

    store = make_store(tmp_path, "laptop", council=True)
    with store.write() as session:  # an agent's laptop holding 12 cases assigned to a colleague
        for n in range(12):
            case = a_case(assignee_id=OFFICER.staff_id, reference=f"2EVQ-W146-S{n:03d}")
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
