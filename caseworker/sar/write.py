"""Writing an export's three files into a folder: the JSON, the HTML report and the list of
redactions. Each file is written beside its place and renamed into it (never half written),
readable by its owner alone: it is one person's personal data."""

import os
import re
import tempfile
from pathlib import Path

from caseworker.errors import CaseworkerError
from caseworker.sar import render_html, render_json
from caseworker.sar.export import Export

_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


def stem(citizen_id: str) -> str:
    """``subject-access-<key>``, the key made safe for any file system."""
    key = _SAFE.sub("-", citizen_id.split(":", 1)[-1]).strip("-")[:80] or "record"
    return f"subject-access-{key}"


def files(export: Export) -> dict[str, str]:
    name = stem(export.citizen_id)
    return {
        f"{name}.json": render_json.render(export),
        f"{name}.html": render_html.render(export),
        f"{name}-redactions.json": render_json.render_redactions(export),
    }


def write(out: Path, export: Export) -> list[Path]:
    """The files written, in ``out`` (made if missing)."""
    if out.exists() and not out.is_dir():
        raise CaseworkerError(f"{out} is a file, not a folder")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, text in files(export).items():
        target = out / name
        handle, temp = tempfile.mkstemp(prefix=f".{name}.", dir=out)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(temp, target)  # mkstemp made it 0600: it stays so
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        written.append(target)
    return written
