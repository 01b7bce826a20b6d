"""``caseworker central sar export``: the complete export, read from the central database by a
server admin, holds the person's records (and a record merged into theirs), the access log of
who opened them, and none of the other citizens' names.

The council (``tests.support.gateway.gateway_council``): Carys ``citizen:c1`` with ``case:w1``
and ``note:w1``; Dafydd ``citizen:c2``; Eira ``citizen:c3``. Added here: a note on Carys's case
naming Dafydd, and ``citizen:c1old`` merged into Carys's record with a note of its own.
"""

import base64
import io
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from caseworker.sar.redact import REDACTED
from main import run
from sync.access_log_design import log_db_name
from tests.support.gateway import (
    USERS,
    Gateway,
    a_citizen,
    a_note,
    central_database,
    central_server,
    gateway_council,
)

JSON = {"Accept": "application/json"}
PHOTO = b"\xff\xd8\xff\xe0 the bin, photographed"
PHOTO_B64 = base64.b64encode(PHOTO).decode()


def council() -> list[dict[str, Any]]:
    docs = gateway_council()
    docs.append(a_note("note:w2", "Dafydd Twofields saw it too", "staff:agent", case_id="case:w1"))
    docs.append({**a_citizen("citizen:c1old", "Carys", "Onewater"), "merged_into": "citizen:c1"})
    docs.append(
        a_note("note:old", "Called before the merge", "staff:agent", citizen_id="citizen:c1old")
    )
    photo = a_note("note:w3", "Photo sent in", "staff:agent", case_id="case:w1")
    photo["_attachments"] = {
        "Eira Threlkeld's bin.jpg": {"content_type": "image/jpeg", "data": PHOTO_B64}
    }
    docs.append(photo)
    return docs


@pytest.fixture(scope="module")
def central(request: pytest.FixtureRequest) -> Iterator[tuple[Any, str, str]]:
    server = central_server(request)
    name = f"sar-{uuid.uuid4().hex[:12]}"
    db_url = server.create_db(name)
    try:
        with central_database(server, db_url, council()):
            with Gateway(server, db_url) as gateway:
                answer = requests.get(
                    gateway.db_url + "/citizen:c1", auth=USERS["sam"],
                    headers={**JSON, "X-Caseworker-Device": "laptop-17"}, timeout=30,
                )  # fmt: skip
                assert answer.status_code == 200
            planted = {  # an opening with a reason that names someone else
                "_id": f"2001-01-01T00:00:00.000+00:00-{uuid.uuid4().hex[:12]}",
                "at": "2001-01-01T00:00:00.000+00:00", "user": "ada", "device": "desk-1",
                "how": "open", "reason": "Dafydd Twofields asked us to check",
                "doc_ids": ["citizen:c1"], "roots": ["citizen:c1"],
            }  # fmt: skip
            log_url = f"{server.url}/{log_db_name(name)}"
            made = requests.post(log_url, json=planted, auth=server.admin_auth, timeout=30)
            assert made.status_code in (201, 202), made.text
            yield server, db_url, name
    finally:
        for db in (name, log_db_name(name)):
            server.delete_db(db)


def _export(central: Any, monkeypatch: pytest.MonkeyPatch, out: Path, *who: str) -> int:
    server, db_url, _ = central
    admin, password = server.admin_auth
    user, password = who if who else (admin, password)
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return run(["central", "sar", "export", "citizen:c1", "--server", db_url, "--user", user,
                "--password-stdin", "--out", str(out)])  # fmt: skip


def test_the_central_export_is_complete_with_the_access_log_and_merged_records(
    central: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert _export(central, monkeypatch, tmp_path) == 0
    body = json.loads((tmp_path / "subject-access-c1.json").read_text("utf-8"))
    assert body["complete"] and body["made_on"] == "central"
    assert {"citizen:c1", "citizen:c1old", "case:w1", "note:w1", "note:w2", "note:old"} <= set(
        body["document_ids"]
    )
    assert body["merged_records"] == ["citizen:c1old"]
    log = [(e["user"], e["device"], e.get("reason")) for e in body["access_log"]]
    assert log == [
        ("ada", "desk-1", f"{REDACTED} asked us to check"),
        ("sam", "laptop-17", None),
    ]
    written = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    for other in (b"Dafydd", b"Twofields", b"Eira", b"Threlkeld", b"citizen:c2", b"citizen:c3"):
        assert other not in written
    assert REDACTED.encode() in written
    (listed,) = body["files"]
    assert listed["name"] == f"{REDACTED}'s bin.jpg" and listed["document"] == "note:w3"
    assert (tmp_path / listed["file"]).read_bytes() == PHOTO
    html = (tmp_path / "subject-access-c1.html").read_text("utf-8")
    assert "laptop-17" in html and "completed centrally" not in html


def test_a_user_who_is_not_a_server_admin_is_told_so(
    central: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    assert _export(central, monkeypatch, tmp_path / "out", *USERS["sam"]) == 1
    assert "server admins only" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
