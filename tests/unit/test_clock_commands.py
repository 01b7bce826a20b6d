"""``caseworker case extend`` and ``case next-stage``: a statutory clock moved from the command
line, through the clocks' services, with the same refusals."""

from pathlib import Path

import pytest

import main
from caseworker.services import cases
from caseworker.services.cases import NewCase
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.council import AGENT, council_dir
from tests.unit.test_clocks_cases import STAGES, service


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return council_dir(
        tmp_path,
        service("sar", clock="subject_access"),
        service("complaint", clock="complaint", stages=STAGES),
    )


def _open(data_dir: Path, code: str) -> tuple[str, str]:
    store = Store(data_dir / STORE_FILENAME)
    try:
        with store.write() as s:
            case_id, _ = cases.open_case(s, AGENT, NewCase(code, "Asked for my records", "email"))
            case = cases.get_case(s, case_id)
            return case.reference, case.due_at.isoformat()
    finally:
        store.close()


def _due(data_dir: Path, reference: str) -> str:
    store = Store(data_dir / STORE_FILENAME)
    try:
        with store.read() as s:
            return cases.get_case(s, reference).due_at.isoformat()
    finally:
        store.close()


def test_a_subject_access_request_is_extended_once_with_its_reason(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference, first = _open(data_dir, "sar")
    base = ["--data-dir", str(data_dir), "case", "extend", reference, "--as", "agent"]
    assert main.run([*base, "--reason", "The records span twenty years"]) == 0
    assert "extended to three months" in capsys.readouterr().out
    assert _due(data_dir, reference) > first
    assert main.run([*base, "--reason", "Again"]) == 1
    assert "already been extended" in capsys.readouterr().err


def test_only_a_subject_access_request_is_extended_and_a_reason_is_required(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference, first = _open(data_dir, "complaint")
    base = ["--data-dir", str(data_dir), "case", "extend", reference, "--as", "agent"]
    assert main.run([*base, "--reason", "Complex"]) == 1
    assert "only a subject access request" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main.run(base)  # no --reason: a usage error
    assert _due(data_dir, reference) == first


def test_a_complaint_moves_to_its_next_stage_and_no_further(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference, _ = _open(data_dir, "complaint")
    base = ["--data-dir", str(data_dir), "case", "next-stage", reference, "--as", "supervisor"]
    assert main.run([*base, "--comment", "Not resolved at stage 1"]) == 0
    assert "next stage" in capsys.readouterr().out
    assert main.run(base) == 1
    assert "last stage" in capsys.readouterr().err
