"""Redacting other people's personal data from a subject access export.

Every string in every exported document is checked (never ``_id``, ``_rev``, ``type``):

- another citizen's record id (``citizen:...`` not one of the person's own records);
- an email address, a social-media handle or a UK phone number that is not one of the person's
  own identifiers: in free text it is a third party's (a neighbour's number in a note), or at
  best not known to be theirs;
- another citizen's name (given or preferred name with family name), as the store knows its
  citizens (``Others``). The person's own names are never redacted, even when someone else
  shares them: that name is theirs too.

Staff names are disclosed, as the ICO expects for staff acting in their official role; a
staff member's name is redacted only where it is also another citizen's name.

Each redaction is listed (document, field, kind, why), never with the value itself.
"""

import re
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field
from typing import Any, Protocol

from caseworker.store.normalise import phone_digits

REDACTED = "[redacted: another person]"
KEEP = frozenset({"_id", "_rev", "type", "schema"})
ATTACHMENTS = "_attachments"

_CITIZEN_ID = re.compile(r"citizen:[^\s\"'<>,;()\[\]]+")
_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_.]{1,30}@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_EMAIL = re.compile(r"(?<![\w.+@-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d \-().]{7,18}\d(?!\w)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
MAX_NAME_WORDS = 4

WHY = {
    "citizen_id": "the record id of another citizen",
    "name": "the name of another citizen known to the council",
    "phone": "a phone number that is not one of the citizen's own",
    "email": "an email address that is not one of the citizen's own",
    "handle": "a social-media handle that is not one of the citizen's own",
}


class Others(Protocol):
    def names(self, candidates: Set[str]) -> set[str]:
        """Which of these lower-cased full names are the names of citizens other than the
        person (``records``: the person's own record ids, excluded)."""
        ...


@dataclass(frozen=True)
class Redaction:
    doc_id: str
    field: str  # a path: "text", "identifiers[2].value"
    kind: str

    @property
    def why(self) -> str:
        return WHY[self.kind]

    def as_json(self) -> dict[str, str]:
        return {"document": self.doc_id, "field": self.field, "kind": self.kind, "why": self.why}


def full_names(doc: Mapping[str, Any]) -> set[str]:
    """A citizen's (or directory entry's) full names, lower-cased: given and preferred name
    each with the family name."""
    family = doc.get("family_name")
    if not isinstance(family, str) or not family.strip():
        return set()
    firsts = (doc.get("given_name"), doc.get("preferred_name"))
    return {_fold(f"{f} {family}") for f in firsts if isinstance(f, str) and f.strip()}


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


@dataclass
class Own:
    """The person's own values, never redacted."""

    records: frozenset[str]
    names: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    handles: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, records: frozenset[str], docs: Iterable[Mapping[str, Any]]) -> "Own":
        own = cls(records)
        for doc in docs:
            if doc.get("type") == "citizen" and doc.get("_id") in records:
                own.names |= full_names(doc)
                for ident in doc.get("identifiers") or ():
                    if isinstance(ident, Mapping) and isinstance(ident.get("value"), str):
                        own.add_identifier(str(ident.get("kind")), ident["value"])
            elif doc.get("type") == "mention" and doc.get("citizen_id") in records:
                # A mention linked to the person is theirs: its author is them.
                if isinstance(doc.get("author_handle"), str):
                    own.handles.add(doc["author_handle"].casefold())
                if isinstance(doc.get("author_name"), str):
                    own.names.add(_fold(doc["author_name"]))
        return own

    def add_identifier(self, kind: str, value: str) -> None:
        if kind == "phone":
            self.phones.add(phone_digits(value))
        elif kind == "email":
            self.emails.add(value.casefold())
        elif kind == "social":
            self.handles.add(value.casefold() if value.startswith("@") else "@" + value.casefold())


def _is_uk_phone(text: str) -> bool:
    digits = phone_digits(text)
    return digits.startswith("0") and len(digits) in (10, 11)


def name_candidates(text: str) -> set[str]:
    """Runs of two to four words (separated by spaces alone) that could be a full name."""
    words = list(_WORD.finditer(text))
    found: set[str] = set()
    for i in range(len(words)):
        for n in range(2, MAX_NAME_WORDS + 1):
            if i + n > len(words):
                break
            gap = text[words[i + n - 2].end() : words[i + n - 1].start()]
            if gap.strip(" "):
                break
            span = text[words[i].start() : words[i + n - 1].end()]
            found.add(_fold(span))
            found.add(_fold(_bare(span)))
    return found


