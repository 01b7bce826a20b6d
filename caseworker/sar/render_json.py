"""The machine-readable export: one JSON file (docs/subject-access.md has its schema).

Stable: keys sorted, documents in id order within their group, times as the records hold them
(ISO 8601, UTC), the export's own time ISO 8601 UTC with milliseconds. Non-ASCII is written
as is (UTF-8), so Welsh names read as they are.
"""

import json
from typing import Any

from caseworker.sar.export import Export

FORMAT = "caseworker-subject-access"
VERSION = 1


def _by_type(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        grouped.setdefault(str(doc.get("type")), []).append(doc)
    return {k: sorted(v, key=lambda d: str(d["_id"])) for k, v in sorted(grouped.items())}


def as_json(export: Export) -> dict[str, Any]:
    c = export.completeness
    by_id = {d["_id"]: d for d in export.documents}
    return {
        "format": FORMAT,
        "version": VERSION,
        "citizen_id": export.citizen_id,
        "made_at": export.made_at,
        "made_by": export.made_by,
        "made_on": export.made_on,
        "complete": c.complete,
        "completeness": {
            "whole_store": c.whole_store,
            "why": c.why,
            "access_log_included": c.access_log,
            "may_be_missing": list(c.may_be_missing),
        },
        "record": export.record(),
        "merged_records": [r for r in export.records if r != export.citizen_id],
        "cases": [
            {"case": by_id.get(case_id), "records": _by_type(export.under_case(case_id))}
            for case_id in export.cases
            if case_id in by_id
        ],
        "records": _by_type([d for d in export.outside_cases() if d.get("type") != "case"]),
        "access_log": export.access_log,
        "files": export.files,
        "staff": export.staff,
        "redactions": len(export.redactions),
        "document_ids": sorted(by_id),
    }


def render(export: Export) -> str:
    return json.dumps(as_json(export), sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def render_redactions(export: Export) -> str:
    """The redactions file: where, what kind, why; never the value."""
    listed = sorted(
        (r.as_json() for r in export.redactions), key=lambda r: (r["document"], r["field"])
    )
    body = {"format": FORMAT + "-redactions", "version": VERSION, "citizen_id": export.citizen_id}
    body["redactions"] = listed
    return json.dumps(body, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
