"""A realistic, deterministic demo council: ``seed_store(store, citizens=N)``.

The same seed, N and "today" (``now_ms``: by default the current hour, so the demo's cases are
due around the day it is seeded; benchmarks pass ``BENCH_NOW_MS``) give the same documents.
Chunks of citizens are made in worker processes and written in bulk (see ``generate.py`` and
``bulk.py``), so a million citizens and as many cases take minutes, not hours. The store is
built beside its place and moved there when complete (``replace.py``): a seed cut short leaves
no half-seeded store.
"""

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from caseworker.documents.codec import check
from caseworker.documents.types import (
    AUDIT_EVENT,
    QUEUE,
    REPLY_TEMPLATE,
    ROUTING,
    ROUTING_ID,
    SERVICE,
    STAFF,
)
from caseworker.errors import StoreError
from caseworker.ids import id_at
from caseworker.models import Citizen, Interaction, StoredDocument
from caseworker.seed import casework, escalations, reference
from caseworker.seed.bulk import Chunk, ChunkWriter, StagedChunk
from caseworker.seed.duplicates import Answers, write_answer_key
from caseworker.seed.generate import (
    CHUNK_CITIZENS,
    FREQUENT_CONTACTS,
    ChunkSpec,
    generate_chunk,
    start_worker,
)
from caseworker.seed.replace import Replacement
from caseworker.seed.staging import Staging, new_staging
from caseworker.store.store import Store

Progress = Callable[[str, int, int], None]
BENCH_NOW_MS = 1_793_523_600_000
"""2026-11-01T09:00:00Z: the "today" of benchmark stores, fixed so their figures repeat."""
_HOUR_MS = 3_600_000


def this_hour_ms() -> int:
    """The demo's "today": the start of the current hour (UTC), so a demo seeded today shows
    a normal day (most cases on time, some due soon, some late) rather than a fixed date
    that every open case has long passed; two seeds in the same hour are the same."""
    return int(time.time() * 1000) // _HOUR_MS * _HOUR_MS


@dataclass(frozen=True)
class SeedReport:
    citizens: int
    cases: int
    documents: int
    seconds: float
    redone: bool = False  # a seed that was cut short had left files behind; they were removed

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def _catalogue(chunk: Chunk, now_ms: int) -> tuple[tuple[dict[str, Any], ...], casework.Staffing]:
    data = reference.catalogue()
    docs: list[dict[str, Any]] = []
    for q in data["queues"]:
        docs.append(
            {
                "_id": f"queue:{q['key']}",
                "type": "queue",
                "schema": QUEUE.schema_version,
                "name": q["name"],
                "name_cy": q["name_cy"],
                "description": q["description"],
                "active": True,
                **({"channels": q["channels"]} if q.get("channels") else {}),
            }
        )
    services = []
    for s in data["services"]:
        service = {
            "_id": f"service:{s['code']}",
            "type": "service",
            "schema": SERVICE.schema_version,
            "code": s["code"],
            "name": s["name"],
            "name_cy": s["name_cy"],
            "group": s["group"],
            "group_cy": s["group_cy"],
            "keywords": s["keywords"],
            "resolve_hours": s["resolve_hours"],
            "response_hours": s["response_hours"],
            "default_queue_id": f"queue:{s['queue']}",
            "active": True,
        }
        if s.get("outcomes"):
            service["outcomes"] = s["outcomes"]
        services.append(service)
        docs.append(service)
    docs.append(reference.calendar())
    docs.append(
        {
            "_id": ROUTING_ID,
            "type": "routing",
            "schema": ROUTING.schema_version,
            "rules": data["routing"],
            "updated_at": reference.iso(now_ms),
            "updated_by": "staff:admin",
        }
    )
    for template in reference.reply_templates([s["code"] for s in data["services"]]):
        docs.append({"type": "reply_template", "schema": REPLY_TEMPLATE.schema_version, **template})
    docs += escalations.escalation_rules()
    by_queue: dict[str, list[str]] = {}
    everyone = []
    for member in reference.staff():
        staff_id = f"staff:{member.key}"
        docs.append(
            {
                "_id": staff_id,
                "type": "staff",
                "schema": STAFF.schema_version,
                "name": member.name,
                "username": member.key,
                "email": f"{member.key}@cwmglas.example.org",
                "role": member.role,
                "team": member.team,
                "queue_ids": [f"queue:{q}" for q in member.queues],
                "active": True,
                **({"patch": list(member.patch)} if member.patch else {}),
            }
        )
        everyone.append(staff_id)
        for q in member.queues:
            by_queue.setdefault(f"queue:{q}", []).append(staff_id)
    for doc in docs:
        check(doc)
        chunk.add(doc)
    return tuple(services), casework.Staffing(by_queue, everyone)


def _chunks(specs: list[ChunkSpec], workers: int) -> Iterator[tuple[StagedChunk, int, Answers]]:
    if workers <= 1 or len(specs) <= 2:
        yield from map(generate_chunk, specs)
        return
    # "spawn": the caller may be a threaded GUI process, which must never be forked. At most
    # two chunks per worker are made ahead of the writer, so memory stays bounded.
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(workers, start_worker, (os.getpid(),)) as pool:
        waiting = deque(pool.apply_async(generate_chunk, (s,)) for s in specs[: 2 * workers])
        following = iter(specs[2 * workers :])
        while waiting:
            result = waiting.popleft().get()
            if (spec := next(following, None)) is not None:
                waiting.append(pool.apply_async(generate_chunk, (spec,)))
            yield result


