"""Writing an export's three files into a folder: the JSON, the HTML report and the list of
redactions. Each file is written beside its place and renamed into it (never half written),
readable by its owner alone: it is one person's personal data."""

import os
import tempfile
from pathlib import Path

from caseworker.errors import CaseworkerError
from caseworker.sar import render_html, render_json
from caseworker.sar.export import Export, stem


def files(export: Export) -> dict[str, str]:
    name = stem(export.citizen_id)
    return {
        f"{name}.json": render_json.render(export),
        f"{name}.html": render_html.render(export),
        f"{name}-redactions.json": render_json.render_redactions(export),
    }


def write(out: Path, export: Export) -> list[Path]:
    """The files written, in ``out`` (made if missing): the JSON, the report, the redactions,
    then any attached files (in a folder of their own)."""
    if out.exists() and not out.is_dir():
        raise CaseworkerError(f"{out} is a file, not a folder")
    out.mkdir(mode=0o700, parents=True, exist_ok=True)  # a new folder: its owner's alone
    written: list[Path] = []
    everything: dict[str, bytes] = {n: t.encode("utf-8") for n, t in files(export).items()}
    everything.update(export.contents)
    for name, data in everything.items():
        target = out / name
        target.parent.mkdir(mode=0o700, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(temp, target)  # mkstemp made it 0600: it stays so
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        written.append(target)
    return written
