"""Projecting a document's winning revision into the typed tables and the search index.

Each document type maps to one row of its main table, optionally child rows that are replaced
wholesale (a citizen's identifiers and consents) and a line of text for the search index.
The same row builders serve single writes and the bulk seeder.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Table, delete, text
from sqlalchemy.orm import Session

from caseworker.documents.codec import Document
from caseworker.documents.types import CITIZEN, DIRECTORY, MERGE
from caseworker.identity.keys import record_keys
from caseworker.identity.records import from_document
from caseworker.models import (
    AssuranceCheck,
    AuditEvent,
    Case,
    CaseEvent,
    Citizen,
    Consent,
    DirectoryEntry,
    DistinctPair,
    Erasure,
    Identifier,
    IdentityLink,
    Interaction,
    Marker,
    MatchKey,
    Mention,
    MentionReply,
    Merge,
    Message,
    Note,
    Queue,
    ReplyTemplate,
    Service,
    StaffMember,
)
from caseworker.replies.render import template_problem
from caseworker.store import normalise


@dataclass
class Projection:
    table: Table
    row: dict[str, Any]
    children: dict[Table, list[dict[str, Any]]] = field(default_factory=dict)
    search_table: str | None = None
    search_text: str = ""


def _pick(doc: Document, names: Iterable[str]) -> dict[str, Any]:
    return {name: doc.get(name) for name in names}


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


_CONSENT_FIELDS = (
    "purpose",
    "lawful_basis",
    "channel",
    "source",
    "valid_from",
    "valid_to",
    "partner",
    "recorded_by",
    "recorded_at",
    "withdrawn_at",
    "withdrawn_by",
)
_CHECK_FIELDS = ("method", "identifier_id", "detail", "by", "at")


def citizen(doc: Document, rev: str, conflicted: bool) -> Projection:
    cid = doc["_id"]
    row = _pick(
        doc,
        (
            "given_name",
            "family_name",
            "preferred_name",
            "date_of_birth",
            "language",
            "merged_into",
            "created_at",
            "updated_at",
        ),
    )
    row.update(id=cid, rev=rev, conflicted=conflicted)
    identifiers: dict[str, dict[str, Any]] = {}  # by id: a repeated id is one row, not a clash
    terms = [f"{doc['given_name']} {doc['family_name']}".lower()]
    if doc.get("preferred_name"):
        terms.append(f"{doc['preferred_name']} {doc['family_name']}".lower())
    for ident in doc["identifiers"]:
        kind, value = ident["kind"], ident["value"]
        code = normalise.postcode(ident.get("postcode") or "") if kind == "address" else None
        identifiers[ident["id"]] = {
            "id": f"{cid}/{ident['id']}",
            "citizen_id": cid,
            "kind": kind,
            "value": value,
            "normalised": normalise.identifier(kind, value),
            "label": ident.get("label"),
            "postcode": code or ident.get("postcode"),
            "uprn": ident.get("uprn"),
            "verified_by": ident["verified_by"],
            "verified_at": ident.get("verified_at"),
            "added_at": ident["added_at"],
        }
        terms += normalise.search_terms(kind, value, code)
    consents = {
        c["id"]: {
            "id": f"{cid}/{c['id']}",
            "citizen_id": cid,
            **_pick(c, _CONSENT_FIELDS),
        }
        for c in doc["consents"]
    }
    checks = {
        k["id"]: {"id": f"{cid}/{k['id']}", "citizen_id": cid, **_pick(k, _CHECK_FIELDS)}
        for k in doc.get("checks") or ()
    }
    keys = [{"citizen_id": cid, "key": key} for key in sorted(record_keys(from_document(doc)))]
    return Projection(
        _table(Citizen),
        row,
        {
            _table(Identifier): list(identifiers.values()),
            _table(Consent): list(consents.values()),
            _table(AssuranceCheck): list(checks.values()),
            _table(MatchKey): keys,
        },
        "citizen_search",
        " | ".join(terms),
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


def case(doc: Document, rev: str, conflicted: bool) -> Projection:
    row = _pick(doc, _CASE_FIELDS)
    location = doc.get("location") or {}
    code = normalise.postcode(location.get("postcode") or "")
    row.update(
        id=doc["_id"],
        rev=rev,
        conflicted=conflicted,
        location_address=location.get("address"),
        location_postcode=code or location.get("postcode"),
        location_uprn=location.get("uprn"),
        location_lat=location.get("lat"),
        location_lon=location.get("lon"),
    )
    ref = doc["reference"].lower()
    terms = [ref, ref.replace("-", "")]
    if code:
        terms += [code.lower(), code.replace(" ", "").lower()]
    return Projection(_table(Case), row, {}, "case_search", " | ".join(terms))


# A directory entry's lists come from a peer: only the first few of each, each cut short, reach
# the search index and the typed row (a real person has a handful; 8 MB of phones is hostile).
DIRECTORY_LISTED = 10
DIRECTORY_VALUE_CHARS = 100


def _listed(values: list[str]) -> list[str]:
    picked = (v.strip()[:DIRECTORY_VALUE_CHARS] for v in values[:DIRECTORY_LISTED])
    return list(dict.fromkeys(v for v in picked if v))


def directory(doc: Document, rev: str, conflicted: bool) -> Projection:
    """A citizen's directory entry (``directory:<key>``): names, language, merge and a bounded
    summary of how to reach them. Its citizen is ``citizen:<key>``, from the id alone: an entry
    cannot speak for (or hide behind) another citizen's record."""
    doc_id = doc["_id"]
    citizen_id = CITIZEN.id_prefix + doc_id[len(DIRECTORY.id_prefix) :]
    phones, emails = _listed(doc["phones"]), _listed(doc["emails"])
    postcodes = [normalise.postcode(p) or p for p in _listed(doc["postcodes"])]
    terms = [f"{doc['given_name']} {doc['family_name']}".lower()]
    if doc.get("preferred_name"):
        terms.append(f"{doc['preferred_name']} {doc['family_name']}".lower())
    terms += [t for p in phones if (t := normalise.phone_digits(p))]
    terms += [e.lower() for e in emails]
    for code in postcodes:
        terms += dict.fromkeys((code.lower(), code.replace(" ", "").lower()))
    first = [values[0] for values in (postcodes, phones, emails) if values]
    row = _pick(doc, ("given_name", "family_name", "preferred_name", "language", "merged_into"))
    row.update(
        id=doc_id,
        rev=rev,
        citizen_id=citizen_id,
        postcodes=", ".join(postcodes)[:400],
        line=" · ".join(first)[:400],
    )
    return Projection(_table(DirectoryEntry), row, {}, "directory_search", " | ".join(terms))


