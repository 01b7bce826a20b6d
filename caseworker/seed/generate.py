"""Making one chunk of the demo council in a worker process: citizens and all that is theirs.

A chunk depends only on the seed, its index and the shared catalogue, so the data is the same
however many processes make it and in whatever order they finish.
"""

import ctypes
import os
import random
import signal
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from caseworker.documents.codec import check
from caseworker.seed import casework, duplicates, markers, mentions, people, reference
from caseworker.seed.bulk import Chunk, StagedChunk
from caseworker.seed.reference import id_at
from caseworker.seed.rows import FAST, check_rows
from caseworker.seed.staging import Staging

DAY = casework.DAY
FREQUENT_CONTACTS = 3  # citizens with 40 cases and 500 contacts, for the single-view benchmark
CHUNK_CITIZENS = 10_000
# Seeded ids count up from here, one millisecond per document, so every index on an id grows
# at its end (append-only inserts); the times in the documents' fields are the realistic ones.
_ID_BASE_MS = 1_600_000_000_000
_IDS_PER_CHUNK = CHUNK_CITIZENS * 200
_CHECKED_DOCS = 2_000  # of chunk 0, whose rows are compared with the projection's
_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends


@dataclass(frozen=True)
class ChunkSpec:
    seed: int
    index: int
    first: int  # number of the chunk's first citizen
    count: int
    now_ms: int
    services: tuple[dict[str, Any], ...]
    staffing: casework.Staffing
    staging: Staging  # where (and with which key) the chunk's file is saved


