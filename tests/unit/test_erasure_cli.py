"""``caseworker citizen erase``: a supervisor erases a citizen from the command line, the laptop
is cleaned at once (no file of the data folder holds the name or email), and what is printed
names ids and counts only; an agent is refused in one line; an unknown basis is a usage error."""

from pathlib import Path

import pytest

import main
from caseworker.services.citizens import NewIdentifier, create_citizen
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.council import AGENT, council_dir

NAME, EMAIL = "Quillon", "quillon.z@quux.example"


def _folder(tmp_path: Path) -> tuple[Path, str]:
    folder = council_dir(tmp_path / "data")
    store = Store(folder / STORE_FILENAME)
    try:
        with store.write() as s:
            citizen_id, _ = create_citizen(
                s, AGENT, "Zara", NAME, identifiers=(NewIdentifier("email", EMAIL),)
            )
            create_citizen(s, AGENT, "Other", "Person")
    finally:
        store.close()
    return folder, citizen_id


def _erase(folder: Path, citizen_id: str, who: str, *more: str) -> int:
    return main.run(
        [
            "--data-dir",
            str(folder),
            "citizen",
            "erase",
            citizen_id,
            "--reason",
            "citizen_request",
            "--basis",
            "consent_withdrawn",
            "--as",
            who,
            *more,
        ]
    )


def test_a_supervisor_erases_and_the_laptop_holds_no_trace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, citizen_id = _folder(tmp_path)
    assert _erase(folder, citizen_id, "supervisor") == 0
    out = capsys.readouterr().out
    assert out.startswith("erasure:") and "1 citizen" in out
    assert NAME not in out and EMAIL not in out
    raw = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file()).lower()
    assert NAME.lower().encode() not in raw and EMAIL.encode() not in raw
    assert b"person" in raw  # the other citizen is still there


def test_an_agent_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, citizen_id = _folder(tmp_path)
    assert _erase(folder, citizen_id, "agent") != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "supervisor" in err and "Traceback" not in err


def test_an_unknown_basis_is_a_usage_error(tmp_path: Path) -> None:
    folder, citizen_id = _folder(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        main.run(
            [
                "--data-dir",
                str(folder),
                "citizen",
                "erase",
                citizen_id,
                "--reason",
                "x",
                "--basis",
                "y",
            ]
        )
    assert exit_.value.code == 2
