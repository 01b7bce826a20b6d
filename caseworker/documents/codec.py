"""JSON documents in and out: the one place that decides whether a document is readable.

A document is a JSON object with ``_id``, ``_rev``, ``type`` and ``schema`` plus the fields of
its type. ``decode`` checks all of that and raises ``DocumentError`` with a message naming the
document and the field; nothing half-valid reaches the typed tables.
"""

import json
from typing import Any

import orjson

from caseworker.documents.schema import DocumentError, validate
from caseworker.documents.types import DOC_TYPES, DocType

Document = dict[str, Any]
# Fields CouchDB owns; anything else starting with "_" is refused, as CouchDB does.
_RESERVED = frozenset(
    {"_id", "_rev", "_deleted", "_attachments", "_revisions", "_conflicts", "_deleted_conflicts"}
)


def doc_type_of(doc: Document) -> DocType:
    name = doc.get("type")
    doc_type = DOC_TYPES.get(name) if isinstance(name, str) else None
    if doc_type is None:
        where = f"document {doc.get('_id', '?')!s:.80}"
        if not isinstance(name, str):
            raise DocumentError(f"{where}: has no 'type'")
        raise DocumentError(f"{where}: unknown type {name!r:.80}")
    return doc_type


def check_id(doc_id: str, doc_type: DocType) -> None:
    """An id names its type (``case:<id>``): a document whose id does not, such as
    ``_design/x`` or a "citizen" called ``case:...``, is never taken for that type. No ``/``,
    which separates a citizen's id from its identifiers' and consents' ids."""
    prefix = doc_type.id_prefix + ":"
    if not doc_id.startswith(prefix) or len(doc_id) == len(prefix) or "/" in doc_id:
        raise DocumentError(
            f"document {doc_id!r:.80}: a {doc_type.name} id must look like {prefix}<id>"
        )


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
    check_id(doc_id, doc_type)
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


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
# orjson writes what the stdlib encoder above writes, 4x faster, for plain JSON values (strings
# unescaped but for what JSON requires, integers, floats from 1e-4 to 1e16); anything else it
# refuses (integers beyond 64 bits, lone surrogates, subclasses and other types, sent to
# ``_refuse``) is encoded by the stdlib, errors included. Outside that float range it writes
# the same number differently (0.00001, not 1e-05), and NaN or Infinity as null.
_FAST = orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATETIME
_FAST |= orjson.OPT_PASSTHROUGH_DATACLASS


def _refuse(value: object) -> Any:
    raise TypeError


def encode(doc: Document) -> str:
    """Canonical compact JSON (sorted keys) so equal documents store as equal text."""
    try:
        return orjson.dumps(doc, default=_refuse, option=_FAST).decode()
    except (orjson.JSONEncodeError, TypeError):
        return _ENCODER.encode(doc)


def new_document(doc_type: DocType, doc_id: str, fields: dict[str, Any]) -> Document:
    body: Document = {"_id": doc_id, "type": doc_type.name, "schema": doc_type.schema_version}
    body.update({k: v for k, v in fields.items() if v is not None})
    check(body)
    return body
