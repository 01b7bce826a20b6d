"""``caseworker search`` lists what the window lists, in the same order, and says how many match
in all when it shows fewer."""

import json
from pathlib import Path

import pytest

import main
from caseworker.services import search
from caseworker.services.cases import NewCase, open_case
from caseworker.services.citizens import create_citizen
from caseworker.store.store import Store
from tests.unit.conftest import AGENT


@pytest.fixture
def williamses(council: Store, tmp_path: Path) -> Path:
    with council.write() as s:
        create_citizen(s, AGENT, "Carys", "Williamson")
        create_citizen(s, AGENT, "Angela", "Williams", date_of_birth="1978-05-06")
        busy, _ = create_citizen(s, AGENT, "Angela", "Williams", date_of_birth="1990-01-01")
        open_case(s, AGENT, NewCase("missed-bin", "Bins", "phone", citizen_id=busy))
    return tmp_path  # the council store's folder


def test_the_cli_says_how_many_it_shows_of_how_many_match(
    williamses: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main.run(["--data-dir", str(williamses), "search", "williams", "--limit", "2"]) == 0
    printed = capsys.readouterr()
    lines = printed.out.splitlines()
    assert len(lines) == 2
    # Exact surname first, the one with an open case first among them; born tells them apart.
    assert "Angela Williams" in lines[0] and "born 1990-01-01" in lines[0]
    assert "1 open case" in lines[0]
    assert "Angela Williams" in lines[1] and "born 1978-05-06" in lines[1]
    assert "showing 2 of 3: add a postcode or date of birth to narrow it" in printed.err


def test_the_cli_orders_as_the_window_does_and_is_quiet_when_all_are_shown(
    williamses: Path, capsys: pytest.CaptureFixture[str], council: Store
) -> None:
    assert main.run(["--data-dir", str(williamses), "search", "williams", "--json"]) == 0
    printed = capsys.readouterr()
    with council.read() as s:
        window = [h.id for h in search.search(s, "williams")]
    assert [h["id"] for h in json.loads(printed.out)] == window
    assert printed.err == ""


def test_above_the_bound_the_cli_says_more_than(
    williamses: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "COUNTED", 2)
    assert main.run(["--data-dir", str(williamses), "search", "williams", "--limit", "1"]) == 0
    assert "showing 1 of 2+:" in capsys.readouterr().err
