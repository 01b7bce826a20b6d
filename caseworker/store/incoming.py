"""Reading a revision another peer made, defensively: whatever arrives, nothing here raises.

A revision that cannot be identified (not an object, no usable ``_id`` or ``_rev``) is
skipped and counted. Anything else is kept, with its problems written down: a malformed
``_revisions`` keeps the revision alone, a body too large or too deep is replaced by a stub
(id, revision, deletion), and an attachment whose content does not match its digest is not
stored. Limits come from ``caseworker.limits``, shared with the central gateway.
"""

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from caseworker.documents.codec import Document, encode
from caseworker.limits import (
    MAX_ATTACHMENT_BYTES,
    MAX_DOCUMENT_BYTES,
    MAX_ID_LENGTH,
    MAX_NESTING_DEPTH,
    MAX_REV_LENGTH,
    REV_LIMIT,
)
from caseworker.revisions import tree as revtree

# Fields that describe a revision rather than belong to it; never stored in a body.
TRANSIENT = frozenset(
    ("_revisions", "_conflicts", "_deleted_conflicts", "_revs_info", "_local_seq")
)


@dataclass
class Revision:
    """One identified revision: where it goes in the tree and what is stored for it."""

    doc_id: str
    rev: str
    pos: int
    deleted: bool
    ids: list[str]  # this revision's hash, then its ancestors' (``_revisions.ids``)
    body: Document
    text: str  # the stored JSON of ``body``
    problems: list[str] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)  # rows to store by digest

    def path(self) -> revtree.RevPath:
        return revtree.path_from_revisions({"start": self.pos, "ids": self.ids}, self.deleted)

    def tree_json(self) -> str:
        """tree_to_json of ``path()`` for a document new here, without building the tree."""
        first = self.pos - len(self.ids) + 1
        last = len(self.ids) - 1
        leaf = 1 if self.deleted else 0  # flags: 1 deleted, 2 no body (every ancestor)
        rows = [
            f"[{first + n},{_quoted(hash_)},{leaf if n == last else 2},{n - 1}]"
            for n, hash_ in enumerate(reversed(self.ids))
        ]
        return "[" + ",".join(rows) + "]"


def _quoted(text: str) -> str:
    # Revision hashes are nearly always plain hex: no JSON escaping to do.
    return f'"{text}"' if text.isalnum() and text.isascii() else json.dumps(text)


def whole_first(doc_id: object, changes: object, doc: object) -> bool:
    """Whether ``doc``, sent beside a change of ``doc_id`` naming ``changes`` (``style=all_docs``
    rows), is that document's first and only revision, whole: one revision, ``1-...``, a live
    document that is that very revision and claims no history. Such a revision needs nothing
    more (no history to ask for, no other leaf to judge); anything else is read the long way.
    The pull and the gateway's feed both decide by this."""
    if not isinstance(doc, dict) or not isinstance(changes, list) or len(changes) != 1:
        return False
    rev = changes[0].get("rev") if isinstance(changes[0], dict) else None
    return (
        isinstance(rev, str)
        and isinstance(doc_id, str)
        and rev.startswith("1-")
        and doc.get("_id") == doc_id
        and doc.get("_rev") == rev
        and "_revisions" not in doc
        and not doc.get("_deleted")
    )


def digest_of(data: bytes) -> str:
    """CouchDB's digest of attachment content: ``md5-<base64 of the MD5>``."""
    return "md5-" + base64.b64encode(hashlib.md5(data, usedforsecurity=False).digest()).decode()


def usable_text(value: object, limit: int) -> bool:
    """Non-empty text within ``limit`` that SQLite can store (no lone surrogates)."""
    if type(value) is str and 0 < len(value) <= limit and value.isascii():
        return True  # nearly every id and revision
    if not isinstance(value, str) or not 0 < len(value) <= limit:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def too_deep(value: dict[str, Any] | list[Any], limit: int = MAX_NESTING_DEPTH) -> bool:
    """Whether objects and arrays nest deeper than ``limit`` (iterative: any depth is safe)."""
    stack: list[tuple[object, int]] = []
    for child in value.values() if isinstance(value, dict) else value:
        if isinstance(child, dict | list):  # most documents' top level holds one or two
            stack.append((child, 2))
    if stack and limit < 2:
        return True
    while stack:
        item, depth = stack.pop()
        for child in item.values() if isinstance(item, dict) else item:  # type: ignore[attr-defined]
            if isinstance(child, dict | list):
                if depth >= limit:
                    return True
                stack.append((child, depth + 1))
    return False


_CONTAINERS = (dict, list)


