"""Correcting contact details from the command line: an agent lists the identifiers, is
refused a change (one line, nothing written) until the citizen is contact verified, then
changes the phone and removes the email; a bad number is one clear line; removing the last
way to reach someone says so."""

import json
from pathlib import Path

import pytest

import main
from caseworker.store import docstore
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.council import council_dir
from tests.unit.test_consent_cli import OWEN


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return council_dir(tmp_path, OWEN)


def _run(data_dir: Path, *args: str) -> int:
    return main.run(["--data-dir", str(data_dir), "citizen", *args, *(
        ("--as", "agent") if args[0] == "verify" or args[1] in ("change", "remove") else ()
    )])  # fmt: skip


def _identifiers(data_dir: Path) -> list[dict[str, object]]:
    store = Store(data_dir / STORE_FILENAME)
    try:
        with store.read() as s:
            doc = docstore.get(s, "citizen:owen")
    finally:
        store.close()
    assert doc is not None
    return list(doc["identifiers"])


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err  # one line
    return err.strip()


def test_a_change_waits_for_a_verified_contact_then_a_phone_is_changed_and_an_email_removed(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(data_dir, "identifier", "list", "citizen:owen") == 0
    listed = capsys.readouterr().out
    assert "p1" in listed and "07700 900123" in listed and "unverified" in listed
    before = _identifiers(data_dir)
    assert _run(data_dir, "identifier", "change", "citizen:owen", "p1", "07700 900999") != 0
    assert _error(capsys) == (
        "caseworker: changing their contact details needs the citizen contact verified; "
        "their record is unverified: record a check first"
    )
    assert _identifiers(data_dir) == before
    assert _run(data_dir, "verify", "citizen:owen", "--method", "code_sent", "--identifier",
                "e1") == 0  # fmt: skip
    assert _run(data_dir, "identifier", "change", "citizen:owen", "p1", "0770 09") != 0
    assert _error(capsys) == (
        "caseworker: '0770 09' is not a UK phone number (10 or 11 digits from 0)"
    )
    assert _run(data_dir, "identifier", "change", "citizen:owen", "p1", "07700 900999") == 0
    assert _run(data_dir, "identifier", "remove", "citizen:owen", "e1") == 0
    out = capsys.readouterr().out
    assert "citizen:owen: identifier p1 changed" in out
    assert "citizen:owen: identifier e1 removed\n" in out  # the new phone still reaches them
    assert _run(data_dir, "identifier", "list", "citizen:owen", "--json") == 0
    (phone,) = json.loads(capsys.readouterr().out)
    assert phone["value"] == "07700 900999" and phone["verified_by"] == "unverified"
    assert phone["id"] != "p1"


def test_removing_the_last_way_to_reach_them_says_so(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(data_dir, "verify", "citizen:owen", "--method", "code_sent", "--identifier",
                "e1") == 0  # fmt: skip
    assert _run(data_dir, "identifier", "remove", "citizen:owen", "p1") == 0
    assert _run(data_dir, "identifier", "remove", "citizen:owen", "e1") == 0
    out = capsys.readouterr().out
    assert out.endswith(
        "citizen:owen: identifier e1 removed; no way to reach them is left on the record\n"
    )
    assert _identifiers(data_dir) == []
    assert _run(data_dir, "identifier", "remove", "citizen:owen", "e1") != 0
    assert _error(capsys) == "caseworker: no identifier e1 on this citizen's record"
