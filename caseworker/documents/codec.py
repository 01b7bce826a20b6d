"""JSON documents in and out: the one place that decides whether a document is readable.

A document is a JSON object with ``_id``, ``_rev``, ``type`` and ``schema`` plus the fields of
its type. ``decode`` checks all of that and raises ``DocumentError`` with a message naming the
document and the field; nothing half-valid reaches the typed tables.
"""

import json
from typing import Any

from caseworker.documents.schema import DocumentError, validate
from caseworker.documents.types import DOC_TYPES, DocType

Document = dict[str, Any]
# Fields CouchDB owns; anything else starting with "_" is refused, as CouchDB does.
_RESERVED = frozenset(
    {"_id", "_rev", "_deleted", "_attachments", "_revisions", "_conflicts", "_deleted_conflicts"}
)


def doc_type_of(doc: Document) -> DocType:
    where = f"document {doc.get('_id', '?')!s:.80}"
    name = doc.get("type")
    if not isinstance(name, str):
        raise DocumentError(f"{where}: has no 'type'")
    doc_type = DOC_TYPES.get(name)
    if doc_type is None:
        raise DocumentError(f"{where}: unknown type {name!r}")
    return doc_type


def check(doc: Document) -> DocType:
    """Validate a live (not deleted) document; return its type."""
    doc_id = doc.get("_id")
    if not isinstance(doc_id, str) or not doc_id or len(doc_id) > 200:
        raise DocumentError("document without a usable '_id'")
    where = f"document {doc_id}"
    for key in doc:
        if key.startswith("_") and key not in _RESERVED:
            raise DocumentError(f"{where}: reserved field name {key!r}")
    doc_type = doc_type_of(doc)
    version = doc.get("schema")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise DocumentError(f"{where}: missing or invalid 'schema' version")
    if version > doc_type.schema_version:
        raise DocumentError(
            f"{where}: {doc_type.name} schema {version} is newer than this version of "
            f"Caseworker understands ({doc_type.schema_version}); update Caseworker"
        )
    validate(doc_type.schema, doc, where)
    return doc_type


def decode(text: str | bytes) -> Document:
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DocumentError(f"not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise DocumentError("a document must be a JSON object")
    if not data.get("_deleted"):
        check(data)
    return data


def encode(doc: Document) -> str:
    """Canonical compact JSON (sorted keys) so equal documents store as equal text."""
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def new_document(doc_type: DocType, doc_id: str, fields: dict[str, Any]) -> Document:
    body: Document = {"_id": doc_id, "type": doc_type.name, "schema": doc_type.schema_version}
    body.update({k: v for k, v in fields.items() if v is not None})
    check(body)
    return body
