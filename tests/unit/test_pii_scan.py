"""The scanner that fails the suite when a log or stderr holds a seeded citizen's data can
itself fail: a run with a planted name, phone or email on stderr or in a log fails, naming
where; a clean run passes. Each is a real pytest run in its own process."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.pii_scan import PersonalDataScan

ROOT = Path(__file__).resolve().parents[2]


def _run(folder: Path, test_body: str) -> subprocess.CompletedProcess[str]:
    (folder / "conftest.py").write_text(
        "from tests.support import pii_scan\n\n\n"
        "def pytest_configure(config):\n"
        "    pii_scan.pytest_configure(config)\n",
        encoding="utf-8",
    )
    (folder / "test_planted.py").write_text(test_body, encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            "--basetemp",
            str(folder / "tmp"),
            str(folder),
        ],
        cwd=folder,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    # The planted log is not left for this run's own scan to find.
    shutil.rmtree(folder / "tmp", ignore_errors=True)
    return run


def test_a_name_written_to_stderr_fails_the_run_and_says_where(tmp_path: Path) -> None:
    run = _run(
        tmp_path,
        "import sys\n\n\ndef test_chatty():\n"
        "    print('looked up Oliver Smith', file=sys.stderr)\n",
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "personal data in logs or stderr" in run.stdout
    assert "test_planted.py::test_chatty (Captured stderr call): name 'Oliver Smith'" in run.stdout
    assert "1 passed" in run.stdout  # the test itself passed: the scan failed the run


def test_a_phone_and_email_in_a_log_record_or_a_log_file_fail_the_run(tmp_path: Path) -> None:
    run = _run(
        tmp_path,
        "import logging\n\n\n"
        "def test_logs(tmp_path):\n"
        "    logging.getLogger('caseworker.x').warning('call back on 07700 900123')\n"
        "    (tmp_path / 'sync.log').write_text('sent to amelia.jones42@example.org')\n",
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "phone '07700 900123'" in run.stdout
    assert "sync.log: email 'amelia.jones42@example.org'" in run.stdout


def test_a_clean_run_passes(tmp_path: Path) -> None:
    run = _run(
        tmp_path,
        "import sys\n\n\ndef test_quiet():\n"
        "    print('caseworker: signed in as Alys Morgan', file=sys.stderr)\n"
        "    print('citizen:0190 opened; Smith Close; 01632 123456', file=sys.stderr)\n",
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize(
    "text",
    [
        "Ffion  Williams",  # any spacing
        "+44 7700 900001",
        "+441632960999",
        "01632 960 412",
        "OLIVER.SMITH7@EXAMPLE.COM",
    ],
)
def test_the_shapes_of_seeded_data_are_found(text: str) -> None:
    assert PersonalDataScan().scan(f"before {text} after", "here")


@pytest.mark.parametrize(
    "text",
    [
        "Dewi Pritchard",  # a member of the demo staff, the person using the window
        "07700 800123",  # not the drama range
        "agent@cwmglas.example.org",  # a staff address
        "Smith",  # a family name alone is a word, not a person
    ],
)
def test_what_is_not_a_seeded_citizens_data_is_left(text: str) -> None:
    assert not PersonalDataScan().scan(f"before {text} after", "here")
