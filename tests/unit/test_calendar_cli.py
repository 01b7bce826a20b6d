"""The council's calendar from a laptop: a supervisor closes a day, takes it back, sets the
nation and a weekday's hours, and the open cases' due times move when asked; an agent, a day
that is no closure, hours that make no sense and a week with no working time are refused."""

import json
from pathlib import Path

import pytest

import main
from caseworker.store import docstore
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.council import council_dir


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return council_dir(tmp_path, cases=1)


def _run(data_dir: Path, *args: str) -> int:
    return main.run(["--data-dir", str(data_dir), "calendar", *args])


def test_a_supervisor_closes_a_day_and_the_open_cases_move_when_asked(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--as", "supervisor"]
    # Closing every working day of the next fortnight moves any due time within it.
    days = ["2027-01-04", "2027-01-05"]
    for day in days:
        assert _run(data_dir, "close", day, "--reason", "Flooded office", *base) == 0
    assert "(--recompute moves them)" in capsys.readouterr().out
    assert _run(data_dir, "show", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert [c["date"] for c in shown["closures"]] == days
    assert shown["closures"][0]["reason"] == "Flooded office"
    assert _run(data_dir, "reopen", "2027-01-05", *base) == 0
    assert _run(data_dir, "nation", "scotland", *base) == 0
    assert _run(data_dir, "hours", "sat", "09:00-12:00", "--recompute", *base) == 0
    assert "moved" in capsys.readouterr().out.splitlines()[-1]
    assert _run(data_dir, "show") == 0
    shown_text = capsys.readouterr().out
    assert "nation: scotland" in shown_text and "sat 09:00-12:00" in shown_text
    assert "closed 2027-01-04 Flooded office" in shown_text and "2027-01-05" not in shown_text


@pytest.mark.parametrize(
    ("args", "refused"),
    [
        (["close", "2027-01-04", "--as", "agent"], "supervisor"),
        (["reopen", "2027-01-06", "--as", "supervisor"], "not a closure day"),
        (["hours", "mon", "17:00-09:00", "--as", "supervisor"], "cannot be used"),
        (["hours", "mon", "25:00-26:00", "--as", "supervisor"], "cannot be used"),
    ],
)
def test_a_change_that_cannot_work_or_from_an_agent_is_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str], refused: str
) -> None:
    assert _run(data_dir, *args) == 1
    assert refused in capsys.readouterr().err
    assert _run(data_dir, "show", "--json") == 0
    assert json.loads(capsys.readouterr().out)["closures"] == []


def test_a_week_with_no_working_time_is_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for day in ("mon", "tue", "wed", "thu"):
        assert _run(data_dir, "hours", day, "none", "--as", "supervisor") == 0
    capsys.readouterr()
    assert _run(data_dir, "hours", "fri", "none", "--as", "supervisor") == 1
    assert "no working hours" in capsys.readouterr().err


def test_a_broken_calendar_from_a_peer_is_said_and_a_change_replaces_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A revision no clock can use (hours that end before they start) arrives by sync: the
    clocks fall back to the default, `show` says so, and a supervisor's next change is made
    from the default over it, not refused for what the peer wrote."""
    store = Store(data_dir / STORE_FILENAME)
    try:
        with store.write() as s:
            broken = {
                "_id": "calendar:council",
                "_rev": "1-" + "b" * 32,
                "type": "calendar",
                "schema": 1,
                "nation": "england-and-wales",
                "hours": [{"day": "mon", "start": "17:00", "end": "09:00"}],
                "updated_at": "2026-12-01T10:00:00Z",
            }
            docstore.put_replicated(s, broken)
    finally:
        store.close()
    assert _run(data_dir, "show", "--json") == 0
    captured = capsys.readouterr()
    assert "cannot be used" in captured.err
    assert json.loads(captured.out)["nation"] == "england-and-wales"  # JSON stays JSON
    assert _run(data_dir, "close", "2027-01-04", "--as", "supervisor") == 0
    capsys.readouterr()
    assert _run(data_dir, "show", "--json") == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    shown = json.loads(captured.out)
    assert [c["date"] for c in shown["closures"]] == ["2027-01-04"]
    assert {h["day"] for h in shown["hours"]} == {"mon", "tue", "wed", "thu", "fri"}
