"""Cases with consistent histories, contacts across every channel, notes and mentions."""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from caseworker import vocab
from caseworker.documents.types import CASE, CASE_EVENT, INTERACTION, MENTION, NOTE
from caseworker.ids import new_case_reference
from caseworker.seed.reference import iso

HOUR = 3_600_000
DAY = 24 * HOUR
# The road a case usually takes to reach each status (every step a legal transition).
STATUS_PATHS: dict[str, tuple[str, ...]] = {
    "new": (),
    "triaged": ("triaged",),
    "assigned": ("assigned",),
    "in_progress": ("assigned", "in_progress"),
    "awaiting_citizen": ("in_progress", "awaiting_citizen"),
    "resolved": ("resolved",),
    "closed": ("resolved", "closed"),
    "reopened": ("resolved", "reopened"),
}
_STATUS_WEIGHTS = (
    ("closed", 44),
    ("resolved", 10),
    ("in_progress", 10),
    ("assigned", 10),
    ("triaged", 8),
    ("new", 7),
    ("awaiting_citizen", 7),
    ("reopened", 4),
)
STATUSES = tuple(s for s, _ in _STATUS_WEIGHTS)
STATUS_CUM = tuple(sum(w for _, w in _STATUS_WEIGHTS[: i + 1]) for i in range(len(STATUSES)))
_CHANNEL_WEIGHTS = (30, 18, 22, 14, 5, 4, 7)  # phone, email, web form, app, walk-in, letter, social
_SUMMARIES = {
    "missed-bin": ("Green bin not emptied", "Recycling box missed again", "Food caddy left full"),
    "fly-tipping": (
        "Mattress dumped in lane",
        "Builders rubble by the stream",
        "Black bags dumped",
    ),
    "pothole": ("Deep pothole outside school", "Pothole damaged tyre", "Sunken road surface"),
    "street-light": ("Street light out all week", "Lamp flickering at night", "Light on all day"),
    "noise": ("Loud music late at night", "Dog barking all day", "Noisy works early morning"),
    "housing-repair": ("Damp and mould in bedroom", "Boiler not working", "Leak through ceiling"),
    "council-tax": ("Query about single person discount", "Bill seems too high", "Moving house"),
}
_DEFAULT_SUMMARIES = ("Reported by resident", "Follow-up requested", "Resident asked for help")
_CONTACT_LINES = {
    "phone": ("Called to report", "Rang to chase progress", "Called back with an update"),
    "email": ("Emailed photos", "Sent an email asking for an update", "Replied by email"),
    "web_form": ("Submitted the online form", "Form submitted with location pin"),
    "app": ("Reported through the app", "Added a photo in the app"),
    "walk_in": ("Came to the one-stop shop", "Visited reception"),
    "letter": ("Wrote to the council", "Letter received and scanned"),
    "social": ("Mentioned the council on Mastodon", "Replied to our post"),
}


IdMaker = Callable[[str], str]


@dataclass(frozen=True)
class Staffing:
    by_queue: dict[str, list[str]]  # queue id -> staff ids working it
    everyone: list[str]


def channel(rng: random.Random) -> str:
    return rng.choices(vocab.CHANNELS, _CHANNEL_WEIGHTS)[0]


# An ordinary day's open cases: most on time, some due soon, some late (and a few of those
# late by half as long again as they were allowed). DUE_SOON_SHARE in services/sla.py makes
# the last quarter of a case's allowed time "due soon".
ON_TIME_SHARE = 0.70
DUE_SOON_SHARE_OF_CASES = 0.15  # the rest, 0.15, are overdue
_LONGEST_LATE = 0.5  # of the allowed time


def open_case_age(u: float, allowed_ms: int) -> int:
    """How long ago an open case was opened, from ``u`` (uniform in [0, 1)) and the time its
    service allows: ``u`` below ON_TIME_SHARE lands in the first three quarters of the allowed
    time (on time), the next DUE_SOON_SHARE_OF_CASES in the last quarter (due soon), the rest
    past the due time (overdue). Never less than ten minutes."""
    soon = ON_TIME_SHARE + DUE_SOON_SHARE_OF_CASES
    if u < ON_TIME_SHARE:
        fraction = 0.75 * u / ON_TIME_SHARE
    elif u < soon:
        fraction = 0.75 + 0.25 * (u - ON_TIME_SHARE) / DUE_SOON_SHARE_OF_CASES
    else:
        fraction = 1.0 + _LONGEST_LATE * (u - soon) / (1.0 - soon)
    return max(10 * 60_000, int(fraction * allowed_ms))