def marker(doc: Document, rev: str, conflicted: bool) -> Projection:
    """A warning marker; its address is matched with cases' locations by the canonical postcode
    and the normalised first line."""
    row = _pick(
        doc,
        ("citizen_id", "kind", "reason", "set_by", "set_at", "review_on", "address", "ended_at"),
    )
    row["ended_by"] = doc.get("ended_by")
    raw_code, address = doc.get("postcode"), doc.get("address")
    row.update(
        id=doc["_id"],
        rev=rev,
        conflicted=conflicted,
        postcode=(normalise.postcode(raw_code) or raw_code) if raw_code else None,
        address_line=normalise.first_line(address) if address else None,
    )
    return Projection(_table(Marker), row)


def merge(doc: Document, rev: str, conflicted: bool) -> Projection:
    """A merge; its merged citizen is the one its id names (``merge:<key>``), so one merge
    document per citizen, whatever a peer wrote in it."""
    doc_id = doc["_id"]
    row = _pick(
        doc,
        ("survivor_id", "state", "at", "by", "reason", "undone_at", "undone_by", "undo_reason"),
    )
    row.update(
        id=doc_id,
        rev=rev,
        conflicted=conflicted,
        merged_id=CITIZEN.id_prefix + doc_id[len(MERGE.id_prefix) :],
    )
    return Projection(_table(Merge), row)


def identity_link(doc: Document, rev: str, conflicted: bool) -> Projection:
    """A contact linked to a citizen; its reason codes as one line (they never hold spaces)."""
    row = _pick(doc, ("subject_id", "citizen_id", "method", "probability", "by", "at", "undone_at"))
    row.update(
        id=doc["_id"],
        rev=rev,
        reasons=" ".join(str(r) for r in doc.get("reasons") or ()),
        undone_by=doc.get("undone_by"),
    )
    return Projection(_table(IdentityLink), row)


