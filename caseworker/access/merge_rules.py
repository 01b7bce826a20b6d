"""The rules for merging citizens and for "not the same person" decisions.

Only a supervisor merges, undoes a merge or decides two records are different people: a false
merge shows one person's record to another's callers, so it is a considered decision, not a
side effect of answering a call. Both records must be held in full (the directory's summary is
not enough to judge by), and everything is written in the writer's own name.

A merge is ``merge:<key>`` for the merged ``citizen:<key>``; ``others`` holds the server's (or
the laptop's) current merge document of the survivor, when there is one, so that a merge into
a citizen who is merged away (and so a chain A -> B -> A) is refused on the laptop and at the
gateway alike.
"""

from collections.abc import Mapping
from typing import Any

from caseworker.access.channels import EVERYTHING, is_id_of
from caseworker.access.people import Person

WHO = "only a supervisor can merge citizens, undo a merge or decide two are different people"
OWN_NAME = "a merge, or its undoing, must be recorded in your own name"
SELF = "a citizen cannot be merged into themselves"
WRONG_ID = "a merge's id must name the citizen merged away"
NOT_HELD = "you can only merge citizens whose full records you have"
INTO_MERGED = "that citizen was merged into another: merge into the record that remains"
KEPT = "what a merge was (who, into whom, when, why) cannot change: undo it instead"
UNDONE_KEPT = "an undone merge cannot change: merge the two again"
UNDO_BOTH = "an undone merge must say when, by whom and why"
HISTORY = "merging again keeps each earlier merge in its history, unchanged"
DISTINCT_ID = "a decision's id must name its two citizens, in order"
DISTINCT_ONCE = "a 'not the same person' decision is recorded once and cannot change"

_EPISODE = ("survivor_id", "at", "by", "reason", "undone_at", "undone_by", "undo_reason")


def merge_id_of(citizen_id: str) -> str:
    """The id of the merge document of a citizen merged away."""
    return "merge:" + citizen_id.split(":", 1)[1]


def distinct_id_of(a: str, b: str) -> str:
    first, second = sorted((a, b))
    return f"distinct:{first.split(':', 1)[1]}.{second.split(':', 1)[1]}"


def _held(roots: frozenset[str], citizen: object) -> bool:
    return is_id_of(citizen, "citizen") and (EVERYTHING in roots or citizen in roots)


def is_active(doc: Mapping[str, Any] | None) -> bool:
    return doc is not None and doc.get("type") == "merge" and doc.get("state") == "merged"


def merge(
    person: Person,
    doc_id: str,
    new: Mapping[str, Any],
    current: Mapping[str, Any] | None,
    roots: frozenset[str],
    survivor_merge: Mapping[str, Any] | None,
) -> str | None:
    """A new merge, an undo, or a merge again after an undo."""
    if not person.is_supervisor:
        return WHO
    merged, survivor = new.get("merged_id"), new.get("survivor_id")
    if not is_id_of(merged, "citizen") or doc_id != merge_id_of(merged):
        return WRONG_ID
    if survivor == merged:
        return SELF
    if not (_held(roots, survivor) and _held(roots, merged)):
        return NOT_HELD
    undone = [new.get(k) is None for k in ("undone_at", "undone_by", "undo_reason")]
    if new.get("state") == "merged":
        if not all(undone):
            return "a merge in force cannot say it was undone"
        if current is not None and current.get("state") == "merged":
            return KEPT if _differs(new, current) else None
        if new.get("by") != person.staff_id:
            return OWN_NAME
        if is_active(survivor_merge):
            return INTO_MERGED
        if current is not None and not _history_kept(new, current):
            return HISTORY
        return None
    # Undone: all three say so; what it undid, and its history, stay as they were.
    if any(undone):
        return UNDO_BOTH
    if current is None:
        return "only a merge in force can be undone"
    if current.get("state") == "undone":
        return UNDONE_KEPT if _differs(new, current) else None
    if new.get("undone_by") != person.staff_id:
        return OWN_NAME
    fixed = ("merged_id", "survivor_id", "at", "by", "reason", "history")
    if any(new.get(k) != current.get(k) for k in fixed):
        return KEPT
    return None


def _differs(new: Mapping[str, Any], current: Mapping[str, Any]) -> bool:
    fields = {k for k in (*new, *current) if not k.startswith("_")}
    return any(new.get(k) != current.get(k) for k in fields)


def _history_kept(new: Mapping[str, Any], current: Mapping[str, Any]) -> bool:
    """Merging again after an undo: the earlier history, then the undone merge, unchanged."""
    kept = current.get("history") or []
    before = list(kept) if isinstance(kept, list) else [kept]
    episode = {k: current.get(k) for k in _EPISODE}
    after = new.get("history")
    if not isinstance(after, list) or len(after) != len(before) + 1:
        return False
    last = {k: after[-1].get(k) for k in _EPISODE} if isinstance(after[-1], dict) else None
    return after[:-1] == before and last == episode


def distinct(
    person: Person,
    doc_id: str,
    new: Mapping[str, Any],
    current: Mapping[str, Any] | None,
    roots: frozenset[str],
) -> str | None:
    """A "not the same person" decision: written once, by a supervisor holding both records."""
    if not person.is_supervisor:
        return WHO
    if current is not None:
        return DISTINCT_ONCE if _differs(new, current) else None
    first, second = new.get("first_id"), new.get("second_id")
    if not (is_id_of(first, "citizen") and is_id_of(second, "citizen")):
        return DISTINCT_ID
    if first == second:
        return "a citizen is always the same person as themselves"
    if first > second or doc_id != distinct_id_of(first, second):
        return DISTINCT_ID
    if not (_held(roots, first) and _held(roots, second)):
        return NOT_HELD
    if new.get("by") != person.staff_id:
        return "a decision must be recorded in your own name"
    return None