def make_case(
    rng: random.Random,
    ids: IdMaker,
    number: int,
    service: dict[str, Any],
    staffing: Staffing,
    now_ms: int,
    citizen: dict[str, Any] | None,
    location: tuple[str | None, str | None],
    status: str,
    emit: Callable[[dict[str, Any]], object],
) -> dict[str, Any]:
    """Make one case and emit its history events; returns the case document."""
    steps = STATUS_PATHS[status]
    if status in vocab.OPEN_STATUSES:
        opened = now_ms - open_case_age(rng.random(), service["resolve_hours"] * HOUR)
    else:
        opened = now_ms - rng.randrange(HOUR, 720 * DAY)
    reference = case_reference(rng, opened, number)
    queue = service["default_queue_id"]
    team = staffing.by_queue.get(queue) or staffing.everyone
    case_id = ids(CASE.id_prefix)
    who = rng.choice(staffing.everyone)
    events: list[tuple[str, str, str | None, str, str]] = [("created", "status", None, "new", who)]
    current, assignee = "new", None
    for step in steps:
        if step == "assigned" and assignee is None:
            assignee = rng.choice(team)
            events.append(("assigned", "assignee_id", None, assignee, who))
        events.append(("status_changed", "status", current, step, assignee or who))
        current = step
    gap = max(1, min(now_ms - opened, 10 * DAY) // (len(events) + 1))
    at = opened
    resolved_at = closed_at = None
    for kind, field, old, new, by in events:
        emit(
            {
                "_id": ids(CASE_EVENT.id_prefix),
                "type": "case_event",
                "schema": CASE_EVENT.schema_version,
                "case_id": case_id,
                "kind": kind,
                "at": iso(at),
                "by": by,
                "field": field,
                **({"old": old} if old else {}),
                "new": new,
            }
        )
        if new == "resolved":
            resolved_at = iso(at)
        elif new == "closed":
            closed_at = iso(at)
        at += rng.randrange(1, gap + 1)
    last = at
    doc: dict[str, Any] = {
        "_id": case_id,
        "type": "case",
        "schema": CASE.schema_version,
        "reference": reference,
        "service_code": service["code"],
        "summary": rng.choice(_SUMMARIES.get(service["code"], _DEFAULT_SUMMARIES)),
        "status": status,
        "priority": rng.choices(vocab.PRIORITIES, (15, 65, 15, 5))[0],
        "channel": channel(rng),
        "queue_id": queue,
        "opened_at": iso(opened),
        "response_due_at": iso(opened + service["response_hours"] * HOUR),
        "due_at": iso(opened + service["resolve_hours"] * HOUR),
        "updated_at": iso(last),
    }
    if citizen is not None:
        doc["citizen_id"] = citizen["_id"]
    if assignee is not None and status != "reopened":
        doc["assignee_id"] = assignee
    if resolved_at and status in ("resolved", "closed"):
        doc["resolved_at"] = resolved_at
    if closed_at and status == "closed":
        doc["closed_at"] = closed_at
    outcomes = service.get("outcomes") or ()
    if status in ("resolved", "closed") and outcomes:
        # From the number, not the generator, so adding outcomes left every other value as it was.
        doc["outcome"] = outcomes[number % len(outcomes)]["code"]
    address, postcode = location
    if postcode and service["group"] in ("Street scene", "Highways", "Waste and recycling"):
        doc["location"] = {"address": address or "", "postcode": postcode}
    return doc


def case_reference(rng: random.Random, opened_ms: int, number: int) -> str:
    """A reference unique for the whole seed: 20 random bits above the case's number (mod
    2**20), so two cases could clash only past a million cases opened on the same day."""
    day = datetime.fromtimestamp(opened_ms / 1000, UTC)
    return new_case_reference(day, (rng.getrandbits(20) << 20) | (number & 0xFFFFF))


def make_interaction(
    rng: random.Random,
    ids: IdMaker,
    citizen_id: str,
    at_ms: int,
    staff_id: str,
    case_id: str | None,
) -> dict[str, Any]:
    ch = channel(rng)
    doc: dict[str, Any] = {
        "_id": ids(INTERACTION.id_prefix),
        "type": "interaction",
        "schema": INTERACTION.schema_version,
        "citizen_id": citizen_id,
        "channel": ch,
        "direction": "inbound" if rng.random() < 0.7 else "outbound",
        "at": iso(at_ms),
        "by": staff_id,
        "summary": rng.choice(_CONTACT_LINES[ch]),
    }
    if case_id is not None:
        doc["case_id"] = case_id
    return doc


def make_note(
    rng: random.Random, ids: IdMaker, case: dict[str, Any], staff_id: str, at_ms: int
) -> dict[str, Any]:
    at = iso(at_ms)
    doc: dict[str, Any] = {
        "_id": ids(NOTE.id_prefix),
        "type": "note",
        "schema": NOTE.schema_version,
        "case_id": case["_id"],
        "text": rng.choice(
            (
                "Spoke to the resident; they are happy for us to attend without an appointment.",
                "Photos attached by the resident show the problem clearly.",
                "Access via the rear lane; the side gate is locked.",
                "Resident prefers contact by text message.",
            )
        ),
        "at": at,
        "by": staff_id,
    }
    if "citizen_id" in case:
        doc["citizen_id"] = case["citizen_id"]
    return doc


def skip_mention_draws(rng: random.Random, ids: IdMaker) -> None:
    """The draws the demo's mentions took from a chunk's main stream before they had their own
    (``seed.mentions``): taken still, so every other record of the demo council is unchanged."""
    rng.choice(_FOUR)  # its text
    ids(MENTION.id_prefix)
    rng.choice(_FOUR)  # its state


_FOUR = (0, 1, 2, 3)
