"""``caseworker show case`` says when the central service refused the case's last change (and
a refused note is marked), ``caseworker refused`` lists every refusal with its ways out, and the
ways out that need the server say, in one line, when there is no server to ask."""

import json
from pathlib import Path
from typing import Any

import pytest

import main
from caseworker.services import cases, contacts
from caseworker.services.cases import NewCase
from caseworker.store import docstore
from caseworker.store.replication import record_refusals
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.council import AGENT, council_docs

HOSTILE = "refused by the central service: not yours\x1b[2J\u202e\nrm -rf /"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    store = Store(tmp_path / STORE_FILENAME)
    with store.write() as s:
        for doc in council_docs():
            docstore.put(s, doc)
    store.close()
    return tmp_path


def _refused_case_and_note(data_dir: Path) -> tuple[str, str]:
    store = Store(data_dir / STORE_FILENAME)
    try:
        with store.write() as s:
            case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
            note_id, _ = contacts.add_note(s, AGENT, "rang", case_id=case_id)
            record_refusals(s, {case_id: HOSTILE, note_id: "refused by the central service: x"})
    finally:
        store.close()
    return case_id, note_id


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main.run(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _json(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    code, out, _err = _run(data_dir, capsys, *args, "--json")
    assert code == 0
    return json.loads(out)


def test_show_case_says_it_was_refused_first_and_on_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id, _note_id = _refused_case_and_note(data_dir)
    code, out, _err = _run(data_dir, capsys, "show", "case", case_id)
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("Refused by the central service: not yours")
    assert "\x1b" not in out and "\u202e" not in out and "\nrm -rf" not in out  # shown, not obeyed
    assert f"caseworker refused take-server {case_id}" in out
    assert "[refused: x]" in out
    record = _json(data_dir, capsys, "show", "case", case_id)
    assert record["refused"].startswith("not yours")
    assert record["notes"][0]["refused"] == "x"


def test_a_case_nobody_refused_says_nothing_of_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(data_dir / STORE_FILENAME)
    with store.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Fine", "phone"))
    store.close()
    _code, out, _err = _run(data_dir, capsys, "show", "case", case_id)
    assert "Refused" not in out and "refused" not in out
    assert _json(data_dir, capsys, "show", "case", case_id)["refused"] is None


def test_refused_lists_each_with_its_ways_out_then_keep_and_discard(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id, note_id = _refused_case_and_note(data_dir)
    listed = {r["doc_id"]: r for r in _json(data_dir, capsys, "refused")}
    assert set(listed) == {case_id, note_id}
    assert listed[note_id]["append_only"] and not listed[case_id]["append_only"]
    _code, out, _err = _run(data_dir, capsys, "refused")
    assert "take-server, reapply" in out and "keep, discard" in out

    assert _run(data_dir, capsys, "refused", "keep", note_id)[0] == 0
    kept = {r["doc_id"]: r["kept"] for r in _json(data_dir, capsys, "refused")}
    assert kept == {case_id: False, note_id: True}
    code, _out, err = _run(data_dir, capsys, "refused", "discard", case_id)
    assert code == 1 and err.count("\n") == 1 and "take its version" in err
    assert _run(data_dir, capsys, "refused", "discard", note_id)[0] == 0
    assert [r["doc_id"] for r in _json(data_dir, capsys, "refused")] == [case_id]
    code, _out, err = _run(data_dir, capsys, "refused", "discard", "note:nobody")
    assert code == 1 and "no record note:nobody" in err


def test_the_ways_out_that_need_the_server_say_so_in_one_line_without_one(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id, _note_id = _refused_case_and_note(data_dir)
    for way_out in ("take-server", "reapply"):
        code, _out, err = _run(data_dir, capsys, "refused", way_out, case_id, "--as", "agent")
        assert code == 1 and err.count("\n") == 1
        assert "does not sync with a central service" in err
    assert _json(data_dir, capsys, "show", "case", case_id)["refused"]