def _bare(span: str) -> str:
    """A name without its possessive: "Jones's" and "Jones'" are Jones."""
    for ending in ("'s", "’s", "'S", "’S", "'", "’"):
        if span.endswith(ending):
            return span[: -len(ending)]
    return span


def strings(value: Any, path: str = "") -> Iterable[tuple[str, str]]:
    """Every (path, string) inside a document, but the structural fields."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key in sorted(value):
            if path or key not in KEEP:
                yield from strings(value[key], f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from strings(item, f"{path}[{n}]")


class Redactor:
    def __init__(self, own: Own, other_names: Set[str]) -> None:
        self.own = own
        self.other_names = {n for n in other_names if n not in own.names}

    def text(self, text: str) -> tuple[str, list[str]]:
        """The text with other people's data replaced, and the kinds replaced."""
        kinds: list[str] = []

        def sub(pattern: re.Pattern[str], kind: str, mine: Any) -> None:
            nonlocal text

            def replace(m: re.Match[str]) -> str:
                if mine(m.group(0)):
                    return m.group(0)
                kinds.append(kind)
                return REDACTED

            text = pattern.sub(replace, text)

        sub(_CITIZEN_ID, "citizen_id", lambda v: v in self.own.records)
        sub(_HANDLE, "handle", lambda v: v.casefold() in self.own.handles)
        sub(_EMAIL, "email", lambda v: v.casefold() in self.own.emails)
        sub(_PHONE, "phone", lambda v: not _is_uk_phone(v) or phone_digits(v) in self.own.phones)
        if self.other_names:
            text = self._names(text, kinds)
        return text, kinds

    def _names(self, text: str, kinds: list[str]) -> str:
        words = list(_WORD.finditer(text))
        out: list[str] = []
        pos = i = 0
        while i < len(words):
            matched, kept = 0, ""
            for n in range(min(MAX_NAME_WORDS, len(words) - i), 1, -1):
                gap_ok = all(
                    not text[words[j].end() : words[j + 1].start()].strip(" ")
                    for j in range(i, i + n - 1)
                )
                span = text[words[i].start() : words[i + n - 1].end()]
                if gap_ok and _fold(span) in self.other_names:
                    matched, kept = n, ""
                    break
                if gap_ok and _fold(_bare(span)) in self.other_names:
                    matched, kept = n, span[len(_bare(span)) :]  # "[redacted]'s"
                    break
            if matched:
                out.append(text[pos : words[i].start()] + REDACTED + kept)
                pos = words[i + matched - 1].end()
                kinds.append("name")
                i += matched
            else:
                i += 1
        out.append(text[pos:])
        return "".join(out)

    def document(self, doc: Mapping[str, Any]) -> tuple[dict[str, Any], list[Redaction]]:
        doc_id = str(doc.get("_id"))
        found: list[Redaction] = []

        def walk(value: Any, path: str) -> Any:
            if isinstance(value, str):
                new, kinds = self.text(value)
                found.extend(Redaction(doc_id, path, k) for k in kinds)
                return new
            if isinstance(value, Mapping):
                return {
                    k: v if not path and k in KEEP else walk(v, f"{path}.{k}" if path else k)
                    for k, v in value.items()
                    if path or k != ATTACHMENTS  # listed as files instead: names are free text
                }
            if isinstance(value, list):
                return [walk(v, f"{path}[{n}]") for n, v in enumerate(value)]
            return value

        result = walk(doc, "")
        assert isinstance(result, dict)
        return result, found


def redact_all(
    docs: Iterable[Mapping[str, Any]], records: frozenset[str], others: Others
) -> tuple[list[dict[str, Any]], list[Redaction], Redactor]:
    """Every document redacted, what was redacted (in document order), and the redactor (for
    the names of attached files)."""
    docs = list(docs)
    own = Own.of(records, docs)
    texts = [s for d in docs for _, s in strings(d)]
    texts += [
        str(k) for d in docs if isinstance(d.get(ATTACHMENTS), Mapping) for k in d[ATTACHMENTS]
    ]
    candidates = {c for t in texts for c in name_candidates(t)}
    redactor = Redactor(own, others.names(candidates - own.names) if candidates else set())
    out: list[dict[str, Any]] = []
    listed: list[Redaction] = []
    for doc in docs:
        new, found = redactor.document(doc)
        out.append(new)
        listed.extend(found)
    return out, listed, redactor
