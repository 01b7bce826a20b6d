"""Warning markers on a few demo citizens (about four in a hundred), with the reasons a
council really records and review dates around today (some already due for review)."""

import random
from typing import Any

from caseworker import vocab
from caseworker.documents.types import MARKER
from caseworker.seed.reference import id_at, iso

DAY = 24 * 3_600_000
RATE = 0.04  # of citizens with at least one marker
_REASONS: dict[str, tuple[tuple[str, float], ...]] = {
    # (reason, weight)
    "vulnerability": (
        ("Recently bereaved: be patient, offer a call back", 3),
        ("Lives alone, memory loss: confirm details by letter as well", 2),
        ("Financial hardship: signpost to the council tax support team", 2),
        ("Mental health: prefers short calls, one named contact", 2),
    ),
    "safeguarding": (
        ("Adult safeguarding referral open: speak to the duty social worker first", 1),
        ("Domestic abuse: never confirm address or phone to a caller", 1),
    ),
    "accessibility": (
        ("Deaf: use text relay or email, not phone", 2),
        ("Partially sighted: large print letters", 2),
        ("Wheelchair user: ground-floor appointments only", 2),
        ("Dyslexia: explain by phone, keep letters short", 1),
    ),
    "officer_safety": (
        ("Visit in pairs: verbal abuse to staff in 2025", 3),
        ("Dangerous dog on the premises: phone ahead", 2),
        ("Do not visit alone after dark", 1),
    ),
}
_KIND_WEIGHTS = (
    ("vulnerability", 4),
    ("safeguarding", 1),
    ("accessibility", 3),
    ("officer_safety", 2),
)


def make_markers(
    rng: random.Random,
    number: int,
    citizen: dict[str, Any],
    staff: list[str],
    now_ms: int,
    home: tuple[str | None, str | None],
    always: bool = False,
) -> list[dict[str, Any]]:
    """Zero, one or two markers for citizen ``number`` (at least one when ``always``); ``rng``
    is the markers' own stream, so adding them changes nothing else the seeder makes."""
    if rng.random() >= RATE and not always:
        return []
    made: list[dict[str, Any]] = []
    kinds = [k for k, _ in _KIND_WEIGHTS]
    weights = [w for _, w in _KIND_WEIGHTS]
    for k in range(1 if rng.random() < 0.8 else 2):
        kind = rng.choices(kinds, weights)[0]
        address, postcode = home
        if kind == vocab.OFFICER_SAFETY and not (address and postcode):
            kind = "vulnerability"
        reasons = _REASONS[kind]
        reason = rng.choices([r for r, _ in reasons], [w for _, w in reasons])[0]
        set_ms = now_ms - rng.randrange(DAY, 400 * DAY)
        review_ms = now_ms + rng.randrange(-20 * DAY, 180 * DAY)
        doc: dict[str, Any] = {
            "_id": id_at(MARKER.id_prefix, 1_600_000_000_000 + number * 2 + k, rng.getrandbits(80)),
            "type": MARKER.name,
            "schema": MARKER.schema_version,
            "citizen_id": citizen["_id"],
            "kind": kind,
            "reason": reason,
            "set_by": rng.choice(staff),
            "set_at": iso(set_ms),
            "review_on": iso(review_ms)[:10],
        }
        if kind == vocab.OFFICER_SAFETY:
            doc["address"], doc["postcode"] = address, postcode
        made.append(doc)
    return made