def _simple(
    model: Any, names: tuple[str, ...], with_rev: bool = True
) -> Callable[[Document, str, bool], Projection]:
    def build(doc: Document, rev: str, conflicted: bool) -> Projection:
        row = _pick(doc, names)
        row["id"] = doc["_id"]
        if with_rev:
            row["rev"] = rev
        return Projection(_table(model), row)

    return build


def _service(doc: Document, rev: str, conflicted: bool) -> Projection:
    row = _pick(
        doc,
        (
            "code",
            "name",
            "name_cy",
            "group",
            "group_cy",
            "resolve_hours",
            "response_hours",
            "default_queue_id",
        ),
    )
    row.update(id=doc["_id"], rev=rev, keywords=" ".join(doc["keywords"]), active=doc["active"])
    return Projection(_table(Service), row)


def _staff(doc: Document, rev: str, conflicted: bool) -> Projection:
    row = _pick(doc, ("name", "username", "email", "role", "team", "active"))
    row.update(id=doc["_id"], rev=rev, queue_ids=" ".join(doc["queue_ids"]))
    return Projection(_table(StaffMember), row)


_TEMPLATE_FIELDS = (
    "service_code", "name_en", "name_cy", "subject_en", "subject_cy", "body_en", "body_cy",
    "active",
)  # fmt: skip
_MESSAGE_FIELDS = (
    "case_id", "citizen_id", "template_id", "channel", "recipient_id", "recipient", "language",
    "subject", "body", "at", "by", "state", "state_at", "notify_id", "state_detail",
)  # fmt: skip

_MREPLY_FIELDS = (
    "mention_id", "case_id", "text", "visibility", "language", "by", "at", "state",
    "cancelled_at", "cancelled_by", "status_id", "status_url", "posted_at", "failure",
)  # fmt: skip


def _reply_template(doc: Document, rev: str, conflicted: bool) -> Projection:
    """A template, with why it cannot be used (written by an admin, so not refused on its way
    in, but never offered with a placeholder nobody can fill)."""
    row = _pick(doc, _TEMPLATE_FIELDS)
    problem = template_problem(doc)
    row.update(id=doc["_id"], rev=rev, problem=problem[:300] if problem else None)
    return Projection(_table(ReplyTemplate), row)


PROJECTORS: dict[str, Callable[[Document, str, bool], Projection]] = {
    "citizen": citizen,
    "case": case,
    "service": _service,
    "staff": _staff,
    "queue": _simple(Queue, ("name", "name_cy", "description", "active")),
    "case_event": _simple(
        CaseEvent, ("case_id", "kind", "at", "by", "field", "old", "new", "comment"), False
    ),
    "note": _simple(Note, ("case_id", "citizen_id", "text", "at", "by"), False),
    "interaction": _simple(
        Interaction,
        ("citizen_id", "case_id", "channel", "direction", "at", "by", "summary"),
        False,
    ),
    "mention": _simple(
        Mention,
        (
            "network",
            "remote_id",
            "url",
            "author_handle",
            "author_url",
            "author_name",
            "content_text",
            "content_html",
            "published_at",
            "edited_at",
            "deleted_at",
            "visibility",
            "in_reply_to",
            "language",
            "state",
            "citizen_id",
            "case_id",
            "triaged_by",
            "triaged_at",
        ),
    ),
    "audit_event": _simple(AuditEvent, ("at", "by", "action", "subject_id", "detail"), False),
    "directory": directory,
    "reply_template": _reply_template,
    "message": _simple(Message, _MESSAGE_FIELDS),
    "mention_reply": _simple(MentionReply, _MREPLY_FIELDS),
    "marker": marker,
    "erasure": _simple(
        Erasure,
        (
            "citizen_id",
            "record_id",
            "mode",
            "basis",
            "reason",
            "requested_by",
            "requested_at",
            "state",
            "done_at",
        ),
    ),
    "merge": merge,
    "identity_link": identity_link,
    "distinct": _simple(DistinctPair, ("first_id", "second_id", "at", "by", "reason")),
}
TABLE_OF_TYPE: dict[str, Table] = {
    "citizen": _table(Citizen),
    "case": _table(Case),
    "service": _table(Service),
    "staff": _table(StaffMember),
    "queue": _table(Queue),
    "case_event": _table(CaseEvent),
    "note": _table(Note),
    "interaction": _table(Interaction),
    "mention": _table(Mention),
    "audit_event": _table(AuditEvent),
    "directory": _table(DirectoryEntry),
    "reply_template": _table(ReplyTemplate),
    "message": _table(Message),
    "mention_reply": _table(MentionReply),
    "marker": _table(Marker),
    "erasure": _table(Erasure),
    "merge": _table(Merge),
    "identity_link": _table(IdentityLink),
    "distinct": _table(DistinctPair),
}
SEARCH_TABLE_OF_TYPE = {
    "citizen": "citizen_search",
    "case": "case_search",
    "directory": "directory_search",
}


