"""The demo council: realistic, consistent with the workflow, and the same every time."""

import json
import os
import random
import re
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from caseworker import ids, vocab
from caseworker.documents.codec import check
from caseworker.errors import StoreError
from caseworker.ids import normalise_case_reference
from caseworker.models import (
    Base,
    Case,
    CaseEvent,
    Citizen,
    Identifier,
    Interaction,
    StoredDocument,
)
from caseworker.seed import BENCH_NOW_MS, busiest_citizen_id, reference, seed_new, seed_store
from caseworker.seed.bulk import ChunkWriter, StagedChunk, canonical
from caseworker.seed.generate import CHUNK_CITIZENS
from caseworker.seed.staging import run_folders, staging_root
from caseworker.services import search, workflow
from caseworker.store.projection import PROJECTORS, TABLE_OF_TYPE
from caseworker.store.store import STORE_FILENAME, Store
from caseworker.timeutil import to_iso

N = CHUNK_CITIZENS + 500  # two chunks: the second one exercises chunk boundaries


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("seeded") / "caseworker.db")
    seed_store(store, citizens=N, now_ms=BENCH_NOW_MS)
    return store


def test_the_same_seed_gives_the_same_council(tmp_path: Path, seeded: Store) -> None:
    again = Store(tmp_path / "caseworker.db")
    seed_store(again, citizens=N, workers=1, now_ms=BENCH_NOW_MS)  # in-process, another order
    query = select(StoredDocument.id, StoredDocument.rev, StoredDocument.body).order_by(
        StoredDocument.id
    )
    with seeded.read() as a, again.read() as b:
        assert a.execute(query).all() == b.execute(query).all()
    again.close()


def test_every_document_is_valid_and_projected(seeded: Store) -> None:
    with seeded.read() as s:
        counts = dict(
            s.execute(select(StoredDocument.type, func.count()).group_by(StoredDocument.type)).all()
        )
        for doc_type, table in TABLE_OF_TYPE.items():
            projected = s.scalar(select(func.count()).select_from(table))
            assert projected == counts.get(doc_type, 0), doc_type
        for body in s.scalars(select(StoredDocument.body).limit(5000)):
            check(json.loads(body))
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_cases_cover_every_status_and_channel_with_valid_references(seeded: Store) -> None:
    with seeded.read() as s:
        assert set(s.scalars(select(Case.status).distinct())) == set(vocab.CASE_STATUSES)
        assert set(s.scalars(select(Interaction.channel).distinct())) == set(vocab.CHANNELS)
        refs = list(s.scalars(select(Case.reference)))
        assert len(refs) == len(set(refs))
        assert all(normalise_case_reference(r) == r for r in refs)


def test_each_case_history_follows_the_workflow_to_its_status(seeded: Store) -> None:
    with seeded.read() as s:
        for case in s.scalars(select(Case).limit(3000)):
            events = list(
                s.scalars(
                    select(CaseEvent)
                    .where(CaseEvent.case_id == case.id, CaseEvent.kind != "assigned")
                    .order_by(CaseEvent.at, CaseEvent.id)
                )
            )
            assert events[0].kind == "created"
            current = "new"
            for event in events[1:]:
                assert event.old == current
                workflow.check_transition(current, event.new or "")
                current = event.new or ""
            assert current == case.status
            if case.status in ("assigned", "in_progress"):
                assert case.assignee_id


def test_contact_details_are_only_from_ranges_reserved_for_fiction(seeded: Store) -> None:
    with seeded.read() as s:
        phones = set(s.scalars(select(Identifier.value).where(Identifier.kind == "phone")))
        emails = set(s.scalars(select(Identifier.value).where(Identifier.kind == "email")))
    assert all(re.fullmatch(r"07700 900\d{3}|01632 960\d{3}", p) for p in phones)
    assert all(re.search(r"@example\.(org|com|net)$", e) for e in emails)


def test_seeded_people_and_cases_are_found_by_search(seeded: Store) -> None:
    with seeded.read() as s:
        citizen = s.scalars(select(Citizen).offset(1234).limit(1)).one()
        postcode = s.scalar(
            select(Identifier.postcode).where(
                Identifier.citizen_id == citizen.id, Identifier.kind == "address"
            )
        )
        case = s.scalars(select(Case).offset(777).limit(1)).one()
        name_hits = search.search(s, f"{citizen.given_name} {citizen.family_name}", limit=500)
        assert citizen.id in [h.id for h in name_hits]
        if postcode:
            assert any(postcode in h.detail for h in search.search(s, postcode[:-1]))
        assert [h.id for h in search.search(s, case.reference)] == [case.id]


