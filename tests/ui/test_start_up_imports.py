"""A cold start imports only what the first window shows: record views, their dialogs, the HTTP
client and every screen's screenshot code load when first needed, not before the first paint.
(Each module on the way to the first paint is time the person waits: some 1,000 of them once
made a cold start of 1.2-1.4 s.)"""

import os
import subprocess
import sys
from pathlib import Path

from ui.dialogs import IdentifierDialog, LogContactDialog, NoteDialog, OpenCaseDialog

ROOT = Path(__file__).resolve().parents[2]
# Loaded when first needed; a careless top-level import anywhere on the start-up path brings
# one of them back, and this says which.
NOT_AT_START = (
    "ui.case.view",
    "ui.citizen.view",
    "ui.callers",
    "ui.dialogs.contact",
    "ui.dialogs.open_case",
    "ui.screenshot",
    "ui.screen_views",
    "ui.dedupe.list_dialog",
    "ui.dialogs.central",
    "requests",
)


def _imported_at_start(data_dir: Path) -> set[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_API": "pyside6",
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, "-X", "importtime", str(ROOT / "main.py")]
    run = subprocess.run(
        [*command, "--data-dir", str(data_dir), "gui", "--measure-startup"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    assert '"painted"' in run.stdout  # the window was shown: what it needed was imported
    return {
        line.rsplit("|", 1)[1].strip()
        for line in run.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_a_cold_start_leaves_record_views_dialogs_and_http_for_later(data_dir: Path) -> None:
    imported = _imported_at_start(data_dir)
    assert "ui.main_window" in imported and "ui.search.page" in imported
    assert sorted(m for m in NOT_AT_START if m in imported) == []


def test_the_lazily_loaded_dialogs_are_still_the_packages_names() -> None:
    # ``from ui.dialogs import X`` (the views' and tests' way) loads X on first use.
    assert LogContactDialog.__module__ == "ui.dialogs.contact"
    assert OpenCaseDialog.__module__ == "ui.dialogs.open_case"
    assert IdentifierDialog.__name__ == "IdentifierDialog" and NoteDialog.__name__ == "NoteDialog"
    import ui.case
    import ui.citizen

    assert ui.case.CaseView.__module__ == "ui.case.view"
    assert ui.citizen.CitizenView.__module__ == "ui.citizen.view"