def start_worker(parent: int) -> None:
    """A worker process ends with the seed that started it (on Linux), so a seed killed with
    -9 leaves no worker making chunk files after it."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the worker ends at its next task instead
        return
    if os.getppid() != parent:  # the seed was killed before the line above
        os._exit(1)


def _case_count(rng: random.Random) -> int:
    roll = rng.random()
    return 0 if roll < 0.35 else 1 if roll < 0.75 else 2 if roll < 0.93 else 3


def _status(rng: random.Random) -> str:
    roll = rng.random() * casework.STATUS_CUM[-1]
    for status, cum in zip(casework.STATUSES, casework.STATUS_CUM, strict=True):
        if roll < cum:
            return status
    return "closed"


def generate_chunk(spec: ChunkSpec) -> tuple[StagedChunk, int, duplicates.Answers]:
    """The chunk's rows, saved to a file for the writer, how many cases it holds, and which
    of its citizens are near-duplicates or namesakes (the seed's answer key)."""
    rng = random.Random(f"{spec.seed}:{spec.index}")
    counter = iter(range(spec.index * _IDS_PER_CHUNK, (spec.index + 1) * _IDS_PER_CHUNK))

    def ids(prefix: str) -> str:
        return id_at(prefix, _ID_BASE_MS + next(counter), rng.getrandbits(80))

    chunk = Chunk(spec.index)
    add = _checked(chunk.add) if spec.index == 0 else chunk.add
    ppl = reference.people()
    services = spec.services
    weights = [3 if s["group"] != "Contact centre" else 1 for s in services]
    staff = spec.staffing.everyone
    now = spec.now_ms
    marker_rng = random.Random(f"{spec.seed}:{spec.index}:markers")  # its own stream
    mention_rng = random.Random(f"{spec.seed}:{spec.index}:mentions")  # and theirs
    # Its own stream too: the rest of the council is the same with or without duplicates.
    twin_rng = random.Random(f"{spec.seed}:{spec.index}:duplicates")
    answers = duplicates.Answers([], [])
    originals: list[dict[str, Any]] = []
    cases = 0
    for n in range(spec.first, spec.first + spec.count):
        citizen = people.make_citizen(rng, ids, ppl, n, now - rng.randrange(DAY, 1825 * DAY))
        _alter(twin_rng, ppl, n, citizen, originals, answers)
        add(citizen)
        frequent = n < FREQUENT_CONTACTS
        location = people.postcode_of(citizen)
        # The single view's benchmark citizens always carry a warning, so it is measured too.
        warned = markers.make_markers(marker_rng, n, citizen, staff, now, location, frequent)
        for marker in warned:
            add(marker)
        case_ids = []
        for _ in range(40 if frequent else _case_count(rng)):
            service = rng.choices(services, weights)[0]
            number = spec.index * CHUNK_CITIZENS * 50 + cases
            case = casework.make_case(
                rng,
                ids,
                number,
                service,
                spec.staffing,
                now,
                citizen,
                location,
                _status(rng),
                add,
            )
            add(case)
            case_ids.append((case["_id"], case["opened_at"]))
            cases += 1
            if rng.random() < 0.1:
                add(casework.make_note(rng, ids, case, rng.choice(staff), now - DAY))
        for _ in range(500 if frequent else rng.choice((0, 1, 1, 1, 2))):
            at = now - rng.randrange(1, 700 * DAY)
            linked = None
            if case_ids and rng.random() < 0.6:
                # A contact about a case comes after the case was opened.
                linked, opened_at = rng.choice(case_ids)
                opened = int(datetime.fromisoformat(opened_at).timestamp() * 1000)
                at = opened + rng.randrange(0, max(1, now - opened))
            add(casework.make_interaction(rng, ids, citizen["_id"], at, rng.choice(staff), linked))
        if n < 20 or rng.random() < 0.005:
            at = now - rng.randrange(1, 30 * DAY)
            casework.skip_mention_draws(rng, ids)
            add(_mention(mention_rng, spec, n, at, citizen, staff, case_ids))
        elif n < 300 or (
            mentions.social_handle(citizen) is not None and mention_rng.random() < 0.2
        ):
            at = now - mention_rng.randrange(1, 30 * DAY)
            add(_mention(mention_rng, spec, n, at, citizen, staff, case_ids))
    if spec.index == 0:
        _check_every_kind(spec)
    return chunk.save(spec.staging), cases, answers


def _alter(
    rng: random.Random,
    ppl: reference.People,
    n: int,
    citizen: dict[str, Any],
    originals: list[dict[str, Any]],
    answers: duplicates.Answers,
) -> None:
    """Make some citizens a near-duplicate or a namesake of an earlier one in the chunk."""
    roll = rng.random()
    if n < duplicates.FIRST_ALTERED or not originals or roll >= duplicates.ALTERED_SHARE:
        originals.append(citizen)
    elif roll < duplicates.DUPLICATE_SHARE:
        original = rng.choice(originals)
        changes = duplicates.make_duplicate(rng, ppl, citizen, original, n)
        answers.duplicates.append((citizen["_id"], original["_id"], changes))
    else:
        other = rng.choice(originals)
        if duplicates.make_namesake(rng, citizen, other):
            answers.namesakes.append((citizen["_id"], other["_id"]))


def _mention(
    rng: random.Random,
    spec: ChunkSpec,
    n: int,
    at: int,
    citizen: dict[str, Any],
    staff: list[str],
    case_ids: list[tuple[str, str]],
) -> dict[str, Any]:
    """A mention, most from strangers, some from this citizen (about one of their cases)."""
    about = citizen if rng.random() < 0.4 or mentions.social_handle(citizen) else None
    case_id = rng.choice(case_ids)[0] if about is not None and case_ids else None
    return mentions.make_mention(rng, f"{spec.seed}:{spec.index}", n, at, about, staff, case_id)


def _checked(add: Callable[[dict[str, Any]], str]) -> Callable[[dict[str, Any]], str]:
    """``add``, comparing the first documents' rows with what ``projection`` would write."""
    left = [_CHECKED_DOCS]

    def checked(doc: dict[str, Any]) -> str:
        rev = add(doc)
        if left[0] > 0 and doc["type"] in FAST:
            left[0] -= 1
            check_rows(doc, rev)
        return rev

    return checked


def _check_every_kind(spec: ChunkSpec) -> None:
    """Validate, in full, one document of every kind the generator makes."""
    rng = random.Random(spec.seed)
    counter = iter(range(10**6))

    def ids(prefix: str) -> str:
        return id_at(prefix, next(counter), 0)

    made: list[dict[str, Any]] = []
    citizen = people.make_citizen(rng, ids, reference.people(), 0, spec.now_ms - DAY)
    for status in casework.STATUSES:
        made.append(
            casework.make_case(
                rng,
                ids,
                0,
                spec.services[0],
                spec.staffing,
                spec.now_ms,
                citizen,
                people.postcode_of(citizen),
                status,
                made.append,
            )
        )
    made += [
        citizen,
        casework.make_note(rng, ids, made[0], "staff:agent", spec.now_ms),
        casework.make_interaction(rng, ids, citizen["_id"], spec.now_ms, "staff:agent", None),
        mentions.make_mention(rng, "check", 0, spec.now_ms, citizen, ["staff:agent"], "case:x"),
    ]
    home = people.postcode_of(citizen)
    made += markers.make_markers(rng, 0, citizen, ["staff:agent"], spec.now_ms, home, True)
    for doc in made:
        check(doc)
        if doc["type"] in FAST:
            check_rows(doc, "1-" + "0" * 32)
