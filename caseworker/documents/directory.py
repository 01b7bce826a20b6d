"""A citizen's entry in the citizen directory, derived from their record (``types.DIRECTORY``).

    summary = summary_of(citizen)      # DocumentError when the citizen cannot be read
    summary_id(citizen["_id"])         # "directory:<key>" for "citizen:<key>"
    same_content(summary, stored)      # whether rewriting ``stored`` would change anything

Only what finding a caller needs is copied, field by field (a whitelist: anything added to a
citizen later stays out until it is named here): names, language, the record they were merged
into, and the phone numbers, email addresses and postcodes of their identifiers. Never their
consents, date of birth, addresses, other identifiers, labels or verification.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from caseworker.documents.codec import Document, check, check_id
from caseworker.documents.schema import DocumentError
from caseworker.documents.types import CITIZEN, DIRECTORY

_COPIED = ("given_name", "family_name", "preferred_name", "language", "merged_into")


def summary_id(citizen_id: str) -> str:
    """The directory entry's id for a citizen's id (DocumentError when it makes no usable id)."""
    head = CITIZEN.id_prefix + ":"
    if not citizen_id.startswith(head):
        raise DocumentError(f"document {citizen_id!r:.80}: not a citizen's id")
    doc_id = DIRECTORY.id_prefix + ":" + citizen_id[len(head) :]
    if len(doc_id) > 200:
        raise DocumentError(f"document {citizen_id!r:.80}: id too long for a directory entry")
    check_id(doc_id, DIRECTORY)
    return doc_id


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def summary_of(citizen: Mapping[str, Any]) -> Document:
    """The directory entry of a live citizen record, checked against its schema; DocumentError
    (naming the document and field) when the record is not a readable citizen."""
    doc = dict(citizen)
    if check(doc) is not CITIZEN:
        raise DocumentError(f"document {doc.get('_id')!r:.80}: not a citizen")
    identifiers = doc["identifiers"]
    summary: Document = {
        "_id": summary_id(doc["_id"]),
        "type": DIRECTORY.name,
        "schema": DIRECTORY.schema_version,
        "citizen_id": doc["_id"],
        **{name: doc[name] for name in _COPIED if doc.get(name) is not None},
        "phones": _unique(i["value"].strip() for i in identifiers if i["kind"] == "phone"),
        "emails": _unique(i["value"].strip() for i in identifiers if i["kind"] == "email"),
        # A postcode is kept (it narrows a caller down), never the address it belongs to.
        "postcodes": _unique((i.get("postcode") or "").strip() for i in identifiers),
    }
    check(summary)
    return summary


def same_content(summary: Mapping[str, Any], stored: Mapping[str, Any] | None) -> bool:
    """Whether ``stored`` (a live directory entry, or None) already says what ``summary`` says."""
    if stored is None or stored.get("_deleted"):
        return False
    keys = {k for k in (*summary, *stored) if not k.startswith("_")}
    return all(summary.get(k) == stored.get(k) for k in keys)
