"""A mention's triage written onto its document: the one function both the laptop (a person
triaging in the inbox) and the central worker (linking automatically) use, so the two write
the same shape the access rules check (``access.rules._mention``).

    body = triaged(current, "linked", by=staff_id, at=iso_now, citizen_id=citizen)
    body = triaged(current, "case_opened", by=staff_id, at=iso_now, case_id=case)
    body = triaged(current, "dismissed", by=staff_id, at=iso_now)

Only the triage fields change. A link or a case made earlier is kept when the state moves on
(a mention answered after its case was opened still names its citizen and case); ``new`` clears
both, for a triage undone.
"""

from collections.abc import Mapping
from typing import Any

from caseworker import vocab
from caseworker.errors import ValidationError

_NEEDS = {"linked": "citizen_id", "case_opened": "case_id"}


def triaged(
    current: Mapping[str, Any],
    state: str,
    *,
    by: str,
    at: str,
    citizen_id: str | None = None,
    case_id: str | None = None,
) -> dict[str, Any]:
    """``current`` with its triage set to ``state`` by ``by`` at ``at`` (ISO time)."""
    if state not in vocab.MENTION_STATES:
        raise ValidationError(f"a mention's state is one of {', '.join(vocab.MENTION_STATES)}")
    body = dict(current)
    if state == "new":
        body.pop("citizen_id", None)
        body.pop("case_id", None)
    if citizen_id is not None:
        body["citizen_id"] = citizen_id
    if case_id is not None:
        body["case_id"] = case_id
    needed = _NEEDS.get(state)
    if needed is not None and not body.get(needed):
        what = "citizen" if needed == "citizen_id" else "case"
        raise ValidationError(f"say which {what} the mention is {state.replace('_', ' ')} to")
    body["state"] = state
    body["triaged_by"] = by
    body["triaged_at"] = at
    return body
