"""Recording a subject access request starts its statutory clock from the day it was
received, once: a second recording finds the open request; the command line says so."""

from datetime import date, timedelta
from pathlib import Path

import pytest

import main
from caseworker.clocks import council
from caseworker.clocks.statutory import subject_access_due
from caseworker.errors import NotFoundError, ValidationError
from caseworker.sar import requests
from caseworker.services import cases, citizens
from caseworker.store.store import STORE_FILENAME, Store
from caseworker.timeutil import LONDON, utcnow
from tests.support.council import AGENT, council_dir
from tests.unit.test_clocks_cases import service


def _citizen(store: Store) -> str:
    with store.write() as s:
        citizen_id, _ = citizens.create_citizen(s, AGENT, "Megan", "Prys")
    return citizen_id


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return council_dir(tmp_path, service("sar", clock="subject_access"))


def test_a_request_received_days_ago_is_due_a_month_from_that_day(data_dir: Path) -> None:
    store = Store(data_dir / STORE_FILENAME)
    citizen = _citizen(store)
    received = utcnow().astimezone(LONDON).date() - timedelta(days=6)
    with store.write() as s:
        found, _ = requests.open_request(s, AGENT, citizen, received, "letter")
        case = cases.get_case(s, found.case_id)
        holidays = council.load(s).nation_holidays
    store.close()
    assert found.created and case.service_code == "sar" and case.citizen_id == citizen
    due = subject_access_due(received, holidays)
    assert case.due_at.astimezone(LONDON).date() == due
    assert case.opened_at.astimezone(LONDON).date() == received


def test_recording_the_same_request_again_finds_the_open_one(data_dir: Path) -> None:
    store = Store(data_dir / STORE_FILENAME)
    citizen = _citizen(store)
    today = utcnow().astimezone(LONDON).date()
    with store.write() as s:
        first, _ = requests.open_request(s, AGENT, citizen, today, "email")
        again, changes = requests.open_request(s, AGENT, citizen, today, "phone")
    store.close()
    assert not again.created and again.case_id == first.case_id and not changes.written


def test_a_future_date_an_unknown_citizen_or_channel_is_refused(data_dir: Path) -> None:
    store = Store(data_dir / STORE_FILENAME)
    citizen = _citizen(store)
    tomorrow = utcnow().astimezone(LONDON).date() + timedelta(days=1)
    with store.write() as s:
        with pytest.raises(ValidationError, match="future"):
            requests.open_request(s, AGENT, citizen, tomorrow, "email")
        with pytest.raises(NotFoundError):
            requests.open_request(s, AGENT, "citizen:nobody", date(2026, 1, 5), "email")
        with pytest.raises(ValidationError, match="channel"):
            requests.open_request(s, AGENT, citizen, date(2026, 1, 5), "pigeon")
    store.close()


def test_without_a_subject_access_service_the_reason_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = council_dir(tmp_path)
    store = Store(folder / STORE_FILENAME)
    citizen = _citizen(store)
    store.close()
    argv = ["--data-dir", str(folder), "sar", "open", citizen, "--received", "2026-11-02"]
    assert main.run([*argv, "--channel", "letter", "--as", "agent"]) == 1
    assert "no subject access service" in capsys.readouterr().err


def test_the_command_records_it_once_and_says_when_it_is_due(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(data_dir / STORE_FILENAME)
    citizen = _citizen(store)
    store.close()
    argv = ["--data-dir", str(data_dir), "sar", "open", citizen.split(":", 1)[1]]
    argv += ["--received", "2026-11-02", "--channel", "letter", "--as", "agent"]
    assert main.run(argv) == 0
    assert "subject access request recorded, due 2026-12-02" in capsys.readouterr().out
    assert main.run(argv) == 0
    assert "already recorded (open)" in capsys.readouterr().out


def test_the_export_command_refuses_an_agent_and_writes_for_a_supervisor(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(data_dir / STORE_FILENAME)
    citizen = _citizen(store)
    store.close()
    out = tmp_path / "export"
    argv = ["--data-dir", str(data_dir), "sar", "export", citizen, "--out", str(out)]
    assert main.run([*argv, "--as", "agent"]) == 1
    assert "supervisor or an admin" in capsys.readouterr().err
    assert not out.exists()
    assert main.run([*argv, "--as", "supervisor"]) == 1  # who asked is not proved yet
    assert "needs the citizen identity verified" in capsys.readouterr().err
    assert not out.exists()
    verify = ["--data-dir", str(data_dir), "citizen", "verify", citizen, "--as", "supervisor"]
    assert main.run([*verify, "--method", "document_seen", "--detail", "passport"]) == 0
    capsys.readouterr()
    assert main.run([*argv, "--as", "supervisor"]) == 0
    said = capsys.readouterr()
    assert len(list(out.iterdir())) == 3 and str(out) in said.out
    assert "completed centrally" in said.err
    assert all(p.stat().st_mode & 0o077 == 0 for p in out.iterdir())  # owner only
