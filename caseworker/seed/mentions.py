"""The demo council's social-media mentions: posts in English and Welsh about the services in
its catalogue, some from handles on seeded citizens' records (their ``social`` identifier),
in every triage state, a few edited, deleted or with a photo (as a link, never fetched).

They are shaped as the central collector writes them (``caseworker.mentions.note``), with
Mastodon-style ids, so a seeded council looks like one whose collector has been running.
"""

import html
import random
import zlib
from typing import Any

from caseworker.documents.types import MENTION
from caseworker.mentions.note import mention_id
from caseworker.seed.reference import MASTODON_HOST, iso

HOUR = 3_600_000
COUNCIL = f"@council@{MASTODON_HOST}"
_COUNCIL_HTML = (
    f'<span><a href="https://{MASTODON_HOST}/@council" rel="nofollow noopener noreferrer">'
    "@<span>council</span></a></span> "
)
# (language, text, hashtag): about the catalogue's services (bins, potholes, fly-tipping, ...)
_POSTS = (
    ("en", "the bins on our street haven't been collected for two weeks", "bins"),
    ("en", "huge pothole on the hill by the school, someone will get hurt", "potholes"),
    ("en", "thank you to the crew who cleared the fly-tipping so quickly!", "flytipping"),
    ("en", "street light out again outside number 12, it's pitch dark by 5", "streetlights"),
    ("en", "recycling box left in the road after collection, again", "recycling"),
    ("en", "someone has dumped a mattress and a fridge behind the chapel", "flytipping"),
    ("en", "graffiti all over the bus shelter on the high street", "graffiti"),
    ("en", "dog mess all along the path to the primary school", "dogfouling"),
    ("en", "my council tax bill has the wrong band, who do I talk to?", "counciltax"),
    ("en", "loud music from the flats every night until 3am", "noise"),
    ("en", "drain blocked and the road floods every time it rains", "flooding"),
    ("en", "abandoned car with no plates parked by the park gates for a month", "cars"),
    ("cy", "dydy'r biniau ddim wedi cael eu casglu ers pythefnos", "biniau"),
    ("cy", "twll mawr yn y ffordd ger yr ysgol, mae'n beryglus", "tyllau"),
    ("cy", "diolch i'r tîm wnaeth glirio'r tipio anghyfreithlon mor gyflym!", "tipio"),
    ("cy", "golau stryd wedi diffodd eto tu allan i rif 12", "goleuadau"),
    ("cy", "sbwriel wedi'i adael ar ochr y ffordd ger y capel", "sbwriel"),
    ("cy", "graffiti ar hyd wal y parc, plîs allwch chi ei lanhau?", "graffiti"),
)
# (state, weight): most mentions are waiting for someone.
_STATES = (("new", 55), ("linked", 10), ("case_opened", 12), ("answered", 8), ("dismissed", 15))
_STATE_NAMES = tuple(s for s, _ in _STATES)
_STATE_WEIGHTS = tuple(w for _, w in _STATES)


def social_handle(citizen: dict[str, Any]) -> str | None:
    for ident in citizen.get("identifiers") or ():
        if ident.get("kind") == "social":
            value: str = ident["value"]
            return value
    return None


def make_mention(
    rng: random.Random,
    ids_seed: str,
    n: int,
    at_ms: int,
    citizen: dict[str, Any] | None,
    staff: list[str],
    case_id: str | None = None,
) -> dict[str, Any]:
    """One mention published at ``at_ms``; from ``citizen``'s own handle when they have one
    (mostly), linked to them, or to ``case_id``, when its state says so."""
    own = social_handle(citizen) if citizen is not None else None
    handle = own if own is not None and rng.random() < 0.8 else None
    name = f"{citizen['given_name']} {citizen['family_name']}" if handle and citizen else None
    if handle is None:
        user = f"resident{n}"
        handle, name = f"@{user}@{MASTODON_HOST}", f"Resident {n}"
    user = handle.lstrip("@").split("@", 1)[0]
    language, text, tag = rng.choice(_POSTS)
    # A Mastodon id: milliseconds since 1970 shifted 16 bits, and a sequence from the seed.
    remote_id = str((at_ms << 16) + (zlib.crc32(f"{ids_seed}:{n}".encode()) & 0xFFFF))
    body = f"{text} #{tag}"
    doc: dict[str, Any] = {
        "_id": mention_id("mastodon", MASTODON_HOST, remote_id),
        "type": "mention",
        "schema": MENTION.schema_version,
        "network": "mastodon",
        "remote_id": remote_id,
        "url": f"https://{MASTODON_HOST}/@{user}/{remote_id}",
        "author_handle": handle,
        "author_url": f"https://{MASTODON_HOST}/@{user}",
        "author_name": name,
        "content_text": f"@council {body}",
        "content_html": f"<p>{_COUNCIL_HTML}{html.escape(body, quote=False)}</p>",
        "published_at": iso(at_ms),
        "visibility": "public" if rng.random() < 0.9 else "unlisted",
        "language": language,
        "tags": [tag],
        "mentioned": [COUNCIL],
        "state": rng.choices(_STATE_NAMES, _STATE_WEIGHTS)[0],
    }
    if rng.random() < 0.1:
        doc["attachments"] = [
            {
                "kind": "image",
                "url": f"https://files.{MASTODON_HOST}/media/{remote_id}.jpg",
                "description": "Photo of the problem" if language == "en" else "Llun o'r broblem",
            }
        ]
    if rng.random() < 0.05:
        doc["edited_at"] = iso(at_ms + HOUR)
        doc["content_text"] += " (edited: still not fixed)"
    _triage(rng, doc, at_ms, citizen, staff, case_id)
    if rng.random() < 0.02:  # deleted at its source: its words gone, its triage kept
        for gone in ("content_html", "attachments", "tags", "mentioned"):
            doc.pop(gone, None)
        doc["content_text"] = ""
        doc["deleted_at"] = iso(at_ms + 2 * HOUR)
    return doc


def _triage(
    rng: random.Random,
    doc: dict[str, Any],
    at_ms: int,
    citizen: dict[str, Any] | None,
    staff: list[str],
    case_id: str | None,
) -> None:
    state = doc["state"]
    if state == "case_opened" and (case_id is None or citizen is None):
        state = doc["state"] = "linked"
    if state == "linked" and citizen is None:
        state = doc["state"] = "dismissed"
    if state == "new":
        return
    if state in ("linked", "case_opened") and citizen is not None:
        doc["citizen_id"] = citizen["_id"]
    if state == "case_opened":
        doc["case_id"] = case_id
    doc["triaged_by"] = rng.choice(staff)
    doc["triaged_at"] = iso(at_ms + rng.randrange(1, 48) * HOUR)
