"""``caseworker retention`` and ``caseworker hold`` as a person runs them: the review lists
counts by class with the held records counted, a supervisor's approval disposes of what is due
(and the laptop is cleaned), an agent's is refused in one line, and an admin sets a rule."""

import json
from pathlib import Path
from typing import Any

import pytest

import main
from caseworker.documents.codec import new_document
from caseworker.documents.types import CASE, STAFF
from caseworker.store import replication
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.council import council_dir

AT = "2027-01-01T12:00:00+00:00"


def _closed(case_id: str, citizen: str, name: str) -> dict[str, Any]:
    fields = {
        "reference": "2EVQ-W146-S0DJ",
        "citizen_id": citizen,
        "service_code": "missed-bin",
        "summary": f"{name}'s bin",
        "status": "closed",
        "priority": "normal",
        "channel": "phone",
        "queue_id": "queue:waste",
        "opened_at": "2020-01-01T09:00:00+00:00",
        "due_at": "2020-01-02T09:00:00+00:00",
        "closed_at": "2020-06-01T09:00:00+00:00",
        "updated_at": "2020-06-01T09:00:00+00:00",
    }
    return {**new_document(CASE, case_id, fields), "_rev": "1-a"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    admin = new_document(
        STAFF,
        "staff:admin",
        {"name": "Ada", "username": "admin", "role": "admin", "queue_ids": [], "active": True},
    )
    data = council_dir(tmp_path / "data", admin)
    store = Store(data / STORE_FILENAME)
    try:
        with store.write() as s:
            replication.put_replicated_many(
                s,
                [
                    _closed("case:a", "citizen:1", "Quillon"),
                    _closed("case:b", "citizen:2", "Heldwyn"),
                ],
            )
    finally:
        store.close()
    return data


def _run(folder: Path, *args: str) -> int:
    return main.run(["--data-dir", str(folder), *args])


def test_review_then_approve_with_a_hold(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        _run(
            folder,
            "hold",
            "add",
            "--citizen",
            "citizen:2",
            "--reason",
            "claim",
            "--as",
            "supervisor",
        )
        == 0
    )
    capsys.readouterr()
    assert _run(folder, "retention", "review", "--at", AT, "--json") == 0
    rows = {r["record_class"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["closed_case"]["due"] == 1 and rows["closed_case"]["held"] == 1
    assert _run(folder, "retention", "approve", "closed_case", "--at", AT, "--as", "agent") != 0
    assert "supervisor" in capsys.readouterr().err
    assert (
        _run(folder, "retention", "approve", "closed_case", "--at", AT, "--as", "supervisor") == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("disposal:") and "1 closed_case records to dispose of, 1 held back" in out
    raw = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
    assert b"Quillon" not in raw and b"Heldwyn" in raw  # the held case stays
    assert _run(folder, "retention", "review", "--at", AT, "--json") == 0
    rows = {r["record_class"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["closed_case"]["due"] == 0


def test_an_admin_sets_a_rule_and_show_lists_it(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        _run(folder, "retention", "set", "closed_case", "--months", "84", "--action", "erase") == 0
    )
    capsys.readouterr()
    assert _run(folder, "retention", "show", "--json") == 0
    rules = {r["record_class"]: r for r in json.loads(capsys.readouterr().out)}
    assert rules["closed_case"] == {"record_class": "closed_case", "months": 84, "action": "erase"}
    assert (
        _run(
            folder,
            "retention",
            "set",
            "closed_case",
            "--months",
            "1",
            "--action",
            "erase",
            "--as",
            "supervisor",
        )
        != 0
    )