def seed_store(
    store: Store,
    *,
    citizens: int,
    random_seed: int = 2026,
    progress: Progress | None = None,
    workers: int = 2,
    now_ms: int | None = None,
) -> SeedReport:
    """Seed a store that holds no records yet: a seeded store (with the same key) replaces it
    whole when complete; until then, and if the seed fails, the store is left as it was."""
    if citizens < 1:
        raise StoreError("seed needs at least one citizen")
    with store.read() as session:
        if session.scalar(select(func.count()).select_from(StoredDocument)):
            raise StoreError(f"{store.path} already holds records; seed a new data folder instead")
    store.release_connections()  # its file is about to be replaced
    try:
        return _seed_in_place(
            store.path, store.beside, citizens, random_seed, progress, workers, now_ms
        )
    finally:
        store.release_connections()  # no connection may keep reading the replaced file


def seed_new(
    path: Path,
    *,
    citizens: int,
    random_seed: int = 2026,
    progress: Progress | None = None,
    workers: int = 2,
    now_ms: int | None = None,
) -> SeedReport:
    """Seed a new plain store at ``path``, where there is no file yet; nothing is at ``path``
    until the seeded store is complete."""
    if citizens < 1:
        raise StoreError("seed needs at least one citizen")
    if path.exists():
        raise StoreError(f"{path} already exists")

    def new_store(building: Path) -> Store:
        return Store(building, new_file=True)

    return _seed_in_place(path, new_store, citizens, random_seed, progress, workers, now_ms)


def _seed_in_place(
    target: Path,
    new_store: Callable[[Path], Store],
    citizens: int,
    random_seed: int,
    progress: Progress | None,
    workers: int,
    now_ms: int | None,
) -> SeedReport:
    started = time.perf_counter()
    today = this_hour_ms() if now_ms is None else now_ms
    answers = Answers([], [])
    with Replacement(target) as replacement:
        building = new_store(replacement.path)
        try:
            cases, written = _fill(
                building, citizens, random_seed, progress, workers, today, answers
            )
        finally:
            building.close()
        replacement.commit()
    write_answer_key(target.parent, answers, random_seed)
    seconds = time.perf_counter() - started
    return SeedReport(citizens, cases, written, seconds, replacement.redone)


def _fill(
    store: Store,
    citizens: int,
    random_seed: int,
    progress: Progress | None,
    workers: int,
    now_ms: int,
    answers: Answers,
) -> tuple[int, int]:
    """Write the council into an empty store; how many cases and documents were written
    (``answers`` gathers the seed's answer key)."""
    staging = new_staging(encrypted=store.encrypted)
    try:
        writer = ChunkWriter(store, staging)
        try:
            cases = _write_council(
                writer, staging, citizens, random_seed, progress, workers, now_ms, answers
            )
            writer.finish()
        finally:
            writer.close()
    finally:
        staging.remove()  # and a killed run's, by the next run (see staging.py)
    return cases, writer.written


def _write_council(
    writer: ChunkWriter,
    staging: Staging,
    citizens: int,
    random_seed: int,
    progress: Progress | None,
    workers: int,
    now_ms: int,
    answers: Answers,
) -> int:
    head = Chunk(-1)  # the catalogue, numbered before every chunk of citizens
    services, staffing = _catalogue(head, now_ms)
    head.add(
        {
            "_id": id_at(AUDIT_EVENT.id_prefix, now_ms, random_seed),
            "type": "audit_event",
            "schema": AUDIT_EVENT.schema_version,
            "at": reference.iso(now_ms),
            "by": "staff:admin",
            "action": "store.seeded",
            "subject_id": "store",
            "detail": f"demo council: {citizens} citizens, seed {random_seed}",
        }
    )
    writer.write_staged(head.save(staging))
    specs = [
        ChunkSpec(
            random_seed,
            i,
            first,
            min(CHUNK_CITIZENS, citizens - first),
            now_ms,
            services,
            staffing,
            staging,
        )
        for i, first in enumerate(range(0, citizens, CHUNK_CITIZENS))
    ]
    cases = 0
    for done, (staged, chunk_cases, chunk_answers) in enumerate(_chunks(specs, workers), start=1):
        writer.write_staged(staged)
        cases += chunk_cases
        answers.extend(chunk_answers)
        if progress is not None:
            progress("citizens", min(done * CHUNK_CITIZENS, citizens), citizens)
    return cases


def busiest_citizen_id(session: Session) -> str:
    """A frequent contact (40 cases, 500 contacts), for the single-view benchmark."""
    first = select(Citizen.id).order_by(text("citizens.rowid")).limit(FREQUENT_CONTACTS)
    found = session.execute(
        select(Interaction.citizen_id, func.count())
        .where(Interaction.citizen_id.in_(first))
        .group_by(Interaction.citizen_id)
        .order_by(func.count().desc())
        .limit(1)
    ).first()
    if found is None or found[0] is None:
        raise StoreError("the store has no citizens with contacts; seed it first")
    return str(found[0])


__all__ = ["SeedReport", "busiest_citizen_id", "seed_new", "seed_store"]
