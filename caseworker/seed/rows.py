"""Projection rows of the seeded documents, made straight into tuples.

``caseworker.store.projection`` builds a dict per row for every write; the seeder makes
millions, so for its numerous kinds (citizens with their identifiers and consents, cases, case
events, contacts, notes) the same rows are built here as plain tuples in fixed column order.
``check_rows`` compares them with the projection's for any document, and the seeder runs it on
a sample of every chunk-0 kind, so the two cannot drift apart unnoticed.

A missing value is ``NAN``, not None: SQLite stores a NaN as NULL, and sqlcipher3 binds a float
some twenty times faster than None (for which it first looks for an adapter). Booleans are
written as the integers SQLite stores for them, for the same reason.
"""

from collections.abc import Callable
from typing import Any

from caseworker.documents.codec import Document
from caseworker.errors import StoreError
from caseworker.identity.keys import record_keys
from caseworker.identity.records import from_document
from caseworker.store import normalise, projection

NAN = float("nan")
Rows = dict[str, list[tuple[Any, ...]]]
# Each fast builder appends the rows of one document and returns its search text, or None.
Builder = Callable[[Document, str, int, Rows], str | None]

_CITIZEN_FIELDS = (
    "given_name",
    "family_name",
    "preferred_name",
    "date_of_birth",
    "language",
    "merged_into",
    "created_at",
    "updated_at",
)
_CASE_FIELDS = (
    "reference",
    "citizen_id",
    "service_code",
    "summary",
    "description",
    "status",
    "priority",
    "channel",
    "queue_id",
    "assignee_id",
    "opened_at",
    "response_due_at",
    "due_at",
    "resolved_at",
    "closed_at",
    "outcome",
    "updated_at",
)
_LOCATION = ("location_address", "location_postcode", "location_uprn", "location_lat")
_EVENT_FIELDS = ("case_id", "kind", "at", "by", "field", "old", "new", "comment")
_NOTE_FIELDS = ("case_id", "citizen_id", "text", "at", "by")
_CONTACT_FIELDS = ("citizen_id", "case_id", "channel", "direction", "at", "by", "summary")

COLUMNS: dict[str, tuple[str, ...]] = {
    "citizens": ("rowid", "id", "rev", *_CITIZEN_FIELDS, "conflicted"),
    "identifiers": (
        "id",
        "citizen_id",
        "kind",
        "value",
        "normalised",
        "label",
        "postcode",
        "uprn",
        "verified_by",
        "verified_at",
        "added_at",
    ),
    "consents": (
        "id",
        "citizen_id",
        "purpose",
        "lawful_basis",
        "channel",
        "source",
        "valid_from",
        "valid_to",
    ),
    "citizen_match_keys": ("citizen_id", "key"),
    "cases": ("rowid", "id", "rev", *_CASE_FIELDS, "conflicted", *_LOCATION, "location_lon"),
    "case_events": ("id", *_EVENT_FIELDS),
    "notes": ("id", *_NOTE_FIELDS),
    "interactions": ("id", *_CONTACT_FIELDS),
}


def _citizen(doc: Document, rev: str, rowid: int, rows: Rows) -> str:
    g = doc.get
    cid = doc["_id"]
    rows["citizens"].append((rowid, cid, rev, *[g(n, NAN) for n in _CITIZEN_FIELDS], 0))
    terms = [f"{doc['given_name']} {doc['family_name']}".lower()]
    if doc.get("preferred_name"):
        terms.append(f"{doc['preferred_name']} {doc['family_name']}".lower())
    identifiers = rows["identifiers"]
    for ident in doc["identifiers"]:
        ig = ident.get
        kind, value = ident["kind"], ident["value"]
        code = normalise.postcode(ig("postcode") or "") if kind == "address" else None
        identifiers.append(
            (
                f"{cid}/{ident['id']}",
                cid,
                kind,
                value,
                normalise.identifier(kind, value),
                ig("label", NAN),
                code or ig("postcode", NAN),
                ig("uprn", NAN),
                ident["verified_by"],
                ig("verified_at", NAN),
                ident["added_at"],
            )
        )
        terms += normalise.search_terms(kind, value, code)
    consents = rows["consents"]
    for c in doc["consents"]:
        cg = c.get
        consents.append(
            (
                f"{cid}/{c['id']}",
                cid,
                cg("purpose", NAN),
                cg("lawful_basis", NAN),
                cg("channel", NAN),
                cg("source", NAN),
                cg("valid_from", NAN),
                cg("valid_to", NAN),
            )
        )
    rows["citizen_match_keys"] += [(cid, key) for key in sorted(record_keys(from_document(doc)))]
    return " | ".join(terms)


def _case(doc: Document, rev: str, rowid: int, rows: Rows) -> str:
    g = doc.get
    location = g("location") or {}
    lg = location.get
    code = normalise.postcode(lg("postcode") or "")
    rows["cases"].append(
        (
            rowid,
            doc["_id"],
            rev,
            *[g(n, NAN) for n in _CASE_FIELDS],
            0,
            lg("address", NAN),
            code or lg("postcode", NAN),
            lg("uprn", NAN),
            lg("lat", NAN),
            lg("lon", NAN),
        )
    )
    ref = doc["reference"].lower()
    terms = [ref, ref.replace("-", "")]
    if code:
        terms += [code.lower(), code.replace(" ", "").lower()]
    return " | ".join(terms)


def _plain(table: str, names: tuple[str, ...]) -> Builder:
    def build(doc: Document, rev: str, rowid: int, rows: Rows) -> None:
        g = doc.get
        rows[table].append((doc["_id"], *[g(n, NAN) for n in names]))

    return build


FAST: dict[str, tuple[str, Builder]] = {
    "citizen": ("citizen_search", _citizen),
    "case": ("case_search", _case),
    "case_event": ("", _plain("case_events", _EVENT_FIELDS)),
    "note": ("", _plain("notes", _NOTE_FIELDS)),
    "interaction": ("", _plain("interactions", _CONTACT_FIELDS)),
}


def value(v: Any) -> Any:
    """A projected value as the seeder binds it (see the module's note)."""
    if v is None:
        return NAN
    return int(v) if isinstance(v, bool) else v


def _stored(v: Any) -> Any:
    """What SQLite keeps of a bound value: NaN and None are both NULL, a bool is an integer."""
    if v is None or (isinstance(v, float) and v != v):
        return None
    return int(v) if isinstance(v, bool) else v


def check_rows(doc: Document, rev: str) -> None:
    """Raise unless the fast rows of a document are what ``projection`` would write."""
    search, build = FAST[doc["type"]]
    rows: Rows = {table: [] for table in COLUMNS}
    text = build(doc, rev, 1, rows)
    expected = projection.PROJECTORS[doc["type"]](doc, rev, False)
    wanted = {expected.table.name: [expected.row]}
    wanted.update({child.name: list(made) for child, made in expected.children.items()})
    for table, made in rows.items():
        got = [
            {c: _stored(v) for c, v in zip(COLUMNS[table], row, strict=True) if c != "rowid"}
            for row in made
        ]
        want = [{c: _stored(v) for c, v in row.items()} for row in wanted.get(table, [])]
        if got != want:
            raise StoreError(f"seeded {table} rows of {doc['_id']} differ: {got} != {want}")
    if (search or None, text or "") != (expected.search_table, expected.search_text):
        raise StoreError(f"seeded search text of {doc['_id']} differs: {text!r}")
