"""Which documents belong to an erased citizen, and what an anonymised copy of one keeps.

A document belongs when its root (``caseworker.access.channels.root_of``) is the citizen or one
of their cases, or when any of its top-level fields names one of those ids (a mention linked to
the citizen, a directory entry, a merged record pointing at them, and whatever record types
other parts of the system add later). Erasure records themselves never belong: they hold ids
only, and must stay so that a laptop that comes back later still purges.

Anonymising keeps what the council's statistics and published performance count (the citizen
record's existence and language, each case's dates, status, service, channel, queue and the
contacts logged on it) and drops every name, identifier, free text and address. Records that
are nothing but the person's words or details (notes, replies, markers, mentions, directory
entries, records of unknown types) are not kept at all.
"""

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from caseworker import vocab
from caseworker.access.channels import is_id_of, root_of

ANONYMISED = "anonymised"  # the field an anonymised revision carries: the erasure's id
# What the central worker says of an erasure refused because of a legal hold (its ``detail``,
# for people): free to be reworded, since ``in_force`` reads the recorded ``failure``.
UNDER_HOLD = (
    "a record it names is under legal hold: nothing was removed; end the hold and ask again"
)
# The detail written for a legal hold before ``failure`` was recorded: erasure documents keep
# it, so this wording never changes.
_RECORDED_UNDER_HOLD = (
    "a record it names is under legal hold: nothing was removed; end the hold and ask again"
)


class Failure(StrEnum):
    """Why the central worker did not carry out an erasure (its ``failure`` field)."""

    LEGAL_HOLD = "legal_hold"  # nothing was removed: not in force
    NO_PURGE = "no_purge"  # the server cannot purge: the laptops still do, so in force
    UNKNOWN = "unknown"  # failed for a reason not recorded or not known: in force, to be safe


_NEVER = ("erasure",)
_ERASURE_RECORDS = frozenset({"erasure", "disposal"})  # name erased ids by design
_LINK_SUFFIXES = ("_id", "_ids", "_into", "_from", "_to")
_LINK_NAMES = frozenset({"citizens", "cases", "members"})
_NOT_RECORDS = (
    "_",
    "citizen:",
    "erasure:",
    "disposal:",
    "retention:",
)  # types that never belong to a citizen
# What an anonymised copy of each kept type keeps (besides _id and type); the rest goes.
_KEPT: dict[str, tuple[str, ...]] = {
    "citizen": ("language", "merged_into", "created_at", "updated_at", "schema"),
    "case": (
        "reference",
        "citizen_id",
        "service_code",
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
        "schema",
    ),
    "interaction": ("citizen_id", "case_id", "channel", "direction", "at", "by", "schema"),
    "case_event": ("case_id", "kind", "at", "by", "field", "old", "new", "schema"),
}
# Required fields of the kept types that held personal words: kept, empty.
_EMPTIED: dict[str, dict[str, Any]] = {
    "citizen": {"given_name": "", "family_name": "", "identifiers": [], "consents": []},
    "case": {"summary": ""},
    "interaction": {"summary": ""},
}
# A case event's old/new hold a field's values: only these fields' values are not personal.
_PLAIN_FIELDS = frozenset({"status", "priority", "queue_id", "assignee_id", "outcome"})


def _link_field(name: str) -> bool:
    """A field that links to a record by id (``citizen_id``, ``subject_id``, ``merged_into``,
    ``citizen_ids``, ``citizens``): free text that happens to spell an id is not a link."""
    return name.endswith(_LINK_SUFFIXES) or name in _LINK_NAMES


def names_any(body: Mapping[str, Any], ids: frozenset[str]) -> bool:
    """Whether a top-level link field of ``body`` is one of ``ids`` (or a list holding one)."""
    for key, value in body.items():
        if not _link_field(key):
            continue
        if isinstance(value, str) and value in ids:
            return True
        if isinstance(value, list) and any(isinstance(v, str) and v in ids for v in value):
            return True
    return False


def linked(doc_id: str, body: Mapping[str, Any] | None) -> set[str]:
    """Every id the document could belong to: its own, its root's and its link fields' (for a
    quick look-up among many erasures at once; ``belongs`` is the same test for one set)."""
    found = {doc_id}
    if body is None or body.get("type") in _NEVER:
        return found if body is None else set()
    root = root_of(doc_id, body)
    if root is not None:
        found.add(root)
    for key, value in body.items():
        if _link_field(key):
            if isinstance(value, str):
                found.add(value)
            elif isinstance(value, list):
                found.update(v for v in value if isinstance(v, str))
    return found


def belongs(doc_id: str, body: Mapping[str, Any] | None, roots: frozenset[str]) -> bool:
    """Whether the document is part of the record of the citizen (and cases) in ``roots``."""
    if doc_id in roots:
        return True
    if body is None:
        return False
    if body.get("type") in _NEVER:
        return False
    return root_of(doc_id, body) in roots or names_any(body, roots)


