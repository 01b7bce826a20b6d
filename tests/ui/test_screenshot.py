"""`caseworker gui --screenshot OUT.png [--view NAME]`: renders the window (or a view or dialog of
it) offscreen, saves a PNG, exits 0; the records shown are chosen by a fixed rule."""

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from sqlalchemy import select

from caseworker.models import Case, CaseEvent, Citizen
from caseworker.store.store import Store
from ui.main_window import MainWindow
from ui.screen_views import SCREENS, NothingToShow, Picks, pick_records

MAIN = Path(__file__).resolve().parents[2] / "main.py"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _gui(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``caseworker --data-dir DIR gui ...``: the real command, through the CLI."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(MAIN), "--data-dir", str(data_dir), "gui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_screenshot_command_writes_a_png_of_the_window(
    data_dir: Path, seeded: Store, tmp_path: Path
) -> None:
    with seeded.read() as session:
        reference = session.scalars(select(Case.reference).limit(1)).one()
    seeded.close()
    out = tmp_path / "shots" / "case.png"
    done = _gui(
        data_dir, "--screenshot", str(out), "--open", f"case:{reference}", "--size", "1000x700"
    )
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 10_000
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    colours = {image.pixel(x, y) for x in range(0, 1000, 50) for y in range(0, 700, 50)}
    assert len(colours) > 3  # a real window, not a blank canvas


def test_a_bad_open_argument_is_a_one_line_error(data_dir: Path, tmp_path: Path) -> None:
    done = _gui(data_dir, "--screenshot", str(tmp_path / "x.png"), "--open", "citizen:nobody")
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0
    assert "no citizen" in done.stderr
    assert not (tmp_path / "x.png").exists()


def test_a_view_is_rendered_by_name_in_welsh_at_the_size_asked(
    data_dir: Path, seeded: Store, tmp_path: Path
) -> None:
    seeded.close()
    out = tmp_path / "note-cy.png"
    done = _gui(data_dir, "--screenshot", str(out), "--view", "note", "--lang", "cy")
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)  # the default size


def test_an_unknown_view_is_a_one_line_error_that_lists_the_views(
    data_dir: Path, tmp_path: Path
) -> None:
    done = _gui(data_dir, "--screenshot", str(tmp_path / "x.png"), "--view", "citizen\x1b[31m")
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0
    assert "my-work" in done.stderr and "sync-problems" in done.stderr
    assert "\x1b" not in done.stderr  # shown as an escape, not obeyed by the terminal
    assert not (tmp_path / "x.png").exists()


def test_the_records_shown_are_the_busiest_chosen_by_a_fixed_rule(seeded: Store) -> None:
    with seeded.read() as session:
        picks = pick_records(session)
        cases = Counter(c for c in session.scalars(select(Case.citizen_id)) if c is not None)
        events = Counter(session.scalars(select(CaseEvent.case_id)).all())
        surnames = Counter(
            session.scalars(select(Citizen.family_name).where(Citizen.merged_into.is_(None)))
        )
    most = max(cases.values())
    assert picks.citizen_id == min(c for c, n in cases.items() if n == most)
    most = max(events.values())
    assert picks.case_id == min(c for c, n in events.items() if n == most)
    assert picks.surname is not None and surnames[picks.surname] == max(surnames.values())


def test_a_store_with_no_citizens_says_so_instead_of_showing_an_empty_view(
    window: MainWindow,
) -> None:
    nothing = Picks(None, None, None)
    for name in ("citizen", "case", "search", "note"):
        with pytest.raises(NothingToShow, match=r"no (citizen|case)"):
            SCREENS[name](window, nothing)
