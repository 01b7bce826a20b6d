"""`caseworker gui --screenshot OUT.png`: renders the window offscreen, saves a PNG, exits 0."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from sqlalchemy import select

from caseworker.models import Case
from caseworker.store.store import Store

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
