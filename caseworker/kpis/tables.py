"""One service's month as rows (a channel each, then all channels), and as CSV and JSON text.

A suppressed figure is ``None`` here, ``suppressed`` (``wedi'i atal``) in CSV and ``null`` in
JSON (with the row's ``suppressed`` list saying which); a median of no cases is empty/null.
"""

import csv
import io
import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from caseworker import vocab
from caseworker.kpis import labels
from caseworker.kpis.figures import OTHER, Tally, total
from caseworker.kpis.months import Month
from caseworker.kpis.suppress import ALL, SMALL, suppress

MEASURES = ("received", "resolved", "within")
JSON_KEYS = {
    "received": "requests_received",
    "resolved": "resolved",
    "within": "resolved_within_target",
    "median_days": "median_days_to_resolve",
}
NO_CASES = "none"  # a median of no cases: nothing to suppress, nothing to show


@dataclass(frozen=True)
class ServiceName:
    code: str
    en: str
    cy: str

    def name(self, language: str) -> str:
        return self.cy if language == "cy" else self.en


@dataclass(frozen=True)
class Row:
    channel: str
    figures: dict[str, int | None]  # by measure; None: suppressed
    median_days: float | str | None  # days (1 decimal); NO_CASES; None: suppressed


@dataclass(frozen=True)
class ServiceMonth:
    service: ServiceName
    month: Month
    rows: tuple[Row, ...]

    @property
    def all_channels(self) -> Row:
        return self.rows[-1]


def build(service: ServiceName, month: Month, tallies: dict[str, Tally]) -> ServiceMonth:
    """Rows for every known channel (zeros included: a zero names nobody), the unknown ones
    only when there are some, then all channels; small counts suppressed."""
    channels = [*vocab.CHANNELS, *([OTHER] if OTHER in tallies else [])]
    by_column = {c: tallies.get(c) or Tally() for c in channels}
    by_column[ALL] = total(by_column.values())
    values = {(m, c): getattr(t, m) for c, t in by_column.items() for m in MEASURES}
    table = suppress(channels, values)
    rows = []
    for column in table.columns:
        figures = {m: table.shown(m, column) for m in MEASURES}
        rows.append(Row(column, figures, _median(by_column[column], figures["resolved"])))
    return ServiceMonth(service, month, tuple(rows))


def _median(tally: Tally, resolved_shown: int | None) -> float | str | None:
    if resolved_shown == 0:
        return NO_CASES
    if resolved_shown is None or tally.resolved < SMALL:
        return None  # the median of a handful is close to one person's own wait
    return round(statistics.median(tally.days), 1)


def safe(value: str) -> str:
    """A spreadsheet must never run a cell as a formula (``=HYPERLINK(...)`` in a name)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _cell(value: int | float | str | None, language: str) -> str:
    if value is None:
        return labels.text("suppressed", language)
    if value == NO_CASES:
        return ""
    return str(value)


def csv_text(months: Sequence[ServiceMonth], language: str, coverage: str) -> str:
    keys = ("service_code", "service", "month", "channel", *MEASURES, "median_days", "coverage")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([labels.column(k, language) for k in keys])
    covers = labels.text(coverage, language)
    for item in months:
        for row in item.rows:
            writer.writerow(
                [
                    safe(item.service.code),
                    safe(item.service.name(language)),
                    str(item.month),
                    labels.channel(row.channel, language),
                    *(_cell(row.figures[m], language) for m in MEASURES),
                    _cell(row.median_days, language),
                    covers,
                ]
            )
    return out.getvalue()


def json_record(item: ServiceMonth, coverage: str, made: str) -> dict[str, Any]:
    rows = []
    for row in item.rows:
        record: dict[str, Any] = {
            "channel": row.channel,
            "channel_name": {lang: labels.channel(row.channel, lang) for lang in labels.LANGUAGES},
        }
        for measure in MEASURES:
            record[JSON_KEYS[measure]] = row.figures[measure]
        median = row.median_days
        record[JSON_KEYS["median_days"]] = None if median in (None, NO_CASES) else median
        record["suppressed"] = [JSON_KEYS[m] for m in MEASURES if row.figures[m] is None]
        if median is None:
            record["suppressed"].append(JSON_KEYS["median_days"])
        rows.append(record)
    return {
        "service_code": item.service.code,
        "service": {"en": item.service.en, "cy": item.service.cy},
        "month": str(item.month),
        "coverage": coverage,
        "coverage_text": {lang: labels.text(coverage, lang) for lang in labels.LANGUAGES},
        "made_at": made,
        "columns": {JSON_KEYS[k]: labels.COLUMNS[k] for k in (*MEASURES, "median_days")},
        "rows": rows,
    }


def json_text(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"