def read(doc: object) -> Revision | None:
    """The revision ``doc`` describes, or None when it cannot even be identified."""
    if not isinstance(doc, dict):
        return None
    doc_id, rev = doc.get("_id"), doc.get("_rev")
    if not usable_text(doc_id, MAX_ID_LENGTH) or not usable_text(rev, MAX_REV_LENGTH):
        return None
    assert isinstance(doc_id, str) and isinstance(rev, str)
    try:
        pos, hash_ = revtree.parse_rev(rev)
    except ValueError:
        return None
    deleted = doc.get("_deleted") is True
    problems: list[str] = []
    ids = _ancestry(doc.get("_revisions"), pos, hash_)
    if ids is None:
        problems.append("its revision history (_revisions) is malformed; kept without it")
        ids = [hash_]
    body = {k: v for k, v in doc.items() if k not in TRANSIENT}
    revision = Revision(doc_id, rev, pos, deleted, ids, body, "", problems)
    if too_deep(body):
        return _stubbed(revision, f"nested deeper than {MAX_NESTING_DEPTH} levels")
    _take_attachments(revision)
    try:
        text = encode(body)
    except (TypeError, ValueError, RecursionError):
        return _stubbed(revision, "not storable as JSON")
    if len(text) * 4 > MAX_DOCUMENT_BYTES or not text.isascii():
        try:
            size = len(text.encode("utf-8"))
        except UnicodeEncodeError:
            return _stubbed(revision, "holds text that is not valid Unicode")
        if size > MAX_DOCUMENT_BYTES:
            return _stubbed(revision, f"larger than {MAX_DOCUMENT_BYTES:,} bytes ({size:,})")
    revision.text = text
    return revision


def _ancestry(revisions: object, pos: int, hash_: str) -> list[str] | None:
    """``_revisions.ids`` cut to REV_LIMIT, [hash] when absent, None when malformed."""
    if revisions is None:
        return [hash_]
    if not isinstance(revisions, dict):
        return None
    start, ids = revisions.get("start"), revisions.get("ids")
    if type(start) is not int or start != pos or not isinstance(ids, list):
        return None
    if not ids or len(ids) > start or ids[0] != hash_:
        return None
    ids = ids[:REV_LIMIT]
    # ids[0] is the hash of ``_rev``, already found usable.
    if len(ids) > 1 and not all(usable_text(i, MAX_REV_LENGTH) for i in ids[1:]):
        return None
    return ids


def _stubbed(revision: Revision, why: str) -> Revision:
    """Keep the revision in the tree but not its body: id, revision, deletion and a known type."""
    stub: Document = {"_id": revision.doc_id, "_rev": revision.rev}
    if revision.deleted:
        stub["_deleted"] = True
    kind = revision.body.get("type")
    if usable_text(kind, 40):
        stub["type"] = kind
    revision.body, revision.text = stub, encode(stub)
    revision.attachments = []
    revision.problems.append(f"revision {revision.rev} is {why}: its content was not stored")
    return revision


def _take_attachments(revision: Revision) -> None:
    """Verify inline attachment data against its digest and turn it into a stub; an attachment
    that does not verify is left out of the body, so no digest ever names foreign bytes."""
    atts = revision.body.get("_attachments")
    if atts is None:
        return
    if not isinstance(atts, dict):
        revision.body.pop("_attachments")
        revision.problems.append("its _attachments is not an object; left out")
        return
    kept: dict[str, Any] = {}
    for name, att in atts.items():
        why = _attachment(revision, name, att, kept)
        if why:
            revision.problems.append(f"attachment {name!r:.80} {why}; left out")
    revision.body["_attachments"] = kept


def _attachment(revision: Revision, name: str, att: object, kept: dict[str, Any]) -> str | None:
    if not isinstance(att, dict):
        return "is not an object"
    content_type = att.get("content_type") or "application/octet-stream"
    if not usable_text(content_type, 200):
        return "has no usable content_type"
    digest = att.get("digest")
    if digest is not None and not usable_text(digest, 100):
        return "has a malformed digest"
    revpos = att.get("revpos", revision.pos)
    if type(revpos) is not int or not 0 < revpos <= revision.pos:
        return "has a malformed revpos"
    if "data" not in att:
        if att.get("stub") is not True or digest is None:
            return "has neither data nor a stub with a digest"
        kept[name] = att  # content already held (or fetched separately), named by digest
        return None
    data = att["data"]
    if not isinstance(data, str) or len(data) > MAX_ATTACHMENT_BYTES * 4 // 3 + 4:
        return f"is not base64 text of at most {MAX_ATTACHMENT_BYTES:,} bytes"
    try:
        content = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return "is not valid base64"
    actual = digest_of(content)
    if digest is not None and digest != actual:
        return f"does not match its digest {digest:.40}"
    row, kept[name] = stored_attachment(content, content_type, revpos, actual)
    revision.attachments.append(row)
    return None


def stored_attachment(
    data: bytes, content_type: str, revpos: int, digest: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """An attachment's row in the attachments table, and the stub the body keeps."""
    row = {"digest": digest, "content_type": content_type, "length": len(data), "data": data}
    stub = {
        "content_type": content_type,
        "digest": digest,
        "length": len(data),
        "revpos": revpos,
        "stub": True,
    }
    return row, stub