def test_a_frequent_contact_has_forty_cases_and_five_hundred_contacts(seeded: Store) -> None:
    with seeded.read() as s:
        busiest = busiest_citizen_id(s)
        assert s.scalar(select(func.count()).where(Case.citizen_id == busiest)) == 40
        contacts = s.scalar(select(func.count()).where(Interaction.citizen_id == busiest))
        assert contacts == 500


def test_a_store_that_already_has_records_is_not_seeded_again(seeded: Store) -> None:
    with pytest.raises(StoreError, match="already holds records"):
        seed_store(seeded, citizens=10)


def test_contacts_about_a_case_come_after_it_was_opened(seeded: Store) -> None:
    with seeded.read() as s:
        early = s.scalar(
            select(func.count())
            .select_from(Interaction)
            .join(Case, Case.id == Interaction.case_id)
            .where(Interaction.at < Case.opened_at)
        )
    assert early == 0


def test_every_projected_row_is_what_a_single_write_would_make(seeded: Store) -> None:
    """The seeder builds rows itself (``seed.rows``) and copies them in bulk; they must be the
    rows ``projection`` makes from each stored body, NULLs and booleans included."""
    with seeded.read() as s:
        for doc_type, table in TABLE_OF_TYPE.items():
            bodies = s.scalars(
                select(StoredDocument.body).where(StoredDocument.type == doc_type).limit(2000)
            )
            for body in bodies:
                doc = json.loads(body)
                made = PROJECTORS[doc_type](doc, doc["_rev"], False)
                expected = [(table.name, made.row)] + [
                    (child.name, row) for child, rows in made.children.items() for row in rows
                ]
                for name, row in expected:
                    columns = ", ".join(f'"{c}"' for c in row)
                    # A row without an id (a blocking key) is found by all its columns.
                    where = ["id"] if "id" in row else list(row)
                    found = " AND ".join(f'"{c}" = :{c}' for c in where)
                    stored = s.execute(
                        text(f"SELECT {columns} FROM {name} WHERE {found}"),
                        {c: row[c] for c in where},
                    ).one()
                    want = tuple(int(v) if isinstance(v, bool) else v for v in row.values())
                    assert tuple(stored) == want, (name, row)
                if made.search_table:
                    hits = search.search(s, doc["reference"] if doc_type == "case" else doc["_id"])
                    assert doc_type != "case" or [h.id for h in hits] == [doc["_id"]]


def test_the_seeded_store_is_left_as_the_app_keeps_it(seeded: Store) -> None:
    with seeded.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
        for search_table in ("citizen_search", "case_search"):
            # FTS5's own settings again (only its version row), and one merged segment.
            config = s.execute(text(f"SELECT k FROM {search_table}_config")).scalars().all()
            assert config == ["version"]
        indexes = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'index'")))
        for table in Base.metadata.sorted_tables:  # every index, the rebuilt ones too
            assert {i.name for i in table.indexes} <= indexes, table.name


def test_an_encrypted_store_is_seeded_too(tmp_path: Path) -> None:
    store = Store(tmp_path / "caseworker.db", key="correct horse battery staple")
    seed_store(store, citizens=30, workers=1)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Citizen)) == 30
        case = s.scalars(select(Case).limit(1)).one()
        assert [h.id for h in search.search(s, case.reference)] == [case.id]
    assert store.check_integrity() == "ok"
    store.close()


def test_the_seeders_fast_times_and_ids_match_the_apps() -> None:
    rng = random.Random(7)
    for _ in range(20_000):
        millis = rng.randrange(0, 4_102_444_800_000)  # up to 2100
        moment = datetime.fromtimestamp(millis / 1000, UTC).replace(
            microsecond=(millis % 1000) * 1000
        )
        assert reference.iso(millis) == to_iso(moment)
        bits = rng.getrandbits(80)
        assert reference.id_at("case", millis, bits) == ids.id_at("case", millis, bits)


def test_the_seeders_json_is_the_canonical_json() -> None:
    doc = {"type": "note", "text": 'Said "hello"\\ to Siân\n', "schema": 1, "z": [1, {"b": None}]}
    assert canonical(doc) == json.dumps(
        doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )


