"""``publish-kpis``: every file of a publication, written to a new folder that then takes the
place of the old one, so a crash never leaves half a publication where the old one was.

Layout of DIR: ``index.html`` (English) and ``index.cy.html`` (Welsh); ``index.json``,
``index.csv`` and ``index.cy.csv`` listing every data file; ``data/<service>/<YYYY-MM>.csv``,
``.cy.csv`` and ``.json`` per service and month.
"""

import csv
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.errors import CaseworkerError
from caseworker.kpis import figures, labels, tables
from caseworker.kpis.months import Month, months_between
from caseworker.kpis.page import INDEX_CSV, PAGES, html_page
from caseworker.kpis.tables import ServiceMonth, ServiceName
from caseworker.models import Service
from caseworker.timeutil import LONDON, to_iso

PUBLISHER = "caseworker publish-kpis"  # index.json says who made the folder: safe to replace
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Published:
    services: list[list[ServiceMonth]]  # each service's months, oldest first
    first: Month
    last: Month
    coverage: str  # "whole" or "partial"
    made: datetime
    skipped_cases: int  # cases with an unreadable opening time
    uncatalogued_cases: int  # cases whose service is not in the catalogue: never named


def gather(
    session: Session, first: Month, last: Month, *, coverage: str, made: datetime
) -> Published:
    months = months_between(first, last)
    counted = figures.count(session, months)
    names: dict[str, ServiceName] = {}
    for code, name, name_cy in session.execute(
        select(Service.code, Service.name, Service.name_cy).order_by(Service.code, Service.id)
    ):
        names.setdefault(code, ServiceName(code, name, name_cy or name))
    uncatalogued = 0
    codes: set[str] = set()
    for code, month in counted.by_key:
        if code in names:
            codes.add(code)
        else:
            uncatalogued += sum(t.received for t in counted.by_key[(code, month)].values())
    services = [
        [tables.build(names[code], month, counted.channels((code, str(month)))) for month in months]
        for code in sorted(codes)
    ]
    return Published(services, first, last, coverage, made, counted.skipped, uncatalogued)


def slugs(codes: list[str]) -> dict[str, str]:
    """A folder name per service code: letters, digits and dashes only (a code is a peer's
    text: ``../`` must never leave DIR), with a short hash when that changed it."""
    found: dict[str, str] = {}
    for code in codes:
        slug = _SLUG.sub("-", code.lower()).strip("-")[:40]
        if slug != code or not slug:
            slug = f"{slug}-{hashlib.sha256(code.encode()).hexdigest()[:8]}".strip("-")
        found[code] = slug
    return found


def _made_text(made: datetime) -> str:
    local = made.astimezone(LONDON)
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


def files(published: Published) -> dict[str, str]:
    """Every file of the publication, by path inside DIR."""
    out: dict[str, str] = {}
    made = to_iso(published.made)
    coverage = published.coverage
    folders = slugs([months[0].service.code for months in published.services])
    listed: list[dict[str, Any]] = []
    for months in published.services:
        folder = f"data/{folders[months[0].service.code]}"
        for item in months:
            base = f"{folder}/{item.month}"
            out[f"{base}.csv"] = tables.csv_text([item], "en", coverage)
            out[f"{base}.cy.csv"] = tables.csv_text([item], "cy", coverage)
            out[f"{base}.json"] = tables.json_text(tables.json_record(item, coverage, made))
            listed.append(
                {
                    "service_code": item.service.code,
                    "service": {"en": item.service.en, "cy": item.service.cy},
                    "month": str(item.month),
                    "csv_en": f"{base}.csv",
                    "csv_cy": f"{base}.cy.csv",
                    "json": f"{base}.json",
                }
            )
    first, last = str(published.first), str(published.last)
    index = {
        "publisher": PUBLISHER,
        "made_at": made,
        "months": {"first": first, "last": last},
        "coverage": coverage,
        "coverage_text": {lang: labels.text(coverage, lang) for lang in labels.LANGUAGES},
        "files": listed,
    }
    out["index.json"] = json.dumps(index, ensure_ascii=False, indent=1) + "\n"
    for language in labels.LANGUAGES:
        out[INDEX_CSV[language]] = _index_csv(listed, language, coverage)
        out[PAGES[language]] = html_page(
            published.services, language, coverage, _made_text(published.made), first, last
        )
    return out


def _index_csv(listed: list[dict[str, Any]], language: str, coverage: str) -> str:
    keys = ("service_code", "service", "month", "csv_en", "csv_cy", "json", "coverage")
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([labels.column(k, language) for k in keys])
    for entry in listed:
        writer.writerow(
            [
                tables.safe(entry["service_code"]),
                tables.safe(entry["service"][language]),
                entry["month"],
                entry["csv_en"],
                entry["csv_cy"],
                entry["json"],
                labels.text(coverage, language),
            ]
        )
    return text.getvalue()


def write(out: Path, contents: dict[str, str]) -> None:
    """Write ``contents`` as the folder ``out``, all or nothing: into a new folder beside it,
    each file flushed to disk, then renamed into place. An existing ``out`` is replaced only
    if it is empty or an earlier publication (its index.json says so)."""
    out = out.absolute()
    _check_replaceable(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        for relative, text in contents.items():
            path = building / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
        _to_disk(building)
        os.chmod(building, 0o755)  # mkdtemp's 0700 would hide it from a web server
        _swap(building, out)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise


def _to_disk(folder: Path) -> None:
    """Everything written is on the disk before the rename makes it the publication."""
    if hasattr(os, "sync"):
        os.sync()  # one call, where a thousand files' fsyncs took seconds
        return
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb+") as handle:
                os.fsync(handle.fileno())


def _check_replaceable(out: Path) -> None:
    if not out.exists():
        return
    if not out.is_dir():
        raise CaseworkerError(f"{out} is a file, not a folder")
    if not any(out.iterdir()):
        return
    try:
        index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        index = None
    if not isinstance(index, dict) or index.get("publisher") != PUBLISHER:
        raise CaseworkerError(
            f"{out} holds other files, not an earlier publication: choose an empty or new folder"
        )


def _swap(building: Path, out: Path) -> None:
    if not out.exists():
        os.replace(building, out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    os.rmdir(old)
    os.replace(out, old)  # from here to the next line, the earlier publication waits in `old`
    os.replace(building, out)
    shutil.rmtree(old, ignore_errors=True)
