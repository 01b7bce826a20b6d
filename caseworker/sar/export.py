"""A subject access export, assembled: the person's documents (redacted), what is missing and
why, the access log when it can be read, and the staff named in the records (disclosed)."""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from caseworker.access.channels import CATALOGUE, ROUTES, STAFF, root_of
from caseworker.access.people import Person
from caseworker.sar import labels
from caseworker.sar.collect import Collected
from caseworker.sar.files import Attached, attached, gather
from caseworker.sar.redact import Others, Redaction, redact_all

LAPTOP = "laptop"
CENTRAL = "central"

Bilingual = dict[str, str]  # {"en": ..., "cy": ...}
ACCESS_LOG: Bilingual = labels.both_languages(labels.MISSING, "access_log")


@dataclass
class Completeness:
    whole_store: bool  # the store holds everything the council holds
    why: str
    access_log: bool  # the access log is included
    may_be_missing: list[Bilingual] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.whole_store and self.access_log


def may_be_missing(person: Person, shared: frozenset[str]) -> list[Bilingual]:
    """What a laptop that holds ``shared`` channels (and its person's cases) may lack about a
    citizen: read from the routing table, so a new type routed to a channel is listed too."""
    missing = [labels.both_languages(labels.MISSING, k) for k in ("cases", "merged")]
    role = labels.ROLES.get(person.role, {"en": person.role, "cy": person.role})
    for doc_type, route in sorted(ROUTES.items()):
        channel = route.fixed
        if channel is None or channel in (CATALOGUE, STAFF) or channel in shared:
            continue
        line = {}
        for language in labels.LANGUAGES:
            kind = labels.TYPES.get(doc_type, {}).get(language, doc_type.replace("_", " "))
            line[language] = labels.MISSING["channel"][language].format(
                type=kind[:1].lower() + kind[1:], channel=channel, role=role[language]
            )
        missing.append(line)
    return missing


@dataclass
class Export:
    citizen_id: str
    made_at: str
    made_by: str
    made_on: str
    completeness: Completeness
    documents: list[dict[str, Any]]  # redacted, sorted by type then id
    redactions: list[Redaction]
    cases: list[str]
    records: list[str]  # the person's record and those merged into it
    staff: dict[str, str]  # staff id -> name, for every staff id the documents name
    access_log: list[dict[str, Any]] | None = None
    files: list[dict[str, Any]] = field(default_factory=list)  # attached files, listed
    contents: dict[str, bytes] = field(default_factory=dict)  # their bytes, by relative path

    def record(self) -> dict[str, Any] | None:
        return next((d for d in self.documents if d["_id"] == self.citizen_id), None)

    def under_case(self, case_id: str) -> list[dict[str, Any]]:
        return [
            d
            for d in self.documents
            if d["_id"] != case_id
            and (root_of(d["_id"], d) == case_id or d.get("case_id") == case_id)
        ]

    def outside_cases(self) -> list[dict[str, Any]]:
        held = set(self.cases)
        return [
            d
            for d in self.documents
            if d["_id"] != self.citizen_id
            and d["_id"] not in held
            and root_of(d["_id"], d) not in held
            and d.get("case_id") not in held
        ]


_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


def stem(citizen_id: str) -> str:
    """``subject-access-<key>``, the key made safe for any file system."""
    key = _SAFE.sub("-", citizen_id.split(":", 1)[-1]).strip("-")[:80] or "record"
    return f"subject-access-{key}"


def no_files(_atts: list[Attached]) -> dict[str, bytes]:
    return {}


def staff_named(docs: Iterable[Mapping[str, Any]], staff: Mapping[str, str]) -> dict[str, str]:
    """The staff the documents name (``by``, ``set_by``, ``assignee_id``...), by id."""
    named: dict[str, str] = {}
    for doc in docs:
        for value in doc.values():
            if isinstance(value, str) and value in staff:
                named[value] = staff[value]
    return dict(sorted(named.items()))


def assemble(
    collected: Collected,
    others: Others,
    *,
    staff: Mapping[str, str],
    made_at: str,
    made_by: str,
    made_on: str,
    completeness: Completeness,
    access_log: list[dict[str, Any]] | None = None,
    read_files: Callable[[list[Attached]], Mapping[str, bytes]] = no_files,
) -> Export:
    subject = collected.subject
    documents, redactions, redactor = redact_all(collected.documents, subject.records, others)
    atts = attached(collected.documents)

    def redact_name(index: int, att: Attached) -> str:
        # Its place in the export's list of files: the name itself may be what is redacted.
        text, kinds = redactor.text(att.name)
        redactions.extend(Redaction(att.doc_id, f"files[{index}].name", k) for k in kinds)
        return text

    for entry in access_log or ():
        # A reason is free text a member of staff typed when opening the record.
        if isinstance(entry.get("reason"), str):
            entry["reason"], kinds = redactor.text(entry["reason"])
            where = str(entry.get("entry"))
            redactions.extend(Redaction(where, "access_log.reason", k) for k in kinds)
    listing, contents = gather(atts, stem(subject.citizen_id) + "-files", read_files, redact_name)
    return Export(
        citizen_id=subject.citizen_id,
        made_at=made_at,
        made_by=made_by,
        made_on=made_on,
        completeness=completeness,
        documents=documents,
        redactions=redactions,
        cases=sorted(subject.cases),
        records=sorted(subject.records),
        staff=staff_named([*collected.documents, {"made_by": made_by}], staff),
        access_log=access_log,
        files=listing,
        contents=contents,
    )
