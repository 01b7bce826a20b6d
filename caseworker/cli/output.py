"""Printing results for people (aligned text) and for machines (``--json``).

Text for people is line-oriented: every value goes through ``visible``, so a control or bidi
character in synced data is shown as an escape and no value spans two lines. ``--json`` is
exact (JSON's own escaping is enough for any program reading it).
"""

import sys
from datetime import date, datetime
from typing import Any

from caseworker.display import visible


def _default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot print {type(value).__name__} as JSON")


def print_json(data: Any, *, indent: int | None = 2) -> None:
    import json  # only for --json: a plain search starts without it

    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    ascii_only = encoding != "utf8"  # escaping beats a terminal that cannot show the text
    print(json.dumps(data, default=_default, ensure_ascii=ascii_only, indent=indent))


def when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "-"


def _cell(value: object) -> str:
    if isinstance(value, datetime):
        return when(value)
    return "-" if value is None else visible(str(value))


def table(rows: list[tuple[str, ...]]) -> None:
    if not rows:
        return
    rows = [tuple(visible(cell) for cell in row) for row in rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


def print_record(record: dict[str, Any]) -> None:
    """A record for a person: scalar fields as ``field: value``, lists as indented lines."""
    scalars = [(k, v) for k, v in record.items() if not isinstance(v, list | dict)]
    width = max((len(k) for k, _ in scalars), default=0)
    for key, value in scalars:
        print(f"{key.replace('_', ' ') + ':':<{width + 2}}{_cell(value)}")
    for key, value in record.items():
        if isinstance(value, dict):
            shown = ", ".join(f"{_cell(v)}" for v in value.values() if v)
            print(f"{key.replace('_', ' ')}: {shown or '-'}")
    for key, value in record.items():
        if isinstance(value, list) and not any(isinstance(v, dict) for v in value):
            print(f"{key.replace('_', ' ')}: {', '.join(_cell(v) for v in value) or '-'}")
    for key, value in record.items():
        if not isinstance(value, list) or not any(isinstance(v, dict) for v in value):
            continue
        print(f"\n{key.replace('_', ' ')} ({len(value)}):")
        for item in value:
            print("  " + "  ".join(_cell(v) for v in item.values() if v is not None))