def _delete_search_row(search: str, table: str) -> Any:
    return text(f"DELETE FROM {search} WHERE rowid = (SELECT rowid FROM {table} WHERE id = :id)")


@cache
def _insert_sql(table: Table, fresh: bool, rowid: bool = False) -> tuple[str, tuple[str, ...]]:
    """The INSERT (or upsert) of a table's rows as positional parameters, and its columns;
    ``rowid``: each row's rowid is given first."""
    columns = tuple(c.name for c in table.columns)
    names = ", ".join(
        ("rowid", *(f'"{c}"' for c in columns)) if rowid else (f'"{c}"' for c in columns)
    )
    marks = ", ".join("?" * (len(columns) + rowid))
    sql = f"INSERT INTO {table.name} ({names}) VALUES ({marks})"
    if not fresh:
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "id")
        sql += f" ON CONFLICT (id) DO UPDATE SET {updates}"
    return sql, columns


def write(session: Session, projections: list[Projection], *, fresh: bool = False) -> None:
    """Write projections in bulk (one executemany per statement and table).

    ``fresh`` promises that none of these documents were projected before, so nothing old has
    to be removed first. Rows go straight to the DBAPI cursor: the builders' values are the
    validated document's own (text, numbers, booleans), which need no conversion.
    """
    by_table: dict[Table, list[Projection]] = {}
    for p in projections:
        by_table.setdefault(p.table, []).append(p)
    cursor = session.connection().connection.cursor()
    try:
        for table, group in by_table.items():
            _write_table(cursor, table, group, fresh)
    finally:
        cursor.close()


def _write_table(cursor: Any, table: Table, group: list[Projection], fresh: bool) -> None:
    search = group[0].search_table
    ids = [(p.row["id"],) for p in group]
    if search and not fresh:
        cursor.executemany(
            f"DELETE FROM {search} WHERE rowid = (SELECT rowid FROM {table.name} WHERE id = ?)",
            ids,
        )
    first = 0
    if search and fresh:  # new rows numbered here, so their search rows need no lookup
        (first,) = cursor.execute(
            f"SELECT coalesce(max(rowid), 0) + 1 FROM {table.name}"
        ).fetchone()
        sql, columns = _insert_sql(table, fresh, True)
        rows = [(first + n, *map(p.row.get, columns)) for n, p in enumerate(group)]
    else:
        sql, columns = _insert_sql(table, fresh)
        rows = [tuple(map(p.row.get, columns)) for p in group]
    cursor.executemany(sql, rows)
    for child_table in group[0].children:
        if not fresh:
            cursor.executemany(f"DELETE FROM {child_table.name} WHERE citizen_id = ?", ids)
        child_sql, child_columns = _insert_sql(child_table, True)
        rows = [tuple(map(r.get, child_columns)) for p in group for r in p.children[child_table]]
        if rows:
            cursor.executemany(child_sql, rows)
    if search and fresh:
        cursor.executemany(
            f"INSERT INTO {search}(rowid, text) VALUES (?, ?)",
            [(first + n, p.search_text) for n, p in enumerate(group)],
        )
    elif search:
        cursor.executemany(
            f"INSERT INTO {search}(rowid, text) SELECT rowid, ? FROM {table.name} WHERE id = ?",
            [(p.search_text, p.row["id"]) for p in group],
        )


def remove(session: Session, doc_type: str, doc_id: str) -> None:
    """Take a deleted document out of its typed table and the search index."""
    table = TABLE_OF_TYPE.get(doc_type)
    if table is None:
        return
    search = SEARCH_TABLE_OF_TYPE.get(doc_type)
    if search:
        session.execute(_delete_search_row(search, table.name), {"id": doc_id})
    session.execute(delete(table).where(table.c.id == doc_id))