def cases_of(bodies: Iterable[tuple[str, Mapping[str, Any] | None]], citizen: str) -> set[str]:
    """The case ids among these documents whose citizen is ``citizen``."""
    return {
        doc_id
        for doc_id, body in bodies
        if body is not None and body.get("type") == "case" and body.get("citizen_id") == citizen
    }


def anonymised(body: Mapping[str, Any], erasure_id: str) -> dict[str, Any] | None:
    """The anonymised copy of a document of the citizen, or None when none is kept (it is
    purged). ``_id`` is kept; the caller adds ``_rev``."""
    kind = body.get("type")
    if not isinstance(kind, str) or kind not in _KEPT:
        return None
    copy: dict[str, Any] = {"_id": body.get("_id"), "type": kind}
    copy.update({k: body[k] for k in _KEPT[kind] if body.get(k) is not None})
    copy.update(_EMPTIED.get(kind, {}))
    if kind == "case_event" and body.get("field") not in _PLAIN_FIELDS:
        copy.pop("old", None)
        copy.pop("new", None)
    copy[ANONYMISED] = erasure_id
    return copy


def is_anonymised(body: Mapping[str, Any] | None, erasure_id: str) -> bool:
    """Whether this is a revision the erasure anonymised: it carries the mark, and holds
    nothing an anonymised copy would not (a mark on a record that still names someone, from a
    careless or hostile peer, does not let it through; nor do attachments, which a copy never
    has)."""
    if body is None or body.get(ANONYMISED) != erasure_id or body.get("_attachments"):
        return False
    again = anonymised(body, erasure_id)
    return again is not None and _own(again) == _own(body)


def same_copy(body: Mapping[str, Any], held: Mapping[str, Any], erasure_id: str) -> bool:
    """Whether ``body`` is the anonymised copy ``held`` unchanged. Only the central job makes
    anonymised copies: a laptop may hand one back, never author one (the mark is a field any
    peer can type, and the fields a copy keeps, such as a case's reference, could be given a
    name)."""
    return (
        not body.get("_deleted")  # deleting the copy loses what the statistics count
        and is_anonymised(body, erasure_id)
        and is_anonymised(held, erasure_id)
        and _own(body) == _own(held)
    )


def _own(body: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in body.items() if not k.startswith("_")}


def target_of(doc: Mapping[str, Any]) -> str | None:
    """What an erasure takes: its ``citizen_id`` (a citizen id) or its ``record_id`` (any
    record's id but a citizen's or an erasure's), exactly one of them."""
    citizen, record = doc.get("citizen_id"), doc.get("record_id")
    if (citizen is None) == (record is None):
        return None
    if citizen is not None:
        return citizen if is_id_of(citizen, "citizen") else None
    if not isinstance(record, str) or ":" not in record or record.startswith(_NOT_RECORDS):
        return None
    return record if len(record.split(":", 1)[1]) > 0 else None


def live_hold(body: Mapping[str, Any] | None) -> bool:
    """Whether the document is a legal hold that has not ended."""
    return body is not None and body.get("type") == "legal_hold" and not body.get("ended_at")


def failure_of(doc: Mapping[str, Any]) -> Failure | None:
    """Why the central worker did not carry out this erasure, or None when it did not fail:
    its recorded ``failure``; for one recorded before that field, the detail written then."""
    if doc.get("state") != "failed":
        return None
    recorded = doc.get("failure")
    if isinstance(recorded, str) and recorded in vocab.ERASURE_FAILURES:
        return Failure(recorded)
    if recorded is None and doc.get("detail") == _RECORDED_UNDER_HOLD:
        return Failure.LEGAL_HOLD
    return Failure.UNKNOWN


def in_force(doc: Mapping[str, Any]) -> bool:
    """Whether an erasure document still takes its records: asked for or done, or failed for
    a reason other than a legal hold (a central server that cannot purge still leaves the
    laptops to purge, so nothing about the person may be stored again)."""
    return failure_of(doc) is not Failure.LEGAL_HOLD


def named_in(doc_id: str, body: Mapping[str, Any] | None, ids: Mapping[str, Any]) -> str | None:
    """The first of ``ids`` this document is, is rooted at, or names anywhere in its body (a
    key or a whole string value, at any depth: a link nested in a list of objects is still a
    link), or None. Erasure and disposal records name erased ids by design and never count.
    The body's depth is bounded by the caller (the gateway refuses deeper documents first)."""
    if doc_id in ids:
        return doc_id
    if body is None or body.get("type") in _ERASURE_RECORDS:
        return None
    root = root_of(doc_id, body)
    if root is not None and root in ids:
        return root
    stack: list[Any] = [body]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if item in ids:
                return item
        elif isinstance(item, Mapping):
            for key, value in item.items():
                if key in ids:
                    return str(key)
                stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return None