SECRET = "correct horse battery staple"


def test_an_encrypted_stores_citizens_are_never_staged_in_clear(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each time the writer takes a staged chunk, everything in the staging folder is read as
    an attacker with the disk would; no seeded name may be in it, and it is private."""
    seen: list[bytes] = []
    folders: set[str] = set()
    original = ChunkWriter.write_staged

    def watched(writer: ChunkWriter, staged: StagedChunk) -> None:
        folder = Path(staged.path).parent
        folders.add(str(folder))
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert folder.stat().st_uid == os.getuid()
        for file in folder.iterdir():
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
            seen.append(file.read_bytes())
        original(writer, staged)

    monkeypatch.setattr(ChunkWriter, "write_staged", watched)
    store = Store(tmp_path / STORE_FILENAME, key=SECRET)
    seed_store(store, citizens=40, workers=1)
    with store.read() as s:
        names = {n for c in s.scalars(select(Citizen)) for n in (c.given_name, c.family_name)}
    store.close()
    # Long names only: a three-letter one turns up by chance in that many random bytes.
    names = {n for n in names if len(n.encode()) >= 6}
    assert seen and len(names) > 10
    for data in seen:
        assert not data.startswith(b"SQLite format 3")
        assert not [n for n in names if n.encode() in data]
    assert not [f for f in folders if os.path.exists(f)]  # and nothing is left after
    assert sorted(p.name for p in tmp_path.iterdir()) == [STORE_FILENAME]


def test_a_seed_that_fails_mid_way_leaves_the_store_as_it_was_and_no_leftovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / STORE_FILENAME
    Store(path, key=SECRET).close()  # made, and its log checkpointed into the file
    before = path.read_bytes()
    store = Store(path, key=SECRET)
    folders: list[str] = []
    original = ChunkWriter.write_staged

    def failing(writer: ChunkWriter, staged: StagedChunk) -> None:
        original(writer, staged)
        folders.append(str(Path(staged.path).parent))
        if staged.index >= 0:  # after the catalogue and the first citizens
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(ChunkWriter, "write_staged", failing)
    with pytest.raises(OSError, match="No space left"):
        seed_store(store, citizens=40, workers=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == [STORE_FILENAME]
    assert path.read_bytes() == before
    assert folders and not [f for f in folders if os.path.exists(f)]
    monkeypatch.undo()
    report = seed_store(store, citizens=40, workers=1)  # and it can be seeded now
    assert report.citizens == 40 and not report.redone
    store.close()


def test_the_leftovers_of_a_killed_seed_are_cleared_by_the_next(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead_pid = int(dead.stdout)
    root = staging_root()
    leftover = root / f"caseworker-seed-{os.getuid()}-{dead_pid}-test"
    leftover.mkdir(mode=0o700)
    (leftover / "chunk-000001.db").write_bytes(b"half a chunk")
    (tmp_path / f"{STORE_FILENAME}.seeding").write_bytes(b"half a store" * 1000)
    (tmp_path / f"{STORE_FILENAME}.seeding-wal").write_bytes(b"half a log")
    assert run_folders(dead_pid) == [leftover]

    report = seed_new(tmp_path / STORE_FILENAME, citizens=20, workers=1)
    assert report.redone and report.citizens == 20
    assert run_folders(dead_pid) == [] and not leftover.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [STORE_FILENAME]
    store = Store(tmp_path / STORE_FILENAME)
    assert store.check_integrity() == "ok"
    store.close()


def test_a_running_seeds_staging_is_not_taken_for_a_leftover(tmp_path: Path) -> None:
    live = staging_root() / f"caseworker-seed-{os.getuid()}-{os.getppid()}-test"
    live.mkdir(mode=0o700)
    try:
        seed_new(tmp_path / STORE_FILENAME, citizens=5, workers=1)
        assert live.exists()
    finally:
        live.rmdir()


def test_seed_new_refuses_a_path_that_holds_a_file(tmp_path: Path) -> None:
    (tmp_path / STORE_FILENAME).write_text("mine")
    with pytest.raises(StoreError, match="already exists"):
        seed_new(tmp_path / STORE_FILENAME, citizens=5, workers=1)
    assert (tmp_path / STORE_FILENAME).read_text() == "mine"
