"""The rules for what a citizen record's assurance checks, consents and identifiers may
become (anyone but an admin; ``rules.changed`` asks here for every citizen write).

- Checks are append-only inside the record: what was checked stays true. A new check is made
  in the writer's own name, now (not backdated), through an identifier of the right kind.
- Consents are withdrawn, never deleted or rewritten. A new one is recorded in the writer's
  own name, now, and cannot start before it was recorded (a consent is never backdated). A
  withdrawal is made once, in the writer's own name, now.
- Verifications that only the council's systems make (``assurance.CENTRAL_METHODS``) are never
  written by a member of staff.
- Changing or removing an existing way to reach the citizen needs the level
  ``assurance.REQUIRED["change_contact_details"]``, reached by the checks already on the record
  or recorded in the same write.

``received_at`` is when the server (or the laptop) judges the write: "now" has a tolerance
(``OFFLINE_GRACE``) for a laptop that wrote offline and pushed later.
"""

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from caseworker.access import assurance
from caseworker.access.people import Person
from caseworker.timeutil import from_iso

OFFLINE_GRACE = timedelta(days=31)  # a laptop offline for a month still pushes its work
CLOCK_SKEW = timedelta(minutes=10)  # a laptop's clock a little ahead
CENTRAL_CLAIM = "only the council's own systems record a verification by council record or app"
CHECKS_KEPT = "a recorded check cannot be changed or removed: what was checked stays true"
CHECK_OWN_NAME = "a check must be recorded in your own name"
CHECK_WHEN = "a check is recorded when it is made: its time is not now"
CHECK_IDENTIFIER = "a code or a call back must name the email address or phone number it used"
CONSENT_KEPT = "a consent is withdrawn, never deleted"
CONSENT_FIXED = "a recorded consent cannot be rewritten: withdraw it and record a new one"
CONSENT_OWN_NAME = "a consent must be recorded in your own name"
CONSENT_WHEN = "a consent is recorded when it is given: its recording time is not now"
CONSENT_BACKDATED = "a consent cannot start before it was recorded"
CONSENT_PERIOD = "a consent must end after it starts"
WITHDRAW_OWN_NAME = "a consent must be withdrawn in your own name, now"
DUPLICATE = "two entries of the record share an id"
_WITHDRAWAL = frozenset({"withdrawn_at", "withdrawn_by"})


def _by_id(doc: Mapping[str, Any] | None, name: str) -> dict[str, Mapping[str, Any]] | None:
    value = doc.get(name) if doc is not None else None
    entries = [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []
    found = {str(e.get("id")): e for e in entries}
    return None if len(found) != len(entries) else found


def _now(text: object, now: datetime) -> bool:
    """Whether ``text`` is a time within the tolerance of ``now``."""
    if not isinstance(text, str):
        return False
    try:
        moment = from_iso(text)
    except ValueError:
        return False
    return now - OFFLINE_GRACE <= moment <= now + CLOCK_SKEW


def problem(
    person: Person,
    new: Mapping[str, Any],
    current: Mapping[str, Any] | None,
    received_at: datetime,
) -> str | None:
    """None when the citizen write keeps these rules, else the reason."""
    lists = [_by_id(d, n) for d in (new, current) for n in ("identifiers", "checks", "consents")]
    if any(found is None for found in lists):
        return DUPLICATE
    new_idents, new_checks, new_consents, old_idents, old_checks, old_consents = (
        found or {} for found in lists
    )
    for ident_id, ident in new_idents.items():
        before = old_idents.get(ident_id)
        claim = (ident.get("verified_by"), ident.get("verified_at"))
        changed = before is None or claim != (before.get("verified_by"), before.get("verified_at"))
        if changed and ident.get("verified_by") in assurance.CENTRAL_METHODS:
            return CENTRAL_CLAIM
    reason = _checks(person, new_checks, old_checks, new_idents, received_at)
    reason = reason or _consents(person, new_consents, old_consents, received_at)
    if reason is not None or current is None:
        return reason
    moved = any(
        ident_id not in new_idents
        or (new_idents[ident_id].get("kind"), new_idents[ident_id].get("value"))
        != (before.get("kind"), before.get("value"))
        for ident_id, before in old_idents.items()
    )
    if moved:
        # Judged on the checks as they will stand, through the identifiers as they stood.
        judged = {**new, "identifiers": list(old_idents.values())}
        return assurance.refusal("change_contact_details", judged, received_at)
    return None


def _checks(
    person: Person,
    new: Mapping[str, Mapping[str, Any]],
    old: Mapping[str, Mapping[str, Any]],
    identifiers: Mapping[str, Mapping[str, Any]],
    now: datetime,
) -> str | None:
    if any(new.get(check_id) != check for check_id, check in old.items()):
        return CHECKS_KEPT
    for check_id, check in new.items():
        if check_id in old:
            continue
        if check.get("by") != person.staff_id:
            return CHECK_OWN_NAME
        if not _now(check.get("at"), now):
            return CHECK_WHEN
        kinds = assurance.METHOD_IDENTIFIERS.get(str(check.get("method")))
        if kinds is not None:
            ident = identifiers.get(str(check.get("identifier_id")))
            if ident is None or ident.get("kind") not in kinds:
                return CHECK_IDENTIFIER
    return None


def _consents(
    person: Person,
    new: Mapping[str, Mapping[str, Any]],
    old: Mapping[str, Mapping[str, Any]],
    now: datetime,
) -> str | None:
    me = person.staff_id
    for consent_id, before in old.items():
        after = new.get(consent_id)
        if after is None:
            return CONSENT_KEPT
        if after == before:
            continue
        fields = {k for k in (*after, *before)}
        if before.get("withdrawn_at") is not None or any(
            after.get(k) != before.get(k) for k in fields - _WITHDRAWAL
        ):
            return CONSENT_FIXED
        if after.get("withdrawn_by") != me or not _now(after.get("withdrawn_at"), now):
            return WITHDRAW_OWN_NAME
    for consent_id, entry in new.items():
        if consent_id in old:
            continue
        reason = _new_consent(me, entry, now)
        if reason is not None:
            return reason
    return None


def _new_consent(me: str | None, entry: Mapping[str, Any], now: datetime) -> str | None:
    if entry.get("recorded_by") != me:
        return CONSENT_OWN_NAME
    recorded = entry.get("recorded_at")
    if not isinstance(recorded, str) or not _now(recorded, now):
        return CONSENT_WHEN
    start, end = entry.get("valid_from"), entry.get("valid_to")
    try:
        if from_iso(str(start)) < from_iso(recorded) - CLOCK_SKEW:
            return CONSENT_BACKDATED
        if isinstance(end, str) and from_iso(end) <= from_iso(str(start)):
            return CONSENT_PERIOD
    except ValueError:
        return CONSENT_BACKDATED
    if entry.get("withdrawn_at") is not None or entry.get("withdrawn_by") is not None:
        withdrawn_now = entry.get("withdrawn_by") == me and _now(entry.get("withdrawn_at"), now)
        return None if withdrawn_now else WITHDRAW_OWN_NAME
    return None
