"""Which documents are about a citizen: a pure selection, the same on a laptop and centrally.

Generic by design, so that a new kind of record comes out without code per type. A document is
the person's when

- it is their citizen record, or a citizen record merged into theirs (a merge keeps history);
- it is a case of any of those records;
- its root (``caseworker.access.channels.root_of``, the gateway's routing) is one of those
  records or cases: notes, contacts, case events, messages, markers and whatever child types
  are added later;
- any top-level field names one of those records or cases: a mention or directory summary
  linked to them (``citizen_id``), an audit event about them (``subject_id``), a link or merge
  record between two people (both get it; the other person's id is then redacted).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from caseworker.access.channels import is_id_of, root_of

Doc = Mapping[str, Any]


def merged_closure(citizen_id: str, merged_into: Mapping[str, str]) -> frozenset[str]:
    """The citizen's id and every id merged into it, directly or through another merge."""
    found = {citizen_id}
    changed = True
    while changed:
        changed = False
        for source, target in merged_into.items():
            if target in found and source not in found:
                found.add(source)
                changed = True
    return frozenset(found)


def _names(value: Any, ids: frozenset[str]) -> bool:
    if isinstance(value, str):
        return value in ids
    if isinstance(value, list):
        return any(isinstance(v, str) and v in ids for v in value)
    return False


@dataclass
class Subject:
    """The person an export is about: their record's id, the ids merged into it, their cases."""

    citizen_id: str
    records: frozenset[str] = frozenset()
    cases: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.records = self.records | {self.citizen_id}

    @property
    def ids(self) -> frozenset[str]:
        return self.records | self.cases

    def learn(self, docs: Iterable[Doc]) -> bool:
        """Take in merged records and cases found among ``docs``; whether a merged record was
        new (then look again: a case of it may have come before it, and records merged into it
        may too). Cases need no second look: they hang off records, not off other cases."""
        records, cases = set(self.records), set(self.cases)
        for doc in docs:
            doc_id = doc.get("_id")
            kind = doc.get("type")
            if not isinstance(doc_id, str):
                continue
            if kind == "citizen" and is_id_of(doc_id, "citizen"):
                if doc.get("merged_into") in records:
                    records.add(doc_id)
            elif kind == "case" and is_id_of(doc_id, "case") and doc.get("citizen_id") in records:
                cases.add(doc_id)
        grew = len(records) > len(self.records)
        self.records, self.cases = frozenset(records), frozenset(cases)
        return grew

    def holds(self, doc: Doc) -> bool:
        """Whether a (live) document is about this person."""
        doc_id = doc.get("_id")
        if not isinstance(doc_id, str) or doc_id.startswith("_"):
            return False
        ids = self.ids
        if doc_id in ids:
            return True
        if root_of(doc_id, doc) in ids:
            return True
        return any(_names(v, ids) for k, v in doc.items() if k != "_id")


@dataclass
class Collected:
    """What was found, each kind of document in id order (ids are time-ordered)."""

    subject: Subject
    documents: list[dict[str, Any]] = field(default_factory=list)


def select(subject: Subject, docs: Iterable[Doc]) -> Collected:
    """The documents about ``subject`` among ``docs`` (each once, sorted by type then id)."""
    found: dict[str, dict[str, Any]] = {}
    for doc in docs:
        if subject.holds(doc):
            found[str(doc["_id"])] = dict(doc)
    ordered = sorted(found.values(), key=lambda d: (str(d.get("type")), str(d["_id"])))
    return Collected(subject, ordered)
