"""Opening a citizen's full record on demand: who may, for which ids, and with what reason.

An agent holds the citizen directory, which finds any caller, but only the records of their
queues' cases. When a caller's record is not on the laptop, the agent (or a supervisor) may
open it while online: the gateway serves it once, records the opening with the reason given,
and the laptop shows it from memory only. A field officer holds their scope and nothing more;
an admin holds everything anyway.

The record is the citizen and everything under it: the documents hanging off the citizen,
the cases on them, and the documents hanging off those cases.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from caseworker.access.channels import is_id_of, root_of
from caseworker.access.people import Person
from caseworker.limits import MAX_ID_LENGTH

OPENERS = ("agent", "supervisor", "admin")
MAX_REASON_CHARS = 200
# The documents one opening serves at most (citizen, cases and what hangs off them); a record
# with more is cut, and the answer says so.
MAX_RECORD_DOCS = 2000


def may_open_record(person: Person) -> bool:
    """Whether ``person`` may open any citizen's full record on demand."""
    return person.role in OPENERS


def citizen_id_problem(value: object) -> str | None:
    """Why ``value`` is not a citizen id that may be opened (None when it is one)."""
    if not isinstance(value, str) or not value:
        return "a citizen id is needed"
    if len(value) > MAX_ID_LENGTH:
        return "the citizen id is too long"
    if not is_id_of(value, "citizen"):
        return "only a citizen's record can be opened"
    key = value[len("citizen:") :]
    if not key.isprintable() or any(c in key for c in "/\\%? #") or key.strip(".") == "":
        return "that is not a citizen id"
    return None


def reason_problem(value: object) -> str | None:
    """Why ``value`` is not a reason for an opening (None when it is one): short plain text,
    one line, not blank."""
    if not isinstance(value, str) or not value.strip():
        return "a reason for opening the record is needed"
    if len(value) > MAX_REASON_CHARS:
        return f"the reason is longer than {MAX_REASON_CHARS} characters"
    if not value.isprintable():
        return "the reason must be one line of plain text"
    return None


def record_roots(citizen_id: str, cases: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """The roots of a citizen's full record: the citizen and each of ``cases`` that is on them
    (a case naming another citizen is not theirs, whatever a view said)."""
    roots = {citizen_id}
    for case in cases:
        case_id = case.get("_id")
        if (
            is_id_of(case_id, "case")
            and case.get("type") == "case"
            and case.get("citizen_id") == citizen_id
        ):
            roots.add(case_id)
    return frozenset(roots)


def in_record(roots: frozenset[str], doc_id: str, body: Mapping[str, Any] | None) -> bool:
    """Whether a document belongs to the record whose roots are ``roots``."""
    return root_of(doc_id, body) in roots
